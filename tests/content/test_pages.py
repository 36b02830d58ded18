"""Each page type renders accessibly, with the content and governance patients rely on."""

import datetime
import itertools

import pytest
from django.utils.dateformat import format as format_date
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from content.models import ArticlePage, HomePage, RelatedArticle, StandardPage
from content.site_settings import ClinicSettings
from tests.support.content import ARTICLE_SLUGS, PAGE_URLS, STANDARD_SLUGS, soup, words


def heading_levels(document):
    main = document.find("main")
    return [int(tag.name[1]) for tag in main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


@pytest.mark.parametrize("url", PAGE_URLS)
def test_every_page_renders_with_one_h1_and_a_logical_outline(client, site_tree, url):
    document = soup(client.get(url))
    levels = heading_levels(document)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, f"{url}: heading jumps from h{previous} to h{current}"


@pytest.mark.parametrize("url", PAGE_URLS[1:])
def test_pages_below_home_have_breadcrumbs_ending_at_the_current_page(client, site_tree, url):
    document = soup(client.get(url))
    nav = document.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert nav is not None
    items = nav.find("ol").find_all("li", recursive=False)
    assert items[0].a["href"] == "/" and items[0].get_text(strip=True) == "Home"
    current = items[-1].a
    assert current["aria-current"] == "page"
    assert current["href"] == url
    assert len(nav.find_all(attrs={"aria-current": "page"})) == 1


def test_home_page_has_offer_evidence_featured_articles_and_questionnaire_link(client, home):
    document = soup(client.get("/"))
    main = document.find("main")
    assert main.h1.get_text(strip=True) == home.title
    assert home.evidence_summary in words(main.find(class_="evidence-summary").get_text())
    featured = [link.article for link in home.featured_articles.all()]
    assert featured, "the loader features articles on the home page"
    cards = main.find(class_="featured").find_all(class_="card")
    assert [card.a.get_text(strip=True) for card in cards] == [a.title for a in featured]
    for card, article in zip(cards, featured, strict=True):
        assert article.summary in card.get_text()
        assert f"Reading time: {article.reading_time} minute" in card.get_text()
    assert main.find("a", href="/screening/", class_="btn-primary") is not None


def test_article_index_lists_live_articles_in_reading_order(client, article_factory):
    article_factory("a-draft-article", publish=False)
    document = soup(client.get("/articles/"))
    listed = [card.a["href"] for card in document.find("main").find_all(class_="card")]
    assert listed == [f"/articles/{slug}/" for slug in ARTICLE_SLUGS]


def test_article_shows_reading_time_review_and_sources(client, site_tree):
    page = ArticlePage.objects.get(slug="stem-cells-vs-prp")
    document = soup(client.get(page.url))
    header = document.find("main").find(class_="article__header")
    assert page.summary in header.find(class_="lead").get_text()
    meta = words(header.find(class_="article-meta").get_text())
    assert f"Reading time: {page.reading_time} minute" in meta
    reviewer = page.reviewed_by
    assert (
        f"Reviewed by {reviewer.name}, {reviewer.qualifications} on "
        f"{format_date(page.last_reviewed, 'j F Y')}; next review due "
        f"{format_date(page.next_review_due, 'j F Y')}."
    ) in meta
    dates = [time["datetime"] for time in header.find_all("time")]
    assert dates == [page.last_reviewed.isoformat(), page.next_review_due.isoformat()]

    sources = document.find("section", class_="sources")
    assert sources.h2.get_text(strip=True) == "Sources"
    items = sources.find("ol").find_all("li")
    assert len(items) == len(page.references) >= 1
    for item, block in zip(items, page.references, strict=True):
        assert block.value["title"] in item.get_text()
        assert str(block.value["year"]) in item.get_text()


def test_every_loaded_article_shows_governance(client, site_tree):
    for page in ArticlePage.objects.live():
        text = words(soup(client.get(page.url)).find(class_="article-meta").get_text())
        assert f"Reviewed by {page.reviewed_by.name}" in text, page.slug
        assert "next review due" in text, page.slug


def test_article_ends_with_questionnaire_cta_then_related_articles(client, site_tree):
    page = ArticlePage.objects.get(slug="how-the-procedure-works")
    main = soup(client.get(page.url)).find("main")
    sections = main.find(class_="container").find_all(recursive=False)
    assert [s.get("class")[0] for s in sections[-2:]] == ["cta", "related"]
    assert sections[-2].find("a", href="/screening/") is not None
    chosen = [link.article.url for link in page.related_articles.all()]
    assert chosen
    assert [a["href"] for a in sections[-1].select(".card__title a")] == chosen


def test_article_without_chosen_related_articles_links_to_its_siblings(client, article_factory):
    page = article_factory("lonely-article")
    assert not RelatedArticle.objects.filter(page=page).exists()
    related = soup(client.get(page.url)).find("section", class_="related")
    hrefs = [a["href"] for a in related.select(".card__title a")]
    assert hrefs == [f"/articles/{slug}/" for slug in ARTICLE_SLUGS[:3]]


def test_unpublished_related_article_is_not_linked(client, site_tree):
    page = ArticlePage.objects.get(slug="how-the-procedure-works")
    hidden = page.related_articles.first().article
    hidden.unpublish()
    related = soup(client.get(page.url)).find("section", class_="related")
    assert hidden.url not in [a["href"] for a in related.select(".card__title a")]


def test_faq_article_has_five_questions_as_visible_headings(client, site_tree):
    main = soup(client.get("/articles/faq/")).find("main")
    questions = main.select(".faq-item__question")
    assert len(questions) == 5
    assert all(q.name in {"h2", "h3"} for q in questions)
    # Answers are plain content, visible without interaction.
    assert not main.find("details")
    assert all(
        q.find_next_sibling(class_="faq-item__answer").get_text(strip=True) for q in questions
    )


def test_comparison_table_is_an_accessible_data_table(client, site_tree):
    table = soup(client.get("/articles/stem-cells-vs-prp/")).find("main").find("table")
    assert table.caption.get_text(strip=True)
    header_cells = table.thead.find_all("th")
    assert header_cells and all(th["scope"] == "col" for th in header_cells)
    for row in table.tbody.find_all("tr"):
        assert row.th["scope"] == "row"
        assert len(row.find_all("td")) == len(header_cells) - 1
    region = table.find_parent(class_="table-scroll")
    assert region["tabindex"] == "0" and region["role"] == "region"
    # The region is named by the table's caption.
    assert region["aria-labelledby"] == table.caption["id"]
    # Each cell names its column, for the stacked layout on phones.
    for row in table.tbody.find_all("tr"):
        labels = [td["data-label"] for td in row.find_all("td")]
        assert labels == [th.get_text(strip=True) for th in header_cells[1:]]


def test_procedure_steps_are_a_numbered_list(client, site_tree):
    steps = soup(client.get("/articles/how-the-procedure-works/")).find("ol", class_="steps")
    items = steps.find_all("li", recursive=False)
    assert len(items) >= 2
    assert all(item.find(class_="steps__item-title") for item in items)


def test_callout_names_its_kind_in_text_not_only_colour(client, site_tree):
    callout = soup(client.get("/articles/stem-cells-vs-prp/")).find(class_="callout--caution")
    assert callout.find(class_="callout__kind").get_text(strip=True).startswith("Caution")


def test_contact_page_shows_the_clinic_details_from_settings(client, site_tree):
    details = ClinicSettings.objects.get(site=site_tree)
    details.phone = "+44 1234 567890"
    details.opening_hours = "Tuesdays only"
    details.save()
    block = soup(client.get("/contact/")).find("main").find(class_="clinic-details")
    assert "+44 1234 567890" in block.get_text()
    assert "Tuesdays only" in block.get_text()


@pytest.mark.parametrize("slug", STANDARD_SLUGS)
def test_standard_pages_render_their_summary_and_body(client, site_tree, slug):
    page = StandardPage.objects.get(slug=slug)
    main = soup(client.get(f"/{slug}/")).find("main")
    assert main.h1.get_text(strip=True) == page.title
    assert page.summary in main.find(class_="lead").get_text()
    assert len(main.find_all(["p", "li"])) > 3


def test_main_navigation_follows_show_in_menus(client, site_tree):
    def nav_links():
        nav = soup(client.get("/")).find("nav", attrs={"aria-label": "Main"})
        return [a["href"] for a in nav.find_all("a")]

    assert "/articles/" in nav_links()
    assert "/search/" in nav_links()
    about = StandardPage.objects.get(slug="about")
    about.show_in_menus = not about.show_in_menus
    about.save_revision().publish()
    assert ("/about/" in nav_links()) is about.show_in_menus


def test_main_navigation_marks_the_current_section(client, site_tree):
    nav = soup(client.get("/articles/faq/")).find("nav", attrs={"aria-label": "Main"})
    current = nav.find_all(attrs={"aria-current": "page"})
    assert [a["href"] for a in current] == ["/articles/"]


def test_header_links_to_the_questionnaire_on_every_page(client, site_tree):
    for url in ["/", "/articles/faq/", "/privacy/", "/search/"]:
        header = soup(client.get(url)).find("header", class_="site-header")
        link = header.find("a", href="/screening/")
        assert link is not None and link.get_text(strip=True) == "Check if you may be suitable"


def test_footer_links_to_the_privacy_notice_even_when_it_is_not_in_the_menu(client, site_tree):
    privacy = StandardPage.objects.get(slug="privacy")
    privacy.show_in_menus = False
    privacy.save_revision().publish()
    footer = soup(client.get("/articles/")).find("footer")
    assert footer.find("a", href="/privacy/") is not None


def test_image_block_uses_editor_alt_text_or_empty_alt_when_decorative(client, article_factory):
    image = Image.objects.create(title="Scalp", file=get_test_image_file())
    body = [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "A scalp seen close up",
                    "decorative": False,
                },
                "caption": "Magnified view",
            },
        },
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "",
            },
        },
    ]
    page = article_factory("with-images", body=body)
    images = soup(client.get(page.url)).find(class_="article__body").find_all("img")
    assert [img["alt"] for img in images] == ["A scalp seen close up", ""]
    assert images[0].find_parent("figure").figcaption.get_text(strip=True) == "Magnified view"


def test_image_block_is_a_picture_in_modern_formats_with_its_size_and_lazy(client, article_factory):
    image = Image.objects.create(title="Scalp", file=get_test_image_file(size=(1600, 1000)))
    value = {"image": image.pk, "alt_text": "A scalp seen close up", "decorative": False}
    page = article_factory(
        "with-a-picture", body=[{"type": "image", "value": {"image": value, "caption": "Close"}}]
    )
    picture = soup(client.get(page.url)).find(class_="article__body").find("picture")
    assert picture is not None
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    for source in picture.find_all("source"):
        assert len(source["srcset"].split(",")) == 3 and source["sizes"]
    img = picture.find("img")
    assert img["alt"] == "A scalp seen close up"
    assert img["loading"] == "lazy"
    assert (img["width"], img["height"]) == ("480", "300")  # the smallest JPEG's size
    assert img["src"].endswith(".jpg") and len(img["srcset"].split(",")) == 3


def test_draft_article_is_not_served(client, article_factory):
    page = article_factory("not-yet", publish=False)
    assert client.get("/articles/not-yet/").status_code == 404
    assert page.pk


def test_home_page_model_is_the_only_one(site_tree):
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(HomePage.objects.get().get_parent())


def test_reading_time_comes_from_the_body(article_factory):
    paragraph = "<p>" + " ".join(["word"] * 450) + "</p>"
    page = article_factory("long-read", body=[{"type": "paragraph", "value": paragraph}])
    assert page.reading_time == 3  # 450 words at 200 a minute, rounded up
    short = article_factory("short-read")
    assert short.reading_time == 1


def test_review_dates_show_in_the_page_even_years_ahead(client, article_factory):
    due = datetime.date.today() + datetime.timedelta(days=700)
    page = article_factory("far-ahead", next_review_due=due)
    text = soup(client.get(page.url)).find(class_="article-meta").get_text()
    assert format_date(due, "j F Y") in text


def test_clinician_photo_is_a_small_picture_in_modern_formats(client, site_tree):
    from content.snippets import Clinician

    photo = Image.objects.create(title="Portrait", file=get_test_image_file(size=(600, 600)))
    clinician = Clinician.objects.order_by("name").first()
    clinician.photo = photo
    clinician.save()
    picture = soup(client.get("/our-clinicians/")).find("picture")
    assert [s["type"] for s in picture.find_all("source")] == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert "clinician__photo" in img["class"] and img["alt"] == ""
    assert (img["width"], img["height"]) == ("120", "120") and img["loading"] == "lazy"
