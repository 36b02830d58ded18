"""Settings for pytest: fast, isolated, and the same code paths as production where it matters.

SQLite in memory by default; set DATABASE_URL=postgres://... to run the suite on PostgreSQL.
"""

import os

from clinic_site.crypto import DEVELOPMENT_BLIND_INDEX_KEY, DEVELOPMENT_FIELD_ENCRYPTION_KEY

from .base import *  # noqa: F403
from .base import DATABASES

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls from such a thread unless told otherwise. Test settings only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A throwaway test database need not wait for each commit to reach the disk; CI's
    # PostgreSQL job commits after every transactional and live-server test.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # No collectstatic in tests: serve from the finders without a manifest.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "screening_photos": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Django's test client logs in with authenticate() and no request, which django-axes
# refuses; tests that exercise the lockout turn it on with override_settings.
AXES_ENABLED = False
# Two-factor sign-in stays out of the way of tests that use client.force_login();
# tests of the two-factor flow turn it on with override_settings.
ADMIN_REQUIRE_TWO_FACTOR = False

# Tests build pages with the ORM between requests and share one local-memory cache
# across the run, so the page cache is off; the page-cache tests turn it on (cache_on).
PAGE_CACHE_ENABLED = False

# Tests only (the key-rotation tests override them).
FIELD_ENCRYPTION_KEYS = [DEVELOPMENT_FIELD_ENCRYPTION_KEY]
BLIND_INDEX_KEY = DEVELOPMENT_BLIND_INDEX_KEY
