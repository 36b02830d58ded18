"""Staff passwords: at least 12 characters, not common, not numeric, not like the user."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

ELEVEN = "tulip-river"  # 11 characters, otherwise unremarkable
TWELVE = "tulip-rivers"


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def create_user(client, password):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new.nurse",
            "email": "nurse@clinic.example",
            "first_name": "New",
            "last_name": "Nurse",
            "password1": password,
            "password2": password,
        },
    )


def test_the_admin_refuses_an_eleven_character_password_for_a_new_user(admin_client):
    assert len(ELEVEN) == 11
    response = create_user(admin_client, ELEVEN)
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not get_user_model().objects.filter(username="new.nurse").exists()


def test_the_admin_accepts_a_twelve_character_password(admin_client):
    response = create_user(admin_client, TWELVE)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="new.nurse")
    assert user.check_password(TWELVE)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        (ELEVEN, "at least 12 characters"),
        ("password1234", "too common"),
        ("204958672341", "entirely numeric"),
        ("reviewer.clinic", "too similar"),
    ],
)
def test_set_password_validation_refuses_weak_passwords(superuser, password, reason):
    with pytest.raises(ValidationError) as excinfo:
        validate_password(password, user=superuser)
    assert any(reason in message for message in excinfo.value.messages)


def test_changing_your_own_password_in_the_account_page_is_validated_too(
    admin_client, superuser, staff_password
):
    response = admin_client.post(
        "/admin/account/",
        {
            "password-old_password": staff_password,
            "password-new_password1": ELEVEN,
            "password-new_password2": ELEVEN,
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.check_password(staff_password)
