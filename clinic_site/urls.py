from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site import views
from content import views as content_views
from staff_auth.password_reset import ThrottledPasswordResetView

handler500 = "clinic_site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Ahead of Wagtail's own route for the same path (its URL name still reverses here).
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    path("admin/logout/", views.post_only_admin_logout),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        views.throttled_page_password,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("screening/", include("screening.urls")),
    path("search/", content_views.search, name="search"),
    # "Was this page helpful?" (outside the page cache: see content/views.py).
    path("feedback/", include("content.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", content_views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
]

if getattr(settings, "BENCH_BASELINE_VIEW", False):
    # Only under clinic_site.settings.bench (make bench): the throughput yardstick.
    urlpatterns += [path("bench/baseline", views.bench_baseline)]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; keep this last.
urlpatterns += [path("", include(wagtail_urls))]
