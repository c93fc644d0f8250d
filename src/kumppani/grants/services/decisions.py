"""The board's decision: the board secretary prepares a proposal for a board meeting (lautakunta,
date, section §), the board decides (its amounts may differ from the proposal), and the
applicants are notified with a decision letter that carries the instructions for requesting
rectification (oikaisuvaatimusohje).

Applications move in_review → proposed when put on the proposal, and proposed → decided when
the board's decision is recorded. An amount of 0 is a negative decision.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail, versioning
from kumppani.core.models import AuditEntry, BodyRole, BodyRoleKind, User
from kumppani.grants.euros import format_euros
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    Decision,
    GrantProgramme,
    MeetingStatus,
    ReviewAssignment,
)
from kumppani.grants.queries.board import applicant_languages
from kumppani.grants.workflow import notify_applicant, transition

EDITABLE_MEETING = {MeetingStatus.PREPARING, MeetingStatus.PROPOSED}


@dataclass
class ProposalRow:
    application: Application
    amount: Decimal | None  # None: not on this proposal
    reasoning: str = ""


@dataclass
class DecisionRow:
    decision: Decision
    amount: Decimal | None
    reasoning: str = ""
    conditions: str = ""


@dataclass
class Allocation:
    """How the money of the programme stands: this meeting's total and, with the decisions of
    the programme's other meetings, the whole programme's total against its appropriation."""

    meeting_total: Decimal
    programme_total: Decimal
    appropriation: Decimal

    @property
    def over(self) -> bool:
        return self.programme_total > self.appropriation

    @property
    def excess(self) -> Decimal:
        return max(self.programme_total - self.appropriation, Decimal("0"))


def allocation(meeting: BoardMeeting) -> Allocation:
    """This meeting's proposed (or decided) total and the programme's total, where a decided
    amount counts instead of its proposal. One query."""
    amount = Coalesce("amount", "proposed_amount")
    totals = Decision.objects.filter(application__programme_id=meeting.programme_id).aggregate(
        programme=Coalesce(Sum(amount), Decimal("0")),
        meeting=Coalesce(Sum(amount, filter=Q(meeting_id=meeting.pk)), Decimal("0")),
    )
    return Allocation(totals["meeting"], totals["programme"], meeting.programme.appropriation)


def default_conditions(programme: GrantProgramme, language: str) -> str:
    """The programme's grant conditions in the letter's language (Finnish if not written in Swedish)."""
    return (getattr(programme, f"conditions_{language}", "") or programme.conditions_fi or "").strip()


def _require(by: User, obj) -> None:
    if not by.has_perm("grants.prepare_decision", obj):
        raise PermissionDenied


def _locked(meeting: BoardMeeting) -> BoardMeeting:
    return BoardMeeting.objects.select_for_update().select_related("programme", "body").get(pk=meeting.pk)


def _link(name: str, pk: int) -> str:
    return settings.SITE_URL + reverse(name, kwargs={"pk": pk})


def _tell_colleagues(meeting: BoardMeeting, by: User, template: str) -> None:
    """E-mail the people who run the meeting's programme (those who set it up or changed it) and the
    body's board secretaries — not every coordinator of the body, and not the one who acted."""
    programme = meeting.programme
    editors = AuditEntry.objects.filter(
        object_type=programme._meta.label_lower, object_id=str(programme.pk), actor__isnull=False
    ).values("actor_id")
    secretaries = BodyRole.objects.filter(body=meeting.body, role=BodyRoleKind.BOARD_SECRETARY).values("user_id")
    people = (
        User.objects.filter(is_active=True)
        .filter(Q(pk=programme.created_by_id) | Q(pk__in=editors) | Q(pk__in=secretaries))
        .exclude(pk=by.pk)
        .only("email", "language")
    )
    for person in people:
        mail.send(
            to=[person.email],
            template=template,
            context={"meeting": meeting, "link": _link("grants:meeting", meeting.pk)},
            language=person.language,
        )


@transaction.atomic
def meeting_create(
    *,
    programme: GrantProgramme,
    by: User,
    board_name_fi: str,
    date: dt.date,
    section: str,
    board_name_sv: str = "",
    board_name_en: str = "",
    rectification_address: str = "",
) -> BoardMeeting:
    """The board secretary (or the NGO coordinator) of the body sets up the board meeting that
    will decide the programme's grants."""
    _require(by, programme)
    meeting = BoardMeeting(
        body=programme.body,
        programme=programme,
        board_name_fi=board_name_fi.strip(),
        board_name_sv=board_name_sv.strip(),
        board_name_en=board_name_en.strip(),
        date=date,
        section=section.strip().removeprefix("§").strip(),
        rectification_address=rectification_address.strip(),
        secretary=by,
    )
    meeting.full_clean(exclude=["secretary", "decided_at", "notified_at"])
    meeting.save()
    audit.record(actor=by, obj=meeting, action="meeting_created")
    return meeting


def proposal_candidates(meeting: BoardMeeting):
    """The applications the proposal may include: the programme's applications in review, and
    those already on this meeting's proposal."""
    return (
        Application.objects.filter(programme_id=meeting.programme_id)
        .filter(
            Q(status=ApplicationStatus.IN_REVIEW)
            | Q(status=ApplicationStatus.PROPOSED, decision__meeting_id=meeting.pk)
        )
        .select_related("organisation", "decision")
        .order_by("reference")
    )


@transaction.atomic
def proposal_set(*, meeting: BoardMeeting, by: User, rows: list[ProposalRow], version: int | None = None) -> Allocation:
    """Set the proposed amount and its reasoning for each application of the proposal.

    A row with an amount puts the application on the proposal (in_review → proposed) or changes
    its proposal; a row without one takes it off again (proposed → in_review). Nothing is saved
    if any row is wrong. The returned allocation tells whether the appropriation is exceeded.
    `version` is the meeting's version the form was made from: when a colleague has saved the
    proposal since, nothing is saved and the error lists their changes (core.versioning)."""
    _require(by, meeting.programme)
    meeting = _locked(meeting)
    if meeting.status not in EDITABLE_MEETING:
        raise ValidationError(
            _("The board has already decided; the proposal can no longer change."), code="already_decided"
        )
    versioning.check(meeting, version)
    candidates = {a.pk: a for a in proposal_candidates(meeting).select_for_update(of=("self",))}
    errors = {}
    for row in rows:
        application = candidates.get(row.application.pk)
        if application is None:
            raise ValidationError(
                _("An application on the form is no longer waiting for a proposal."), code="not_waiting_for_proposal"
            )
        limit = application.amount_requested
        if row.amount is not None and row.amount < 0:
            errors[str(application.pk)] = ValidationError(_("The amount cannot be negative."), code="negative_amount")
        elif row.amount is not None and limit is not None and row.amount > limit:
            errors[str(application.pk)] = ValidationError(
                _("The proposal cannot be more than the amount applied for."), code="over_requested"
            )
    if errors:
        raise ValidationError(errors)

    before = allocation(meeting).meeting_total
    changed_rows = {}
    for row in rows:
        application = candidates[row.application.pk]
        decision = getattr(application, "decision", None) if application.status == ApplicationStatus.PROPOSED else None
        old = _proposal_text(decision.proposed_amount, decision.proposal_reasoning) if decision else None
        new = _proposal_text(row.amount, row.reasoning.strip()) if row.amount is not None else None
        if old != new:
            changed_rows[application.reference] = [old, new]
        if row.amount is None:
            if decision is not None:
                decision.delete()
                transition(application, ApplicationStatus.IN_REVIEW, by=by, message=_("Taken off the proposal."))
            continue
        reasoning = row.reasoning.strip()
        if decision is None:
            Decision.objects.create(
                application=application, meeting=meeting, proposed_amount=row.amount, proposal_reasoning=reasoning
            )
            transition(application, ApplicationStatus.PROPOSED, by=by)
        elif (decision.proposed_amount, decision.proposal_reasoning) != (row.amount, reasoning):
            decision.proposed_amount, decision.proposal_reasoning = row.amount, reasoning
            decision.updated_at = timezone.now()
            decision.save(update_fields=["proposed_amount", "proposal_reasoning", "updated_at"])
    result = allocation(meeting)
    totals = (
        {"proposed_total": [format_euros(before), format_euros(result.meeting_total)]}
        if before != result.meeting_total
        else {}
    )
    changes = versioning.claim(meeting, {**changed_rows, **totals})
    if changes or rows:
        audit.record(actor=by, obj=meeting, action="proposal_set", changes=changes)
    return result


def _proposal_text(amount, reasoning: str) -> str:
    """A row of the proposal as the history and a colleague's stale form show it."""
    return f"{format_euros(amount)} – {reasoning}" if reasoning else format_euros(amount)


@transaction.atomic
def proposal_mark_ready(*, meeting: BoardMeeting, by: User) -> BoardMeeting:
    """The proposal is ready for the board: its list can be printed and the decision recorded."""
    _require(by, meeting.programme)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.PREPARING:
        raise ValidationError(_("The proposal has already been marked ready."), code="already_ready")
    if not meeting.decisions.exists():
        raise ValidationError(_("Propose an amount for at least one application first."), code="empty_proposal")
    meeting.status = MeetingStatus.PROPOSED
    meeting.save(update_fields=["status"])
    changes = versioning.claim(meeting, {"status": [MeetingStatus.PREPARING, meeting.status]})
    audit.record(actor=by, obj=meeting, action="proposal_ready", changes=changes)
    _tell_colleagues(meeting, by, "grants/email/proposal_ready")
    return meeting


@transaction.atomic
def decision_record(*, meeting: BoardMeeting, by: User, rows: list[DecisionRow]) -> Allocation:
    """Record what the board decided on every application of the proposal.

    The board's amount may differ from the proposal; 0 is a negative decision. Every decision
    gives its reasons (hallintolaki 45 §). Empty conditions of a grant take the programme's
    conditions in the applicant's language. The meeting and its applications become decided."""
    _require(by, meeting.programme)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.PROPOSED:
        raise ValidationError(
            _("Mark the proposal ready before recording the board's decision."), code="proposal_not_ready"
        )
    if meeting.date > timezone.localdate():
        # A letter must never say the board decided in a meeting that has not been held.
        raise ValidationError(
            _("The board meets on %(date)s: its decision can be recorded from that day on."),
            code="meeting_not_held",
            params={"date": f"{meeting.date.day}.{meeting.date.month}.{meeting.date.year}"},
        )
    decisions = {d.pk: d for d in meeting.decisions.select_related("application__organisation").select_for_update()}
    if ReviewAssignment.objects.filter(
        reviewer=by, has_conflict=True, application_id__in=[d.application_id for d in decisions.values()]
    ).exists():
        # A declared conflict shuts its declarer out of the application, its decision included.
        raise PermissionDenied
    given = {row.decision.pk: row for row in rows}
    if set(given) != set(decisions):
        raise ValidationError(_("Record the decision on every application of the proposal."), code="decision_missing")
    errors = {}
    for pk, row in given.items():
        limit = decisions[pk].application.amount_requested
        if row.amount is None:
            errors[str(pk)] = ValidationError(
                _("Enter the amount the board granted (0 if nothing)."), code="amount_missing"
            )
        elif row.amount < 0:
            errors[str(pk)] = ValidationError(_("The amount cannot be negative."), code="negative_amount")
        elif limit is not None and row.amount > limit:
            errors[str(pk)] = ValidationError(
                _("The grant cannot be more than the amount applied for."), code="over_requested"
            )
        elif not row.reasoning.strip():
            errors[str(pk)] = ValidationError(_("Give the reasons for the decision."), code="reasoning_missing")
    if errors:
        raise ValidationError(errors)

    languages = applicant_languages(d.application for d in decisions.values())
    for pk, decision in decisions.items():
        row = given[pk]
        decision.amount = row.amount
        decision.reasoning = row.reasoning.strip()
        conditions = row.conditions.strip()
        if not conditions and row.amount > 0:
            conditions = default_conditions(meeting.programme, languages[decision.application_id])
        decision.conditions = conditions if row.amount > 0 else ""
        decision.updated_at = timezone.now()
        decision.save(update_fields=["amount", "reasoning", "conditions", "updated_at"])
        audit.record(
            actor=by,
            obj=decision.application,
            action="decision_recorded",
            changes={"amount": [str(decision.proposed_amount), str(decision.amount)]},
        )
        transition(decision.application, ApplicationStatus.DECIDED, by=by)
    meeting.status = MeetingStatus.DECIDED
    meeting.decided_at = timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    result = allocation(meeting)
    audit.record(
        actor=by,
        obj=meeting,
        action="decision_recorded",
        changes=versioning.claim(
            meeting,
            {
                "status": [MeetingStatus.PROPOSED, MeetingStatus.DECIDED],
                "decided_total": [None, str(result.meeting_total)],
            },
        ),
    )
    _tell_colleagues(meeting, by, "grants/email/decision_recorded")
    return result


@transaction.atomic
def decision_notify(*, meeting: BoardMeeting, by: User, today: dt.date | None = None) -> int:
    """Send every applicant its decision: an e-mail with a link to the decision letter. The day
    of sending starts the time for requesting rectification (deemed received on the third day).
    Returns the number of applicants notified."""
    _require(by, meeting.programme)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.DECIDED:
        raise ValidationError(
            _("The board's decision must be recorded before the applicants are notified."), code="not_decided"
        )
    if meeting.notified_at is not None:
        raise ValidationError(_("The applicants have already been notified."), code="already_notified")
    meeting.notified_at = today or timezone.localdate()
    meeting.save(update_fields=["notified_at"])
    decisions = meeting.decisions.select_related("application__organisation", "application__programme")
    for decision in decisions:
        application = decision.application
        audit.record(actor=by, obj=application, action="decision_notified")
        notify_applicant(
            application,
            "grants/email/decision",
            {
                "decision": decision,
                "meeting": meeting,
                "granted": decision.amount > 0,
                "letter_link": _link("grants:decision_letter", application.pk),
            },
        )
    audit.record(
        actor=by, obj=meeting, action="decision_notified", changes={"notified_at": [None, str(meeting.notified_at)]}
    )
    return len(decisions)
