"""The cooperation record's pages under /<lang>/yhteistyo/."""

from django.urls import include, path

app_name = "cooperation"

urlpatterns = [
    path("", include("kumppani.cooperation.governance.urls")),
]
