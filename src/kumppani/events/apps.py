"""The events app registers its history labels, its search documents, its daily job and its parts
of core's pages."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "kumppani.events"
    label = "events"
    verbose_name = _("Events and the bulletin")

    def ready(self) -> None:
        from kumppani.core import audit, schedule, search
        from kumppani.events import indexing, pages

        audit.register_action_labels(
            {
                "event_created": _("Event added as a draft"),
                "event_submitted": _("Event sent for approval"),
                "event_published": _("Event published"),
                "event_approved": _("Event approved"),
                "event_rejected": _("Event not approved"),
                "event_trust_added": _("Events published without approval"),
                "event_trust_removed": _("Events approved one by one again"),
            }
        )
        pages.register()
        from kumppani.events.services import tell_organiser_space_lost
        from kumppani.premises.signals import bookings_cancelled

        bookings_cancelled.connect(tell_organiser_space_lost, dispatch_uid="events_space_lost")
        search.register_documents(indexing.SEARCH_KIND, indexing.search_documents)
        search.register_documents(indexing.COMING_KIND, indexing.coming_documents)
        schedule.register(schedule.Job("coming-events-index", dt.time(3, 15), "kumppani.events.tasks.refresh_coming"))
        # The coming public events held in a space, on the space's page.
        from kumppani.core.pages import Section
        from kumppani.events.queries import coming_at_space
        from kumppani.premises.pages import register_space_section

        def space_events(request, space):
            items = coming_at_space(space)
            return {"items": items} if items else None

        register_space_section(Section("events", "events/pages/_space_events.html", space_events, order=50))
