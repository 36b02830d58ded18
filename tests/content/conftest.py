"""Fixtures for the educational-content tests.

`site_tree` (tests/conftest.py) is the site exactly as `make run` builds it from
content.initial_content, built once per module. Tests that need particular content
build it with the factories below rather than relying on the writer's wording.
"""

import datetime
import json
import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from content.models import ArticleIndexPage, ArticlePage, HomePage
from content.snippets import Clinician

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


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def admin_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw-x9!long")
    client = Client()
    client.force_login(user)
    return client


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


@pytest.fixture
def clinician(db):
    return Clinician.objects.create(
        name="Dr Test Reviewer", credentials="MBBS, FRCP", role="Consultant dermatologist"
    )


@pytest.fixture
def article_factory(site_tree, clinician):
    """Publish an article under the articles index, with sensible governance defaults."""
    index = ArticleIndexPage.objects.get(slug="articles")

    def make(slug, title=None, body=None, publish=True, **fields):
        today = datetime.date.today()
        fields.setdefault("summary", f"Summary of {slug}.")
        fields.setdefault("reviewed_by", clinician)
        fields.setdefault("last_reviewed", today - datetime.timedelta(days=10))
        fields.setdefault("next_review_due", today + datetime.timedelta(days=300))
        page = ArticlePage(title=title or slug.replace("-", " ").capitalize(), slug=slug, **fields)
        page.body = body or [{"type": "paragraph", "value": "<p>Some words about this topic.</p>"}]
        page.references = [
            {
                "type": "source",
                "value": {"title": "A study", "source": "A journal", "year": 2020, "url": ""},
            }
        ]
        page.live = False
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get()


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
