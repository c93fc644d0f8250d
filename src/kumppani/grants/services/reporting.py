"""Payments, usage reports (käyttöselvitys) and recovery of decided grants.

The grant officer splits the decided amount into instalments and marks them paid. The first
payment moves the application from decided to paid and opens its usage report, due on the
programme's date (or on 31 March of the following year when the programme sets none). The
NGO fills in what actually came in and went out on each budget line, what was achieved and
its attachments, and sends the report; the officer approves it or returns it with a comment.
A grant that was not reported or was misused can be marked for recovery (takaisinperintä).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core.models import PublicBody, User
from kumppani.grants import uploads
from kumppani.grants.euros import CENT, format_euros
from kumppani.grants.models import (
    Application,
    Attachment,
    AttachmentKind,
    AttachmentStage,
    BudgetLine,
    BudgetLineKind,
    Decision,
    Instalment,
    InstalmentStatus,
    ReportStatus,
    UsageReport,
)
from kumppani.grants.models import ApplicationStatus as S
from kumppani.grants.workflow import CLOSABLE, PAYABLE, RECOVERABLE, notify_applicant, transition

REPORT_EDITABLE = {ReportStatus.DRAFT, ReportStatus.RETURNED}
REMINDER_DAYS_BEFORE = 14


def decided_amount(application: Application) -> Decimal | None:
    try:
        return application.decision.amount
    except Decision.DoesNotExist:
        return None


def paid_total(application: Application) -> Decimal:
    total = application.instalments.filter(status=InstalmentStatus.PAID).aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0.00")


def _locked(application: Application) -> Application:
    """The application row, locked for the rest of the transaction so two officers cannot pay twice."""
    return Application.objects.select_for_update().select_related("programme__body").get(pk=application.pk)


def _require(user: User, perm: str, application: Application) -> None:
    if not user.has_perm(perm, application):
        raise PermissionDenied


# --- Instalments -------------------------------------------------------------------------------


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """`total` in `parts` equal amounts to the cent; the cents left over go to the first ones."""
    if parts < 1:
        raise ValueError(parts)
    cents = int((total / CENT).to_integral_value())
    share, extra = divmod(cents, parts)
    return [(Decimal(share + (1 if n < extra else 0)) * CENT).quantize(CENT) for n in range(parts)]


def monthly_dates(start: dt.date, parts: int, months: int = 3) -> list[dt.date]:
    """`parts` dates `months` apart from `start` (the 31st becomes the month's last day)."""
    dates = []
    for n in range(parts):
        month0 = start.month - 1 + n * months
        year, month = start.year + month0 // 12, month0 % 12 + 1
        day = start.day
        while True:
            try:
                dates.append(dt.date(year, month, day))
                break
            except ValueError:
                day -= 1
    return dates


def _instalment_text(instalment: Instalment) -> str:
    """An instalment as the history shows it ("31.3.2027 1 500,00 €"), never an ISO date."""
    day = instalment.due_date
    return f"{day.day}.{day.month}.{day.year} {format_euros(Decimal(instalment.amount))}"


@transaction.atomic
def instalments_plan(*, application: Application, by: User, rows: list[tuple[dt.date, Decimal]]) -> list[Instalment]:
    """Replace the planned (unpaid) instalments with `rows` of (payment date, amount).

    Paid instalments stay as they are; together with the new rows they must add up to the
    decided amount exactly, to the cent."""
    _require(by, "grants.handle_application", application)
    application = _locked(application)
    if application.status not in PAYABLE:
        raise ValidationError(
            _("Instalments can be planned only for a decided grant, not for one that is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="not_payable",
        )
    decided = decided_amount(application)
    if not decided:
        raise ValidationError(_("No amount has been granted, so there is nothing to pay."), code="nothing_granted")
    if not rows:
        raise ValidationError(_("Add at least one instalment."), code="no_instalments")
    for due_date, amount in rows:
        if due_date is None:
            raise ValidationError(_("Give each instalment a payment date."), code="payment_date_missing")
        if amount is None or amount <= 0 or amount != amount.quantize(CENT):
            raise ValidationError(
                _("Each instalment must be more than 0 € and given in euros and cents."), code="invalid_amount"
            )
    paid = paid_total(application)
    total = paid + sum((amount for _date, amount in rows), Decimal("0"))
    if total != decided:
        raise ValidationError(
            _(
                "The instalments add up to %(total)s, but the granted amount is %(decided)s "
                "(of which %(paid)s has already been paid). Change the amounts so that they match."
            )
            % {"total": format_euros(total), "decided": format_euros(decided), "paid": format_euros(paid)},
            code="instalments_mismatch",
        )
    planned = application.instalments.filter(status=InstalmentStatus.PLANNED)
    before = [_instalment_text(i) for i in planned]
    planned.delete()
    created = Instalment.objects.bulk_create(
        [Instalment(application=application, due_date=due_date, amount=amount) for due_date, amount in sorted(rows)]
    )
    after = [_instalment_text(i) for i in created]
    if before != after:
        audit.record(actor=by, obj=application, action="instalments_planned", changes={"instalments": [before, after]})
    return created


@transaction.atomic
def instalment_mark_paid(*, instalment: Instalment, by: User, paid_at: dt.date | None = None) -> Instalment:
    """Record an instalment as paid. The first payment moves the grant to "paid", opens the usage
    report and tells the NGO when the report is due."""
    application = instalment.application
    _require(by, "grants.handle_application", application)
    application = _locked(application)
    instalment = Instalment.objects.select_for_update().get(pk=instalment.pk, application=application)
    if instalment.status != InstalmentStatus.PLANNED:
        raise ValidationError(_("This instalment is not waiting to be paid."), code="not_planned")
    if application.status not in PAYABLE:
        raise ValidationError(
            _("A grant that is “%(status)s” cannot be paid.") % {"status": application.get_status_display()},
            code="not_payable",
        )
    paid_at = paid_at or timezone.localdate()
    instalment.status, instalment.paid_at = InstalmentStatus.PAID, paid_at
    instalment.save(update_fields=["status", "paid_at"])
    audit.record(
        actor=by,
        obj=application,
        action="instalment_paid",
        message=f"{instalment.amount} € {paid_at.isoformat()}",
    )
    if application.status == S.DECIDED:
        report = usage_report_open(application)
        transition(
            application,
            S.PAID,
            by=by,
            notify="grants/email/grant_paid",
            context={"report": report, "amount": instalment.amount, "link": _report_link(application)},
        )
    return instalment


def payments(body: PublicBody, start: dt.date, end: dt.date, *, status: str = "") -> QuerySet[Instalment]:
    """The body's instalments due (or, if paid, paid) between `start` and `end`, for the finance system.
    `status` "planned" or "paid" narrows the list; cancelled instalments are never included."""
    instalments = Instalment.objects.filter(application__programme__body=body).exclude(
        status=InstalmentStatus.CANCELLED
    )
    if status == InstalmentStatus.PAID:
        instalments = instalments.filter(status=InstalmentStatus.PAID, paid_at__range=(start, end))
    elif status == InstalmentStatus.PLANNED:
        instalments = instalments.filter(status=InstalmentStatus.PLANNED, due_date__range=(start, end))
    else:
        instalments = instalments.filter(due_date__range=(start, end))
    return instalments.select_related(
        "application__organisation", "application__programme", "application__decision__meeting"
    ).order_by("due_date", "application__reference", "pk")


# --- Usage report ------------------------------------------------------------------------------


def default_report_due(application: Application) -> dt.date:
    """The programme's due date, or 31 March of the year after the grant year."""
    programme = application.programme
    return programme.report_due or dt.date(programme.year + 1, 3, 31)


def usage_report_open(application: Application, due_date: dt.date | None = None) -> UsageReport:
    """The application's usage report, created empty when the grant is first paid."""
    report, _created = UsageReport.objects.get_or_create(
        application=application, defaults={"due_date": due_date or default_report_due(application)}
    )
    return report


def _report_link(application: Application) -> str:
    return settings.SITE_URL + reverse("grants:usage_report", kwargs={"pk": application.pk})


@transaction.atomic
def usage_report_set_due(*, report: UsageReport, by: User, due_date: dt.date) -> UsageReport:
    """The officer moves the due date; the reminders are sent again relative to the new date."""
    _require(by, "grants.handle_application", report.application)
    if report.status == ReportStatus.APPROVED:
        raise ValidationError(_("The report has already been approved."), code="already_approved")
    if due_date is None:
        raise ValidationError(_("Give the due date."), code="due_date_missing")
    old = report.due_date
    if old != due_date:
        report.due_date = due_date
        report.reminder_before_sent_at = report.reminder_after_sent_at = None
        report.save(update_fields=["due_date", "reminder_before_sent_at", "reminder_after_sent_at"])
        audit.record(
            actor=by,
            obj=report.application,
            action="report_due_changed",
            changes={"due_date": [old.isoformat(), due_date.isoformat()]},
        )
    return report


def _check_editable(report: UsageReport, by: User) -> None:
    _require(by, "grants.file_report", report.application)
    if report.status not in REPORT_EDITABLE or report.application.status != S.PAID:
        raise ValidationError(
            _("This usage report has been sent and can no longer be changed."), code="report_not_editable"
        )


def _apply(report: UsageReport, *, achievements: str, participants: int | None, actuals: dict) -> list[BudgetLine]:
    """Write the form's values to the report and its budget lines; return the lines."""
    lines = {line.pk: line for line in report.application.budget_lines.all()}
    unknown = set(actuals) - set(lines)
    if unknown:
        raise ValidationError(_("The budget has changed. Reload the page and try again."), code="budget_changed")
    changed = []
    for pk, value in actuals.items():
        if value is not None and (value < 0 or value != value.quantize(CENT)):
            raise ValidationError(_("Amounts must be 0 € or more, in euros and cents."), code="invalid_amount")
        if lines[pk].actual_amount != value:
            lines[pk].actual_amount = value
            changed.append(lines[pk])
    BudgetLine.objects.bulk_update(changed, ["actual_amount"])
    if participants is not None and participants < 0:
        raise ValidationError(_("The number of participants cannot be negative."), code="negative_participants")
    report.achievements = (achievements or "").strip()
    report.participants = participants
    report.save(update_fields=["achievements", "participants"])
    return list(lines.values())


@transaction.atomic
def usage_report_save(
    *, report: UsageReport, by: User, achievements: str, participants: int | None, actuals: dict[int, Decimal | None]
) -> UsageReport:
    """Save the NGO's unfinished report (a draft, or a returned report being corrected)."""
    _check_editable(report, by)
    _apply(report, achievements=achievements, participants=participants, actuals=actuals)
    audit.record(actor=by, obj=report.application, action="report_saved")
    return report


@transaction.atomic
def usage_report_submit(
    *, report: UsageReport, by: User, achievements: str, participants: int | None, actuals: dict[int, Decimal | None]
) -> UsageReport:
    """Send the report to the grant officer: every budget line needs its actual amount and the
    report must say what was achieved. Nothing is saved if anything is missing."""
    _check_editable(report, by)
    application = _locked(report.application)
    lines = _apply(report, achievements=achievements, participants=participants, actuals=actuals)
    errors = []
    if any(line.actual_amount is None for line in lines):
        errors.append(
            ValidationError(
                _("Fill in the actual amount of every budget line (0 if nothing came in or was spent)."),
                code="actual_missing",
            )
        )
    if not report.achievements:
        errors.append(ValidationError(_("Tell what was achieved with the grant."), code="achievements_missing"))
    if errors:
        raise ValidationError(errors)
    report.status, report.submitted_at = ReportStatus.SUBMITTED, timezone.now()
    report.save(update_fields=["status", "submitted_at"])
    transition(
        application,
        S.REPORTED,
        by=by,
        message=_("Usage report sent"),
        notify="grants/email/report_received",
        context={"report": report},
    )
    return report


@transaction.atomic
def usage_report_attach(*, report: UsageReport, by: User, kind: str, upload: UploadedFile) -> Attachment:
    """Add an attachment to the report, checked like the application's attachments."""
    _check_editable(report, by)
    if kind not in AttachmentKind.values:
        raise ValidationError(_("Choose what kind of attachment this is."), code="unknown_kind")
    checked = uploads.check(upload)
    attachment = Attachment(
        application=report.application,
        stage=AttachmentStage.USAGE_REPORT,
        kind=kind,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=by,
    )
    attachment.file.save(checked.stored_name, upload, save=False)
    attachment.save()
    audit.record(actor=by, obj=report.application, action="report_attachment_added", message=checked.original_name)
    return attachment


@transaction.atomic
def usage_report_detach(*, report: UsageReport, by: User, attachment: Attachment) -> None:
    _check_editable(report, by)
    if attachment.application_id != report.application_id or attachment.stage != AttachmentStage.USAGE_REPORT:
        raise ValidationError(_("This attachment is not part of the usage report."), code="not_report_attachment")
    name = attachment.original_name
    attachment.file.delete(save=False)
    attachment.delete()
    audit.record(actor=by, obj=report.application, action="report_attachment_removed", message=name)


def _check_reviewable(report: UsageReport, by: User) -> Application:
    _require(by, "grants.handle_application", report.application)
    application = _locked(report.application)
    if report.status != ReportStatus.SUBMITTED or application.status != S.REPORTED:
        raise ValidationError(
            _("Only a usage report that has been sent can be approved or returned."), code="report_not_sent"
        )
    return application


@transaction.atomic
def usage_report_approve(*, report: UsageReport, by: User, comment: str = "", close: bool = False) -> UsageReport:
    """Approve the report; with `close`, the grant is also closed (no instalments may be left)."""
    application = _check_reviewable(report, by)
    if close and application.instalments.filter(status=InstalmentStatus.PLANNED).exists():
        raise ValidationError(
            _("Instalments are still waiting to be paid, so the grant cannot be closed yet."), code="instalments_unpaid"
        )
    report.status, report.reviewed_by, report.reviewed_at = ReportStatus.APPROVED, by, timezone.now()
    report.review_comment = (comment or "").strip()
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    transition(
        application,
        S.APPROVED,
        by=by,
        message=report.review_comment,
        notify="grants/email/report_approved",
        context={"report": report},
    )
    if close:
        transition(application, S.CLOSED, by=by)
    return report


@transaction.atomic
def usage_report_return(*, report: UsageReport, by: User, comment: str) -> UsageReport:
    """Return the report to the NGO with a comment saying what to correct."""
    _require(by, "grants.handle_application", report.application)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Tell the NGO what to correct."), code="comment_missing")
    application = _check_reviewable(report, by)
    report.status, report.reviewed_by, report.reviewed_at = ReportStatus.RETURNED, by, timezone.now()
    report.review_comment = comment
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    transition(
        application,
        S.PAID,
        by=by,
        message=comment,
        notify="grants/email/report_returned",
        context={"report": report, "comment": comment, "link": _report_link(application)},
    )
    return report


# --- Recovery and closing ----------------------------------------------------------------------


@transaction.atomic
def recovery_mark(*, application: Application, by: User, amount: Decimal, reason: str) -> Application:
    """Mark the grant for recovery: at most what has been paid, with the reason. Instalments not yet
    paid are cancelled and the NGO is told."""
    _require(by, "grants.handle_application", application)
    application = _locked(application)
    if application.status not in RECOVERABLE:
        raise ValidationError(
            _("A grant that is “%(status)s” cannot be marked for recovery.")
            % {"status": application.get_status_display()},
            code="not_recoverable",
        )
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = ValidationError(_("Give the reason for the recovery."), code="reason_missing")
    paid = paid_total(application)
    if amount is None or amount < 0 or amount != amount.quantize(CENT):
        errors["amount"] = ValidationError(_("Give the amount in euros and cents."), code="invalid_amount")
    elif amount > paid:
        errors["amount"] = ValidationError(
            _("At most the amount paid (%(paid)s) can be recovered.") % {"paid": format_euros(paid)}, code="over_paid"
        )
    if errors:
        raise ValidationError(errors)
    application.recovery_amount, application.recovery_reason = amount, reason
    application.save(update_fields=["recovery_amount", "recovery_reason"])
    cancelled = application.instalments.filter(status=InstalmentStatus.PLANNED).update(
        status=InstalmentStatus.CANCELLED
    )
    audit.record(
        actor=by,
        obj=application,
        action="recovery_marked",
        changes={"recovery_amount": [None, str(amount)]},
        message=reason,
    )
    transition(
        application,
        S.RECOVERY,
        by=by,
        notify="grants/email/recovery",
        context={"amount": amount, "reason": reason, "cancelled": cancelled},
    )
    return application


@transaction.atomic
def application_close(*, application: Application, by: User) -> Application:
    """Close a grant whose report was approved and which is fully paid, or whose recovery is settled."""
    _require(by, "grants.handle_application", application)
    application = _locked(application)
    if application.status == S.APPROVED and application.instalments.filter(status=InstalmentStatus.PLANNED).exists():
        raise ValidationError(
            _("Instalments are still waiting to be paid, so the grant cannot be closed yet."), code="instalments_unpaid"
        )
    if application.status not in CLOSABLE:
        raise ValidationError(
            _("A grant that is “%(status)s” cannot be closed.") % {"status": application.get_status_display()},
            code="not_closable",
        )
    return transition(application, S.CLOSED, by=by)


# --- Reminders ---------------------------------------------------------------------------------


def reports_to_remind(today: dt.date) -> tuple[QuerySet[UsageReport], QuerySet[UsageReport]]:
    """(reports due within two weeks, reports overdue) that have not had that reminder yet."""
    waiting = UsageReport.objects.filter(status__in=REPORT_EDITABLE, application__status=S.PAID).select_related(
        "application__organisation", "application__programme__body"
    )
    before = waiting.filter(
        reminder_before_sent_at__isnull=True,
        due_date__gte=today,
        due_date__lte=today + dt.timedelta(days=REMINDER_DAYS_BEFORE),
    )
    after = waiting.filter(reminder_after_sent_at__isnull=True, due_date__lt=today)
    return before, after


def send_reminder(report: UsageReport, *, overdue: bool) -> bool:
    """Send one reminder, once: the row is claimed first, so two workers cannot both send it."""
    field = "reminder_after_sent_at" if overdue else "reminder_before_sent_at"
    claimed = UsageReport.objects.filter(pk=report.pk, **{f"{field}__isnull": True}).update(**{field: timezone.now()})
    if not claimed:
        return False
    notify_applicant(
        report.application,
        "grants/email/report_overdue" if overdue else "grants/email/report_due_soon",
        {"report": report, "link": _report_link(report.application)},
    )
    return True


# --- Reading -----------------------------------------------------------------------------------


@dataclass
class BudgetRow:
    line: BudgetLine

    @property
    def difference(self) -> Decimal | None:
        if self.line.actual_amount is None:
            return None
        return self.line.actual_amount - self.line.amount


@dataclass
class BudgetComparison:
    """The budget against what actually came in and went out, with totals."""

    income: list[BudgetRow]
    expenses: list[BudgetRow]

    @staticmethod
    def _sum(rows, attr) -> Decimal:
        return sum((getattr(r.line, attr) or Decimal("0") for r in rows), Decimal("0.00"))

    @property
    def income_budget(self) -> Decimal:
        return self._sum(self.income, "amount")

    @property
    def income_actual(self) -> Decimal:
        return self._sum(self.income, "actual_amount")

    @property
    def expenses_budget(self) -> Decimal:
        return self._sum(self.expenses, "amount")

    @property
    def expenses_actual(self) -> Decimal:
        return self._sum(self.expenses, "actual_amount")

    @property
    def income_difference(self) -> Decimal:
        return self.income_actual - self.income_budget

    @property
    def expenses_difference(self) -> Decimal:
        return self.expenses_actual - self.expenses_budget

    @property
    def result_budget(self) -> Decimal:
        return self.income_budget - self.expenses_budget

    @property
    def result_actual(self) -> Decimal:
        return self.income_actual - self.expenses_actual


def budget_comparison(lines) -> BudgetComparison:
    rows = [BudgetRow(line) for line in lines]
    return BudgetComparison(
        income=[r for r in rows if r.line.kind == BudgetLineKind.INCOME],
        expenses=[r for r in rows if r.line.kind == BudgetLineKind.EXPENSE],
    )
