"""Content test helpers: the loaded site's slugs and URLs, HTML parsing, a minimal data package."""

import io
import json
import re
from types import SimpleNamespace

from bs4 import BeautifulSoup
from django.core.management import call_command

ARTICLE_SLUGS = [
    "what-is-a-stem-cell",
    "history-of-stem-cell-therapy",
    "regenerative-approaches-for-hair",
    "how-the-procedure-works",
    "who-may-be-a-candidate",
    "stem-cells-vs-prp",
    "benefits-limits-and-expectations",
    "treatments-with-stronger-evidence",
    "safety-and-questions-to-ask",
    "faq",
]
STANDARD_SLUGS = ["privacy", "about", "contact", "editorial-policy"]
CLINICIANS_URL = "/our-clinicians/"
PAGE_URLS = [
    "/",
    "/articles/",
    *[f"/articles/{slug}/" for slug in ARTICLE_SLUGS],
    *[f"/{slug}/" for slug in STANDARD_SLUGS],
    CLINICIANS_URL,
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
        "CLINICIANS": [
            {
                "key": "doc",
                "name": "Dr Fixture",
                "qualifications": "MD",
                "role": "GP",
                "registration_body": "GMC",
                "registration_number": "1234567",
                "register_url": "https://www.gmc-uk.org/",
            }
        ],
        "TREATMENTS": [
            {
                "slug": "fixture-treatment",
                "name": "Fixture treatment",
                "what_is_done": "Something is done.",
                "device_or_process": "A device.",
                "what_is_injected": "Cells from your scalp.",
                "classification": "device",
                "price_range": "£1",
                "what_this_is_not": "Not a medicine.",
                "registrations": [{"regulator": "CQC", "covers": "the clinic", "number": "1-23"}],
            }
        ],
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
                "body": [
                    ("paragraph", "<p>Call us.</p>"),
                    ("clinic_details", None),
                    ("heading", "More"),
                ],
            }
        ],
    }
    data.update(overrides)
    return SimpleNamespace(**data)


def run_loader(*args):
    out = io.StringIO()
    call_command("load_initial_data", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts(output):
    match = re.search(r"^(\d+) created, (\d+) already present", output, re.MULTILINE)
    assert match, output
    return int(match.group(1)), int(match.group(2))
