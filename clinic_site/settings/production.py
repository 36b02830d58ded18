"""Production: everything an operator controls comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. The process refuses to start
without them rather than fall back to something unsafe.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production "
            f"(see the configuration table in README.md)."
        )
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


DEBUG = False

# Staff always sign in with a second factor here; an attempt to switch it off is an error.
if not env_bool("ADMIN_REQUIRE_TWO_FACTOR", True):
    raise ImproperlyConfigured(
        "ADMIN_REQUIRE_TWO_FACTOR cannot be turned off in production: the admin holds "
        "health data. Remove the variable (or set it to true)."
    )
ADMIN_REQUIRE_TWO_FACTOR = True

SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Patient data at rest (clinic_site/crypto.py, README "Keys and rotation"). Read here and
# checked by `check --deploy` (clinic_site.E001/E002): missing or development keys are errors.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
BLIND_INDEX_KEY = os.environ.get("BLIND_INDEX_KEY", "").strip()

DATABASES = {
    "default": dj_database_url.parse(
        required_env("DATABASE_URL"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# A shared cache lets several stateless app servers agree on rate limits and cached pages.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "clinic",
        }
    }
# The page cache must be shared: with one local-memory cache per worker, a publish
# would retire the pages of one worker only and the others would serve stale pages.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", bool(REDIS_URL))
if PAGE_CACHE_ENABLED and not REDIS_URL:
    raise ImproperlyConfigured("PAGE_CACHE_ENABLED needs REDIS_URL (a cache every server shares).")
# The site data cache and page fragments (content/site_cache.py) likewise: a publish
# replaces the generation in the shared cache, which every worker must see.
SITE_DATA_CACHE_ENABLED = env_bool("SITE_DATA_CACHE_ENABLED", bool(REDIS_URL))
if SITE_DATA_CACHE_ENABLED and not REDIS_URL:
    raise ImproperlyConfigured(
        "SITE_DATA_CACHE_ENABLED needs REDIS_URL (a cache every server shares)."
    )

# Tasks (notification emails) are queued in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Transport security. TLS ends at the proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is probed by load balancers over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix makes browsers refuse these cookies unless they are Secure, host-only
# and Path=/, so a sibling subdomain cannot plant a session or CSRF cookie on ours.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# Email (notifications to staff and confirmations to patients).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# Links in staff emails point here; defaults to the first allowed host over HTTPS.
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
).rstrip("/")

# Uploaded images and documents: MEDIA_ROOT on local disk (shared by every app server,
# e.g. a network volume) unless an S3-compatible bucket is configured. Credentials come
# from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (read by boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    from urllib.parse import urlsplit

    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "endpoint_url": AWS_S3_ENDPOINT_URL,
                "region_name": AWS_S3_REGION_NAME,
                "custom_domain": AWS_S3_CUSTOM_DOMAIN,
                "location": os.environ.get("AWS_LOCATION", "media"),
                "file_overwrite": False,
                # Plain, stable URLs: signed ones expire while cached pages still hold them.
                "querystring_auth": False,
                "default_acl": None,
            },
        },
    }
    # Images then come from the bucket's origin: the public CSP must allow it.
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = "https://" + AWS_S3_CUSTOM_DOMAIN.split("/")[0]
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(AWS_S3_ENDPOINT_URL))
    else:
        MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], MEDIA_ORIGIN],
        },
    }

# Patients' photos (issue 16): local disk (SCREENING_PHOTOS_ROOT, base.py) unless a bucket
# is named. The files are Fernet tokens before they leave the app, so the bucket never
# sees a photo; keep the bucket private (no public ACL, no website hosting).
SCREENING_PHOTOS_BUCKET = os.environ.get("SCREENING_PHOTOS_BUCKET", "").strip()
if SCREENING_PHOTOS_BUCKET:
    STORAGES = {
        **STORAGES,
        "screening_photos": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": SCREENING_PHOTOS_BUCKET,
                "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
                "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
                "location": os.environ.get("SCREENING_PHOTOS_LOCATION", "screening-photos"),
                "file_overwrite": False,
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
    }
