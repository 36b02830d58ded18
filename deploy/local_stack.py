"""Run the production shape on this machine: shared by `make serve-prod` and `make bench`.

PostgreSQL and Redis must be running (see README, "Deploying"); HAProxy is installed
from Debian when missing. Everything runs with `clinic_site.settings.production` (or a
settings module passed in), from the environment an operator would set, and HAProxy
runs deploy/haproxy.cfg itself, with its addresses and limits in the environment.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
GUNICORN_CONF = str(BASE_DIR / "deploy" / "gunicorn.conf.py")
HAPROXY_CFG = str(BASE_DIR / "deploy" / "haproxy.cfg")


LOCAL_KEYS_FILE = BASE_DIR / "var" / "local_stack_keys.env"


def local_data_keys() -> dict[str, str]:
    """FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY for this machine's production-shaped runs.

    Made once and kept in var/ (git-ignored), so the local database stays readable from
    one run to the next. Never used by a real deployment, which sets its own."""
    if not LOCAL_KEYS_FILE.exists():
        from cryptography.fernet import Fernet

        LOCAL_KEYS_FILE.parent.mkdir(exist_ok=True)
        LOCAL_KEYS_FILE.write_text(
            f"FIELD_ENCRYPTION_KEYS={Fernet.generate_key().decode()}\n"
            f"BLIND_INDEX_KEY={secrets.token_urlsafe(48)}\n"
        )
        LOCAL_KEYS_FILE.chmod(0o600)
    pairs = (line.split("=", 1) for line in LOCAL_KEYS_FILE.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process, for a local run over plain HTTP."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.production")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    for name, value in local_data_keys().items():
        env.setdefault(name, value)
    env.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1")
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_prod_local")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
    # Locally there is no TLS proxy: serve plain HTTP, and no HSTS for localhost.
    env.setdefault("SECURE_SSL_REDIRECT", "false")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    env.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    # HAProxy on this machine is the one proxy in front: the app reads the client's
    # address from the X-Forwarded-For it sets, as TRUSTED_PROXIES lists it (gunicorn's
    # forwarded_allow_ips follows it).
    env.setdefault("TRUSTED_PROXIES", "127.0.0.1/32,::1/128")
    env.update(overrides)
    return env


def manage(env: dict[str, str], *args: str, quiet: bool = False) -> None:
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=output)


def ensure_services(env: dict[str, str]) -> None:
    """Fail early, with the fix, when PostgreSQL or Redis is not there."""
    if shutil.which("pg_isready"):
        ready = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False)
        if ready.returncode != 0:
            sys.exit("PostgreSQL is not running: see README, 'Deploying' (pg_ctlcluster ... start)")
    try:
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).ping()
    except Exception as error:
        sys.exit(f"Redis at {env['REDIS_URL']} does not answer ({error}): see README, 'Deploying'")


def create_database(env: dict[str, str], drop: bool = False) -> None:
    """Create the database named in DATABASE_URL if missing (dropped first with drop=True)."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(env["DATABASE_URL"])
    connection = psycopg.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )
    name = config["NAME"]
    with connection.cursor() as cursor:
        if drop:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def prepare_release(env: dict[str, str]) -> None:
    """What a release does once: migrate, load the content if missing, collect static."""
    manage(env, "migrate", "--noinput", quiet=True)
    manage(env, "load_initial_data", quiet=True)
    manage(env, "collectstatic", "--noinput", quiet=True)


class Processes:
    """Child processes in their own process groups, stopped together (and only them)."""

    def __init__(self):
        self.children: list[subprocess.Popen] = []

    def start(self, args: list[str], env: dict[str, str], log: Path | None = None):
        output = open(log, "ab") if log else None  # noqa: SIM115 (lives as long as the child)
        child = subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=output, stderr=output, start_new_session=True
        )
        self.children.append(child)
        return child

    def stop(self) -> None:
        for child in reversed(self.children):
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for child in self.children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        self.children.clear()


def gunicorn_args(port: int, workers: int | None = None) -> list[str]:
    args = [GUNICORN, "-c", GUNICORN_CONF, "--bind", f"127.0.0.1:{port}"]
    if workers:
        args += ["--workers", str(workers)]
    return [*args, "clinic_site.wsgi"]


def wait_until_healthy(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/healthz"
    while time.monotonic() < deadline:
        try:
            # Only ever our own servers on localhost.
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server on port {port} did not become healthy")


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or next(
        (path for path in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.path.exists(path)),
        None,
    )


def ensure_haproxy() -> str:
    """The haproxy binary, installed from Debian's package when missing and we may."""
    binary = haproxy_binary()
    if binary:
        return binary
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing HAProxy (Debian package haproxy)", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "haproxy"], check=True)
        binary = haproxy_binary()
    if not binary:
        sys.exit("HAProxy is not installed: `sudo apt-get install haproxy` (Debian/Ubuntu).")
    return binary


def haproxy_env(
    listen_port: int,
    app_ports: list[int],
    *,
    stats_port: int,
    tls_port: int | None = None,
    tls_cert: Path | None = None,
    **overrides: str,
) -> dict[str, str]:
    """deploy/haproxy.cfg's variables for a balancer on this machine (loopback only)."""
    first, second = (app_ports * 2)[:2]  # one app server fills both slots
    env = {
        **os.environ,
        "LB_HTTP_BIND": f"127.0.0.1:{listen_port}",
        "LB_APP_SERVER_1": f"127.0.0.1:{first}",
        "LB_APP_SERVER_2": f"127.0.0.1:{second}",
        "LB_HEALTHCHECK_HOST": "localhost",
        "LB_STATS_BIND": f"127.0.0.1:{stats_port}",
    }
    env.pop("LB_TLS_CERT", None)
    if tls_cert is not None and tls_port is not None:
        env.update(LB_HTTPS_BIND=f"127.0.0.1:{tls_port}", LB_TLS_CERT=str(tls_cert))
    env.update(overrides)
    return env


def haproxy_args(binary: str) -> list[str]:
    # -db: stay in the foreground, so the process group stops with the others.
    return [binary, "-db", "-f", HAPROXY_CFG]


def check_haproxy_config(binary: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [binary, "-c", "-q", "-f", HAPROXY_CFG], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"deploy/haproxy.cfg does not load:\n{result.stdout}{result.stderr}")


def self_signed_certificate(directory: Path, hostname: str = "localhost") -> Path:
    """A certificate + key PEM for HAProxy, made once with openssl (local use only)."""
    pem = directory / f"{hostname}.pem"
    if pem.exists():
        return pem
    directory.mkdir(parents=True, exist_ok=True)
    key, cert = directory / f"{hostname}.key", directory / f"{hostname}.crt"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-days", "365",
            "-subj", f"/CN={hostname}",
            "-addext", f"subjectAltName=DNS:{hostname},IP:127.0.0.1,IP:::1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    pem.write_bytes(cert.read_bytes() + key.read_bytes())
    pem.chmod(0o600)
    key.unlink()
    return pem


def backend_status(stats_port: int) -> dict[str, str]:
    """{server name: UP/DOWN/...} for the app backend, from HAProxy's stats page (CSV)."""
    url = f"http://127.0.0.1:{stats_port}/;csv"
    with urllib.request.urlopen(url, timeout=5) as response:
        rows = response.read().decode().splitlines()
    header = rows[0].lstrip("# ").split(",")
    name, server, status = header.index("pxname"), header.index("svname"), header.index("status")
    return {
        fields[server]: fields[status].split(" ")[0]
        for fields in (row.split(",") for row in rows[1:] if row)
        if fields[name] == "app" and fields[server] not in ("FRONTEND", "BACKEND")
    }


def wait_for_backend(stats_port: int, expected: dict[str, str], timeout: float = 30) -> None:
    """Wait until HAProxy's health checks report each named server as expected."""
    deadline = time.monotonic() + timeout
    status = {}
    while time.monotonic() < deadline:
        try:
            status = backend_status(stats_port)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status = {}  # HAProxy is still starting
        if all(status.get(server) == state for server, state in expected.items()):
            return
        time.sleep(0.2)
    raise RuntimeError(f"HAProxy reports {status}, expected {expected}")


def _exit_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


@contextmanager
def running(processes: Processes):
    """Stop the children however this process ends: Ctrl-C, SIGTERM, SIGHUP or an error."""
    previous = {sig: signal.signal(sig, _exit_on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield processes
    finally:
        processes.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
