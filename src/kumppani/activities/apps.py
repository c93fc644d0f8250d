"""The activities as a Django app: history labels, the reminder job and the pages it fills,
registered when the app is ready."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "kumppani.activities"
    label = "activities"
    verbose_name = _("Activities and service paths")

    def ready(self) -> None:
        from kumppani.activities import indexing, pages
        from kumppani.core import audit, schedule, search

        audit.register_action_labels(
            {
                # NGO activities (activities.services)
                "activity_published": _("Activity published"),
                "activity_confirmed": _("Confirmed as current"),
                # Service paths (activities.paths.services)
                "path_created": _("Service path created"),
                "path_updated": _("Service path changed"),
                "path_published": _("Service path published"),
                "path_unpublished": _("Service path taken off public view"),
                "path_deleted": _("Service path removed"),
                "step_added": _("Step added"),
                "step_updated": _("Step changed"),
                "step_moved": _("Step moved"),
                "step_removed": _("Step removed"),
                "activity_attached": _("NGO activity added to a step"),
                "activity_detached": _("NGO activity removed from a step"),
            }
        )
        schedule.register(
            schedule.Job("activity-reminders", dt.time(9, 0), "kumppani.activities.tasks.send_confirmation_reminders")
        )
        pages.register()
        search.register_documents(indexing.SEARCH_KIND, indexing.search_documents)
