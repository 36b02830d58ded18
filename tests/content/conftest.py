"""Fixtures for the educational-content tests.

`site_tree` (tests/conftest.py) is the site exactly as `make run` builds it from
content.initial_content, built once per module. Tests that need particular content
build it with the factories below rather than relying on the writer's wording.
"""

import datetime

import pytest
from django.test import Client

from content.models import ArticleIndexPage, ArticlePage, HomePage
from content.snippets import Clinician


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def admin_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw-x9!long")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clinician(db):
    return Clinician.objects.create(
        name="Dr Test Reviewer",
        slug="test-reviewer",
        qualifications="MBBS, FRCP",
        role="Consultant dermatologist",
        registration_body="GMC",
        registration_number="7654321",
        register_url="https://www.gmc-uk.org/registration-and-licensing/the-medical-register",
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
