"""compose.yaml and the Dockerfile: the container shape is complete, runs nothing as root
that need not, and bakes in no secret. `docker compose config` validates the file where
Docker's compose plugin exists; the structural checks below run everywhere."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
COMPOSE = BASE_DIR / "compose.yaml"
DOCKERFILE = BASE_DIR / "Dockerfile"
APP_SERVICES = ["release", "app1", "app2", "worker", "scheduler"]
DOCKER = shutil.which("docker")
SECRET_VARIABLES = [
    "SECRET_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "BLIND_INDEX_KEY",
    "POSTGRES_PASSWORD",
    "EMAIL_HOST_PASSWORD",
    "DATABASE_URL",
]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def test_every_part_of_the_production_shape_is_a_service(compose):
    services = compose["services"]
    assert {"db", "redis", "app1", "app2", "worker", "scheduler", "haproxy"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["haproxy"]["image"].startswith("haproxy:2.6")
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert services["scheduler"]["command"] == ["python", "deploy/scheduler.py"]
    for name in ("app1", "app2"):
        assert services[name]["command"][:3] == ["gunicorn", "-c", "deploy/gunicorn.conf.py"]


def test_haproxy_runs_the_repositorys_file_in_front_of_both_app_servers(compose):
    haproxy = compose["services"]["haproxy"]
    assert "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in haproxy["volumes"]
    environment = haproxy["environment"]
    assert environment["LB_APP_SERVER_1"] == "app1:8000"
    assert environment["LB_APP_SERVER_2"] == "app2:8000"
    assert haproxy["depends_on"]["app1"]["condition"] == "service_healthy"
    # The app servers are reached through HAProxy only.
    for name in ("app1", "app2", "worker", "db", "redis"):
        assert "ports" not in compose["services"][name], name


def test_long_running_services_have_health_checks(compose):
    services = compose["services"]
    for name in ("app1", "app2", "db", "redis", "haproxy"):
        assert services[name]["healthcheck"]["test"][0] == "CMD", name
    assert services["app1"]["healthcheck"]["test"][1:] == ["python", "deploy/healthcheck.py"]
    assert services["app1"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["app1"]["depends_on"]["release"]["condition"] == (
        "service_completed_successfully"
    )


def test_app_containers_run_unprivileged_and_read_only(compose):
    for name in APP_SERVICES:
        service = compose["services"][name]
        assert service["user"] == "10001:10001", name
        assert service["read_only"] is True, name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
    dockerfile = DOCKERFILE.read_text()
    assert re.search(r"^USER clinic:clinic$", dockerfile, re.MULTILINE)
    assert "useradd --system --uid 10001" in dockerfile


def test_no_secret_is_written_into_compose_yaml_or_the_image(compose):
    app_environment = compose["services"]["app1"]["environment"]
    # Taken from .env (or the shell), and compose refuses to start without it.
    assert re.fullmatch(r"\$\{SECRET_KEY:\?.+\}", app_environment["SECRET_KEY"])
    for key in ("FIELD_ENCRYPTION_KEYS", "BLIND_INDEX_KEY"):
        assert re.fullmatch(rf"\$\{{{key}:\?.+\}}", app_environment[key])
    assert "${POSTGRES_PASSWORD:?" in app_environment["DATABASE_URL"]
    assert "${POSTGRES_PASSWORD:?" in compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    dockerfile = DOCKERFILE.read_text()
    env_lines = re.findall(r"^ENV .*(?:\n\s+.*)*", dockerfile, re.MULTILINE)
    for variable in SECRET_VARIABLES:
        assert all(variable not in block for block in env_lines), variable
    assert ".env" in (BASE_DIR / ".dockerignore").read_text().split()
    assert ".env" in (BASE_DIR / ".gitignore").read_text().split()


def test_the_image_installs_the_hashed_lock_in_stages():
    dockerfile = DOCKERFILE.read_text()
    assert len(re.findall(r"^FROM ", dockerfile, re.MULTILINE)) == 2
    assert "--require-hashes" in dockerfile
    assert "-r /tmp/requirements.txt" in dockerfile
    assert "COPY --from=build /opt/venv /opt/venv" in dockerfile


def compose_plugin_installed() -> bool:
    if DOCKER is None:
        return False
    return subprocess.run([DOCKER, "compose", "version"], capture_output=True).returncode == 0


@pytest.mark.skipif(
    not compose_plugin_installed(),
    reason="Docker's compose plugin is not installed: compose.yaml was only parsed",
)
def test_docker_compose_accepts_the_file():
    result = subprocess.run(
        [DOCKER, "compose", "-f", str(COMPOSE), "config", "--quiet"],
        env={"SECRET_KEY": "x", "POSTGRES_PASSWORD": "x", "ALLOWED_HOSTS": "clinic.example"}
        | {"FIELD_ENCRYPTION_KEYS": "x", "BLIND_INDEX_KEY": "x"}
        | {"LB_HEALTHCHECK_HOST": "clinic.example", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
