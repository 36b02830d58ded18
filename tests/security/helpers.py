"""Small helpers shared by the security tests."""

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
