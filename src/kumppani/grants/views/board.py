"""Pages of the board stage: the meeting, the proposal, the board list (page and PDF), recording
the decision, notifying the applicants, the decision letters and the public list of decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import versioning
from kumppani.core.forms import add_service_errors
from kumppani.grants import pdf
from kumppani.grants.euros import format_euros
from kumppani.grants.forms.board import (
    DecisionConfirmForm,
    DecisionRowForm,
    FormRows,
    MeetingForm,
    ProposalRowForm,
    ProposalVersionForm,
)
from kumppani.grants.models import Application, BoardMeeting, Decision, GrantProgramme, MeetingStatus
from kumppani.grants.queries import board, summary
from kumppani.grants.rules import conflicted_application_ids, is_applicant, may_read_as_staff
from kumppani.grants.services import decisions as services


def _meeting(pk: int) -> BoardMeeting:
    return get_object_or_404(BoardMeeting.objects.select_related("programme", "body", "secretary"), pk=pk)


def _require_secretary(request, meeting_or_programme) -> None:
    programme = getattr(meeting_or_programme, "programme", meeting_or_programme)
    if not request.user.has_perm("grants.prepare_decision", programme):
        raise PermissionDenied


def _require_staff(request, meeting: BoardMeeting) -> None:
    """The board list before it is public: for the body's grant officers and board secretaries, who
    prepare it (not its viewers or premises managers, who have no reason to read applications)."""
    user = request.user
    if not (
        user.has_perm("grants.handle_application", meeting.programme)
        or user.has_perm("grants.prepare_decision", meeting.programme)
    ):
        raise PermissionDenied


def _hidden(request, meeting: BoardMeeting) -> set[int]:
    """The meeting's applications the reader declared a conflict on: their rows are not shown."""
    return set(
        meeting.decisions.filter(application_id__in=conflicted_application_ids(request.user)).values_list(
            "application_id", flat=True
        )
    )


def _hidden_candidates(request, meeting: BoardMeeting) -> set[int]:
    return set(
        services.proposal_candidates(meeting)
        .filter(pk__in=conflicted_application_ids(request.user))
        .values_list("pk", flat=True)
    )


def _warn_if_over(request, result: services.Allocation) -> None:
    if result.over:
        messages.warning(
            request,
            _("The programme's total is %(total)s and the appropriation %(appropriation)s: %(excess)s too much.")
            % {
                "total": format_euros(result.programme_total),
                "excess": format_euros(result.excess),
                "appropriation": format_euros(result.appropriation),
            },
        )


def _show_row_errors(request, error: ValidationError, forms_by_key: dict, *, field: str | None) -> None:
    """Put the service's errors, keyed by row, on the rows' forms; others go to the page's messages."""
    if not hasattr(error, "error_dict"):
        messages.error(request, error.messages[0])
        return
    for key, problems in error.message_dict.items():
        if key in forms_by_key:
            forms_by_key[key].add_error(field, problems)
        else:
            messages.error(request, problems[0])


@login_required
def meeting_create(request, pk):
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    _require_secretary(request, programme)
    previous = BoardMeeting.objects.filter(body=programme.body).order_by("-date", "-pk").first()
    initial = (
        {
            "board_name_fi": previous.board_name_fi,
            "board_name_sv": previous.board_name_sv,
            "rectification_address": previous.rectification_address,
        }
        if previous
        else {}
    )
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The board meeting has been created. Now prepare the proposal."))
            return redirect("grants:proposal", pk=meeting.pk)
    return render(request, "grants/board/meeting_form.html", {"programme": programme, "form": form})


@login_required
def meeting(request, pk):
    """The meeting's own page: where the proposal and the decision stand, and what to do next."""
    meeting = _meeting(pk)
    _require_staff(request, meeting)
    rows, totals = board.board_rows(meeting, hidden=_hidden(request, meeting))
    return render(
        request,
        "grants/board/meeting.html",
        {
            "meeting": meeting,
            "programme": meeting.programme,
            "rows": rows,
            "totals": totals,
            "allocation": services.allocation(meeting),
            "can_prepare": request.user.has_perm("grants.prepare_decision", meeting.programme),
        },
    )


@login_required
def proposal(request, pk):
    """One form with a row per application: the proposed amount and its reasoning."""
    meeting = _meeting(pk)
    _require_secretary(request, meeting)
    if meeting.status not in services.EDITABLE_MEETING:
        messages.info(request, _("The board has already decided; the proposal can no longer change."))
        return redirect("grants:meeting", pk=meeting.pk)
    hidden = _hidden_candidates(request, meeting)
    applications = [a for a in services.proposal_candidates(meeting) if a.pk not in hidden]
    reviews = summary.reviews_by_application(meeting.programme)
    rows = []
    for application in applications:
        decision = getattr(application, "decision", None) if application.status == "proposed" else None
        initial = {"amount": decision.proposed_amount, "reasoning": decision.proposal_reasoning} if decision else {}
        own = reviews.get(application.pk, [])
        rows.append(
            {
                "application": application,
                "form": ProposalRowForm(request.POST or None, prefix=f"a{application.pk}", initial=initial),
                "score": summary.mean_score(own),
                "reviews": [r for r in own if not r.has_conflict and r.done],
            }
        )
    version_form = ProposalVersionForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and version_form.is_valid() and all(row["form"].is_valid() for row in rows):
        version = version_form.cleaned_data["version"]
        try:
            result = services.proposal_set(
                meeting=meeting,
                by=request.user,
                version=version,
                rows=[
                    services.ProposalRow(
                        row["application"], row["form"].cleaned_data["amount"], row["form"].cleaned_data["reasoning"]
                    )
                    for row in rows
                ],
            )
        except ValidationError as error:
            by_pk = {str(row["application"].pk): row["form"] for row in rows}
            _show_row_errors(request, error, by_pk, field="amount")
            if versioning.is_stale(error):
                versioning.keep_input(version_form, meeting, version)
        else:
            messages.success(request, _("The proposal has been saved."))
            _warn_if_over(request, result)
            return redirect("grants:meeting", pk=meeting.pk)
    return render(
        request,
        "grants/board/proposal.html",
        {
            "meeting": meeting,
            "programme": meeting.programme,
            "rows": rows,
            "row_forms": FormRows(row["form"] for row in rows),
            "version_form": version_form,
            "allocation": services.allocation(meeting),
        },
    )


@login_required
@require_POST
def proposal_ready(request, pk):
    meeting = _meeting(pk)
    _require_secretary(request, meeting)
    try:
        services.proposal_mark_ready(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The proposal is ready for the board."))
    return redirect("grants:meeting", pk=meeting.pk)


@login_required
def board_list(request, pk):
    meeting = _meeting(pk)
    _require_staff(request, meeting)
    rows, totals = board.board_rows(meeting, hidden=_hidden(request, meeting))
    return render(
        request,
        "grants/board/board_list.html",
        {"meeting": meeting, "programme": meeting.programme, "rows": rows, "totals": totals},
    )


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def board_list_pdf(request, pk):
    meeting = _meeting(pk)
    _require_staff(request, meeting)
    document = pdf.board_list_pdf(meeting, hidden=_hidden(request, meeting))
    return _pdf_response(document, f"lista-{meeting.date:%Y-%m-%d}-{meeting.section}.pdf")


@login_required
def decision_record(request, pk):
    """A row per application of the proposal, filled with the proposal: the secretary changes what the board changed."""
    meeting = _meeting(pk)
    _require_secretary(request, meeting)
    if meeting.status != MeetingStatus.PROPOSED:
        messages.info(request, _("Mark the proposal ready before recording the board's decision."))
        return redirect("grants:meeting", pk=meeting.pk)
    if _hidden(request, meeting):
        # The decision is recorded on every application of the list at once, and the reader may
        # not see one of them: a colleague without the conflict records it.
        messages.info(
            request,
            _(
                "You have declared a conflict of interest in an application on this list, so a colleague "
                "records the board's decision."
            ),
        )
        return redirect("grants:meeting", pk=meeting.pk)
    decisions = list(board.meeting_decisions(meeting))
    languages = board.applicant_languages(d.application for d in decisions)
    rows = []
    for decision in decisions:
        initial = {
            "amount": decision.proposed_amount,
            "reasoning": decision.proposal_reasoning,
            "conditions": services.default_conditions(meeting.programme, languages[decision.application_id])
            if decision.proposed_amount > 0
            else "",
        }
        rows.append(
            {
                "decision": decision,
                "form": DecisionRowForm(request.POST or None, prefix=f"d{decision.pk}", initial=initial),
            }
        )
    confirm_form = DecisionConfirmForm(request.POST or None)
    rows_valid = request.method == "POST" and all(row["form"].is_valid() for row in rows)
    if rows_valid and confirm_form.is_valid():
        try:
            result = services.decision_record(
                meeting=meeting,
                by=request.user,
                rows=[services.DecisionRow(row["decision"], **row["form"].cleaned_data) for row in rows],
            )
        except ValidationError as error:
            by_pk = {str(row["decision"].pk): row["form"] for row in rows}
            _show_row_errors(request, error, by_pk, field=None)
        else:
            messages.success(
                request, _("The board's decision has been recorded. Next, send the decisions to the applicants.")
            )
            _warn_if_over(request, result)
            return redirect("grants:meeting", pk=meeting.pk)
    return render(
        request,
        "grants/board/decision_form.html",
        {
            "meeting": meeting,
            "programme": meeting.programme,
            "rows": rows,
            "row_forms": FormRows(row["form"] for row in rows),
            "confirm_form": confirm_form,
        },
    )


@login_required
def decision_notify(request, pk):
    """Sending the letters cannot be undone, so the page says what will go to whom and asks first;
    only the confirmation page's own button (``confirm=yes``) sends them."""
    meeting = _meeting(pk)
    _require_secretary(request, meeting)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            count = services.decision_notify(meeting=meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The decisions have been sent to %(count)s applicants.") % {"count": count})
        return redirect("grants:meeting", pk=meeting.pk)
    if meeting.status != MeetingStatus.DECIDED or meeting.notified_at is not None:
        return redirect("grants:meeting", pk=meeting.pk)
    if _hidden(request, meeting):
        messages.info(
            request,
            _(
                "You have declared a conflict of interest in an application on this list, so a colleague "
                "sends the decisions."
            ),
        )
        return redirect("grants:meeting", pk=meeting.pk)
    decisions = list(board.meeting_decisions(meeting))
    return render(
        request,
        "grants/board/notify_confirm.html",
        {
            "meeting": meeting,
            "programme": meeting.programme,
            "decisions": decisions,
            "granted": sum((d.amount for d in decisions if d.amount), start=0),
            "positive": sum(1 for d in decisions if d.amount),
        },
    )


@login_required
def decision_letter(request, pk):
    """The decision letter (PDF) of one application: for the body's staff once the board has
    decided, and for the applicant once the decision has been sent."""
    application = get_object_or_404(Application.objects.select_related("organisation", "programme"), pk=pk)
    decision = (
        Decision.objects.select_related("meeting__body", "meeting__secretary", "application__organisation")
        .filter(application=application, meeting__status=MeetingStatus.DECIDED)
        .first()
    )
    user = request.user
    if decision is None:
        if user.has_perm("grants.view_application", application):
            raise Http404
        raise PermissionDenied
    decision.application = application
    staff = may_read_as_staff(user, application)
    applicant = is_applicant(user, application) and decision.meeting.notified_at is not None
    if not (staff or applicant):
        raise PermissionDenied
    return _pdf_response(pdf.decision_letter_pdf(decision), f"paatos-{application.reference}.pdf")


def meeting_decisions(request, pk):
    """The public list of a meeting's decisions, once the applicants have been told: which NGO
    got how much and for what. Nothing about persons: no contacts, no reasoning text."""
    meeting = _meeting(pk)
    if meeting.status != MeetingStatus.DECIDED or meeting.notified_at is None:
        raise Http404
    decisions = list(board.meeting_decisions(meeting))
    granted = sum((d.amount for d in decisions if d.amount), start=0)
    return render(
        request,
        "grants/board/public_decisions.html",
        {"meeting": meeting, "programme": meeting.programme, "decisions": decisions, "granted": granted},
    )
