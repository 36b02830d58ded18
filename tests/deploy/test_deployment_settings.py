"""Production settings for the deployment shape: page cache needs Redis, media on S3."""

import json

from tests.support.subprocess_settings import run_python

REQUIRED = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "clinic.example",
    "DATABASE_URL": "postgres://u@h/db",
}
PRINT_SETTINGS = """
import json
import clinic_site.settings.production as s
print(json.dumps({
    "page_cache": s.PAGE_CACHE_ENABLED,
    "cache": s.CACHES["default"]["BACKEND"],
    "media": s.STORAGES["default"]["BACKEND"],
    "media_options": s.STORAGES["default"].get("OPTIONS", {}),
    "img_src": s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def production_settings(**env):
    return run_python(PRINT_SETTINGS, {**REQUIRED, **env}, drop=("AWS_", "REDIS", "PAGE_"))


def test_page_cache_is_on_with_redis_and_off_without():
    with_redis = production_settings(REDIS_URL="redis://cache:6379/0")
    assert with_redis.returncode == 0, with_redis.stderr
    assert json.loads(with_redis.stdout)["page_cache"] is True
    without = production_settings()
    assert without.returncode == 0, without.stderr
    assert json.loads(without.stdout)["page_cache"] is False


def test_page_cache_refuses_a_cache_each_worker_keeps_alone():
    result = production_settings(PAGE_CACHE_ENABLED="true")
    assert result.returncode != 0
    assert "PAGE_CACHE_ENABLED needs REDIS_URL" in result.stderr


def test_media_stays_on_local_disk_by_default():
    settings = json.loads(production_settings().stdout)
    assert settings["media"] == "django.core.files.storage.FileSystemStorage"
    assert settings["img_src"] == ["'self'", "data:"]


def test_media_goes_to_an_s3_compatible_bucket_when_configured():
    result = production_settings(
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
    )
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    assert settings["media"] == "storages.backends.s3.S3Storage"
    assert settings["media_options"]["bucket_name"] == "clinic-media"
    assert settings["media_options"]["querystring_auth"] is False
    # The page's images come from the bucket: the CSP allows exactly that origin.
    assert settings["img_src"] == ["'self'", "data:", "https://objects.example.net"]


def test_the_s3_backend_can_be_loaded():
    from storages.backends.s3 import S3Storage

    storage = S3Storage(bucket_name="clinic-media", custom_domain="media.clinic.example")
    assert storage.url("images/a.jpg") == "https://media.clinic.example/images/a.jpg"
