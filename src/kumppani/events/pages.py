"""Events on other pages: the coming events and (for its editors) the queue on a body's page; the
queues with their counts on an editor's own page; "Our events" on each NGO's card."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kumppani.core.models import PublicBody
from kumppani.core.pages import (
    Finding,
    Hit,
    SearchArea,
    Section,
    register_body_section,
    register_dashboard_panel,
    register_search_area,
)
from kumppani.events import queries
from kumppani.events.models import HELSINKI
from kumppani.events.rules import editor_body_ids
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link
from kumppani.premises.pages import register_booking_action


def body_events(request, body) -> dict:
    return {
        "body": body,
        "items": queries.coming(queries.Criteria(body=body)),
        "can_moderate": request.user.has_perm("events.moderate", body),
    }


def editor_queues(request) -> dict | None:
    ids = editor_body_ids(request.user)
    if not ids:
        return None
    counts = queries.queue_counts(ids)
    bodies = PublicBody.objects.filter(pk__in=ids).order_by("name")
    return {"queues": [(body, counts.get(body.pk, 0)) for body in bodies]}


def announce_booking(request, booking) -> dict | None:
    """On a confirmed, coming booking of an NGO: "Announce this as an event", for those who write
    the NGO's events. The form opens with the booking's space and time."""
    if booking.status != "confirmed" or booking.organisation_id is None or booking.end <= timezone.now():
        return None
    if not request.user.has_perm("events.change_event", booking.organisation):
        return None
    url = reverse("events:create", args=[booking.organisation.slug]) + f"?booking={booking.pk}"
    return {"label": _("Announce this as an event"), "url": url}


# The front page's search looks as far ahead as the calendar's list shows at once.
SEARCH_DAYS = 31
# The "found elsewhere" box of a search that finds nothing counts the coming events up to this
# many ("over 100 coming events"): the exact count of a common word read the days of thousands.
ELSEWHERE_CAP = 100


def find_events(query: str, limit: int) -> Finding:
    """The coming events part of the front page's search, and (with no `limit`) of the "found
    elsewhere" box."""
    today = timezone.localtime(timezone.now(), HELSINKI).date()
    if not limit:
        total = queries.count_found(query, first=today, days=SEARCH_DAYS, cap=ELSEWHERE_CAP + 1)
        return Finding(min(total, ELSEWHERE_CAP), [], more=total > ELSEWHERE_CAP)
    total, found = queries.search_found(query, limit, first=today, days=SEARCH_DAYS)
    hits = [
        Hit("", event.get_absolute_url(), formats.date_format(start, "SHORT_DATETIME_FORMAT"), obj=event, field="name")
        for event, start in found
    ]
    return Finding(total, hits)


def register() -> None:
    register_search_area(
        SearchArea(
            "events",
            _("Coming events"),
            "events:calendar",
            find_events,
            lambda n: ngettext("%(count)s coming event", "%(count)s coming events", n) % {"count": n},
            order=30,
        )
    )
    register_booking_action(announce_booking)
    register_body_section(Section("events", "events/pages/_body_events.html", body_events, order=30))
    register_dashboard_panel(Section("event_queues", "events/pages/_dashboard.html", editor_queues, order=40))
    register_ngo_link(
        "events", Link(_("Our events"), lambda organisation: reverse("events:manage", args=[organisation.slug]), 20)
    )
    register_coordinator_link(
        "event_bulletin", Link(_("Bulletin"), lambda body: reverse("events:bulletin", args=[body.slug]), 30)
    )
    register_coordinator_link(
        "trusted_ngos", Link(_("Trusted NGOs"), lambda body: reverse("events:trusted", args=[body.slug]), 31)
    )
