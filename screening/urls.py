from django.urls import path

from screening import photo_views, views

app_name = "screening"

urlpatterns = [
    path("", views.start, name="start"),
    path("how-we-assess/", views.how_we_assess, name="how_we_assess"),
    path("check/", views.check, name="check"),
    path("submit/", views.submit, name="submit"),
    path("result/", views.result, name="result"),
    path("adults-only/", views.adults_only, name="adults_only"),
    path("start-again/", views.start_again, name="start_again"),
    path("photos/", photo_views.photo_step, name="photos"),
    path("photos/remove/", photo_views.photo_remove, name="photo_remove"),
    path("follow-up/", photo_views.follow_up_page, name="follow_up"),
    path("follow-up/photos/", photo_views.follow_up_photos, name="follow_up_photos"),
    path("follow-up/withdraw/", photo_views.follow_up_withdraw, name="follow_up_withdraw"),
    # The steps (consent, about-you, follicles, ...): keep last, after the fixed names.
    path("<slug:slug>/", views.step, name="step"),
]
