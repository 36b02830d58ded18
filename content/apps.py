from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Educational content"

    def ready(self):
        # checks: registers the system checks.
        from content import checks, site_cache  # noqa: F401

        site_cache.connect_invalidation_signals()
