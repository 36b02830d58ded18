"""Layout through HTTP: "On this page" on long pages, article cards with a drawing and a
review date, and a home page whose first screen names the two next steps."""

import pytest

from content.models import ArticlePage
from tests.support.content import soup


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text="Some words."):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def drawing_file(drawing):
    """The drawing's file name without its extension (static URLs may add a hash)."""
    return drawing.path.rsplit("/", 1)[-1].removesuffix(".svg")


def contents_links(document):
    nav = document.find("nav", class_="page-contents")
    return None if nav is None else [(a["href"], a.get_text(strip=True)) for a in nav.find_all("a")]


@pytest.mark.parametrize("slug", ["faq", "regenerative-approaches-for-hair", "stem-cells-vs-prp"])
def test_long_articles_list_their_sections_and_each_link_reaches_its_heading(
    client, site_tree, slug
):
    document = soup(client.get(f"/articles/{slug}/"))
    nav = document.find("nav", class_="page-contents")
    assert nav["aria-labelledby"] == "page-contents-heading"
    assert nav.find(id="page-contents-heading").get_text(strip=True) == "On this page"
    links = contents_links(document)
    body_sections = document.find(class_="article__body").find_all("h2")
    assert links[:-1] == [(f"#{h2['id']}", h2.get_text(strip=True)) for h2 in body_sections]
    assert links[-1] == ("#sources-heading", "Sources")
    assert document.find(id="sources-heading") is not None
    # Before the text, so it is a plain list at the top on a phone.
    assert nav.find_next(class_="article__body") is not None


def test_a_short_article_has_no_contents_and_repeated_titles_get_their_own_anchor(
    client, article_factory
):
    short = article_factory("short", body=[heading("One"), paragraph(), heading("Two")])
    assert contents_links(soup(client.get(short.url))) is None

    body = [heading("Risks"), paragraph(), heading("Risks"), paragraph(), heading("Main content")]
    body += [heading("Below", "h3"), paragraph()]
    long = article_factory("long", body=body)
    document = soup(client.get(long.url))
    assert contents_links(document)[:3] == [
        ("#risks", "Risks"),
        ("#risks-2", "Risks"),
        ("#main-content-2", "Main content"),
    ]
    ids = [tag["id"] for tag in document.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_long_standard_pages_have_contents_too(client, site_tree):
    links = contents_links(soup(client.get("/privacy/")))
    assert links and ("#cookies", "Cookies") in links


def test_article_cards_show_a_drawing_summary_reading_time_and_review_date(client, site_tree):
    document = soup(client.get("/articles/"))
    cards = document.find(class_="card-list").find_all(class_="card")
    articles = {a.title: a for a in ArticlePage.objects.live()}
    assert len(cards) == len(articles)
    for card in cards:
        article = articles[card.find(class_="card__title").get_text(strip=True)]
        image = card.find(class_="card__media").img
        assert image["alt"] == ""  # the title says what the card is
        assert article.card_drawing is not None
        assert drawing_file(article.card_drawing) in image["src"]
        assert image["width"] and image["height"]
        assert article.summary in card.get_text()
        time = card.find(class_="card__reviewed").time
        assert time["datetime"] == article.last_reviewed.isoformat()


def test_the_card_drawing_is_the_first_drawing_unless_an_editor_chose_one(article_factory):
    from clinic_site import illustrations

    drawing = illustrations.get("smooth-bald-areas")
    block = {
        "type": "illustration",
        "value": {"path": drawing.path, "alt_text": drawing.alt, "caption": ""},
    }
    assert article_factory("drawn", body=[paragraph(), block]).card_illustration == drawing.key
    chosen = article_factory("chosen", body=[block], card_illustration="hair-growth-cycle")
    assert chosen.card_illustration == "hair-growth-cycle"
    assert article_factory("plain").card_drawing is None


def test_home_first_screen_offers_reading_and_the_questionnaire(client, site_tree):
    hero = soup(client.get("/")).find(class_="home-hero")
    assert hero.h1 is not None and hero.find(class_="evidence-summary") is not None
    actions = hero.find(class_="home-hero__actions").find_all("a")
    assert [a["href"] for a in actions] == ["/articles/", "/screening/"]
    figure = hero.find("figure")
    assert figure.img["alt"] and figure.figcaption.get_text(strip=True)


def test_the_loaded_cards_use_the_drawing_their_file_names(site_tree):
    from content.management.commands.load_initial_data import CONTENT_DIRECTORY
    from content.markdown_content import load_directory

    data = load_directory(CONTENT_DIRECTORY)
    chosen = {a["slug"]: a["card_illustration"] for a in data.ARTICLES if "card_illustration" in a}
    assert len(set(chosen.values())) == len(chosen) >= 10  # a different drawing on each card
    for slug, key in chosen.items():
        assert ArticlePage.objects.get(slug=slug).card_illustration == key


def test_editors_choose_the_card_drawing_from_the_registered_drawings(admin_client, site_tree):
    from django.core.exceptions import ValidationError

    from clinic_site import illustrations

    article = ArticlePage.objects.get(slug="faq")
    page = soup(admin_client.get(f"/admin/pages/{article.pk}/edit/"))
    select = page.find("select", attrs={"name": "card_illustration"})
    values = [option["value"] for option in select.find_all("option")]
    assert values == ["", *sorted(illustrations.ILLUSTRATIONS)]
    article.card_illustration = "not-a-drawing"
    with pytest.raises(ValidationError, match="card_illustration"):
        article.full_clean()
