from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = "Screening"

    def ready(self):
        from screening import (
            checks,  # noqa: F401  (registers the settings checks)
            photos,  # noqa: F401  (deletes a photo's files with its row)
        )
        from screening.admin.policy import connect_reviewer_cache_signals

        connect_reviewer_cache_signals()
