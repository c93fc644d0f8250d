"""The about app's pages (under the language prefix)."""

from django.urls import path

from kumppani.about import views

app_name = "about"

urlpatterns = [
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path("tietosuoja/", views.privacy, name="privacy"),
    path("tietosuoja/<slug:slug>/", views.body_privacy, name="body_privacy"),
    path("tietosuoja/<slug:slug>/muokkaa/", views.body_privacy_edit, name="body_privacy_edit"),
    path("palaute/", views.feedback, name="feedback"),
]
