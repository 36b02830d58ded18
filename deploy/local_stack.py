"""Run the production shape on this machine: shared by `make serve-prod` and `make bench`.

PostgreSQL and Redis must be running (see README, "Deploying"). Everything runs with
`clinic_site.settings.production` (or a settings module passed in), from the
environment an operator would set.
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


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process, for a local run over plain HTTP."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.production")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1")
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_prod_local")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
    # Locally there is no TLS proxy: serve plain HTTP, and no HSTS for localhost.
    env.setdefault("SECURE_SSL_REDIRECT", "false")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    env.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
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
    import psycopg2
    from psycopg2 import sql

    config = dj_database_url.parse(env["DATABASE_URL"])
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    connection.autocommit = True
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
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the app server on port {port} did not become healthy")


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
