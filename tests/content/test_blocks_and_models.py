"""Validation editors meet in the admin: blocks, review dates, reading time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from content.blocks import ComparisonTableBlock, ContentBodyBlock, FigureBlock, SourceBlock
from content.models import ArticlePage, describe_review_due, reading_minutes

TODAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (400, 2), (1001, 6)]
)
def test_reading_time_is_at_least_a_minute_at_200_words_a_minute(words, minutes):
    assert reading_minutes(words) == minutes


@pytest.mark.parametrize(
    ("due", "text"),
    [
        (TODAY - datetime.timedelta(days=12), "Overdue by 12 days"),
        (TODAY - datetime.timedelta(days=1), "Overdue by 1 day"),
        (TODAY, "Due today"),
        (TODAY + datetime.timedelta(days=1), "Due in 1 day"),
        (TODAY + datetime.timedelta(days=30), "Due in 30 days"),
        (None, "No review date set"),
    ],
)
def test_review_status_wording(due, text):
    assert describe_review_due(due, TODAY) == text


def test_next_review_must_come_after_the_last(clinician):
    page = ArticlePage(
        title="x",
        slug="x",
        summary="s",
        reviewed_by=clinician,
        last_reviewed=datetime.date(2026, 1, 1),
        next_review_due=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "next_review_due" in error.value.message_dict


def test_last_review_cannot_be_in_the_future(clinician):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    page = ArticlePage(
        title="x",
        slug="x",
        summary="s",
        reviewed_by=clinician,
        last_reviewed=tomorrow,
        next_review_due=tomorrow + datetime.timedelta(days=365),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "last_reviewed" in error.value.message_dict


def test_a_clinician_who_reviewed_articles_cannot_be_deleted(site_tree):
    from django.db.models import ProtectedError

    reviewer = ArticlePage.objects.first().reviewed_by
    with pytest.raises(ProtectedError):
        reviewer.delete()


def table(rows):
    block = ComparisonTableBlock()
    return block, block.to_python(
        {"caption": "C", "row_header_label": "R", "column_headers": ["A", "B"], "rows": rows}
    )


def test_table_rows_must_have_one_cell_per_column():
    block, value = table([{"header": "Row", "cells": ["1", "2"]}])
    block.clean(value)
    block, value = table([{"header": "Row", "cells": ["1"]}])
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "one cell per column (2): “Row” has 1" in str(error.value.non_block_errors)


def test_a_subsection_heading_needs_a_section_heading_above_it():
    block = ContentBodyBlock()
    good = block.to_python(
        [
            {"type": "heading", "value": {"text": "Section", "level": "h2"}},
            {"type": "heading", "value": {"text": "Sub", "level": "h3"}},
        ]
    )
    block.clean(good)
    bad = block.to_python([{"type": "heading", "value": {"text": "Sub", "level": "h3"}}])
    with pytest.raises(ValidationError) as error:
        block.clean(bad)
    assert 0 in error.value.block_errors


def test_images_need_alt_text_unless_marked_decorative(db):
    image = Image.objects.create(title="Scalp", file=get_test_image_file())
    block = FigureBlock()
    missing = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(ValidationError):
        block.clean(missing)
    decorative = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    block.clean(decorative)
    described = block.to_python({"image": {"image": image.pk, "alt_text": "A scalp"}})
    block.clean(described)


def test_a_source_cannot_be_dated_in_the_future():
    block = SourceBlock()
    future = block.to_python(
        {"title": "T", "source": "S", "year": datetime.date.today().year + 1, "url": ""}
    )
    with pytest.raises(ValidationError):
        block.clean(future)


def test_body_headings_push_titled_blocks_one_level_down():
    block = ContentBodyBlock()
    value = block.to_python(
        [
            {"type": "faq", "value": {"question": "Before any heading?", "answer": "<p>a</p>"}},
            {"type": "heading", "value": {"text": "Section", "level": "h2"}},
            {"type": "faq", "value": {"question": "Under a section?", "answer": "<p>b</p>"}},
            {"type": "heading", "value": {"text": "Sub", "level": "h3"}},
            {
                "type": "steps",
                "value": {
                    "title": "Steps",
                    "steps": [
                        {"title": "One", "text": "<p>1</p>"},
                        {"title": "Two", "text": "<p>2</p>"},
                    ],
                },
            },
        ]
    )
    html = block.render(value)
    assert '<h2 class="faq-item__question">Before any heading?</h2>' in html
    assert '<h3 class="faq-item__question">Under a section?</h3>' in html
    assert '<h4 class="steps__title">Steps</h4>' in html
    assert '<h5 class="steps__item-title">One</h5>' in html
