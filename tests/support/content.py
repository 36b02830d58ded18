"""Content test helpers: the loaded site's slugs and URLs, HTML parsing, a minimal data package."""

import json
import re
from types import SimpleNamespace

from bs4 import BeautifulSoup

ARTICLE_SLUGS = [
    "what-is-a-stem-cell",
    "history-of-stem-cell-therapy",
    "regenerative-approaches-for-hair",
    "how-the-procedure-works",
    "who-may-be-a-candidate",
    "stem-cells-vs-prp",
    "benefits-limits-and-expectations",
    "safety-and-questions-to-ask",
    "faq",
]
STANDARD_SLUGS = ["privacy", "about", "contact"]
PAGE_URLS = [
    "/",
    "/articles/",
    *[f"/articles/{slug}/" for slug in ARTICLE_SLUGS],
    *[f"/{slug}/" for slug in STANDARD_SLUGS],
]


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(document):
    """Every JSON-LD object on a page, parsed."""
    return [
        json.loads(script.string)
        for script in document.find_all("script", type="application/ld+json")
    ]


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def small_content(**overrides):
    """A minimal, valid data package in the loader's contract format."""
    article = {
        "slug": "only-article",
        "title": "The only article",
        "summary": "A short summary.",
        "search_description": "A short description.",
        "reviewed_by": "doc",
        "last_reviewed": "2026-01-10",
        "next_review_due": "2027-01-10",
        "related": [],
        "body": [
            ("heading", "A section"),
            ("paragraph", '<p>Text with <b>bold</b> and a <a href="/articles/">link</a>.</p>'),
            ("subheading", "A subsection"),
            ("faq", {"question": "A question?", "answer": "<p>An answer.</p>"}),
        ],
        "references": [{"title": "Ref", "source": "Journal", "year": 2021, "url": ""}],
    }
    data = {
        "CLINICIANS": [{"key": "doc", "name": "Dr Fixture", "credentials": "MD", "role": "GP"}],
        "HOME": {
            "title": "Fixture home",
            "intro": "<p>Intro.</p>",
            "evidence_summary": "Evidence line.",
            "featured": ["only-article"],
            "cta_title": "Go",
            "cta_text": "Do it.",
        },
        "ARTICLE_INDEX": {
            "title": "Articles",
            "slug": "articles",
            "summary": "All articles.",
            "intro": "<p>Read these.</p>",
        },
        "ARTICLES": [article],
        "STANDARD_PAGES": [
            {
                "slug": "contact",
                "title": "Contact",
                "summary": "Reach us.",
                "search_description": "Reach us.",
                "show_in_menus": True,
                "body": [("paragraph", "<p>Call us.</p>"), ("heading", "More")],
            }
        ],
    }
    data.update(overrides)
    return SimpleNamespace(**data)
