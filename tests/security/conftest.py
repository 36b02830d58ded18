"""Fixtures for the security tests: staff accounts and a client that remembers its IP."""

import pytest
from django.contrib.auth import get_user_model

STAFF_PASSWORD = "plum-harbour-lantern-42"


@pytest.fixture
def staff_password():
    return STAFF_PASSWORD


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="dr.reviewer", email="reviewer@clinic.example", password=STAFF_PASSWORD
    )
