"""Participation's pages: /<lang>/kuulemiset/, /<lang>/kyselyt/ and /<lang>/kokemustieto/."""

from django.urls import include, path

app_name = "participation"

urlpatterns = [
    path("kuulemiset/", include("kumppani.participation.consultations.urls")),
    path("kyselyt/", include("kumppani.participation.surveys.urls")),
    path("kokemustieto/", include("kumppani.participation.knowledge.urls")),
]
