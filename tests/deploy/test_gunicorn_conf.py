"""deploy/gunicorn.conf.py: loopback unless told otherwise, and X-Forwarded-Proto trusted
from the same proxies as the app's X-Forwarded-For."""

import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"
VARIABLES = ("GUNICORN_BIND", "FORWARDED_ALLOW_IPS", "TRUSTED_PROXIES", "GUNICORN_CONTROL_SOCKET")


def load(monkeypatch, **env):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_binds_to_loopback_by_default(monkeypatch):
    assert load(monkeypatch)["bind"] == "127.0.0.1:8000"
    assert load(monkeypatch, GUNICORN_BIND="0.0.0.0:8000")["bind"] == "0.0.0.0:8000"


@pytest.mark.parametrize(
    ("env", "trusted"),
    [
        ({}, "127.0.0.1,::1"),
        ({"TRUSTED_PROXIES": "10.0.0.5/32,10.0.1.0/24"}, "10.0.0.5/32,10.0.1.0/24"),
        ({"TRUSTED_PROXIES": "10.0.0.5/32", "FORWARDED_ALLOW_IPS": "10.0.0.9"}, "10.0.0.9"),
    ],
)
def test_forwarded_headers_are_trusted_from_the_listed_proxies(monkeypatch, env, trusted):
    assert load(monkeypatch, **env)["forwarded_allow_ips"] == trusted


def test_the_control_socket_is_off_unless_asked_for(monkeypatch):
    assert load(monkeypatch)["control_socket_disable"] is True
    config = load(monkeypatch, GUNICORN_CONTROL_SOCKET="/run/clinic/gunicorn.ctl")
    assert config["control_socket_disable"] is False
    assert config["control_socket"] == "/run/clinic/gunicorn.ctl"


def test_a_stopping_worker_closes_its_listening_sockets_first(monkeypatch):
    class Listener:
        closed = False

        def close(self):
            self.closed = True

    class Worker:
        sockets = [Listener(), Listener()]

    load(monkeypatch)["worker_exit"](server=None, worker=Worker)
    assert all(listener.closed for listener in Worker.sockets)
