"""Reads of knowledge reports that do not grow with the data."""

from kumppani.participation.knowledge.models import PUBLIC_STATUSES, KnowledgeReport


def public_reports(*, body=None):
    """Sent reports, newest first, with their NGO, body, themes and target groups. Three queries."""
    reports = KnowledgeReport.objects.filter(status__in=PUBLIC_STATUSES)
    if body is not None:
        reports = reports.filter(body=body)
    return (
        reports.select_related("organisation", "body").prefetch_related("themes", "target_groups").order_by("-sent_at")
    )


def organisation_reports(organisation):
    return KnowledgeReport.objects.filter(organisation=organisation).select_related("body").order_by("-created_at")
