"""/search/: finds live public pages, paginates, explains empty results, survives odd input."""

import pytest
from wagtail.models import PageViewRestriction

from content.views import MAX_QUERY_LENGTH, clean_query
from tests.support.content import soup


def result_links(document):
    return [a["href"] for a in document.select(".search-results__title a")]


def test_search_for_prp_finds_the_prp_article(client, site_tree):
    document = soup(client.get("/search/", {"q": "PRP"}))
    assert "/articles/stem-cells-vs-prp/" in result_links(document)


def test_search_ignores_case_and_finds_words_in_the_body(client, article_factory):
    article_factory(
        "body-only",
        body=[{"type": "paragraph", "value": "<p>Trichoscopy records the baseline.</p>"}],
    )
    document = soup(client.get("/search/", {"q": "TRICHOSCOPY"}))
    assert "/articles/body-only/" in result_links(document)


def test_results_are_paginated_ten_to_a_page(client, article_factory):
    for number in range(12):
        article_factory(f"zymurgy-{number:02}", summary="All about zymurgy.")
    first = soup(client.get("/search/", {"q": "zymurgy"}))
    assert len(result_links(first)) == 10
    assert "12 results for “zymurgy”" in first.find(class_="search-summary").get_text()
    nav = first.find("nav", attrs={"aria-label": "Search results pages"})
    next_link = nav.find("a", rel="next")["href"]
    assert next_link == "?q=zymurgy&page=2"
    second = soup(client.get("/search/" + next_link))
    assert len(result_links(second)) == 2
    assert second.find("ol", class_="search-results")["start"] == "11"
    assert set(result_links(first)).isdisjoint(result_links(second))


def test_drafts_and_private_pages_are_not_found(client, article_factory):
    article_factory("secret-draft", summary="Quokkaberry.", publish=False)
    private = article_factory("private-page", summary="Quokkaberry.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    document = soup(client.get("/search/", {"q": "quokkaberry"}))
    assert result_links(document) == []


def test_empty_search_shows_a_labelled_form_and_places_to_start(client, site_tree):
    document = soup(client.get("/search/"))
    label = document.find("label", attrs={"for": "search-query"})
    assert label is not None and "visually-hidden" not in (label.get("class") or [])
    assert document.find("input", id="search-query")["name"] == "q"
    suggestions = [a["href"] for a in document.select(".search-empty a")]
    assert suggestions == ["/articles/", "/articles/faq/"]
    assert document.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_no_results_explains_and_suggests(client, site_tree):
    document = soup(client.get("/search/", {"q": "xylophonist"}))
    empty = document.find(class_="search-empty")
    assert "We found no pages for “xylophonist”" in empty.get_text()
    assert [a["href"] for a in empty.find_all("a")] == ["/articles/", "/articles/faq/"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "stem " * 2000},
        {"q": "PRP\x00cells"},
        {"q": "\x00\x01\x02"},
        {"q": "' OR 1=1; --"},
        {"q": '"unbalanced (quote'},
        {"q": '"'},
        {"q": "-"},
        {"q": "'"},
        {"q": "PRP's - NEAR AND OR NOT ^*"},
        {"q": "cellules souches é 幹細胞 🧬"},
        {"q": "& | ! : * <>"},
        {"q": "PRP", "page": "abc"},
        {"q": "PRP", "page": "9999"},
        {"q": "PRP", "page": "-1"},
    ],
)
def test_odd_input_never_fails(client, site_tree, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    shown = soup(response).find("input", id="search-query")["value"]
    assert len(shown) <= MAX_QUERY_LENGTH
    assert "\x00" not in shown


def test_punctuation_does_not_stop_a_search_finding_its_words(client, site_tree):
    document = soup(client.get("/search/", {"q": '"PRP'}))
    assert "/articles/stem-cells-vs-prp/" in result_links(document)


def test_search_only_answers_get_and_head(client, db):
    assert client.post("/search/", {"q": "PRP"}).status_code == 405


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  PRP  ", "PRP"),
        ("stem\x00cells", "stem cells"),
        ("a\tb\nc", "a b c"),
        ("x" * 500, "x" * MAX_QUERY_LENGTH),
        ("\x07", ""),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_empty_search_suggestions_come_from_the_cache_until_a_publish(
    client, site_tree, django_assert_max_num_queries
):
    from content.models import ArticlePage

    client.get("/search/", {"q": "xylophonist"})  # warm: site data and suggestions
    # The search itself only (it counts, then finds nothing); the suggestions took two.
    with django_assert_max_num_queries(2):
        document = soup(client.get("/search/", {"q": "xylophonist"}))
    assert [a["href"] for a in document.select(".search-empty a")] == [
        "/articles/",
        "/articles/faq/",
    ]
    ArticlePage.objects.get(slug="faq").unpublish()  # a new site data generation
    document = soup(client.get("/search/", {"q": "xylophonist"}))
    assert [a["href"] for a in document.select(".search-empty a")] == ["/articles/"]
