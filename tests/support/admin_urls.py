"""Every URL pattern under /admin/, as a concrete path, enumerated from the URL resolver."""

import re
import uuid

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

SAMPLE_VALUES = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": str(uuid.uuid4())}


def _concrete(pattern) -> str:
    if isinstance(pattern, RegexPattern):
        regex = str(pattern.regex.pattern)
        regex = re.sub(r"\(\?P<\w+>[^)]*\)", "1", regex)
        return regex.lstrip("^").rstrip("$").replace(".*", "anything").replace("\\", "")
    route = str(pattern)
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "x"), route)


def admin_paths(prefix="/admin/") -> list[str]:
    paths = set()

    def walk(patterns, base):
        for entry in patterns:
            path = base + _concrete(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, path)
            else:
                paths.add(path)

    walk(get_resolver().url_patterns, "/")
    return sorted(p for p in paths if p.startswith(prefix))
