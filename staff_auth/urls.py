"""Mounted at /admin/two-factor/ by wagtail_hooks.py (behind Wagtail's admin access check)."""

from django.urls import path

from staff_auth import views

app_name = "staff_auth"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("verify/backup-code/", views.verify_backup, name="verify_backup"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
