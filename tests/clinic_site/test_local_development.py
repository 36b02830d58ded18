"""What `make run` shows a newcomer: the site's own 404 page (not Django's debug page,
unless DEBUG_404_PAGES asks for it) and, as the server's last start-up lines, where the
site and the admin are with the local admin's password."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from clinic_site.management.commands.runserver import Command as Runserver
from tests.support.subprocess_settings import run_python

SITE_404 = "clinic_site.not_found.SiteNotFoundPageMiddleware"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


@pytest.mark.parametrize("path", ["/no-such-page/", "/no-such-file.txt", "/articles/gone/"])
def test_a_missing_page_in_development_is_the_sites_404_page(client, debug, site_tree, path):
    debug.MIDDLEWARE = [*debug.MIDDLEWARE, SITE_404]
    response = client.get(path)
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert b"DEBUG = True" not in response.content


def test_without_the_middleware_debug_shows_djangos_technical_page(client, debug, site_tree):
    response = client.get("/no-such-file.txt")
    assert response.status_code == 404
    assert b"DEBUG = True" in response.content


PRINT_MIDDLEWARE = """
import json
import clinic_site.settings.dev as s
print(json.dumps(s.MIDDLEWARE))
"""


@pytest.mark.parametrize(("value", "site_page"), [(None, True), ("true", False), ("no", True)])
def test_debug_404_pages_brings_back_djangos_page(value, site_page):
    env = {} if value is None else {"DEBUG_404_PAGES": value}
    result = run_python(PRINT_MIDDLEWARE, env, drop=("DEBUG_404_PAGES",))
    assert result.returncode == 0, result.stderr
    assert (SITE_404 in result.stdout) is site_page


def banner(port=8123, addr="127.0.0.1") -> list[str]:
    command = Runserver(stdout=io.StringIO())
    command.addr, command._raw_ipv6, command.use_ipv6 = addr, False, False
    command.on_bind(port)
    return command.stdout.getvalue().rstrip().splitlines()


@pytest.fixture
def local_admin(debug, tmp_path, db):
    debug.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    return out.getvalue().split("password ")[1].split()[0]


def test_the_last_lines_say_where_the_site_and_admin_are_with_the_password(local_admin):
    lines = banner(port=8123)
    box = lines[lines.index(next(line for line in lines if line.startswith("+"))) :]
    assert box[-1].startswith("+-") and lines[-1] == box[-1]
    text = "\n".join(box)
    assert "http://127.0.0.1:8123/" in text
    assert "http://127.0.0.1:8123/admin/" in text
    assert f"Username admin   password {local_admin}" in text
    assert get_user_model().objects.get(username="admin").check_password(local_admin)


def test_the_banner_follows_host_and_port(local_admin):
    all_interfaces = "0.0.0.0"  # noqa: S104 (what runserver was told, not a bind)
    assert "http://localhost:9001/admin/" in "\n".join(banner(port=9001, addr=all_interfaces))


def test_a_changed_password_is_not_shown(local_admin):
    user = get_user_model().objects.get(username="admin")
    user.set_password("changed-by-its-owner-42")
    user.save()
    text = "\n".join(banner())
    assert local_admin not in text
    assert "password was changed" in text
    assert "make reset-admin-password" in text


def test_a_reset_password_is_shown(local_admin):
    out = io.StringIO()
    call_command("ensure_local_admin", "--reset-password", stdout=out)
    new_password = out.getvalue().split("password ")[1].split()[0]
    assert new_password != local_admin
    assert f"password {new_password}" in "\n".join(banner())


def test_without_a_local_admin_the_banner_says_how_to_make_one(debug, tmp_path, db):
    debug.VAR_DIR = tmp_path
    assert "No local admin yet" in "\n".join(banner())
