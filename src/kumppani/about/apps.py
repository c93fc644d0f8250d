"""The about app registers its history labels and the privacy notice on each body's page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    name = "kumppani.about"
    label = "about"
    verbose_name = _("About the service")

    def ready(self) -> None:
        from kumppani.about import pages
        from kumppani.core import audit

        audit.register_action_labels(
            {
                "privacy_notice_updated": _("Privacy notice changed"),
                "feedback_received": _("Feedback received"),
            }
        )
        pages.register()
