"""Activities on other pages: a body's service paths on its page; "Our activities" on each NGO's card
and the out-of-date activities of each coordinated body on a person's own page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_body_section
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link


def body_paths(request, body) -> dict:
    return {"body": body, "can_coordinate": request.user.has_perm("core.coordinate_body", body)}


def register() -> None:
    register_body_section(Section("service_paths", "activities/paths/_body_paths.html", body_paths, order=20))
    register_ngo_link(
        "activities",
        Link(_("Our activities"), lambda organisation: reverse("activities:manage", args=[organisation.slug]), 10),
    )
    register_coordinator_link(
        "stale_activities",
        Link(_("Out-of-date activities"), lambda body: reverse("activities:stale_report", args=[body.slug]), 10),
    )
