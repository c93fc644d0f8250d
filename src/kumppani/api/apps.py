from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kumppani.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from kumppani.api import schema  # noqa: F401  (registers the OpenAPI extensions)
