"""Pages for paying grants and reporting their use, the NGO's grant history and the
coordinator's continuity watch. Each view says who may use it; the rules live in grants.rules
and the changes in grants.services.reporting."""

from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.grants import exports
from kumppani.grants.forms.reporting import (
    DueDateForm,
    InstalmentFormSet,
    MarkPaidForm,
    PaymentsFilterForm,
    RecoveryForm,
    ReviewForm,
    SplitForm,
    UsageReportForm,
    YearForm,
)
from kumppani.grants.models import (
    Application,
    AttachmentStage,
    GrantProgramme,
    Instalment,
    InstalmentStatus,
    ReportStatus,
    UsageReport,
)
from kumppani.grants.models import ApplicationStatus as S
from kumppani.grants.queries import continuity
from kumppani.grants.queries.applications import readable_applications
from kumppani.grants.services import reporting
from kumppani.grants.workflow import CLOSABLE, DECIDED_STATES, PAYABLE, RECOVERABLE, REPORT_STATES
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import is_member

PAGE_SIZE = 50


def _application(pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("programme__body", "organisation", "decision__meeting"), pk=pk
    )


def _require(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _report_or_none(application: Application) -> UsageReport | None:
    return UsageReport.objects.filter(application=application).first()


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Payments (grant officers of the programme's body) ------------------------------------------


@login_required
def application_payments(request, pk):
    """An officer's payment page of one grant: the instalment plan, payments, the report's due
    date, closing and recovery."""
    application = _application(pk)
    _require(request, "grants.handle_application", application)
    decided = reporting.decided_amount(application) if application.status in DECIDED_STATES else None
    instalments = list(application.instalments.all())
    paid = sum((i.amount for i in instalments if i.status == InstalmentStatus.PAID), Decimal("0.00"))
    planned = [i for i in instalments if i.status == InstalmentStatus.PLANNED]
    split = SplitForm(request.GET if "parts" in request.GET else None)
    if request.method == "POST":
        formset = InstalmentFormSet(request.POST, prefix="inst")
        if formset.is_valid():
            rows = [(f["due_date"], f["amount"]) for f in formset.cleaned_data if f and f.get("amount") is not None]
            try:
                reporting.instalments_plan(application=application, by=request.user, rows=rows)
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                messages.success(request, _("The instalments have been saved."))
                return redirect("grants:application_payments", pk=pk)
    else:
        if split.is_valid() and decided:
            data = split.cleaned_data
            remaining = decided - paid
            dates = reporting.monthly_dates(data["first"], data["parts"], data["months"])
            initial = [
                {"due_date": d, "amount": a}
                for d, a in zip(dates, reporting.split_evenly(remaining, data["parts"]), strict=True)
            ]
        elif planned:
            initial = [{"due_date": i.due_date, "amount": i.amount} for i in planned]
        elif decided and paid < decided:
            initial = [{"due_date": timezone.localdate(), "amount": decided - paid}]
        else:
            initial = []
        formset = InstalmentFormSet(initial=initial, prefix="inst")
    report = _report_or_none(application)
    return render(
        request,
        "grants/reporting/payments_application.html",
        {
            "application": application,
            "decided": decided,
            "instalments": instalments,
            "paid": paid,
            "remaining": (decided - paid) if decided else None,
            "formset": formset,
            "split": split if split.is_bound else SplitForm(initial={"first": timezone.localdate()}),
            "report": report,
            "due_form": DueDateForm(initial={"due_date": report.due_date}) if report else None,
            "can_plan": application.status in PAYABLE and bool(decided),
            "can_recover": application.status in RECOVERABLE,
            "can_close": application.status in CLOSABLE,
        },
    )


@login_required
@require_POST
def instalment_paid(request, pk):
    instalment = get_object_or_404(Instalment.objects.select_related("application__programme__body"), pk=pk)
    _require(request, "grants.handle_application", instalment.application)
    form = MarkPaidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date of payment."))
    else:
        try:
            reporting.instalment_mark_paid(instalment=instalment, by=request.user, paid_at=form.cleaned_data["paid_at"])
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The instalment has been marked as paid."))
    return redirect("grants:application_payments", pk=instalment.application_id)


@login_required
@require_POST
def report_due(request, pk):
    application = _application(pk)
    _require(request, "grants.handle_application", application)
    report = get_object_or_404(UsageReport, application=application)
    form = DueDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the due date."))
    else:
        try:
            reporting.usage_report_set_due(report=report, by=request.user, due_date=form.cleaned_data["due_date"])
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The due date of the usage report has been changed."))
    return redirect("grants:application_payments", pk=pk)


@login_required
def recovery(request, pk):
    """Mark a grant for recovery (takaisinperintä): the amount and the reason."""
    application = _application(pk)
    _require(request, "grants.handle_application", application)
    paid = reporting.paid_total(application)
    form = RecoveryForm(request.POST or None, initial={"amount": paid})
    if request.method == "POST" and form.is_valid():
        try:
            reporting.recovery_mark(
                application=application,
                by=request.user,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The grant has been marked for recovery and the NGO has been told."))
            return redirect("grants:application_payments", pk=pk)
    return render(
        request,
        "grants/reporting/recovery.html",
        {
            "application": application,
            "form": form,
            "paid": paid,
            "allowed": application.status in RECOVERABLE,
        },
    )


@login_required
@require_POST
def close(request, pk):
    application = _application(pk)
    _require(request, "grants.handle_application", application)
    try:
        reporting.application_close(application=application, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The grant has been closed."))
    return redirect("grants:application_payments", pk=pk)


FILTERS = {
    "unpaid": lambda qs, today: qs.filter(
        Exists(Instalment.objects.filter(application=OuterRef("pk"), status=InstalmentStatus.PLANNED))
    ),
    "to_check": lambda qs, today: qs.filter(status=S.REPORTED),
    "overdue": lambda qs, today: qs.filter(
        status=S.PAID, usage_report__status__in=reporting.REPORT_EDITABLE, usage_report__due_date__lt=today
    ),
    "recovery": lambda qs, today: qs.filter(status=S.RECOVERY),
}


@login_required
def programme_payments(request, pk):
    """An officer's list of a programme's grants: granted, paid, next payment, usage report."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    _require(request, "grants.handle_application", programme)
    grants = readable_applications(request.user, programme=programme, as_staff=True).filter(
        status__in=DECIDED_STATES, decision__amount__gt=0
    )
    totals = grants.aggregate(granted=Sum("decision__amount"))
    totals["paid"] = Instalment.objects.filter(application__in=grants, status=InstalmentStatus.PAID).aggregate(
        t=Sum("amount")
    )["t"]
    show = request.GET.get("show", "")
    if show in FILTERS:
        grants = FILTERS[show](grants, timezone.localdate())
    next_due = (
        Instalment.objects.filter(application=OuterRef("pk"), status=InstalmentStatus.PLANNED)
        .order_by("due_date")
        .values("due_date")[:1]
    )
    rows = (
        grants.select_related("organisation", "decision", "usage_report")
        .annotate(paid_total=exports.paid_total_subquery(), next_due=next_due)
        .order_by("organisation__sort_key_fi", "reference")
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "grants/reporting/payments_programme.html",
        {
            "programme": programme,
            "page": page,
            "totals": totals,
            "show": show,
            "filters": [
                ("", _("All grants")),
                ("unpaid", _("Instalments to pay")),
                ("to_check", _("Usage report to check")),
                ("overdue", _("Usage report overdue")),
                ("recovery", _("Marked for recovery")),
            ],
            "today": timezone.localdate(),
        },
    )


def _readable(request, instalments):
    """Leave out the instalments of applications the reader may not read (a declared conflict)."""
    return instalments.filter(application__in=readable_applications(request.user, as_staff=True))


def _payments_filter(request) -> PaymentsFilterForm:
    return PaymentsFilterForm(request.GET if "start" in request.GET else PaymentsFilterForm.defaults())


@login_required
def payments(request, slug):
    """The body's instalments in a date range, with the file for the finance system."""
    body = get_object_or_404(PublicBody, slug=slug)
    _require(request, "grants.handle_application", body)
    form = _payments_filter(request)
    page = total = None
    if form.is_valid():
        data = form.cleaned_data
        instalments = _readable(request, reporting.payments(body, data["start"], data["end"], status=data["status"]))
        total = instalments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
        page = Paginator(instalments, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "grants/reporting/payments_body.html",
        {
            "body": body,
            "form": form,
            "page": page,
            "total": total,
            "query": urlencode({key: form.data.get(key, "") for key in ("start", "end", "status")}),
        },
    )


@login_required
def payments_csv(request, slug):
    body = get_object_or_404(PublicBody, slug=slug)
    _require(request, "grants.handle_application", body)
    form = _payments_filter(request)
    if not form.is_valid():
        messages.error(request, _("Check the dates."))
        return redirect("grants:payments", slug=slug)
    data = form.cleaned_data
    instalments = _readable(request, reporting.payments(body, data["start"], data["end"], status=data["status"]))
    content = exports.payments_csv(instalments)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    name = f"avustusmaksut-{body.slug}-{data['start'].isoformat()}-{data['end'].isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def programme_export(request, pk, fmt):
    """A programme's applications and decisions as CSV or XLSX, for the body's officials."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    if not (
        request.user.has_perm("grants.handle_application", programme)
        or request.user.has_perm("grants.prepare_decision", programme)
    ):
        raise PermissionDenied
    if fmt == "csv":
        response = HttpResponse(
            exports.programme_csv(programme, user=request.user), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.programme_xlsx(programme, user=request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="avustukset-{programme.slug}-{programme.year}.{fmt}"'
    return response


# --- Usage report --------------------------------------------------------------------------------


def comparison_groups(comparison: reporting.BudgetComparison, form: UsageReportForm | None = None) -> list[tuple]:
    """(heading, total label, rows, budgeted, actual, difference) for income and for expenses; with `form`, each
    row carries its input field."""

    def rows(items):
        return [
            {"line": r.line, "difference": r.difference, "field": form[form.line_field(r.line)] if form else None}
            for r in items
        ]

    c = comparison
    return [
        (
            _("Income items"),
            _("Income in total"),
            rows(c.income),
            c.income_budget,
            c.income_actual,
            c.income_difference,
        ),
        (
            _("Expense items"),
            _("Expenses in total"),
            rows(c.expenses),
            c.expenses_budget,
            c.expenses_actual,
            c.expenses_difference,
        ),
    ]


def _report_context(application: Application, report: UsageReport) -> dict:
    lines = list(application.budget_lines.all())
    comparison = reporting.budget_comparison(lines)
    return {
        "application": application,
        "report": report,
        "lines": lines,
        "comparison": comparison,
        "groups": comparison_groups(comparison),
        "attachments": application.attachments.filter(stage=AttachmentStage.USAGE_REPORT).order_by("id"),
        "decided": reporting.decided_amount(application),
        "paid": reporting.paid_total(application),
        "today": timezone.localdate(),
    }


@login_required
def usage_report(request, pk):
    """The NGO fills in and sends the report on the use of its grant (käyttöselvitys)."""
    application = _application(pk)
    _require(request, "grants.file_report", application)
    report = _report_or_none(application)
    if report is None:
        return render(request, "grants/reporting/report_not_open.html", {"application": application})
    editable = report.status in reporting.REPORT_EDITABLE and application.status == S.PAID
    context = _report_context(application, report)
    form = UsageReportForm(
        (request.POST or None) if editable else None,
        (request.FILES or None) if editable else None,
        lines=context["lines"],
        initial={"achievements": report.achievements, "participants": report.participants},
    )
    if request.method == "POST" and editable:
        if "remove_attachment" in request.POST:
            attachment = get_object_or_404(
                application.attachments, pk=request.POST.get("remove_attachment"), stage=AttachmentStage.USAGE_REPORT
            )
            try:
                reporting.usage_report_detach(report=report, by=request.user, attachment=attachment)
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                messages.success(request, _("The attachment has been removed."))
            return redirect("grants:usage_report", pk=pk)
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            data = form.cleaned_data
            stored = None
            try:
                with transaction.atomic():
                    if data.get("attachment"):
                        stored = reporting.usage_report_attach(
                            report=report, by=request.user, kind=data["attachment_kind"], upload=data["attachment"]
                        )
                    (reporting.usage_report_submit if submit else reporting.usage_report_save)(
                        report=report,
                        by=request.user,
                        achievements=data["achievements"],
                        participants=data["participants"],
                        actuals=form.actuals(),
                    )
            except ValidationError as error:
                if stored is not None:  # the row was rolled back; do not keep its file either
                    stored.file.delete(save=False)
                report.refresh_from_db()
                add_service_errors(form, error)
            else:
                if submit:
                    messages.success(request, _("Thank you! The usage report has been sent."))
                else:
                    messages.success(request, _("The report has been saved. You can continue later."))
                return redirect("grants:usage_report", pk=pk)
    if editable:
        context["groups"] = comparison_groups(context["comparison"], form)
    return render(request, "grants/reporting/report_form.html", {**context, "form": form, "editable": editable})


@login_required
def usage_report_review(request, pk):
    """The grant officer reads the report and approves it, returns it, or marks the grant for recovery."""
    application = _application(pk)
    _require(request, "grants.handle_application", application)
    report = get_object_or_404(UsageReport, application=application)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "approve":
                reporting.usage_report_approve(
                    report=report,
                    by=request.user,
                    comment=form.cleaned_data["comment"],
                    close=form.cleaned_data["close"],
                )
                messages.success(request, _("The usage report has been approved and the NGO has been told."))
            elif action == "return":
                reporting.usage_report_return(report=report, by=request.user, comment=form.cleaned_data["comment"])
                messages.success(request, _("The usage report has been returned to the NGO for changes."))
            else:
                raise ValidationError(_("Choose whether to approve or return the report."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("grants:usage_report_review", pk=pk)
    return render(
        request,
        "grants/reporting/report_review.html",
        {
            **_report_context(application, report),
            "form": form,
            "can_review": report.status == ReportStatus.SUBMITTED and application.status == S.REPORTED,
            "can_recover": application.status in RECOVERABLE,
        },
    )


# --- Grant history and continuity -------------------------------------------------------------


def history_scope(user, organisation: Organisation) -> set[int] | None:
    """What of the NGO's grant history `user` may see: None for all of it (the NGO's own people,
    platform admins), a set of body ids for an official of a body the NGO applied to or serves.
    Anyone else is refused."""
    if is_platform_admin(user) or is_member(user, organisation):
        return None
    own = set(body_roles(user))
    if own and (own & continuity.applied_body_ids(organisation)):
        return own
    if own and user.has_perm("organisations.view_private_organisation", organisation):
        return own
    raise PermissionDenied


@login_required
def grant_history(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug, merged_into__isnull=True)
    scope = history_scope(request.user, organisation)
    return render(
        request,
        "grants/reporting/history.html",
        {
            "organisation": organisation,
            "years": continuity.grant_history(
                organisation, body_ids=scope, readable=readable_applications(request.user, as_staff=True)
            ),
            "limited": scope is not None,
            "decided_states": DECIDED_STATES,
            "report_states": REPORT_STATES,
        },
    )


@login_required
def continuity_watch(request, slug):
    """The coordinator's list of NGOs funded last year that have not applied this year."""
    body = get_object_or_404(PublicBody.objects.select_related("county"), slug=slug)
    _require(request, "core.coordinate_body", body)
    this_year = timezone.localdate().year
    form = YearForm(request.GET if "year" in request.GET else {"year": this_year})
    year = form.cleaned_data["year"] if form.is_valid() else this_year
    gaps = continuity.continuity_watch(body, year)
    neighbours = (
        list(body.municipalities.order_by("name")) if body.is_county else ([body.county] if body.county else [])
    )
    return render(
        request,
        "grants/reporting/continuity.html",
        {
            "body": body,
            "form": form,
            "year": year,
            "gaps": gaps,
            "neighbours": neighbours,
            "granted": sum((g.granted for g in gaps), Decimal("0.00")),
            "years": range(this_year + 1, this_year - 5, -1),
        },
    )
