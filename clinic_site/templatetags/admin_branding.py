"""The clinic's name in the Wagtail admin's branding blocks (templates/wagtailadmin/)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def clinic_admin_name() -> str:
    return settings.WAGTAIL_SITE_NAME
