"""`make serve-prod`: the production shape on this machine.

Two gunicorn app servers (production settings, PostgreSQL, Redis, static files from
WhiteNoise), the task worker (`manage.py db_worker`), and a small round-robin load
balancer in front that probes `/healthz`. Ctrl-C stops everything it started.

Environment: the production variables (README, "Configuration"); defaults here are
for a local run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_prod_local,
REDIS_URL=redis://127.0.0.1:6379/1, ALLOWED_HOSTS=localhost,127.0.0.1, a random
SECRET_KEY, plain HTTP. SERVE_PROD_PORT (8000) is the balancer; the app servers
listen on the next two ports.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy import local_stack


def main() -> int:
    port = int(os.environ.get("SERVE_PROD_PORT", "8000"))
    app_ports = [port + 1, port + 2]
    env = local_stack.production_env()
    local_stack.ensure_services(env)
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
        balancer = [
            local_stack.PYTHON,
            str(local_stack.BASE_DIR / "deploy" / "local_balancer.py"),
            "--listen",
            f"127.0.0.1:{port}",
            *(f"127.0.0.1:{app_port}" for app_port in app_ports),
        ]
        processes.start(balancer, env)
        print(
            f"\nserving http://localhost:{port}/ (balancer) -> app servers on "
            f"{', '.join(map(str, app_ports))}; task worker running. "
            f"Admin: `DJANGO_SETTINGS_MODULE=clinic_site.settings.production ... "
            f"manage.py createsuperuser`. Ctrl-C stops.\n",
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
