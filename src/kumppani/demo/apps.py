"""The demo app's configuration: it has no models, only the `kumppani demo` command."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "kumppani.demo"
    label = "demo"
    verbose_name = _("Demo data")
