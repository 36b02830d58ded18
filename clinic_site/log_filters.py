"""Defence in depth for logs: personal contact details never reach the log output.

The code never logs answers, names, contact details or request bodies on purpose.
This filter catches what slips through anyway (an address typed into a URL, an
exception message that quotes a value) before a handler writes it.
"""

import logging
import re

EMAIL_PLACEHOLDER = "[email removed]"
PHONE_PLACEHOLDER = "[phone removed]"

# Also URL-encoded ("%40", "%20", "+"), as in the query string of a request line.
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# 10 to 15 digits, optionally after + or 00, grouped by spaces, hyphens or brackets:
# "+44 20 7946 0000", "07700 900123", "(020) 7946-0000". Dots are not separators so IP
# addresses and version numbers survive; ISO dates and UUIDs are left alone.
PHONE_RE = re.compile(
    r"""
    (?<![\w.\-])              # not the middle of a word, number, IP address or UUID
    (?!\d{4}-\d{2}-\d{2})      # not an ISO date
    (?:\+|%2B|\b00)?\(?        # international prefix, opening bracket
    \d(?:(?:[ \-()+]|%20){0,2}\d){9,14}
    (?![\w\-])
    """,
    re.VERBOSE,
)


def redact(text: str) -> str:
    text = EMAIL_RE.sub(EMAIL_PLACEHOLDER, text)
    return PHONE_RE.sub(PHONE_PLACEHOLDER, text)


class RedactPersonalDataFilter(logging.Filter):
    """Rewrites a record's message, exception and stack text with contact details removed.

    The message is formatted once here (``msg % args``) so that values passed as
    arguments are redacted too; the record then carries the final text and no args.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not take logging down with it
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
