"""Grants on other pages: an NGO's applications and grant history on its card, a coordinated body's
grants and continuity watch, each person's grant tasks on their own page, and the open programmes
and public decisions on a body's page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_body_section
from kumppani.grants import home
from kumppani.grants.models import BoardMeeting, GrantProgramme, MeetingStatus
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link


def body_grants(request, body) -> dict | None:
    """Open programmes and the link to the public decisions, on the body's page."""
    now = timezone.now()
    programmes = list(
        GrantProgramme.objects.filter(body=body, is_published=True, opens_at__lte=now)
        .exclude(closes_at__lte=now)
        .order_by("closes_at", "pk")[:5]
    )
    decided = BoardMeeting.objects.filter(body=body, status=MeetingStatus.DECIDED, notified_at__isnull=False).exists()
    if not programmes and not decided:
        return None
    return {"body": body, "programmes": programmes, "has_decisions": decided}


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
    register_body_section(Section("grants", "grants/pages/body.html", body_grants, order=25))
