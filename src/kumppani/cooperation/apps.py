"""The cooperation app registers its history labels, daily job and its parts of other pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "kumppani.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from kumppani.cooperation.governance import pages as governance_pages

        governance_pages.register()
