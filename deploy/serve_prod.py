"""`make serve-prod`: the production shape on this machine, behind the real HAProxy.

Two gunicorn app servers (production settings, PostgreSQL, Redis, static files from
WhiteNoise), the task worker (`manage.py db_worker`), and HAProxy running
deploy/haproxy.cfg in front: health checks on /healthz, X-Forwarded-For set afresh,
body and per-client limits, gzip for HTML, and TLS with a self-signed certificate made
once in var/serve-prod/. HAProxy is installed from Debian when missing. Ctrl-C stops
everything it started.

Environment: the production variables (README, "Configuration"); defaults here are
for a local run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_prod_local,
REDIS_URL=redis://127.0.0.1:6379/1, ALLOWED_HOSTS=localhost,127.0.0.1, a random
SECRET_KEY. SERVE_PROD_PORT (8000) is HAProxy's HTTP port; the app servers listen on
the next two ports and the stats page on the third; SERVE_PROD_TLS_PORT (8443) is HTTPS.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy import local_stack

CERT_DIR = local_stack.BASE_DIR / "var" / "serve-prod"


def framed(lines: list[str]) -> str:
    width = max(map(len, lines))
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line.ljust(width)} |" for line in lines), rule])


def main() -> int:
    port = int(os.environ.get("SERVE_PROD_PORT", "8000"))
    tls_port = int(os.environ.get("SERVE_PROD_TLS_PORT", "8443"))
    app_ports = [port + 1, port + 2]
    stats_port = port + 3
    haproxy = local_stack.ensure_haproxy()
    env = local_stack.production_env()
    local_stack.ensure_services(env)
    certificate = local_stack.self_signed_certificate(CERT_DIR)
    balancer_env = local_stack.haproxy_env(
        port, app_ports, stats_port=stats_port, tls_port=tls_port, tls_cert=certificate
    )
    local_stack.check_haproxy_config(haproxy, balancer_env)
    local_stack.create_database(env)
    print("release: migrate, load_initial_data, collectstatic", flush=True)
    local_stack.prepare_release(env)

    processes = local_stack.Processes()
    with local_stack.running(processes):
        for app_port in app_ports:
            processes.start(local_stack.gunicorn_args(app_port), env)
        processes.start([local_stack.PYTHON, "manage.py", "db_worker"], env)
        for app_port in app_ports:
            local_stack.wait_until_healthy(app_port)
        processes.start(local_stack.haproxy_args(haproxy), balancer_env)
        local_stack.wait_for_backend(stats_port, {"app1": "UP", "app2": "UP"})
        print(
            "\n"
            + framed(
                [
                    f"Serving through HAProxy: http://localhost:{port}/",
                    f"                     and https://localhost:{tls_port}/ (self-signed:",
                    f"                     {certificate.relative_to(local_stack.BASE_DIR)})",
                    f"App servers: 127.0.0.1:{app_ports[0]} and :{app_ports[1]}; task worker.",
                    f"HAProxy stats: http://127.0.0.1:{stats_port}/",
                    "Responses carry `Via: 1.1 haproxy` and `X-Served-By: app1|app2`.",
                    "Admin account: DJANGO_SETTINGS_MODULE=clinic_site.settings.production",
                    "  with the same DATABASE_URL, then `manage.py createsuperuser`.",
                    "Ctrl-C stops everything.",
                ]
            )
            + "\n",
            flush=True,
        )
        try:
            while all(child.poll() is None for child in processes.children):
                time.sleep(1)
            print("a process exited; stopping the others", flush=True)
            return 1
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
