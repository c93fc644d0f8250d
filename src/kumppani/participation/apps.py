"""The participation app registers its history labels and its parts of other pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "kumppani.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        # Consultations: rules, history labels, the body page's section and the dashboard panels.
        from kumppani.participation.consultations import apps as consultations_apps

        consultations_apps.ready()

        # Surveys and knowledge reports (each part registers its own).
        from kumppani.participation.knowledge import pages as knowledge_pages
        from kumppani.participation.surveys import pages as survey_pages

        survey_pages.register()
        knowledge_pages.register()
