"""Settings shared by every environment.

Environment-specific values live in dev.py, test.py and production.py; anything an
operator sets comes from environment variables listed in the README.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Git-ignored folder for local state (the SQLite database and uploaded media in dev).
VAR_DIR = BASE_DIR / "var"

INSTALLED_APPS = [
    "content",
    "screening",
    "clinic_site",
    # Before wagtail.admin: it overrides the admin sign-in template.
    "staff_auth",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and auth: a cached page is served without touching the database.
    "clinic_site.page_cache.PageCacheMiddleware",
    # After the page cache (a hit needs none of it): the site, its home page, clinic
    # details and menus from the cache, so a rendered page does not query for them.
    "content.site_cache.SiteDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the site-wide header built once (clinic_site/middleware.py).
    "clinic_site.middleware.CSPMiddleware",
    # Inside CSPMiddleware so it can choose the admin policy before the header is built.
    "clinic_site.middleware.SecurityHeadersMiddleware",
    # Staff sessions: idle timeout, then which second factor verified the session, then
    # the gate that keeps half-signed-in staff out of the admin.
    "staff_auth.middleware.StaffSessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff_auth.middleware.AdminTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# SQLite in a git-ignored folder unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes watches every authentication attempt before the model backend checks it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with the user and group permissions read in one query.
    "clinic_site.auth_backends.SingleQueryPermissionsBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise: without
# it every page logs a 404 in the browser console.
WHITENOISE_ROOT = BASE_DIR / "root_files"

# Patients' scalp photos (issue 16), encrypted (screening/photos.py): a storage of their
# own, outside MEDIA_ROOT and without any URL; only the staff views stream them.
# production.py can point it at an S3-compatible bucket (SCREENING_PHOTOS_BUCKET).
SCREENING_PHOTOS_ROOT = Path(os.environ.get("SCREENING_PHOTOS_ROOT", VAR_DIR / "screening-photos"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "screening_photos": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(SCREENING_PHOTOS_ROOT),
            "base_url": "/no-public-url/",
            "directory_permissions_mode": 0o700,
            "file_permissions_mode": 0o600,
        },
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic-site",
    }
}

# Whole pages for anonymous visitors (clinic_site/page_cache.py): pages that opt in with
# `cache_anonymous = True`, stored in the default cache, all retired at once when
# anything shown on them changes. It needs a cache every process shares (production.py).
PAGE_CACHE_ENABLED = True
PAGE_CACHE_SECONDS = 60 * 60
# Never looked up or stored: forms, health data, staff views, files, probes.
PAGE_CACHE_EXCLUDED_PATH_PREFIXES = [
    "/admin/",
    "/screening/",
    "/search/",
    "/feedback/",
    "/healthz",
    "/documents/",
    "/static/",
    "/media/",
    "/bench/",
]
# What changes only on publish (site, home page, menus, clinic details, routed pages,
# page fragments: content/site_cache.py), kept in SITE_DATA_CACHE_ALIAS between
# requests. Needs a cache every process shares (production.py requires Redis for it).
SITE_DATA_CACHE_ENABLED = True
SITE_DATA_CACHE_ALIAS = "default"
# Saving or deleting any of these (besides any page) retires every cached page.
PAGE_CACHE_INVALIDATED_BY = [
    "content.ClinicSettings",
    "content.Clinician",
    "content.Treatment",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
]

# Background tasks: run inline unless an environment opts into the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clinic@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# Wagtail's page editor posts many fields; public forms are small and guarded separately.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies other than files are capped at 2.5 MB (a 400 beyond that); uploaded
# files above 2.5 MB are streamed to a temporary file instead of held in memory. Files
# are limited per view: the questionnaire refuses any body over 16 kB except on its
# photo pages, which take up to five photos of 15 MB (screening/photo_views.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# No form of ours takes more than five files at once (a 400 beyond this).
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Wagtail
WAGTAIL_SITE_NAME = "Northgate Hair Clinic"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# No third-party requests from the admin either: no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Uploads through the CMS: a short list of types (no SVG, no HTML, nothing executable),
# a size cap, and content that must match the extension (uploads.py). The proxy in front
# should refuse bodies over ~12 MB so oversized files never reach the app (README).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "clinic_site.uploads.CheckedDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Decompression bombs: a small file that decodes to a huge bitmap is refused.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Field encryption of patient data (clinic_site/crypto.py): Fernet keys, the first
# encrypts and all decrypt; and the blind-index secret. None here: dev.py and test.py set
# development keys, production.py reads the environment.
FIELD_ENCRYPTION_KEYS: list[str] = []
BLIND_INDEX_KEY = ""

# Staff sign-in -----------------------------------------------------------------
# The admin sign-in form has no "Remember me": sessions end when the browser closes,
# and a signed-in user is signed out after 8 hours without a request.
WAGTAILADMIN_USER_LOGIN_FORM = "staff_auth.forms.StaffLoginForm"
# Sessions live in the database, encrypted (clinic_site/sessions.py), and every session
# cookie is a browser-session cookie. Staff (ASVS level 2 for health data): signed out
# after 30 minutes without a request and 12 hours after signing in, whatever they do.
SESSION_ENGINE = "clinic_site.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_SESSION_IDLE_TIMEOUT = 30 * 60
STAFF_SESSION_ABSOLUTE_TIMEOUT = 12 * 60 * 60
# Server-side lifetime of any session since it was last written: never beyond the staff
# absolute limit (a questionnaire's session sets its own two hours, screening/flow.py).
SESSION_COOKIE_AGE = STAFF_SESSION_ABSOLUTE_TIMEOUT

# Two-factor sign-in (django-otp): every admin user needs an authenticator app (TOTP)
# and gets ten one-time backup codes. Only dev.py and test.py may turn this off;
# production.py refuses to.
ADMIN_REQUIRE_TWO_FACTOR = True
OTP_TOTP_ISSUER = "Northgate Hair Clinic"
# Wrong codes: 1, 2, 4, 8… seconds before the next attempt on that device.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Brute-force protection (django-axes): after 5 failed passwords for one username from
# one address, that pair is locked for 30 minutes (after 20 from any addresses, the
# username is); each further failure restarts the pause. Attempts live in the database,
# so every app server sees them. Operators unlock early with
# `manage.py axes_reset_username <username>` (README, "Security").
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
# Per account too: 20 failures for one username from any addresses lock that username
# for everyone (STAFF_ACCOUNT_FAILURE_LIMIT, staff_auth/axes_handler.py).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
STAFF_ACCOUNT_FAILURE_LIMIT = 20
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "staff_auth.axes_handler.AccountAndAddressHandler"
AXES_LOCKOUT_CALLABLE = "staff_auth.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# "Was this page helpful?" answers per client address (content/views.py).
PAGE_FEEDBACK_RATE = "20/hour"
# "Forgot password" emails per client address (staff_auth/password_reset.py).
STAFF_PASSWORD_RESET_RATE = "5/hour"  # noqa: S105 (a rate, not a password)
# Tries at a private page's password (Wagtail's page privacy) per client address.
PAGE_PASSWORD_RATE = "10/hour"  # noqa: S105 (a rate, not a password)
# The client address: X-Forwarded-For is trusted only from TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "clinic_site.client_ip.client_ip_address"
# Axes' own log lines name the client with username and address masked.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]

# Security headers that apply everywhere; production.py adds transport security.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Public pages: nothing inline, nothing from another origin. An inline script that
# cannot be avoided carries nonce="{{ request.csp_nonce }}"; the nonce only appears
# in the header of a response that used it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE is only added to the header on responses that use request.csp_nonce;
        # no public page does today (JSON-LD data blocks need none), so none is sent.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
# The Wagtail admin still ships a few inline scripts (inline panels, date pickers)
# and inline styles, so it gets its own policy (applied by SecurityHeadersMiddleware)
# and the public one stays strict. Never 'unsafe-eval', never another origin.
# frame-ancestors is 'none', or 'self' for the page preview the editor shows in an iframe.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
}
# Responses under these prefixes hold health data, staff views of it or what a visitor
# typed: never cached.
# /search/: the query may be anything a visitor typed (a symptom, a name), and it shows
# in the page; browsers and shared proxies must not keep it.
NO_STORE_URL_PREFIXES = ["/admin/", "/screening/", "/search/"]
# Only features browsers recognise: Chromium logs a console error for any other
# (it does not recognise "bluetooth", for one).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
)

# The proxies in front of the app (addresses or CIDR networks; comma-separated in the
# environment). X-Forwarded-For is read only from them, from the right, up to the first
# address that is not one of them (clinic_site/client_ip.py). Empty (the default): the
# header is ignored. gunicorn's forwarded_allow_ips follows the same list.
TRUSTED_PROXIES = [
    entry.strip() for entry in os.environ.get("TRUSTED_PROXIES", "").split(",") if entry.strip()
]

# Logs go to stdout; the request logger never includes bodies or POST data, and no
# handler mails error reports (they would carry request details). The stdout handler
# redacts anything that looks like an email address or phone number (defence in depth).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {
        "redact_personal_data": {"()": "clinic_site.log_filters.RedactPersonalDataFilter"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
            "filters": ["redact_personal_data"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # SQL with its parameters (answers, contact details) is never logged, even at DEBUG.
        "django.db.backends": {"level": "INFO"},
        # One line per background task run is noise, not signal.
        "django_tasks": {"level": "WARNING"},
        # django-axes announces its configuration on every start; lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}
