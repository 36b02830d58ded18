"""Editors never see stale pages: every change that shows on a page retires the cache."""

import pytest
from wagtail.models import Page, PageViewRestriction

from clinic_site import page_cache
from content.models import HomePage
from content.site_settings import ClinicSettings

pytestmark = pytest.mark.django_db


def cached(client, url="/"):
    """Fetch twice so the page is in the cache; return the page as served from it."""
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "hit", "precondition: the page is cached"
    return response


def test_publishing_a_change_shows_on_the_next_anonymous_request(client, site_tree, cache_on):
    cached(client)
    home = HomePage.objects.get()
    home.title = "Freshly published title"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert b"Freshly published title" in response.content


def test_unpublishing_makes_the_page_disappear(client, site_tree, cache_on):
    cached(client)
    HomePage.objects.get().unpublish()
    assert client.get("/").status_code == 404


def test_editing_the_clinic_details_updates_every_page(client, site_tree, cache_on):
    assert b"+44 20 7946 0000" in cached(client).content
    clinic = ClinicSettings.objects.get()
    clinic.phone = "+44 20 7946 0999"
    clinic.save()
    response = client.get("/")
    assert b"+44 20 7946 0999" in response.content
    assert b"+44 20 7946 0000" not in response.content


def test_making_a_page_private_stops_serving_it_from_the_cache(client, site_tree, cache_on):
    cached(client)
    PageViewRestriction.objects.create(
        page=HomePage.objects.get(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_deleting_a_page_retires_the_cache(client, site_tree, cache_on):
    generation = page_cache.current_generation(cache_on)
    home = HomePage.objects.get()
    extra = home.add_child(instance=Page(title="Temporary", slug="temporary"))
    assert page_cache.current_generation(cache_on) != generation
    generation = page_cache.current_generation(cache_on)
    extra.delete()
    assert page_cache.current_generation(cache_on) != generation


def test_moving_a_page_retires_the_cache(site_tree, cache_on):
    home = HomePage.objects.get()
    section = home.add_child(instance=Page(title="Section", slug="section"))
    moving = home.add_child(instance=Page(title="Moving", slug="moving"))
    generation = page_cache.current_generation(cache_on)
    moving.move(section, pos="last-child")
    assert page_cache.current_generation(cache_on) != generation


@pytest.mark.parametrize("signal_name", ["page_published", "page_unpublished", "post_page_move"])
def test_wagtail_page_signals_retire_the_cache(site_tree, cache_on, signal_name):
    from wagtail import signals

    generation = page_cache.current_generation(cache_on)
    home = HomePage.objects.get()
    getattr(signals, signal_name).send(
        sender=HomePage,
        instance=home,
        revision=None,
        parent_page_before=home.get_parent(),
        parent_page_after=home.get_parent(),
        url_path_before=home.url_path,
        url_path_after=home.url_path,
    )
    assert page_cache.current_generation(cache_on) != generation


def test_the_generation_changes_again_when_the_transaction_commits(
    site_tree, cache_on, django_capture_on_commit_callbacks
):
    # A request rendering between the signal and the commit still reads the old rows;
    # the second bump at commit time retires whatever it stored.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page_cache.invalidate_all()
        during_transaction = page_cache.current_generation(cache_on)
    assert len(callbacks) == 1
    assert page_cache.current_generation(cache_on) != during_transaction


def test_a_lost_generation_never_revives_old_pages(client, site_tree, cache_on):
    cached(client)
    # The cache evicted the generation key (memory pressure, a restart of Redis...).
    cache_on.delete(page_cache.GENERATION_KEY)
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"


def test_every_configured_model_is_connected(cache_on):
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for label in page_cache.settings.PAGE_CACHE_INVALIDATED_BY:
        model = apps.get_model(label)
        assert post_save.has_listeners(model), label
        assert post_delete.has_listeners(model), label
