from django.urls import path

from screening import fhir_views, photo_views, views
from screening.funnel import counted

app_name = "screening"

# The views whose POSTs move a patient through the questionnaire are counted for the
# funnel report (screening/funnel.py): the one place the funnel touches the questionnaire.
urlpatterns = [
    path("", views.start, name="start"),
    path("how-we-assess/", views.how_we_assess, name="how_we_assess"),
    # The current questions as a FHIR R4B Questionnaire (screening/fhir.py).
    path("questionnaire.json", fhir_views.questionnaire_json, name="questionnaire_json"),
    path("check/", views.check, name="check"),
    path("submit/", counted(views.submit), name="submit"),
    path("result/", views.result, name="result"),
    path("adults-only/", views.adults_only, name="adults_only"),
    path("start-again/", views.start_again, name="start_again"),
    path("photos/", counted(photo_views.photo_step), name="photos"),
    path("photos/remove/", photo_views.photo_remove, name="photo_remove"),
    path("follow-up/", photo_views.follow_up_page, name="follow_up"),
    path("follow-up/photos/", photo_views.follow_up_photos, name="follow_up_photos"),
    path("follow-up/withdraw/", photo_views.follow_up_withdraw, name="follow_up_withdraw"),
    # The steps (consent, about-you, follicles, ...): keep last, after the fixed names.
    path("<slug:slug>/", counted(views.step), name="step"),
]
