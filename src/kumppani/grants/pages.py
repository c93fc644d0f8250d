"""Grants on a person's own page: an NGO's applications and grant history on its card, a coordinated
body's grants and continuity watch, and the applications a body's official has to review."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_dashboard_panel
from kumppani.core.rules import body_roles
from kumppani.grants import home
from kumppani.grants.rules import OFFICER_ROLES
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link


def reviews(request) -> dict | None:
    """The link to the review list, for the grant officers (the role cards count what waits there)."""
    roles = body_roles(request.user).values()
    return {} if any(kinds & OFFICER_ROLES for kinds in roles) else None


def register() -> None:
    home.register()
    register_ngo_link(
        "grant_applications", Link(_("Grant applications"), lambda _o: reverse("grants:my_applications"), 20)
    )
    register_ngo_link(
        "grant_history", Link(_("Grant history"), lambda o: reverse("grants:grant_history", args=[o.slug]), 30)
    )
    register_coordinator_link(
        "grants", Link(_("Grants"), lambda body: reverse("grants:body_programmes", args=[body.slug]), 20)
    )
    register_coordinator_link(
        "continuity", Link(_("Continuity watch"), lambda body: reverse("grants:continuity", args=[body.slug]), 30)
    )
    register_dashboard_panel(Section("grant_reviews", "grants/pages/reviews.html", reviews, order=90))
