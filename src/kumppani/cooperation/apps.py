"""The cooperation app registers its history labels, daily job and its parts of other pages."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "kumppani.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from kumppani.cooperation import pages
        from kumppani.core import audit, schedule

        audit.register_action_labels(
            {
                "sector_saved": _("Sector saved"),
                "sector_officials_set": _("Sector's officials named"),
                "coordinator_contact_saved": _("Coordinator's contact details saved"),
                "form_created": _("Form of cooperation recorded"),
                "form_updated": _("Form of cooperation changed"),
                "form_confirmed": _("Form of cooperation confirmed by the NGO"),
                "form_proposed": _("Form of cooperation proposed by an NGO"),
                "form_accepted": _("Proposal accepted"),
                "form_declined": _("Proposal declined"),
                "form_ended": _("Form of cooperation ended"),
                "realisation_marked_body": _("Realisation marked by the body"),
                "realisation_marked_ngo": _("Realisation marked by the NGO"),
            }
        )
        schedule.register(
            schedule.Job(
                "cooperation-review-reminders", dt.time(8, 45), "kumppani.cooperation.tasks.send_review_reminders"
            )
        )
        pages.register()

        from kumppani.cooperation.governance import pages as governance_pages

        governance_pages.register()
