"""Issue 15: signing out needs a POST, and a private page's password cannot be guessed at
full speed."""

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from tests.support.staff import client_for, make_user


@pytest.fixture
def staff(db):
    return make_user("sally", is_superuser=True, is_staff=True)


def test_a_get_to_the_admin_logout_signs_nobody_out(site_tree, staff):
    client = client_for(staff)
    response = client.get(reverse("wagtailadmin_logout"))
    assert response.status_code == 405
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value  # not deleted
    assert SESSION_KEY in client.session
    assert client.get("/admin/").status_code == 200


def test_a_post_to_the_admin_logout_signs_out(site_tree, staff):
    client = client_for(staff)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


@pytest.fixture
def private_page(site_tree):
    page = Page.objects.get(depth=2).specific
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="correct-horse"
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def test_page_password_tries_are_limited_per_client(private_page, settings):
    settings.PAGE_PASSWORD_RATE = "3/hour"
    cache.clear()
    page, url = private_page
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(3):
        response = guesser.post(url, {"password": f"guess-{n}", "return_url": page.url})
        assert response.status_code == 200, n  # the form again, with its error
    response = guesser.post(url, {"password": "correct-horse", "return_url": page.url})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    # Someone else, elsewhere, still gets in.
    other = Client(REMOTE_ADDR="198.51.100.23")
    response = other.post(url, {"password": "correct-horse", "return_url": page.url})
    assert response.status_code == 302
    cache.clear()
