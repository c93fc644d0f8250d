"""Every change to knowledge reports: each function checks the permission itself, validates before
writing, runs in one transaction, records the audit history and tells the other side by e-mail."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail
from kumppani.core.models import BodyRole, PublicBody
from kumppani.organisations.models import Membership, Organisation
from kumppani.participation.knowledge.models import KnowledgeQuote, KnowledgeReport, ReportStatus
from kumppani.participation.surveys.rules import OWNER_ROLES

FIELDS = (
    "title",
    "area",
    "period_start",
    "period_end",
    "observations",
    "participants",
    "contacts",
    "members_heard",
    "recommendations",
    "public_summary",
    "topic",
)


def _require(by, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def _validate(data: dict, quotes: list[str], quotes_consent: bool) -> None:
    errors = {}
    for name, message in (
        ("title", _("Give the report a title.")),
        ("observations", _("Write what you have seen.")),
        ("public_summary", _("Write a short summary that anyone may read.")),
    ):
        if not (data.get(name) or "").strip():
            errors[name] = message
    start, end = data.get("period_start"), data.get("period_end")
    if not start or not end:
        errors["period_end"] = _("Give the period the report covers.")
    elif end < start:
        errors["period_end"] = _("The period must end after it begins.")
    if quotes and not quotes_consent:
        errors["quotes_consent"] = _("Quotes can be kept only when the people quoted have agreed to it.")
    if errors:
        raise ValidationError(errors, code="invalid")


def _save(report: KnowledgeReport, data: dict, quotes: list[str]) -> None:
    for name in FIELDS:
        if name in data:
            setattr(report, name, data[name])
    report.save()
    if "themes" in data:
        report.themes.set(data["themes"])
    if "target_groups" in data:
        report.target_groups.set(data["target_groups"])
    report.quotes.all().delete()
    KnowledgeQuote.objects.bulk_create(KnowledgeQuote(report=report, text=text, consent=True) for text in quotes)


def report_create(
    *,
    organisation: Organisation,
    body: PublicBody,
    data: dict,
    quotes: list[str] = (),
    quotes_consent: bool = False,
    by,
) -> KnowledgeReport:
    """An NGO's representative writes a report to a body; it stays a draft, seen only by the NGO."""
    _require(by, "participation.write_report", organisation)
    quotes = [q.strip() for q in quotes if q.strip()]
    _validate(data, quotes, quotes_consent)
    with transaction.atomic():
        report = KnowledgeReport(organisation=organisation, body=body)
        _save(report, data, quotes)
        audit.record(actor=by, obj=report, action="knowledge_created")
    return report


def report_update(
    *, report: KnowledgeReport, data: dict, quotes: list[str] = (), quotes_consent: bool = False, by
) -> KnowledgeReport:
    """A draft changes; a sent report does not (the body has it as it was sent)."""
    _require(by, "participation.write_report", report)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("A sent report can no longer be changed."), code="sent")
    quotes = [q.strip() for q in quotes if q.strip()]
    _validate({**{name: getattr(report, name) for name in FIELDS}, **data}, quotes, quotes_consent)
    with transaction.atomic():
        _save(report, data, quotes)
        audit.record(actor=by, obj=report, action="knowledge_updated")
    return report


def _body_people(body) -> list[str]:
    return list(
        BodyRole.objects.filter(body=body, role__in=OWNER_ROLES).values_list("user__email", flat=True).distinct()
    )


def report_send(*, report: KnowledgeReport, by, now=None) -> KnowledgeReport:
    """The NGO sends its draft to the body: it becomes public (its public parts) and the body's
    coordinators and officials are told."""
    _require(by, "participation.write_report", report)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("This report has already been sent."), code="sent")
    with transaction.atomic():
        report.status, report.sent_at = ReportStatus.SENT, now or timezone.now()
        report.save(update_fields=["status", "sent_at"])
        audit.record(actor=by, obj=report, action="knowledge_sent")
        to = _body_people(report.body)
        if to:
            mail.send(to=to, template="participation/knowledge/email/sent", context={"report": report})
    return report


def report_acknowledge(*, report: KnowledgeReport, by, now=None) -> KnowledgeReport:
    """The body tells the NGO it has received the report."""
    _require(by, "participation.handle_report", report)
    if report.status != ReportStatus.SENT:
        raise ValidationError(_("This report has already been received."), code="not_sent")
    with transaction.atomic():
        report.status, report.acknowledged_at = ReportStatus.ACKNOWLEDGED, now or timezone.now()
        report.save(update_fields=["status", "acknowledged_at"])
        audit.record(actor=by, obj=report, action="knowledge_acknowledged")
    return report


def report_answer(*, report: KnowledgeReport, response: str, by, now=None) -> KnowledgeReport:
    """The body answers the report publicly: what it will do with what it heard. The NGO's
    representatives are told. An answer also acknowledges the report."""
    _require(by, "participation.handle_report", report)
    response = (response or "").strip()
    if not response:
        raise ValidationError({"response": _("Write the answer.")}, code="empty")
    now = now or timezone.now()
    with transaction.atomic():
        report.status, report.response, report.answered_at, report.answered_by = (
            ReportStatus.ANSWERED,
            response,
            now,
            by,
        )
        report.acknowledged_at = report.acknowledged_at or now
        report.save()
        audit.record(actor=by, obj=report, action="knowledge_answered")
        to = list(Membership.objects.filter(organisation=report.organisation).values_list("user__email", flat=True))
        if to:
            mail.send(to=to, template="participation/knowledge/email/answered", context={"report": report})
    return report
