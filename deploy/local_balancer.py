"""A small round-robin HTTP load balancer for `make serve-prod`: local use only.

It stands in for haproxy/nginx (see deploy/haproxy.cfg) to show the production shape
on one machine: requests alternate between the app servers, and a server whose
`GET /healthz` fails is skipped until it answers again. It buffers whole requests and
responses and opens one backend connection per request: fine for trying the site,
not for production traffic.

    python deploy/local_balancer.py --listen 127.0.0.1:8000 127.0.0.1:8001 127.0.0.1:8002
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
}
HEALTH_INTERVAL_SECONDS = 2.0


class Backends:
    def __init__(self, addresses: list[str]):
        self.addresses = addresses
        self.healthy = set(addresses)
        self.cycle = itertools.cycle(addresses)
        self.lock = threading.Lock()

    def next(self) -> str | None:
        with self.lock:
            for _ in self.addresses:
                address = next(self.cycle)
                if address in self.healthy:
                    return address
        return None

    def check_forever(self) -> None:
        while True:
            for address in self.addresses:
                ok = probe(address)
                with self.lock:
                    was_ok = address in self.healthy
                    (self.healthy.add if ok else self.healthy.discard)(address)
                if ok != was_ok:
                    print(f"balancer: {address} is {'up' if ok else 'DOWN'}", flush=True)
            time.sleep(HEALTH_INTERVAL_SECONDS)


def probe(address: str) -> bool:
    host, port = address.rsplit(":", 1)
    try:
        connection = http.client.HTTPConnection(host, int(port), timeout=2)
        connection.request("GET", "/healthz", headers={"Host": "localhost"})
        return connection.getresponse().status == 200
    except OSError:
        return False


def make_handler(backends: Backends):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            address = backends.next()
            if address is None:
                self.send_error(503, "No healthy app server")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            headers["X-Forwarded-For"] = self.client_address[0]
            host, port = address.rsplit(":", 1)
            try:
                connection = http.client.HTTPConnection(host, int(port), timeout=130)
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                content = response.read()
            except OSError:
                self.send_error(502, "App server did not answer")
                return
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.send_header("X-Served-By", address)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)

        do_GET = do_POST = do_HEAD = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = forward

        def log_message(self, format, *args):
            # The app servers log requests (path only); the balancer stays quiet.
            pass

    return Handler


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:8000")
    parser.add_argument("backends", nargs="+", help="host:port of each app server")
    args = parser.parse_args(argv)
    backends = Backends(args.backends)
    threading.Thread(target=backends.check_forever, daemon=True).start()
    host, port = args.listen.rsplit(":", 1)
    server = ThreadingHTTPServer((host, int(port)), make_handler(backends))
    print(f"balancer: http://{args.listen}/ -> {', '.join(args.backends)}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
