"""The site data cache (content/site_cache.py) never shows anything stale: publishing,
unpublishing, moving or deleting a page, and saving clinic details, change what the very
next request renders, with the page cache off (every request rendered)."""

from content.models import ArticleIndexPage, ArticlePage, StandardPage
from content.site_settings import ClinicSettings

ARTICLE = "/articles/faq/"


def warm(client, url=ARTICLE):
    """An earlier visitor: the site data and the body fragment are now cached."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_menu_page_shows_on_the_next_request(client, site_tree):
    assert "About us" in warm(client)
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are"
    about.save_revision().publish()
    html = client.get(ARTICLE).content.decode()
    assert "Who we are" in html
    assert ">About us<" not in html


def test_an_unpublished_page_leaves_the_menus_at_once(client, site_tree):
    assert 'href="/about/"' in warm(client)
    StandardPage.objects.get(slug="about").unpublish()
    assert 'href="/about/"' not in client.get(ARTICLE).content.decode()


def test_a_deleted_page_leaves_the_menus_at_once(client, site_tree):
    assert 'href="/contact/">Contact us</a>' in warm(client)
    StandardPage.objects.get(slug="contact").delete()
    assert ">Contact us</a>" not in client.get(ARTICLE).content.decode()


def test_a_published_body_change_shows_on_the_next_request(client, article_factory):
    article = article_factory(
        "fragment-article", body=[{"type": "paragraph", "value": "<p>Quillwort before.</p>"}]
    )
    assert "Quillwort before." in warm(client, article.url)
    article.body = [{"type": "paragraph", "value": "<p>Quillwort after.</p>"}]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Quillwort after." in html
    assert "Quillwort before." not in html


def test_a_draft_does_not_change_the_live_body(client, article_factory):
    article = article_factory(
        "draft-article", body=[{"type": "paragraph", "value": "<p>Live words.</p>"}]
    )
    warm(client, article.url)
    page = ArticlePage.objects.get(pk=article.pk)
    page.body = [{"type": "paragraph", "value": "<p>Draft words.</p>"}]
    page.save_revision()  # saved, not published
    html = client.get(article.url).content.decode()
    assert "Live words." in html
    assert "Draft words." not in html


def test_a_moved_article_is_found_at_its_new_address(client, site_tree, home):
    warm(client)
    other_index = ArticleIndexPage(title="More reading", slug="more-reading", summary="More.")
    home.add_child(instance=other_index)
    other_index.save_revision().publish()
    ArticlePage.objects.get(slug="faq").move(other_index, pos="last-child")
    assert client.get("/more-reading/faq/").status_code == 200
    # The old address no longer serves the page (Wagtail's redirects app points it on).
    old = client.get(ARTICLE)
    assert old.status_code == 301
    assert old["Location"] == "/more-reading/faq/"


def test_clinic_details_edits_show_at_once(client, site_tree):
    warm(client)
    clinic = ClinicSettings.for_site(site_tree)
    clinic.phone = "020 7946 0999"
    clinic.clinic_name = "Quillwort Hair Clinic"
    clinic.save()
    html = client.get(ARTICLE).content.decode()
    assert "020 7946 0999" in html
    assert "Quillwort Hair Clinic" in html


def test_a_new_view_restriction_applies_at_once(client, site_tree):
    from wagtail.models import PageViewRestriction

    warm(client)
    PageViewRestriction.objects.create(
        page=ArticleIndexPage.objects.get(slug="articles"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="quillwort-secret",
    )
    response = client.get(ARTICLE)
    assert response.status_code == 200
    assert "Frequently asked questions</h1>" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_preview_shows_the_draft_not_the_cached_live_fragment(client, article_factory):
    article = article_factory(
        "preview-article", body=[{"type": "paragraph", "value": "<p>Live words.</p>"}]
    )
    warm(client, article.url)  # the live body is now a cached fragment
    page = ArticlePage.objects.get(pk=article.pk)
    page.body = [{"type": "paragraph", "value": "<p>Draft words.</p>"}]
    page.save_revision()
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    html = draft.make_preview_request().content.decode()
    assert "Draft words." in html
    assert "Live words." not in html


def test_an_unpublished_article_is_gone_on_the_next_request(client, article_factory):
    article = article_factory("soon-gone")
    warm(client, article.url)  # its route and row are now cached
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get(article.url).status_code == 404


def test_a_retitled_article_shows_its_new_title_at_once(client, article_factory):
    article = article_factory("retitled", title="Old quillwort title")
    assert "Old quillwort title" in warm(client, article.url)
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "New quillwort title"
    page.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<h1>New quillwort title</h1>" in html
    assert "Old quillwort title" not in html


def test_views_without_page_chrome_do_not_load_the_site_data(
    client, site_tree, django_assert_num_queries
):
    """/healthz is marked without_site_data: its own SELECT 1, nothing else, even with
    nothing cached."""
    with django_assert_num_queries(1):
        assert client.get("/healthz").status_code == 200


def test_a_publish_in_another_process_retires_this_workers_copy(client, site_tree):
    from content import site_cache

    assert ">About us<" in warm(client)
    # Another app server publishes: the rows change there, and the shared cache gets a
    # new generation; this process's signals never fire.
    StandardPage.objects.filter(slug="about").update(title="Who we are")
    site_cache._set_new_generation()
    html = client.get(ARTICLE).content.decode()
    assert "Who we are" in html and ">About us<" not in html


def test_a_warm_worker_reads_only_the_generation_not_the_site_data(client, site_tree, monkeypatch):
    from content import site_cache

    warm(client)
    cache = site_cache.data_cache()
    read = []
    real_get, real_get_many = cache.get, cache.get_many
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **k: read.append(key) or real_get(key, *a, **k)
    )
    monkeypatch.setattr(
        cache, "get_many", lambda keys, *a, **k: read.extend(keys) or real_get_many(keys, *a, **k)
    )
    assert client.get(ARTICLE).status_code == 200
    assert site_cache.GENERATION_KEY in read
    assert not [key for key in read if key.startswith(site_cache.SITE_KEY_PREFIX)], read
