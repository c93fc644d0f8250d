"""The API app: it only wires the other apps' API into /api/v1/ and /api/hsds/."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kumppani.api"
    label = "api"
    verbose_name = "API"
