"""Local development: SQLite in var/, console email, inline tasks, DEBUG on."""

from .base import *  # noqa: F403
from .base import VAR_DIR

VAR_DIR.mkdir(exist_ok=True)

DEBUG = True
# Development only: never used outside this machine (production.py requires SECRET_KEY).
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]

# Template edits do not restart runserver: keep cached pages short-lived here.
PAGE_CACHE_SECONDS = 10
