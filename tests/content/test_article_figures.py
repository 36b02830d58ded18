"""Every article explains something with at least one of our drawings: a <figure> with an
image that says what it shows (alt text) and a caption, served over HTTP as patients get it."""

import pytest

from clinic_site import illustrations
from content.models import ArticlePage
from tests.support.content import soup


def figures_of(document):
    body = document.find(class_="article__body")
    assert body is not None
    return body.find_all("figure")


def test_every_loaded_article_has_a_captioned_figure_with_alt_text(client, site_tree):
    articles = list(ArticlePage.objects.live())
    assert len(articles) >= 10
    for article in articles:
        document = soup(client.get(article.url))
        figures = figures_of(document)
        assert figures, f"{article.slug} has no figure"
        for figure in figures:
            image = figure.find("img")
            assert image is not None and image.get("alt", "").strip(), article.slug
            caption = figure.find("figcaption")
            assert caption is not None and caption.get_text(strip=True), article.slug
            # Our drawings come with their size, so the page does not shift as they load.
            assert image.get("width") and image.get("height"), (article.slug, image["src"])


def test_an_article_without_a_figure_fails_the_check(client, article_factory):
    article = article_factory("no-pictures")
    with pytest.raises(AssertionError):
        assert figures_of(soup(client.get(article.url)))


def test_a_registered_drawing_renders_with_its_size_and_compact_class(client, article_factory):
    drawing = illustrations.get("procedure-step-2-collecting")
    article = article_factory(
        "one-drawing",
        body=[
            {
                "type": "illustration",
                "value": {"path": drawing.path, "alt_text": drawing.alt, "caption": "Step 2."},
            }
        ],
    )
    (figure,) = figures_of(soup(client.get(article.url)))
    image = figure.find("img")
    assert image["alt"] == drawing.alt
    assert (image["width"], image["height"]) == (str(drawing.width), str(drawing.height))
    assert "figure--compact" in figure["class"]
    assert figure.find("figcaption").get_text(strip=True) == "Step 2."


def test_every_registered_drawing_fits_the_illustration_block():
    from content.blocks import IllustrationBlock

    block = IllustrationBlock()
    for drawing in illustrations.ILLUSTRATIONS.values():
        block.clean({"path": drawing.path, "alt_text": drawing.alt, "caption": drawing.caption})
