"""deploy/haproxy.cfg, run by the real HAProxy in front of the app (pytest-django's live
server, with the project's settings and middleware): what reaches the app and what never
does. Each test starts its own HAProxy from the repository's file, with the addresses and
limits in the environment as production sets them. Skipped when HAProxy is not installed.
"""

import contextlib
import gzip
import http.client
import os
import socket
import ssl
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy import local_stack
from tests.support import balancer_urls
from tests.support.balancer_urls import as_json

HAPROXY = local_stack.haproxy_binary()
pytestmark = pytest.mark.skipif(
    HAPROXY is None,
    reason="HAProxy is not installed (apt-get install haproxy): the tests through the real "
    "load balancer are skipped",
)

SPOOFED = "203.0.113.9"
MAX_BODY = 100_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Balancer:
    def __init__(self, tmp_path: Path, app_server: str, **env: str):
        self.port, self.stats_port = free_port(), free_port()
        self.tls_port = free_port()
        self.log = tmp_path / "haproxy.log"
        self.env = {
            **os.environ,
            "LB_HTTP_BIND": f"127.0.0.1:{self.port}",
            "LB_APP_SERVER_1": app_server,
            "LB_APP_SERVER_2": app_server,
            "LB_HEALTHCHECK_HOST": "localhost",
            "LB_STATS_BIND": f"127.0.0.1:{self.stats_port}",
            "LB_HTTPS_BIND": f"127.0.0.1:{self.tls_port}",
            "LB_MAX_BODY_BYTES": str(MAX_BODY),
            "LB_TLS_CERT": "",
            **env,
        }

    def __enter__(self):
        self.process = subprocess.Popen(
            local_stack.haproxy_args(HAPROXY),
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:
            local_stack.wait_for_backend(self.stats_port, {"app1": "UP"}, timeout=10)
        except RuntimeError:
            self.__exit__()
            pytest.fail(f"HAProxy did not start:\n{self.log.read_text()}")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    def send_raw(self, head: bytes, body: bytes) -> int:
        """Send a request as a client that keeps sending its body even when HAProxy has
        already answered; the status HAProxy (or the app) answered with."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            # Refused before the whole body was sent: the answer is waiting all the same.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(head + body)
            answer = b""
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        return int(answer.split(b" ", 2)[1])

    def request(self, method, path, body=None, headers=None, *, tls_context=None):
        if tls_context is None:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        else:
            connection = http.client.HTTPSConnection(
                "localhost", self.tls_port, timeout=10, context=tls_context
            )
        headers = {"Host": "127.0.0.1", **(headers or {})}
        chunked = headers.get("Transfer-Encoding") == "chunked"
        try:
            connection.request(method, path, body=body, headers=headers, encode_chunked=chunked)
            response = connection.getresponse()
            return (
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                (response.read()),
            )
        finally:
            connection.close()


@pytest.fixture
def app_server(live_server, settings):
    """The app as HAProxy's backends see it: the project's settings behind one proxy."""
    settings.ROOT_URLCONF = "tests.support.balancer_urls"
    # The proxies are listed (production sets them through the environment, as make
    # serve-prod does).
    settings.TRUSTED_PROXIES = ["127.0.0.1/32", "::1/128"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    balancer_urls.received.clear()
    return urlsplit(live_server.url).netloc


def test_a_spoofed_forwarded_for_never_reaches_the_app(app_server, tmp_path):
    with Balancer(tmp_path, app_server) as balancer:
        status, headers, body = balancer.request(
            "GET",
            "/echo/",
            headers={
                "X-Forwarded-For": SPOOFED,
                "X-Forwarded-Proto": "https",
                "X-Forwarded-Host": "evil.example",
                "Forwarded": f"for={SPOOFED}",
            },
        )
    assert status == 200
    seen = as_json(body)
    # HAProxy replaced the header: only the address it received the request from remains,
    # so the client address the app uses (login lockout, rate limits) is the real one.
    assert seen["x_forwarded_for"] == "127.0.0.1"
    assert seen["client_ip"] == "127.0.0.1"
    assert seen["x_forwarded_proto"] == "http"
    assert seen["is_secure"] is False
    assert seen["x_forwarded_host"] is None
    assert headers["via"] == "1.1 haproxy"
    assert headers["x-served-by"] in {"app1", "app2"}
    assert "server" not in headers


def test_oversized_bodies_are_refused_by_haproxy_before_the_app(app_server, tmp_path):
    head = b"POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    chunk = b"1000\r\n" + b"x" * 4096 + b"\r\n"
    with Balancer(tmp_path, app_server) as balancer:
        declared = balancer.send_raw(
            head + f"Content-Length: {MAX_BODY + 1}\r\n\r\n".encode(), b"x" * (MAX_BODY + 1)
        )
        # 40 kB in chunks, no length declared: more than HAProxy measures for such a body.
        chunked = balancer.send_raw(
            head + b"Transfer-Encoding: chunked\r\n\r\n", chunk * 10 + b"0\r\n\r\n"
        )
        assert balancer_urls.received == []
        # Within the limits, both kinds of body reach the app.
        fits, _, body = balancer.request("POST", "/echo/", b"x" * MAX_BODY)
        small_chunked, _, _ = balancer.request(
            "POST", "/echo/", iter([b"x" * 1000]), headers={"Transfer-Encoding": "chunked"}
        )
    assert (declared, chunked) == (413, 413)
    assert (fits, small_chunked) == (200, 200)
    assert as_json(body)["body_bytes"] == MAX_BODY
    assert balancer_urls.received == ["/echo/", "/echo/"]


def test_only_the_photo_pages_take_larger_bodies(app_server, tmp_path):
    photo_limit = 3 * MAX_BODY
    with Balancer(tmp_path, app_server, LB_MAX_PHOTO_BODY_BYTES=str(photo_limit)) as balancer:
        balancer_urls.received.clear()
        elsewhere, _, _ = balancer.request("POST", "/echo/", b"x" * (MAX_BODY + 1))
        photos, _, body = balancer.request("POST", "/screening/photos/", b"x" * photo_limit)
        follow_up, _, _ = balancer.request(
            "POST", "/screening/follow-up/photos/", b"x" * (MAX_BODY + 1)
        )
        too_big, _, _ = balancer.request("POST", "/screening/photos/", b"x" * (photo_limit + 1))
    assert (elsewhere, photos, follow_up, too_big) == (413, 200, 200, 413)
    assert as_json(body)["body_bytes"] == photo_limit
    assert balancer_urls.received == ["/screening/photos/", "/screening/follow-up/photos/"]


def test_tls_with_a_certificate_and_gzip_for_html(app_server, tmp_path):
    certificate = local_stack.self_signed_certificate(tmp_path / "tls")
    context = ssl.create_default_context(cafile=str(certificate))
    with Balancer(tmp_path, app_server, LB_TLS_CERT=str(certificate)) as balancer:
        status, _, body = balancer.request(
            "GET", "/echo/", headers={"X-Forwarded-Proto": "http"}, tls_context=context
        )
        page_status, page_headers, page = balancer.request(
            "GET", "/page/", headers={"Accept-Encoding": "gzip"}
        )
    assert status == 200
    seen = as_json(body)
    assert seen["x_forwarded_proto"] == "https"
    assert seen["is_secure"] is True
    assert page_status == 200
    assert page_headers.get("content-encoding") == "gzip"
    assert gzip.decompress(page).startswith(b"<!doctype html>")


def test_a_dead_app_server_costs_no_request(app_server, tmp_path):
    # The second server never answers: requests sent its way are retried on the first
    # until the health check takes it out.
    dead = f"127.0.0.1:{free_port()}"
    with Balancer(tmp_path, app_server, LB_APP_SERVER_2=dead) as balancer:
        statuses = [balancer.request("GET", "/echo/")[0] for _ in range(4)]
        local_stack.wait_for_backend(balancer.stats_port, {"app1": "UP", "app2": "DOWN"})
        statuses += [balancer.request("GET", "/echo/")[0] for _ in range(2)]
    assert statuses == [200] * 6
    assert len(balancer_urls.received) == 6


def test_one_client_address_is_limited_in_requests(app_server, tmp_path):
    with Balancer(tmp_path, app_server, LB_MAX_REQ_PER_10S="5") as balancer:
        started = time.monotonic()
        statuses = [balancer.request("GET", "/echo/")[0] for _ in range(8)]
    assert time.monotonic() - started < 10, "too slow to test a limit per 10 seconds"
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3
    assert len(balancer_urls.received) == 5
