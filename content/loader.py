"""Build the site's pages from content data (normally the Markdown files in
``content/initial_content/``, read by content/markdown_content.py).

The loader only adds what is missing; it never changes or deletes anything:

* A page that already exists at its place in the tree (looked up by slug under its
  expected parent) is left exactly as it is, even when its text differs from the data:
  an editor may have changed it in the admin. A page that is missing (e.g. deleted) is
  added again.
* A clinician (looked up by slug) is created only when an article that needs them is
  created, so one that editors deleted or replaced does not come back on its own.
* Treatments are added only to a site that has none yet, for the same reason.

Every item is reported as created, already present, or skipped, so a second run reports
as present exactly what the first run created.

The data is plain Python: ``CLINICIANS``, ``TREATMENTS``, ``HOME``, ``ARTICLE_INDEX``,
``ARTICLES`` and ``STANDARD_PAGES``, whose body blocks are ``(block_type, value)`` pairs
(heading, subheading, paragraph, callout, steps, comparison_table, faq, illustration,
clinic_details) with rich text as HTML. Each item may name its ``source`` file, which
error messages then quote.
"""

import datetime
import html
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from content.blocks import RICH_TEXT_FEATURES
from content.errors import ContentDataError
from content.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    HomeFeaturedArticle,
    HomePage,
    RelatedArticle,
    StandardPage,
)
from content.snippets import Clinician, Treatment

__all__ = ["ContentDataError", "ContentLoader", "LoadSummary", "rich_text", "stream_data"]


@dataclass
class LoadSummary:
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def record(self, label: str, created: bool):
        (self.created if created else self.present).append(label)

    def skip(self, label: str):
        self.skipped.append(label)


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
    # Every tag counts as a space: the editor's format has no newlines between blocks.
    return html.unescape(strip_tags(re.sub(r"<[^>]*>", " ", markup))).split()


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
    if block_type == "illustration":
        return {
            "type": "illustration",
            "value": {
                "path": value["path"],
                "alt_text": value["alt_text"],
                "caption": value.get("caption", ""),
            },
        }
    if block_type == "clinic_details":
        return {"type": "clinic_details", "value": None}
    raise ContentDataError(f"{at}: unknown block type")


def _card_illustration(key, where):
    """A registered drawing's key for the article's card; empty: the first in the body."""
    from clinic_site import illustrations

    if key and key not in illustrations.ILLUSTRATIONS:
        raise ContentDataError(f"{where}: card_illustration: no drawing {key!r}")
    return key or ""


def _source(data, fallback):
    return data.get("source") or fallback


REFERENCE_FIELDS = ("authors", "volume", "pages", "doi", "pmid", "url")


def reference_value(ref) -> dict:
    value = {"title": ref["title"], "source": ref["source"], "year": ref["year"]}
    for name in REFERENCE_FIELDS:
        value[name] = str(ref.get(name) or "")
    return value


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
    def __init__(self, data, demo=True):
        self.data = data
        # Clinicians and treatments from the data are marked as demo data unless the
        # data describes the real clinic (load_initial_data --no-demo).
        self.demo = demo
        self.summary = LoadSummary()
        self.warnings = []
        self._clinicians = {}
        self._new_pages = []  # published once every page exists, so links can be set

    @transaction.atomic
    def load(self, root) -> HomePage:
        """Add whatever is missing of the home page and everything below it, under the
        tree's `root`, then publish the new pages (one revision each)."""
        self.ensure_treatments()
        home = self.ensure_home(root)
        index = self.ensure_article_index(home)
        articles = self.ensure_articles(index)
        for page_data in self.data.STANDARD_PAGES:
            if page_data.get("type") == "clinicians":
                self.ensure_clinicians_page(home, page_data)
            else:
                self.ensure_standard_page(home, page_data)
        self.record_unused_clinicians()

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
        return home

    def _pages_for(self, slugs, articles, where):
        found = []
        for slug in slugs:
            if slug in articles:
                found.append(articles[slug])
            else:
                self.warnings.append(f"{where}: no article {slug!r} to link to; skipped")
        return found

    def clinician(self, key, where):
        """The Clinician for a data key (their slug), created on first use by a new
        article, so clinicians nobody needs, or whom editors deleted, are not added."""
        if key not in self._clinicians:
            details = next((c for c in self.data.CLINICIANS if c["key"] == key), None)
            if details is None:
                raise ContentDataError(f"{where}: unknown clinician {key!r}")
            clinician = Clinician.objects.filter(slug=key).first()
            created = clinician is None
            if created:
                clinician = Clinician(
                    slug=key,
                    name=details["name"],
                    role=details.get("role", ""),
                    qualifications=details["qualifications"],
                    registration_body=details.get("registration_body", "other"),
                    registration_number=str(details.get("registration_number", "")),
                    register_url=details.get("register_url", ""),
                    biography=details.get("biography", ""),
                    is_demo=self.demo,
                )
                with _data_errors(_source(details, f"clinician {key}")):
                    clinician.full_clean()
                clinician.save()
            self.summary.record(f"clinician {key}", created)
            self._clinicians[key] = clinician
        return self._clinicians[key]

    def record_unused_clinicians(self):
        """Clinicians in the data that no new page needed: present, or skipped."""
        for details in getattr(self.data, "CLINICIANS", []):
            key = details["key"]
            if key in self._clinicians:
                continue
            if Clinician.objects.filter(slug=key).exists():
                self.summary.record(f"clinician {key}", created=False)
            else:
                self.summary.skip(f"clinician {key} (not in the database; no new page needs it)")

    def ensure_treatments(self):
        """Add the data's treatments to a site that has none; report them otherwise."""
        data = getattr(self.data, "TREATMENTS", [])
        if Treatment.objects.exists():
            for details in data:
                if Treatment.objects.filter(slug=details["slug"]).exists():
                    self.summary.record(f"treatment {details['slug']}", created=False)
                else:
                    self.summary.skip(
                        f"treatment {details['slug']} (the site already has other treatments)"
                    )
            return
        for order, details in enumerate(data):
            where = _source(details, f"treatment {details.get('slug')}")
            try:
                treatment = Treatment(
                    slug=details["slug"],
                    name=details["name"],
                    what_is_done=details["what_is_done"],
                    device_or_process=details["device_or_process"],
                    contains_living_cells=details["what_is_injected"],
                    classification=details["classification"],
                    offered_within_trial=bool(details.get("offered_within_trial", False)),
                    trial_registration=str(details.get("trial_registration") or ""),
                    price_range=details["price_range"],
                    what_this_is_not=" ".join(str(details["what_this_is_not"]).split()),
                    is_demo=self.demo,
                    sort_order=order,
                )
                treatment.registrations = [
                    {
                        "type": "registration",
                        "value": {
                            "regulator": item["regulator"],
                            "covers": item["covers"],
                            "number": str(item["number"]),
                            "url": item.get("url", ""),
                        },
                    }
                    for item in details["registrations"]
                ]
            except (KeyError, TypeError) as error:
                raise ContentDataError(f"{where}: malformed treatment ({error!r})") from None
            with _data_errors(where):
                treatment.full_clean()
            _check_stream(treatment, "registrations", where)
            treatment.save()
            self.summary.record(f"treatment {treatment.slug}", created=True)

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
            intro=rich_text(data["intro"], _source(data, "HOME")),
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
            intro=rich_text(data["intro"], _source(data, "ARTICLE_INDEX")),
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
        where = _source(data, f"article {data['slug']}")
        page = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            search_description=data.get("search_description", ""),
            reviewed_by=self.clinician(data["reviewed_by"], where),
            last_reviewed=_date(data["last_reviewed"], where),
            next_review_due=_date(data["next_review_due"], where),
            card_illustration=_card_illustration(data.get("card_illustration", ""), where),
        )
        page.body = stream_data(data["body"], where)
        try:
            page.references = [
                {"type": "source", "value": reference_value(ref)} for ref in data["references"]
            ]
        except (KeyError, TypeError) as error:
            raise ContentDataError(f"{where}: malformed reference ({error!r})") from None
        _check_stream(page, "body", where)
        _check_stream(page, "references", where)
        page.related_slugs = list(data.get("related", []))
        return page

    def ensure_standard_page(self, home, data):
        slug = data["slug"]
        if StandardPage.objects.child_of(home).filter(slug=slug).exists():
            self.summary.record(f"page {slug}", created=False)
            return
        where = _source(data, f"page {slug}")
        body = stream_data(data["body"], where)
        page = StandardPage(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            search_description=data.get("search_description", ""),
            show_in_menus=data.get("show_in_menus", False),
            body=body,
        )
        _check_stream(page, "body", where)
        self._add(home, page, f"page {slug}")

    def ensure_clinicians_page(self, home, data):
        slug = data["slug"]
        if ClinicianIndexPage.objects.child_of(home).filter(slug=slug).exists():
            self.summary.record(f"page {slug}", created=False)
            return
        if ClinicianIndexPage.objects.exists():
            self.summary.skip(f"page {slug} (the site has a clinicians page elsewhere)")
            return
        page = ClinicianIndexPage(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            intro=rich_text(data.get("intro", ""), _source(data, f"page {slug}")),
            search_description=data.get("search_description", ""),
            show_in_menus=data.get("show_in_menus", False),
        )
        self._add(home, page, f"page {slug}")
