"""The loader with small fixture data: mapping onto our blocks, and bad data refused whole."""

import copy
import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from content.loader import ContentDataError, ContentLoader, rich_text
from content.management.commands.load_initial_data import CONTENT_DIRECTORY
from content.models import ArticlePage, HomePage, StandardPage
from tests.support.content import small_content


def load(data):
    loader = ContentLoader(data)
    loader.load(Page.get_first_root_node())
    return loader


def broken_article(**changes):
    data = small_content()
    article = copy.deepcopy(data.ARTICLES[0])
    article.update(changes)
    data.ARTICLES = [article]
    return data


def test_neutral_blocks_map_onto_our_blocks(db):
    load(small_content())
    article = ArticlePage.objects.get(slug="only-article")
    blocks = [(block.block_type, block.value) for block in article.body]
    assert [kind for kind, _ in blocks] == ["heading", "paragraph", "heading", "faq"]
    assert blocks[0][1]["level"] == "h2" and blocks[2][1]["level"] == "h3"
    assert '<a href="/articles/">link</a>' in blocks[1][1].source
    assert blocks[3][1]["question"] == "A question?"
    assert article.references[0].value["title"] == "Ref"
    assert article.reviewed_by.name == "Dr Fixture"


def test_a_clinic_details_block_shows_the_settings_where_it_is_placed(db):
    load(small_content())
    contact = StandardPage.objects.get(slug="contact")
    assert [block.block_type for block in contact.body] == [
        "paragraph",
        "clinic_details",
        "heading",
    ]


def test_home_features_the_listed_articles(db):
    load(small_content())
    home = HomePage.objects.get()
    assert [link.article.slug for link in home.featured_articles.all()] == ["only-article"]


def test_a_missing_related_article_is_reported_not_fatal(db):
    loader = load(broken_article(related=["no-such-article"]))
    assert ArticlePage.objects.filter(slug="only-article", live=True).exists()
    assert any("no-such-article" in warning for warning in loader.warnings)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"body": [("poem", "Roses are red")]}, "unknown block type"),
        ({"body": [("paragraph", "<p>Fine</p><table><tr><td>x</td></tr></table>")]}, "markup"),
        ({"body": [("callout", {"kind": "information"})]}, "malformed"),
        (
            {
                "body": [
                    (
                        "comparison_table",
                        {
                            "caption": "Uneven",
                            "row_header_label": "Row",
                            "column_headers": ["A", "B"],
                            "rows": [{"header": "One", "cells": ["only one"]}],
                        },
                    )
                ]
            },
            "one cell per column",
        ),
        ({"body": [("subheading", "Orphan H3")]}, "H3"),
        ({"reviewed_by": "nobody"}, "unknown clinician"),
        ({"last_reviewed": "25/11/2026"}, "not a YYYY-MM-DD date"),
        ({"next_review_due": "2025-01-01"}, "must fall after the last review"),
        ({"references": []}, "references"),
    ],
)
def test_bad_data_is_refused_and_nothing_is_saved(db, changes, message):
    pages_before = Page.objects.count()
    with pytest.raises(ContentDataError, match=message):
        load(broken_article(**changes))
    assert Page.objects.count() == pages_before


def test_the_command_reports_bad_data_naming_the_file_and_saves_nothing(db, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIRECTORY, content)
    faq = content / "articles" / "10-faq.md"
    faq.write_text(faq.read_text() + "\n::: poem Roses\nare red\n:::\n")
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match=r"Nothing was loaded: articles/10-faq\.md, line \d+"):
        call_command(
            "load_initial_data",
            "--content-dir",
            str(content),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert Page.objects.count() == pages_before


def test_rich_text_is_stored_as_the_editor_would_store_it():
    stored = rich_text('<p>A <b>bold</b> <a href="/privacy/">link</a></p><ul><li>x</li></ul>', "t")
    assert stored.startswith("<p data-block-key=")
    assert '<a href="/privacy/">link</a>' in stored and "<ul><li" in stored


def test_an_illustration_from_the_static_files_is_loaded_and_rendered(client, db):
    body = [
        ("heading", "A section"),
        (
            "illustration",
            {"path": "img/hair-patterns/norwood_3.svg", "alt_text": "Norwood III", "caption": "C"},
        ),
    ]
    load(broken_article(body=body))
    article = ArticlePage.objects.get(slug="only-article")
    html = str(article.body.render_as_block())
    assert 'alt="Norwood III"' in html and "norwood_3.svg" in html and "<figcaption>C" in html


def test_an_illustration_whose_file_is_missing_is_refused_naming_the_block(db):
    body = [("illustration", {"path": "img/illustrations/not-yet.svg", "alt_text": "Soon"})]
    with pytest.raises(ContentDataError, match=r"block 0 \(illustration\).*not-yet\.svg|not-yet"):
        load(broken_article(body=body))
