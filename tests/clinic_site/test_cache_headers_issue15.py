"""Issue 15's caching points: q=0 is honoured, the cache key ignores the Host's port and
case, and search results are never stored by browsers or proxies."""

import pytest

from clinic_site.page_cache import accepted_encodings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, br", {"gzip", "br"}),
        ("gzip;q=0, br", {"br"}),
        ("br;q=0, gzip;q=0.5", {"gzip"}),
        ("gzip; q=0.000", set()),
        ("*", {"gzip", "br"}),
        ("*;q=0", set()),
        ("*, br;q=0", {"gzip"}),
        ("identity", {"identity"}),
        ("gzip;q=nonsense", set()),
        ("", set()),
    ],
)
def test_accepted_encodings(header, expected):
    assert accepted_encodings(header) == expected


def test_a_refused_encoding_is_not_sent_from_the_cache(client, site_tree, cache_on):
    first = client.get("/")
    hit = client.get("/", HTTP_ACCEPT_ENCODING="gzip;q=0, br;q=0")
    assert hit["X-Cache"] == "hit"
    assert not hit.has_header("Content-Encoding")
    assert hit.content == first.content
    only_gzip = client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    assert only_gzip["Content-Encoding"] == "gzip"


def test_the_cache_key_ignores_the_port_and_case_of_the_host(client, site_tree, cache_on):
    assert client.get("/", HTTP_HOST="localhost")["X-Cache"] == "miss"
    for host in ("localhost:8443", "LOCALHOST", "localhost:1"):
        assert client.get("/", HTTP_HOST=host)["X-Cache"] == "hit", host


def test_search_results_are_not_stored(client, site_tree):
    response = client.get("/search/?q=hair+loss")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_stay_cacheable(client, site_tree):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")
