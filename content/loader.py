"""Build the site's pages from content data (normally ``content.initial_content``).

The loader only adds what is missing. A page that already exists at its place in the
tree is left exactly as it is, even when its text differs from the data: an editor may
have changed it. Pages are looked up by slug under their expected parent.

The data format (CLINICIANS, HOME, ARTICLE_INDEX, ARTICLES, STANDARD_PAGES) is described
in ``content/initial_content/__init__.py``; this module maps its neutral body blocks
onto our StreamField blocks.
"""

import datetime
import html
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from content.blocks import RICH_TEXT_FEATURES
from content.models import (
    ArticleIndexPage,
    ArticlePage,
    HomeFeaturedArticle,
    HomePage,
    RelatedArticle,
    StandardPage,
)
from content.snippets import Clinician

# Pages that show the clinic's contact details (from Settings) before their first heading.
CONTACT_DETAILS_PAGES = {"contact"}


class ContentDataError(Exception):
    """The content data does not fit the contract; nothing has been saved."""


@dataclass
class LoadSummary:
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)

    def record(self, label: str, created: bool):
        (self.created if created else self.present).append(label)


_converter = ContentstateConverter(features=RICH_TEXT_FEATURES)


# Tags the editor's rich text keeps with RICH_TEXT_FEATURES (strong/em become b/i).
RICH_TEXT_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"}


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def _words(markup: str) -> list[str]:
    return html.unescape(strip_tags(markup)).split()


def rich_text(markup: str, where: str) -> str:
    """Rich text as Wagtail's editor would store it.

    A round trip through the editor's converter keeps only the features our templates
    style; markup it would flatten or drop is refused rather than silently lost.
    """
    collector = _TagCollector()
    collector.feed(markup)
    unsupported = sorted(collector.tags - RICH_TEXT_TAGS)
    if unsupported:
        raise ContentDataError(
            f"{where}: rich text uses markup the editor cannot keep: <{'>, <'.join(unsupported)}>"
        )
    stored = _converter.to_database_format(_converter.from_database_format(markup))
    if _words(stored) != _words(markup):
        raise ContentDataError(f"{where}: rich text lost words in the editor's converter")
    return stored


def stream_data(body, where: str) -> list[dict]:
    """The contract's (block_type, value) pairs as raw StreamField data."""
    blocks = []
    for index, item in enumerate(body):
        try:
            block_type, value = item
        except (TypeError, ValueError):
            raise ContentDataError(f"{where}, block {index}: not a (type, value) pair") from None
        at = f"{where}, block {index} ({block_type})"
        try:
            blocks.append(_stream_block(block_type, value, at))
        except (KeyError, TypeError, AttributeError) as error:
            raise ContentDataError(f"{at}: malformed value ({error!r})") from None
    return blocks


def _stream_block(block_type, value, at):
    if block_type in ("heading", "subheading"):
        level = "h2" if block_type == "heading" else "h3"
        return {"type": "heading", "value": {"text": value, "level": level}}
    if block_type == "paragraph":
        return {"type": "paragraph", "value": rich_text(value, at)}
    if block_type == "callout":
        return {
            "type": "callout",
            "value": {
                "kind": value["kind"],
                "title": value["title"],
                "text": rich_text(value["text"], at),
            },
        }
    if block_type == "steps":
        steps = [
            {"title": step["title"], "text": rich_text(step["text"], at)} for step in value["steps"]
        ]
        return {"type": "steps", "value": {"title": value.get("title", ""), "steps": steps}}
    if block_type == "comparison_table":
        return {
            "type": "comparison_table",
            "value": {
                "caption": value["caption"],
                "row_header_label": value["row_header_label"],
                "column_headers": list(value["column_headers"]),
                "rows": [
                    {"header": row["header"], "cells": list(row["cells"])} for row in value["rows"]
                ],
            },
        }
    if block_type == "faq":
        return {
            "type": "faq",
            "value": {"question": value["question"], "answer": rich_text(value["answer"], at)},
        }
    raise ContentDataError(f"{at}: unknown block type")


def with_contact_details(blocks: list[dict]) -> list[dict]:
    first_heading = next(
        (index for index, block in enumerate(blocks) if block["type"] == "heading"), len(blocks)
    )
    return [
        *blocks[:first_heading],
        {"type": "clinic_details", "value": None},
        *blocks[first_heading:],
    ]


def _date(value, where):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ContentDataError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def block_error_messages(error, path=()):
    """The messages of a (nested) StreamField validation error, each with where it is."""
    where = " > ".join(path) or "block"
    children = getattr(error, "block_errors", None) or {}
    non_block = getattr(error, "non_block_errors", None) or []
    messages = [f"{where}: {message}" for message in non_block]
    for key, child in children.items():
        messages += block_error_messages(child, (*path, str(key)))
    if not children and not non_block:
        messages += [f"{where}: {message}" for message in error.messages]
    return messages


def _check_stream(page, field_name, where):
    """Validate a StreamField as the editor would, so bad data fails loudly here."""
    stream = getattr(page, field_name)
    try:
        stream.stream_block.clean(stream)
    except ValidationError as error:
        details = "; ".join(block_error_messages(error))
        raise ContentDataError(f"{where}: invalid {field_name}: {details}") from None


@contextmanager
def _data_errors(where):
    """Report a model validation error as bad data, naming the page."""
    try:
        yield
    except ValidationError as error:
        raise ContentDataError(f"{where}: {'; '.join(error.messages)}") from None


class ContentLoader:
    def __init__(self, data):
        self.data = data
        self.summary = LoadSummary()
        self.warnings = []
        self._clinicians = {}
        self._new_pages = []  # published once every page exists, so links can be set

    @transaction.atomic
    def load(self, root) -> HomePage:
        """Add whatever is missing of the home page and everything below it, under the
        tree's `root`, then publish the new pages (one revision each)."""
        home = self.ensure_home(root)
        index = self.ensure_article_index(home)
        articles = self.ensure_articles(index)
        for page_data in self.data.STANDARD_PAGES:
            self.ensure_standard_page(home, page_data)

        for page in self._new_pages:
            if isinstance(page, ArticlePage):
                page.related_articles = [
                    RelatedArticle(article=related)
                    for related in self._pages_for(page.related_slugs, articles, page.slug)
                ]
            elif isinstance(page, HomePage):
                page.featured_articles = [
                    HomeFeaturedArticle(article=featured)
                    for featured in self._pages_for(self.data.HOME["featured"], articles, "home")
                ]
        for page in self._new_pages:
            with _data_errors(page.slug):
                page.save_revision().publish()
        self.record_clinicians_not_needed()
        return home

    def record_clinicians_not_needed(self):
        """Count the data's clinicians that no new article asked for, when they exist, so
        a second run reports as present everything the first one created."""
        for details in self.data.CLINICIANS:
            looked_up = details["key"] in self._clinicians
            if not looked_up and Clinician.objects.filter(name=details["name"]).exists():
                self.summary.record(f"clinician {details['name']}", created=False)

    def _pages_for(self, slugs, articles, where):
        found = []
        for slug in slugs:
            if slug in articles:
                found.append(articles[slug])
            else:
                self.warnings.append(f"{where}: no article {slug!r} to link to; skipped")
        return found

    def clinician(self, key, where):
        """The Clinician for a data key, created on first use (so clinicians nobody
        reviews for, or whom editors have renamed, are not added again)."""
        if key not in self._clinicians:
            details = next((c for c in self.data.CLINICIANS if c["key"] == key), None)
            if details is None:
                raise ContentDataError(f"{where}: unknown clinician {key!r}")
            clinician, created = Clinician.objects.get_or_create(
                name=details["name"],
                defaults={"credentials": details["credentials"], "role": details.get("role", "")},
            )
            self.summary.record(f"clinician {clinician.name}", created)
            self._clinicians[key] = clinician
        return self._clinicians[key]

    def _add(self, parent, page, label):
        """Save a new page as a draft now; it is published at the end of the run."""
        if parent.get_children().filter(slug=page.slug).exists():
            raise ContentDataError(
                f"{label}: the slug {page.slug!r} under “{parent.title}” belongs to a page "
                "of another type; rename or move that page first"
            )
        page.live = False
        with _data_errors(label):
            parent.add_child(instance=page)
        self._new_pages.append(page)
        self.summary.record(label, created=True)
        return page

    def ensure_home(self, root):
        existing = HomePage.objects.child_of(root).first()
        if existing:
            self.summary.record("home page", created=False)
            return existing
        # Wagtail's installer leaves a placeholder "Welcome" page at depth 2; it would
        # hold the slug "home" and the default site, so it makes way for ours.
        for placeholder in root.get_children().filter(content_type__model="page"):
            if not placeholder.get_children().exists():
                placeholder.delete()
        data = self.data.HOME
        page = HomePage(
            title=data["title"],
            slug="home",
            intro=rich_text(data["intro"], "HOME"),
            evidence_summary=data["evidence_summary"],
            cta_title=data.get("cta_title", ""),
            cta_text=data.get("cta_text", ""),
            search_description=data.get("search_description", ""),
        )
        return self._add(root, page, "home page")

    def ensure_article_index(self, home):
        data = self.data.ARTICLE_INDEX
        existing = ArticleIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if existing:
            self.summary.record("articles index", created=False)
            return existing
        page = ArticleIndexPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            intro=rich_text(data["intro"], "ARTICLE_INDEX"),
            search_description=data.get("search_description", ""),
            show_in_menus=True,
        )
        return self._add(home, page, "articles index")

    def ensure_articles(self, index):
        """Every article of the data, by slug: the existing page or a new one."""
        existing = {page.slug: page for page in ArticlePage.objects.child_of(index)}
        articles = {}
        for data in self.data.ARTICLES:
            slug = data["slug"]
            if slug in existing:
                self.summary.record(f"article {slug}", created=False)
                articles[slug] = existing[slug]
            else:
                articles[slug] = self._add(index, self.build_article(data), f"article {slug}")
        return articles

    def build_article(self, data):
        where = f"article {data['slug']}"
        page = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            search_description=data.get("search_description", ""),
            reviewed_by=self.clinician(data["reviewed_by"], where),
            last_reviewed=_date(data["last_reviewed"], where),
            next_review_due=_date(data["next_review_due"], where),
        )
        page.body = stream_data(data["body"], where)
        page.references = [
            {
                "type": "source",
                "value": {
                    "title": ref["title"],
                    "source": ref["source"],
                    "year": ref["year"],
                    "url": ref.get("url") or "",
                },
            }
            for ref in data["references"]
        ]
        _check_stream(page, "body", where)
        _check_stream(page, "references", where)
        page.related_slugs = list(data.get("related", []))
        return page

    def ensure_standard_page(self, home, data):
        slug = data["slug"]
        if StandardPage.objects.child_of(home).filter(slug=slug).exists():
            self.summary.record(f"page {slug}", created=False)
            return
        where = f"page {slug}"
        body = stream_data(data["body"], where)
        if slug in CONTACT_DETAILS_PAGES:
            body = with_contact_details(body)
        page = StandardPage(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            search_description=data.get("search_description", ""),
            show_in_menus=data.get("show_in_menus", False),
            body=body,
        )
        _check_stream(page, "body", where)
        self._add(home, page, where)
