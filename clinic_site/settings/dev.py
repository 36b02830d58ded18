"""Local development: SQLite in var/, console email, inline tasks, DEBUG on."""

import os

from clinic_site.crypto import DEVELOPMENT_BLIND_INDEX_KEY, DEVELOPMENT_FIELD_ENCRYPTION_KEY

from .base import *  # noqa: F403
from .base import VAR_DIR

VAR_DIR.mkdir(exist_ok=True)

DEBUG = True
# Development only: never used outside this machine (production.py requires SECRET_KEY).
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]

# Two-factor sign-in is off locally unless you try it: ADMIN_REQUIRE_TWO_FACTOR=true make run
ADMIN_REQUIRE_TWO_FACTOR = os.environ.get("ADMIN_REQUIRE_TWO_FACTOR", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}

# Template edits do not restart runserver: keep cached pages short-lived here.
PAGE_CACHE_SECONDS = 10

# A missing page shows the site's own 404 page, as in production (clinic_site/not_found.py).
# DEBUG_404_PAGES=true shows Django's technical 404 (the URL patterns it tried) instead.
DEBUG_404_PAGES = os.environ.get("DEBUG_404_PAGES", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
if not DEBUG_404_PAGES:
    MIDDLEWARE = [*MIDDLEWARE, "clinic_site.not_found.SiteNotFoundPageMiddleware"]

# Development only: fixed keys so a local database stays readable across restarts.
# production.py reads its own from the environment; `check --deploy` refuses these.
FIELD_ENCRYPTION_KEYS = [DEVELOPMENT_FIELD_ENCRYPTION_KEY]
BLIND_INDEX_KEY = DEVELOPMENT_BLIND_INDEX_KEY
