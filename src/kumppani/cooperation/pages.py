"""The cooperation record on other pages: the body's coordinators and forms on its page, proposals
and forms to confirm on a person's own page, and the record link on each NGO's card."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation import queries
from kumppani.core.pages import Section, register_body_section, register_dashboard_panel
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link

PANEL_ROWS = 10


def body_cooperation(request, body) -> dict:
    return {"body": body, "coordinators": queries.body_coordinators(body)}


def my_cooperation(request) -> dict | None:
    proposals = list(queries.waiting_proposals(request.user)[:PANEL_ROWS])
    to_confirm = list(queries.waiting_confirmation(request.user)[:PANEL_ROWS])
    if not proposals and not to_confirm:
        return None
    return {"proposals": proposals, "to_confirm": to_confirm}


def register() -> None:
    register_body_section(Section("cooperation", "cooperation/record/_body_section.html", body_cooperation, order=20))
    register_dashboard_panel(Section("cooperation", "cooperation/record/_dashboard.html", my_cooperation, order=20))
    register_ngo_link(
        "cooperation",
        Link(_("Cooperation record"), lambda organisation: reverse("cooperation:ngo", args=[organisation.slug]), 40),
    )
    register_coordinator_link(
        "cooperation", Link(_("Forms of cooperation"), lambda body: reverse("cooperation:body", args=[body.slug]), 40)
    )
