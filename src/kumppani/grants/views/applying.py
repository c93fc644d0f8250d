"""The NGO's pages for applying: start, the form in six steps, submit, the application page,
attachments, completion and withdrawal; and the grant officer's completion request.

Every page checks its permission here and leaves the rules to grants.services.applying, so the
pages and the API refuse the same things."""

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kumppani.core import audit
from kumppani.core.forms import add_service_errors
from kumppani.grants.forms.applying import (
    AttachmentForm,
    BudgetLineFormSet,
    CompletionForm,
    CompletionRequestForm,
    DetailsForm,
    OtherFundingFormSet,
    OutcomesForm,
    QuestionsForm,
    VersionedForm,
    WithdrawForm,
    budget_rows,
    funding_rows,
)
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    Attachment,
    AttachmentKind,
    Decision,
    GrantProgramme,
    InstalmentStatus,
    MeetingStatus,
)
from kumppani.grants.queries import applying as reads
from kumppani.grants.rules import is_applicant, may_read_as_staff
from kumppani.grants.services import applying as services
from kumppani.grants.workflow import can_move
from kumppani.organisations.models import Organisation

S = ApplicationStatus
STEPS = [
    (1, gettext_lazy("Basic information")),
    (2, gettext_lazy("Target groups and outcomes")),
    (3, gettext_lazy("Budget")),
    (4, gettext_lazy("Questions")),
    (5, gettext_lazy("Attachments")),
    (6, gettext_lazy("Review and submit")),
]
# The parts (fieldsets) of a step that a save of the draft returns to.
STEP_PARTS = {1: ("purpose", "contact", "payment")}


def _get_application(request, pk, perm: str = "grants.view_application") -> Application:
    application = get_object_or_404(Application.objects.select_related("programme__body", "organisation"), pk=pk)
    if not request.user.has_perm(perm, application):
        raise PermissionDenied
    return application


@login_required
def my_applications(request):
    """ "Our applications": every application of the NGOs the person represents."""
    organisations = Organisation.objects.filter(memberships__user=request.user).order_by("name")
    applications = (
        Application.objects.filter(organisation__in=organisations)
        .select_related("programme__body", "organisation")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(applications, 30).get_page(request.GET.get("page"))
    return render(request, "grants/applying/mine.html", {"page": page, "organisations": organisations})


@login_required
def application_start(request, pk):
    """Choose the NGO and see whether it may apply; starting makes a draft."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk, is_published=True)
    organisations = list(Organisation.objects.filter(memberships__user=request.user).order_by("name"))
    if request.method == "POST":
        organisation = next((o for o in organisations if str(o.pk) == request.POST.get("organisation")), None)
        if organisation is None:
            raise PermissionDenied
        try:
            application = services.application_start(programme=programme, organisation=organisation, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your draft has been saved. You can come back to it at any time."))
            return redirect("grants:application_step", pk=application.pk, step=1)
    drafts = Application.objects.filter(
        programme=programme, organisation__in=organisations, status__in=[S.DRAFT, S.COMPLETION_REQUESTED]
    ).select_related("organisation")
    choices = [(o, reads.eligibility_problems(programme, o)) for o in organisations]
    return render(
        request,
        "grants/applying/start.html",
        {
            "programme": programme,
            "choices": choices,
            "drafts": drafts,
            "closed_reason": reads.not_open_message(programme, timezone.now()),
        },
    )


def _step_context(application: Application, step: int) -> dict:
    return {
        "application": application,
        "programme": application.programme,
        "steps": STEPS,
        "step": step,
        "step_name": dict(STEPS)[step],
        "previous_step": step - 1 if step > 1 else None,
        "next_step": step + 1 if step < len(STEPS) else None,
    }


def _after_save(request, application: Application, step: int):
    """Where a saved step leads: the next or the previous step, or back to the same one."""
    go = request.POST.get("go")
    target = step + 1 if go == "next" else step - 1 if go == "previous" else step
    target = min(max(target, 1), len(STEPS))
    if target == step:
        messages.success(request, _("Saved."))
        # "Save the draft" comes back to the part of the step the person was in (set by kumppani.js).
        part = request.POST.get("return_to", "")
        if part in STEP_PARTS.get(step, ()):
            return redirect(reverse("grants:application_step", args=[application.pk, step]) + f"#part-{part}")
    return redirect("grants:application_step", pk=application.pk, step=target)


@login_required
def application_step(request, pk, step):
    """One step of the application form. Each save keeps the draft; nothing is sent before step 6."""
    if step not in dict(STEPS):
        raise Http404
    application = _get_application(request, pk)
    if not request.user.has_perm("grants.edit_application", application):
        if request.user.has_perm("grants.withdraw_application", application):
            messages.info(request, _("This application has been submitted, so it can no longer be changed."))
            return redirect(application)
        raise PermissionDenied
    context = _step_context(application, step)
    data = request.POST if request.method == "POST" else None
    handler = {1: _step_details, 2: _step_outcomes, 3: _step_budget, 4: _step_questions, 5: _step_attachments}
    if step == 6:
        return _step_review(request, application, context)
    saved, extra = handler[step](request, application, data)
    if saved:
        return _after_save(request, application, step)
    # A stale form keeps what the person typed, so that it can be copied to the latest version.
    extra["stale"] = extra["form"].has_error(NON_FIELD_ERRORS, "stale")
    return render(request, f"grants/applying/step{step}.html", {**context, **extra})


def _step_details(request, application, data):
    initial = {
        "version": application.version,
        "title": application.title,
        "purpose": application.purpose,
        "amount_requested": application.amount_requested,
        "themes": list(application.themes.all()),
        "activities": list(application.activities.all()),
        "contact_name": application.contact_name,
        "contact_email": application.contact_email,
        "contact_phone": application.contact_phone,
        "bank_account": application.bank_account,
    }
    form = DetailsForm(data, initial=initial, application=application)
    if data is not None and form.is_valid():
        fields = [f for f in form.fields if f != "version"]
        try:
            services.application_save(
                application=application,
                by=request.user,
                version=form.cleaned_data["version"],
                data={f: form.cleaned_data[f] for f in fields},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return True, {}
    return False, {"form": form}


def _step_outcomes(request, application, data):
    initial = {
        "version": application.version,
        "target_groups": list(application.target_groups.all()),
        "expected_outcomes": application.expected_outcomes,
    }
    form = OutcomesForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            services.application_save(
                application=application,
                by=request.user,
                version=form.cleaned_data["version"],
                data={f: form.cleaned_data[f] for f in ("target_groups", "expected_outcomes")},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return True, {}
    return False, {"form": form}


def _step_budget(request, application, data):
    lines = list(application.budget_lines.all())
    initial = {
        kind: [{"description": line.description, "amount": line.amount} for line in lines if line.kind == kind]
        for kind in ("expense", "income")
    }
    funding = list(application.other_funding.values("source", "funder", "amount", "status", "year"))
    form = VersionedForm(data, initial={"version": application.version})
    expenses = BudgetLineFormSet(data, initial=initial["expense"], prefix="expense")
    incomes = BudgetLineFormSet(data, initial=initial["income"], prefix="income")
    other = OtherFundingFormSet(data, initial=funding, prefix="funding")
    if data is not None and all(f.is_valid() for f in (form, expenses, incomes, other)):
        try:
            services.application_update(
                application=application,
                by=request.user,
                version=form.cleaned_data["version"],
                data={
                    "budget": budget_rows(expenses, "expense") + budget_rows(incomes, "income"),
                    "other_funding": funding_rows(other),
                },
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return True, {}
    return False, {
        "form": form,
        "expenses": expenses,
        "incomes": incomes,
        "other": other,
        "totals": reads.budget_totals(lines),
    }


def _step_questions(request, application, data):
    questions = application.programme.questions.all()
    answers = {a.question_id: a.text for a in application.answers.all()}
    initial = {"version": application.version, **{f"q{pk}": text for pk, text in answers.items()}}
    form = QuestionsForm(data, initial=initial, questions=questions)
    if data is not None and form.is_valid():
        try:
            services.answers_save(
                application=application,
                by=request.user,
                version=form.cleaned_data["version"],
                answers=form.answers(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return True, {}
    return False, {"form": form}


def _step_attachments(request, application, data):
    form = AttachmentForm(data, request.FILES or None)
    if data is not None:
        if request.POST.get("go") in ("next", "previous") and not request.FILES:
            return True, {}
        if form.is_valid():
            try:
                attachment = services.attachment_add(
                    application=application,
                    by=request.user,
                    file=form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"],
                )
            except ValidationError as error:
                add_service_errors(form, error, default_field="file")
            else:
                messages.success(
                    request, _("The attachment “%(name)s” has been added.") % {"name": attachment.original_name}
                )
                return True, {}
    return False, {"form": form, **_attachment_context(application)}


def _attachment_context(application: Application) -> dict:
    attachments = list(application.attachments.all())
    attached = {a.kind for a in attachments}
    required = [
        (kind, AttachmentKind(kind).label, kind in attached)
        for kind in application.programme.required_attachments or []
    ]
    return {"attachments": attachments, "required": required, "max_size": settings.GRANT_ATTACHMENT_MAX_BYTES}


def _step_review(request, application, context):
    return render(
        request,
        "grants/applying/step6.html",
        {
            **context,
            **_summary_context(application),
            "missing": reads.missing_for_submit(application),
            "closed_reason": reads.not_open_message(application.programme, timezone.now()),
        },
    )


def _summary_context(application: Application) -> dict:
    lines = list(application.budget_lines.all())
    answers = {a.question_id: a.text for a in application.answers.all()}
    totals = reads.budget_totals(lines)
    return {
        "budget_tables": [
            (_("Expenses"), [line for line in lines if line.kind == "expense"], totals["expense"]),
            (_("Income items"), [line for line in lines if line.kind == "income"], totals["income"]),
        ],
        "totals": totals,
        "other_funding": application.other_funding.all(),
        "answers": [(q, answers.get(q.pk, "")) for q in application.programme.questions.all()],
        **_attachment_context(application),
    }


@login_required
@require_POST
def application_submit(request, pk):
    application = _get_application(request, pk, "grants.edit_application")
    form = VersionedForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    try:
        services.application_submit(application=application, by=request.user, version=form.cleaned_data["version"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("grants:application_step", pk=application.pk, step=6)
    messages.success(
        request,
        _("Thank you! Your application %(reference)s has been submitted. A receipt is on its way by e-mail.")
        % {"reference": application.reference},
    )
    return redirect(application)


@login_required
def application_detail(request, pk):
    """The application as its NGO and the body's staff see it: status, contents, history."""
    application = _get_application(request, pk)
    user = request.user
    return render(
        request,
        "grants/applying/detail.html",
        {
            "application": application,
            "programme": application.programme,
            **_summary_context(application),
            "completion_requests": application.completion_requests.select_related("requested_by"),
            "history": audit.history_for(application)[:100],
            "can_edit": user.has_perm("grants.edit_application", application),
            "can_withdraw": user.has_perm("grants.withdraw_application", application)
            and can_move(application, S.WITHDRAWN),
            "can_request_completion": user.has_perm("grants.handle_application", application)
            and can_move(application, S.COMPLETION_REQUESTED),
            "is_applicant": is_applicant(user, application),
            "open_request": reads.open_completion_request(application),
            **_decision_context(user, application),
        },
    )


def _decision_context(user, application: Application) -> dict:
    """The board's decision and the payments, on the application's own page: for the staff once
    the board has decided, for the applicant once the decision has been sent to it."""
    decision = (
        Decision.objects.select_related("meeting")
        .filter(application=application, meeting__status=MeetingStatus.DECIDED)
        .first()
    )
    if decision is None:
        return {}
    if not (may_read_as_staff(user, application) or decision.meeting.notified_at is not None):
        return {}
    instalments = list(application.instalments.exclude(status=InstalmentStatus.CANCELLED))
    paid = sum((i.amount for i in instalments if i.status == InstalmentStatus.PAID), start=Decimal(0))
    return {
        "decision": decision,
        "instalments": instalments,
        "paid_total": paid,
        "unpaid_total": max((decision.amount or Decimal(0)) - paid, Decimal(0)),
    }


@login_required
def attachment_download(request, pk, attachment_pk):
    """Attachments are handed out only here, to those who may see the application, and every
    opening is recorded in the application's history (who opened which file)."""
    application = _get_application(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, application=application)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit.record(
        actor=request.user,
        obj=application,
        action="attachment_read",
        changes={"attachment": [None, attachment.original_name]},
    )
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    application = _get_application(request, pk, "grants.edit_application")
    attachment = get_object_or_404(Attachment, pk=attachment_pk, application=application)
    try:
        services.attachment_remove(attachment=attachment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The attachment “%(name)s” has been removed.") % {"name": attachment.original_name})
    if application.status == S.COMPLETION_REQUESTED:
        return redirect("grants:completion_submit", pk=application.pk)
    return redirect("grants:application_step", pk=application.pk, step=5)


@login_required
def completion_request(request, pk):
    """The grant officer asks the applicant to complete the application by a deadline."""
    application = _get_application(request, pk, "grants.handle_application")
    form = CompletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.completion_request(
                application=application,
                by=request.user,
                message=form.cleaned_data["message"],
                deadline=form.cleaned_data["deadline"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The completion request has been sent to the applicant."))
            return redirect(application)
    return render(request, "grants/applying/completion_request.html", {"application": application, "form": form})


@login_required
def completion_submit(request, pk):
    """The applicant adds what was asked (attachments too) and replies to the completion request."""
    application = _get_application(request, pk, "grants.edit_application")
    request_ = reads.open_completion_request(application)
    if application.status != S.COMPLETION_REQUESTED or request_ is None:
        messages.info(request, _("No completion has been requested for this application."))
        return redirect(application)
    form = CompletionForm(request.POST if "reply" in request.POST else None)
    upload = AttachmentForm(request.POST if "upload" in request.POST else None, request.FILES or None)
    if "upload" in request.POST and upload.is_valid():
        try:
            attachment = services.attachment_add(
                application=application,
                by=request.user,
                file=upload.cleaned_data["file"],
                kind=upload.cleaned_data["kind"],
            )
        except ValidationError as error:
            add_service_errors(upload, error, default_field="file")
        else:
            messages.success(
                request, _("The attachment “%(name)s” has been added.") % {"name": attachment.original_name}
            )
            return redirect("grants:completion_submit", pk=application.pk)
    if "reply" in request.POST and form.is_valid():
        try:
            services.completion_submit(application=application, by=request.user, response=form.cleaned_data["response"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your completion has been sent to the grant officer."))
            return redirect(application)
    return render(
        request,
        "grants/applying/completion.html",
        {
            "application": application,
            "request_": request_,
            "form": form,
            "upload": upload,
            "missing": reads.missing_for_submit(application),
            **_attachment_context(application),
        },
    )


@login_required
def application_withdraw(request, pk):
    """Withdraw the application, after a confirmation page."""
    application = _get_application(request, pk, "grants.withdraw_application")
    if not can_move(application, S.WITHDRAWN):
        messages.info(request, _("This application can no longer be withdrawn."))
        return redirect(application)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(application=application, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The application has been withdrawn."))
            return redirect(reverse("grants:my_applications"))
    return render(request, "grants/applying/withdraw.html", {"application": application, "form": form})
