"""deploy/systemd/: the units an operator installs are valid, hardened, and schedule every
daily job. `systemd-analyze verify` checks them where it exists (it does not need systemd
running); the parser tests below run everywhere."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

from deploy.scheduler import DAILY_JOBS

BASE_DIR = Path(__file__).resolve().parents[2]
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
UNITS = BASE_DIR / "deploy" / "systemd"
INSTALL_DIR = "/srv/clinic/app"
SERVICES = ["clinic-app@.service", "clinic-worker.service", "clinic-release.service"]
SERVICES += ["clinic-manage@.service"]
HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "RestrictSUIDSGID": "yes",
    "CapabilityBoundingSet": "",
}


def parse_unit(path: Path) -> dict[str, list[tuple[str, str]]]:
    """{section: [(key, value), ...]}: systemd allows a key more than once (ExecStart)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None and "=" in line, f"{path.name}:{number}: {raw!r}"
        key, value = line.split("=", 1)
        current.append((key.strip(), value.strip()))
    return sections


def values(unit, section, key) -> list[str]:
    return [value for name, value in unit.get(section, []) if name == key]


def value(unit, section, key) -> str | None:
    found = values(unit, section, key)
    return found[-1] if found else None


@pytest.mark.parametrize("name", SERVICES)
def test_every_service_runs_unprivileged_and_hardened(name):
    unit = parse_unit(UNITS / name)
    assert value(unit, "Service", "User") == "clinic"
    assert value(unit, "Service", "EnvironmentFile") == "/etc/clinic/clinic.env"
    assert value(unit, "Service", "WorkingDirectory") == INSTALL_DIR
    for key, expected in HARDENING.items():
        assert value(unit, "Service", key) == expected, f"{name}: {key}"
    # Only uploads and patients' photos (issue 16) are writable (the release also writes
    # the collected static files).
    writable = " ".join(values(unit, "Service", "ReadWritePaths")).split()
    assert "/srv/clinic/media" in writable
    assert set(writable) <= {
        "/srv/clinic/media",
        "/srv/clinic/screening-photos",
        f"{INSTALL_DIR}/staticfiles",
    }


def test_long_running_services_restart_and_app_servers_bind_to_loopback():
    app = parse_unit(UNITS / "clinic-app@.service")
    worker = parse_unit(UNITS / "clinic-worker.service")
    assert value(app, "Service", "Restart") == "on-failure"
    assert value(worker, "Service", "Restart") == "always"
    start = value(app, "Service", "ExecStart")
    assert "-c deploy/gunicorn.conf.py" in start
    assert "--bind 127.0.0.1:%i" in start
    assert value(worker, "Service", "ExecStart").endswith("manage.py db_worker")


def test_every_daily_job_has_a_timer_for_a_real_command():
    timers = {path.name: parse_unit(path) for path in UNITS.glob("*.timer")}
    scheduled = set()
    for name, timer in timers.items():
        assert value(timer, "Timer", "Persistent") == "true", name
        assert value(timer, "Timer", "OnCalendar"), name
        assert value(timer, "Install", "WantedBy") == "timers.target", name
        target = value(timer, "Timer", "Unit")
        assert target.startswith("clinic-manage@") and target.endswith(".service"), name
        scheduled.add(target.removeprefix("clinic-manage@").removesuffix(".service"))
    assert scheduled == {job[0] for job in DAILY_JOBS}
    assert {"screening_purge", "clearsessions", "prune_db_task_results", "axes_reset_logs"} <= (
        scheduled
    )
    assert scheduled <= set(get_commands())
    manage = parse_unit(UNITS / "clinic-manage@.service")
    assert value(manage, "Service", "Type") == "oneshot"
    assert value(manage, "Service", "ExecStart").endswith("manage.py %I")


def test_haproxy_runs_the_repositorys_configuration():
    drop_in = parse_unit(UNITS / "haproxy.service.d" / "clinic.conf")
    assert f"CONFIG={INSTALL_DIR}/deploy/haproxy.cfg" in values(drop_in, "Service", "Environment")
    assert value(drop_in, "Service", "EnvironmentFile") == "/etc/clinic/haproxy.env"
    example = (UNITS / "haproxy.env.example").read_text()
    for variable in ("LB_APP_SERVER_1", "LB_APP_SERVER_2", "LB_HEALTHCHECK_HOST", "LB_TLS_CERT"):
        assert f"{variable}=" in example


@pytest.mark.skipif(
    SYSTEMD_ANALYZE is None,
    reason="systemd-analyze is not installed: the units were only parsed, not verified",
)
def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    # verify also checks that each ExecStart program exists: lay the units out as
    # installed, with the install directory under tmp_path and stand-in programs.
    app_dir = tmp_path / "app"
    (app_dir / ".venv" / "bin").mkdir(parents=True)
    for program in ("gunicorn", "python"):
        stand_in = app_dir / ".venv" / "bin" / program
        stand_in.write_text("#!/bin/sh\n")
        stand_in.chmod(0o755)
    units = tmp_path / "units"
    units.mkdir()
    for path in [*UNITS.glob("*.service"), *UNITS.glob("*.timer")]:
        (units / path.name).write_text(path.read_text().replace(INSTALL_DIR, str(app_dir)))
    names = [path.name for path in units.glob("*.timer")]
    names += ["clinic-app@8001.service", "clinic-worker.service", "clinic-release.service"]
    names += ["clinic-manage@clearsessions.service"]
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", *names],
        cwd=units,
        capture_output=True,
        text=True,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output
    # Unknown keys and bad values are only warnings: none is acceptable.
    assert output == "", output
