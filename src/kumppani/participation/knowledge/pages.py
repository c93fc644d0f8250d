"""Knowledge reports on other pages: the latest reports on a body's page, "Knowledge reports" on each
NGO's card, and the history labels."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_body_section
from kumppani.organisations.pages import Link, register_ngo_link

BODY_SECTION_COUNT = 5


def body_reports(request, body) -> dict | None:
    from kumppani.participation.knowledge import queries

    reports = list(queries.public_reports(body=body)[:BODY_SECTION_COUNT])
    return {"body": body, "reports": reports} if reports else None


def register() -> None:
    from kumppani.core import audit

    audit.register_action_labels(
        {
            "knowledge_created": _("Knowledge report written"),
            "knowledge_updated": _("Knowledge report changed"),
            "knowledge_sent": _("Knowledge report sent"),
            "knowledge_acknowledged": _("Knowledge report received"),
            "knowledge_answered": _("Knowledge report answered"),
        }
    )
    register_body_section(
        Section("knowledge_reports", "participation/knowledge/_body_section.html", body_reports, order=60)
    )
    register_ngo_link(
        "knowledge_reports",
        Link(
            _("Knowledge reports"),
            lambda organisation: reverse("participation:knowledge_ngo", args=[organisation.slug]),
            60,
        ),
    )
