"""The NGO register as a Django app: its history labels, scheduled jobs and pages, registered when
the app is ready."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "kumppani.organisations"
    label = "organisations"
    verbose_name = _("NGO register")

    def ready(self) -> None:
        from kumppani.core import audit, schedule, search
        from kumppani.organisations import home, pages
        from kumppani.organisations import services as register_services

        audit.register_action_labels(
            {
                "verified": _("Verified"),
                "signup_with_existing_address": _("Someone tried to sign up with this address"),
                "status_changed": _("Status changed"),
                "contacts_changed": _("Contact persons changed"),
                "merged": _("A duplicate entry merged into this"),
                "merged_into": _("Merged into another entry"),
                "member_added": _("Representative added"),
                "member_removed": _("Representative removed"),
                "membership_requested": _("Asked to represent the NGO"),
                "membership_approved": _("Request approved"),
                "membership_declined": _("Request declined"),
            }
        )
        # Joining and leaving record the person's address under "member".
        audit.register_change_labels("organisations.organisation", {"member": _("representative")})
        schedule.register(
            schedule.Job("expire-invitations", dt.time(3, 0), "kumppani.organisations.tasks.expire_invitations")
        )
        schedule.register(
            schedule.Job("coordinator-digest", dt.time(7, 30), "kumppani.organisations.tasks.send_coordinator_digests")
        )
        pages.register()
        home.register()
        search.register_documents(register_services.SEARCH_KIND, register_services.search_documents)
