"""The Markdown convention of content/initial_content/: each block, and clear errors."""

import textwrap

import pytest

from content.errors import ContentDataError
from content.management.commands.load_initial_data import CONTENT_DIRECTORY
from content.markdown_content import Where, body_blocks, load_directory


def blocks(text):
    return body_blocks(textwrap.dedent(text), Where("articles/test.md"))


def test_headings_paragraphs_and_lists_become_headings_and_rich_text():
    result = blocks(
        """
        Intro with **bold**, *italic* and a [link](/articles/faq/).

        ## A section

        - one
        - two

        ### A subsection

        1. first
        """
    )
    assert [kind for kind, _ in result] == [
        "paragraph",
        "heading",
        "paragraph",
        "subheading",
        "paragraph",
    ]
    assert result[0][1] == (
        "<p>Intro with <strong>bold</strong>, <em>italic</em> and a "
        '<a href="/articles/faq/">link</a>.</p>'
    )
    assert result[1][1] == "A section"
    assert "<ul>" in result[2][1] and "<ol>" in result[4][1]


def test_callouts_faq_steps_table_figure_and_clinic_details():
    result = dict(
        blocks(
            """
            ::: caution Results vary
            Nobody can **promise** a result.
            :::

            ::: faq What are stem cells?
            Cells without a fixed job.
            :::

            ::: steps In order
            #### First
            Do this.

            #### Second
            Then that.
            :::

            ::: table Two things compared
            | Feature | A | B |
            |---|---|---|
            | Source | Blood | Fat |
            :::

            ::: figure A caption
            ![A head seen from above](img/hair-patterns/norwood_3.svg)
            :::

            ::: clinic-details
            :::
            """
        )
    )
    assert result["callout"] == {
        "kind": "caution",
        "title": "Results vary",
        "text": "<p>Nobody can <strong>promise</strong> a result.</p>",
    }
    assert result["faq"]["question"] == "What are stem cells?"
    assert [step["title"] for step in result["steps"]["steps"]] == ["First", "Second"]
    assert result["steps"]["title"] == "In order"
    assert result["comparison_table"] == {
        "caption": "Two things compared",
        "row_header_label": "Feature",
        "column_headers": ["A", "B"],
        "rows": [{"header": "Source", "cells": ["Blood", "Fat"]}],
    }
    assert result["illustration"] == {
        "path": "img/hair-patterns/norwood_3.svg",
        "alt_text": "A head seen from above",
        "caption": "A caption",
    }
    assert result["clinic_details"] is None


def test_an_illustration_by_key_takes_its_alt_text_and_caption_from_the_registry():
    from clinic_site import illustrations

    drawing = illustrations.get("hair-growth-cycle")
    result = blocks("::: illustration hair-growth-cycle\n:::\n")
    assert result == [
        (
            "illustration",
            {"path": drawing.path, "alt_text": drawing.alt, "caption": drawing.caption},
        )
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# A second title\n", r"articles/test\.md, line 1: .*only level 1"),
        ("Text.\n\n::: poem Roses\nare red\n:::\n", r"line 3: unknown or unclosed block"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", r"line 1: .*table"),
        ("::: steps\n#### Only one\nText.\n:::\n", r"at least two"),
        ("::: steps\nNo heading.\n:::\n", r"each step starts with a #### heading"),
        ("::: figure Caption\n![](img/x.svg)\n:::\n", r"needs alt text"),
        ("::: caution\nNo title.\n:::\n", r"needs a title"),
        ("::: illustration no-such-drawing\n:::\n", r"no illustration 'no-such-drawing'"),
        ("::: illustration hair-growth-cycle\nA caption.\n:::\n", r"takes no text"),
        ("```\ncode\n```\n", r"has no place in a page body"),
    ],
)
def test_bad_markdown_is_refused_with_the_file_and_line(text, message):
    with pytest.raises(ContentDataError, match=message):
        blocks(text)


def test_missing_front_matter_and_bad_yaml_are_refused_naming_the_file(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIRECTORY, content)
    article = content / "articles" / "01-what-is-a-stem-cell.md"
    text = article.read_text()
    article.write_text(text.replace("reviewer: helen-marsh\n", ""))
    with pytest.raises(ContentDataError, match=r"01-what-is-a-stem-cell\.md: .*reviewer"):
        load_directory(content)
    article.write_text(text.replace("title: What is a stem cell?", "title: [unclosed"))
    with pytest.raises(ContentDataError, match=r"01-what-is-a-stem-cell\.md: .*YAML"):
        load_directory(content)


def test_the_shipped_content_reads_and_follows_the_contract():
    data = load_directory(CONTENT_DIRECTORY)
    slugs = [article["slug"] for article in data.ARTICLES]
    assert len(slugs) == len(set(slugs)) == 10
    assert "treatments-with-stronger-evidence" in slugs
    keys = {clinician["key"] for clinician in data.CLINICIANS}
    assert {article["reviewed_by"] for article in data.ARTICLES} <= keys
    for article in data.ARTICLES:
        assert set(article["related"]) <= set(slugs), article["slug"]
    assert data.TREATMENTS and data.HOME["featured"]
