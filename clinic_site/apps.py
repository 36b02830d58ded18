from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "Clinic site wiring"

    def ready(self):
        from clinic_site import checks, page_cache  # noqa: F401  (checks registers itself)

        page_cache.connect_invalidation_signals()
