"""Small helpers shared by the security tests (and by other apps' tests of the same rules)."""

import io
import logging
from contextlib import contextmanager

UNSAFE_SOURCE_KEYWORDS = (
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
)


def parse_csp(header: str) -> dict[str, list[str]]:
    """'default-src 'self'; img-src 'self' data:' -> {'default-src': ["'self'"], ...}."""
    directives = {}
    for part in header.split(";"):
        tokens = part.split()
        if tokens:
            directives[tokens[0].lower()] = tokens[1:]
    return directives


def stdout_handler():
    handlers = [h for h in logging.getLogger().handlers if h.get_name() == "stdout"]
    assert len(handlers) == 1, "the root logger writes through the configured stdout handler"
    return handlers[0]


class _RecordList(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def capture_every_log():
    """Everything logged anywhere, at DEBUG: raw records and the stdout handler's output."""
    handler = stdout_handler()
    raw = _RecordList()
    output = io.StringIO()
    loggers = [logging.getLogger(), logging.getLogger("django")]
    saved_levels = [(lg, lg.level) for lg in loggers]
    previous_stream = handler.setStream(output)
    for lg in loggers:
        lg.addHandler(raw)
        lg.setLevel(logging.DEBUG)
    try:
        yield raw.records, output
    finally:
        handler.setStream(previous_stream)
        for lg, level in saved_levels:
            lg.removeHandler(raw)
            lg.setLevel(level)
