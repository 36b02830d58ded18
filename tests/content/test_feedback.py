"""“Was this page helpful?”: stored per page, with or without JavaScript, guarded without a
CSRF token (the form lives in cached pages), rate limited, and shown to editors."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content.feedback import PageFeedback
from content.models import ArticlePage, HomePage
from tests.support.content import soup

ARTICLE_URL = "/articles/stem-cells-vs-prp/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def article(site_tree):
    cache.clear()  # the rate limit counts in the cache
    return ArticlePage.objects.get(slug="stem-cells-vs-prp")


def feedback_url(page):
    return f"/feedback/{page.pk}/"


def test_the_form_is_on_every_article_and_posts_outside_the_page(client, article):
    form = soup(client.get(ARTICLE_URL)).find("form", attrs={"data-page-feedback": True})
    assert form["method"] == "post" and form["action"] == feedback_url(article)
    assert {button["value"] for button in form.find_all("button", attrs={"name": "helpful"})} == {
        "yes",
        "no",
    }
    comment = form.find("textarea", attrs={"name": "comment"})
    assert form.find("label", attrs={"for": comment["id"]}) is not None
    assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert not form.find("input", attrs={"type": "email"})


def test_without_javascript_an_answer_is_stored_and_thanked(client, article):
    response = client.post(
        feedback_url(article), {"helpful": "no", "comment": "Too long."}, **SAME_ORIGIN
    )
    assert response.status_code == 302
    assert response["Location"] == f"/feedback/{article.pk}/thanks/"
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment) == (
        article.pk,
        False,
        "Too long.",
    )
    thanks = soup(client.get(response["Location"]))
    assert "Thank you" in thanks.find("h1").get_text()
    assert thanks.find("a", href=ARTICLE_URL) is not None


def test_with_javascript_the_answer_comes_back_as_a_message(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN, **JSON)
    assert response.status_code == 200
    assert "Thank you" in response.json()["message"]
    assert PageFeedback.objects.get().helpful is True


def test_no_csrf_token_is_needed_but_another_origin_is_refused(article):
    client = Client(enforce_csrf_checks=True)
    assert client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 302
    for headers in (
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {},
    ):
        response = client.post(feedback_url(article), {"helpful": "yes"}, **headers)
        assert response.status_code == 403, headers
    assert PageFeedback.objects.count() == 1


def test_a_same_origin_referer_is_enough_when_origin_is_missing(client, article):
    response = client.post(
        feedback_url(article), {"helpful": "yes"}, HTTP_REFERER="http://testserver" + ARTICLE_URL
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "data", [{}, {"helpful": "maybe"}, {"helpful": "yes", "comment": "x" * 1001}]
)
def test_bad_answers_get_a_clear_400_and_nothing_is_stored(client, article, data):
    response = client.post(feedback_url(article), data, **SAME_ORIGIN)
    assert response.status_code == 400
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.find("h1").get_text(strip=True) == "We could not save your feedback"
    assert document.find("a", href=ARTICLE_URL) is not None
    assert client.post(feedback_url(article), data, **SAME_ORIGIN, **JSON).json()["message"]
    assert not PageFeedback.objects.exists()


def test_contact_details_typed_into_a_comment_are_not_stored(client, article):
    client.post(
        feedback_url(article),
        {"helpful": "no", "comment": "Call me on 07700 900123 or jo@mail.test"},
        **SAME_ORIGIN,
    )
    comment = PageFeedback.objects.get().comment
    assert "07700" not in comment and "jo@mail.test" not in comment


def test_answers_are_rate_limited_per_address(client, article, settings):
    settings.PAGE_FEEDBACK_RATE = "2/hour"
    for _ in range(2):
        assert (
            client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 302
        )
    response = client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert PageFeedback.objects.count() == 2


def test_only_live_pages_that_take_feedback_can_be_answered(client, article):
    home = HomePage.objects.get()
    assert client.post(feedback_url(home), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 404
    assert client.post("/feedback/999999/", {"helpful": "yes"}, **SAME_ORIGIN).status_code == 404
    article.unpublish()
    assert client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 404
    assert client.get(feedback_url(article)).status_code == 405


def test_the_article_stays_cached_and_the_form_still_works(client, article, cache_on):
    client.get(ARTICLE_URL)
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(ARTICLE_URL)
    assert hit["X-Cache"] == "hit" and len(queries) == 0
    response = client.post(feedback_url(article), {"helpful": "yes"}, **SAME_ORIGIN)
    assert response.status_code == 302 and PageFeedback.objects.count() == 1
    assert "X-Cache" not in client.get(response["Location"])


# Editors' side -------------------------------------------------------------------


def test_the_report_counts_answers_per_page_least_helpful_first(admin_client, article):
    faq = ArticlePage.objects.get(slug="faq")
    PageFeedback.objects.bulk_create(
        [
            PageFeedback(page=article, helpful=True),
            PageFeedback(page=faq, helpful=False, comment="Confusing."),
            PageFeedback(page=faq, helpful=True),
        ]
    )
    document = soup(admin_client.get("/admin/reports/page-feedback/"))
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in document.find("table", class_="listing").tbody.find_all("tr")
    ]
    assert [row[:5] for row in rows] == [
        [faq.title, "1", "1", "1", rows[0][4]],
        [article.title, "1", "0", "0", rows[1][4]],
    ]
    comments = soup(admin_client.get(f"/admin/reports/page-feedback/{faq.pk}/")).get_text()
    assert "Confusing." in comments


def test_the_review_report_shows_feedback_beside_each_page(admin_client, article):
    import datetime

    article.next_review_due = datetime.date.today()
    article.save()
    PageFeedback.objects.create(page=article, helpful=False)
    document = soup(admin_client.get("/admin/reports/clinical-reviews-due/"))
    row = next(
        tr
        for tr in document.find("table", class_="listing").tbody.find_all("tr")
        if article.title in tr.get_text()
    )
    assert "0 yes, 1 no" in row.get_text()


def test_editors_may_read_feedback_but_other_staff_may_not(db, django_user_model, article):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("ed", password="pw-x9!long")
    editor.groups.add(Group.objects.get(name="Editors"))
    other = django_user_model.objects.create_user("other", password="pw-x9!long")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    other.groups.add(group)
    for user, allowed in ((editor, True), (other, False)):
        client = Client()
        client.force_login(user)
        response = client.get("/admin/reports/page-feedback/")
        assert (response.status_code == 200) is allowed, user.username
