from django.urls import include, path, reverse
from wagtail import hooks

from staff_auth import urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_auth:backup_codes"),
        "label": "Two-factor sign-in",
        "help_text": "See how many backup codes you have left, or make a new set.",
    }
