"""The cooperation record on other pages: the body's coordinators and forms on its page, proposals
and forms to confirm on a person's own page, and the record link on each NGO's card."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation import queries
from kumppani.core.pages import Section, register_body_section, register_dashboard_panel
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link
from kumppani.premises.pages import register_booking_action

PANEL_ROWS = 10


def body_cooperation(request, body) -> dict:
    return {"body": body, "coordinators": queries.body_coordinators(body)}


def my_cooperation(request) -> dict | None:
    proposals = list(queries.waiting_proposals(request.user)[:PANEL_ROWS])
    to_confirm = list(queries.waiting_confirmation(request.user)[:PANEL_ROWS])
    if not proposals and not to_confirm:
        return None
    return {"proposals": proposals, "to_confirm": to_confirm}


def record_booking(request, booking) -> dict | None:
    """On an approved booking of an NGO, for the officials of the space's body who record cooperation
    in a sector: "Record as premises cooperation", or a link to the form once it is recorded."""
    from kumppani.cooperation.models import CooperationForm
    from kumppani.cooperation.rules import sector_ids

    user = request.user
    if booking.status != "confirmed" or booking.organisation_id is None or not user.is_authenticated:
        return None
    body = booking.space.body
    sectors = body.sectors.all()
    if not user.has_perm("cooperation.manage_sectors", body):
        sectors = sectors.filter(pk__in=sector_ids(user))
    if not sectors.exists():
        return None
    recorded = CooperationForm.objects.filter(
        **({"booking_series_id": booking.series_id} if booking.series_id else {"booking": booking})
    ).first()
    if recorded is not None:
        return {"label": _("Recorded as cooperation"), "url": reverse("cooperation:form", args=[recorded.uuid])}
    kind, pk = ("sarja", booking.series_id) if booking.series_id else ("varaus", booking.pk)
    return {
        "label": _("Record as premises cooperation"),
        "url": reverse("cooperation:from_booking", args=[body.slug, kind, pk]),
    }


def register() -> None:
    register_booking_action(record_booking)
    register_body_section(Section("cooperation", "cooperation/record/_body_section.html", body_cooperation, order=20))
    register_dashboard_panel(Section("cooperation", "cooperation/record/_dashboard.html", my_cooperation, order=20))
    register_ngo_link(
        "cooperation",
        Link(_("Cooperation record"), lambda organisation: reverse("cooperation:ngo", args=[organisation.slug]), 40),
    )
    register_coordinator_link(
        "cooperation", Link(_("Forms of cooperation"), lambda body: reverse("cooperation:body", args=[body.slug]), 40)
    )
