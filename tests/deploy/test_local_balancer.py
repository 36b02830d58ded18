"""deploy/local_balancer.py (make serve-prod): round robin over healthy servers only."""

from deploy.local_balancer import Backends


def test_requests_alternate_between_healthy_servers():
    backends = Backends(["127.0.0.1:1", "127.0.0.1:2"])
    assert [backends.next() for _ in range(4)] == ["127.0.0.1:1", "127.0.0.1:2"] * 2


def test_a_server_failing_its_health_check_gets_no_requests():
    backends = Backends(["127.0.0.1:1", "127.0.0.1:2"])
    backends.healthy.discard("127.0.0.1:1")
    assert {backends.next() for _ in range(4)} == {"127.0.0.1:2"}
    backends.healthy.clear()
    assert backends.next() is None
