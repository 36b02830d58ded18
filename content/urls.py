from django.urls import path

from content import views

urlpatterns = [
    path("<int:page_id>/", views.page_feedback, name="page_feedback"),
    path("<int:page_id>/thanks/", views.page_feedback_thanks, name="page_feedback_thanks"),
]
