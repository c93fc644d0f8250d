"""The welfare app on core's pages: the body's latest NGO-friendliness score and its welfare reports
on its page; the chapters a person edits on their own page (/oma/)."""

from kumppani.core.pages import Section, register_body_section, register_dashboard_panel
from kumppani.welfare import criteria as c
from kumppani.welfare import queries
from kumppani.welfare.models import IndexResult, ReportStatus, WelfareReport


def body_index(request, body) -> dict | None:
    result = IndexResult.objects.filter(body=body).order_by("-year").only("year", "overall", "body_id").first()
    if result is None:
        return None
    return {"body": body, "result": result, "light": c.light(result.overall)}


def body_reports(request, body) -> dict | None:
    """The body's approved reports for everyone; its coordinators also see the link to start one.
    One query (two for a signed-in person)."""
    approved = list(
        WelfareReport.objects.filter(body=body, status=ReportStatus.APPROVED).order_by("-first_year", "kind")[:5]
    )
    can_create = request.user.has_perm("welfare.create_report", body)
    if not approved and not can_create:
        return None
    return {"body": body, "reports": approved, "can_create": can_create}


def my_chapters(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    chapters = queries.my_chapters(request.user)
    return {"chapters": chapters} if chapters else None


def register() -> None:
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from kumppani.organisations.pages import Link, register_coordinator_link

    register_body_section(Section("welfare", "welfare/_body_section.html", body_index, order=90))
    register_body_section(Section("welfare_reports", "welfare/_body_reports.html", body_reports, order=91))
    register_dashboard_panel(Section("welfare_chapters", "welfare/_my_chapters.html", my_chapters, order=60))
    register_coordinator_link(
        "welfare-indicators",
        Link(_("Indicator values"), lambda body: reverse("welfare:indicator_values", args=[body.slug]), 90),
    )
