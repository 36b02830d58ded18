from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "Clinic site wiring"

    def ready(self):
        from clinic_site import page_cache

        page_cache.connect_invalidation_signals()
