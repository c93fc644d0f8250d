"""An NGO applies for a grant: start, save the draft step by step, submit, complete, withdraw.

Each save of the draft names the version of the form it started from; when someone else has
saved in between, the save is refused and nothing is overwritten. Every status change goes
through `grants.workflow.transition()`, which records the history and e-mails the applicant.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail, versioning
from kumppani.core.models import PublicBody, User
from kumppani.core.validators import (
    TEXT_MAX_LENGTH,
    normalise_iban,
    reject_hidden_characters,
    text_errors,
    validate_phone,
)
from kumppani.grants import uploads
from kumppani.grants.euros import format_euros
from kumppani.grants.models import (
    Answer,
    Application,
    ApplicationStatus,
    Attachment,
    AttachmentKind,
    AttachmentStage,
    BudgetLine,
    BudgetLineKind,
    CompletionRequest,
    FundingSource,
    FundingStatus,
    GrantProgramme,
    OtherFunding,
)
from kumppani.grants.queries.applying import (
    budget_totals,
    eligibility_problems,
    local_date_time,
    missing_for_submit,
    not_open_message,
    open_completion_request,
)
from kumppani.grants.rules import is_applicant
from kumppani.grants.services.programmes import helsinki_time
from kumppani.grants.workflow import transition
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import is_member

S = ApplicationStatus
DETAIL_FIELDS = (
    "title",
    "purpose",
    "amount_requested",
    "contact_name",
    "contact_email",
    "contact_phone",
    "bank_account",
)
OUTCOME_FIELDS = ("expected_outcomes",)
M2M_FIELDS = ("themes", "target_groups", "activities")
MAX_ATTACHMENTS = 40


# Permission and version checks ------------------------------------------------------------------


def _check_editable(application: Application, by: User) -> None:
    if by.has_perm("grants.edit_application", application):
        return
    if is_applicant(by, application):
        raise ValidationError(
            _("This application is “%(status)s” and can no longer be changed.")
            % {"status": application.get_status_display()},
            code="not_editable",
        )
    raise PermissionDenied


def _next_version(application: Application, version: int) -> None:
    """Claim the next version, or refuse when the form was made from an older one: the shared
    check of core.versioning locks the row and its refusal lists what changed meanwhile (each
    part's history entry carries its version for that, see _moved).

    The conditional UPDATE is atomic in the database, so of two saves from the same version
    exactly one wins."""
    versioning.check(application, version)
    now = timezone.now()
    claimed = Application.objects.filter(pk=application.pk, version=version).update(
        version=F("version") + 1, updated_at=now
    )
    if not claimed:
        raise versioning.stale_error(application, version)
    application.version, application.updated_at = version + 1, now


def _moved(application: Application, changes: dict) -> dict:
    """The changes of a part just saved, with the version it claimed, for the history."""
    return {**changes, "version": [application.version - 1, application.version]}


# Starting and saving the draft ---------------------------------------------------------------


@transaction.atomic
def application_start(
    *, programme: GrantProgramme, organisation: Organisation, by: User, now: dt.datetime | None = None
) -> Application:
    """A representative of an eligible NGO starts a draft while the programme is open."""
    if not is_member(by, organisation):
        raise PermissionDenied
    reason = not_open_message(programme, now or timezone.now())
    if reason:
        raise ValidationError(reason, code="closed")
    problems = eligibility_problems(programme, organisation)
    if problems:
        raise ValidationError([ValidationError(problem, code="not_eligible") for problem in problems])
    application = Application(
        programme=programme,
        organisation=organisation,
        created_by=by,
        contact_name=by.full_name,
        contact_email=by.email,
        contact_phone=by.phone,
        # The account the NGO gave last time, so that a yearly applicant does not type it again.
        bank_account=Application.objects.filter(organisation=organisation)
        .exclude(bank_account="")
        .order_by("-created_at")
        .values_list("bank_account", flat=True)
        .first()
        or "",
    )
    application.reference = f"draft-{application.uuid.hex}"  # the real one is given on submission
    application.save()
    application.themes.set(organisation.themes.all())
    application.target_groups.set(organisation.target_groups.all())
    audit.record(actor=by, obj=application, action="application_started", message=str(programme))
    return application


@transaction.atomic
def application_save(*, application: Application, by: User, version: int, data: dict) -> Application:
    """Save a step of the form: what the grant is for (title, purpose, amount, contact, themes,
    activities) or target groups and expected outcomes. Only the keys in `data` change."""
    _check_editable(application, by)
    amount = data.get("amount_requested")
    if amount is not None:
        if amount <= Decimal("0"):
            raise ValidationError(
                {
                    "amount_requested": [
                        ValidationError(_("The amount must be more than 0 €."), code="amount_not_positive")
                    ]
                }
            )
        limit = application.programme.max_amount
        if limit is not None and amount > limit:
            raise ValidationError(
                {
                    "amount_requested": [
                        ValidationError(
                            _("The largest grant in this programme is %(limit)s.") % {"limit": format_euros(limit)},
                            code="over_max_amount",
                        )
                    ]
                }
            )
    if "activities" in data:
        foreign = [a for a in data["activities"] if a.organisation_id != application.organisation_id]
        if foreign:
            raise ValidationError(
                {"activities": [ValidationError(_("Choose only the NGO's own activities."), code="foreign_activity")]}
            )
    _next_version(application, version)
    before = audit.snapshot(application, [f for f in (*DETAIL_FIELDS, *OUTCOME_FIELDS, *M2M_FIELDS) if f in data])
    for field in (*DETAIL_FIELDS, *OUTCOME_FIELDS):
        if field in data:
            setattr(application, field, data[field] if field == "amount_requested" else (data[field] or ""))
    _check_texts(application)
    application.save()
    for field in M2M_FIELDS:
        if field in data:
            getattr(application, field).set(data[field])
    changes = audit.diff(before, audit.snapshot(application, list(before)))
    if changes:
        audit.record(actor=by, obj=application, action="application_saved", changes=_moved(application, changes))
    return application


@transaction.atomic
def budget_replace(*, application: Application, by: User, version: int, lines: list[dict]) -> dict[str, Decimal]:
    """Replace the budget with `lines` ({kind, description, amount}); returns the new totals."""
    _check_editable(application, by)
    for line in lines:
        if line["kind"] not in BudgetLineKind.values or not (line.get("description") or "").strip():
            raise ValidationError(
                {
                    "budget": [
                        ValidationError(_("Every budget line needs a kind and an item."), code="incomplete_budget_line")
                    ]
                }
            )
        if line["amount"] is None or line["amount"] < 0:
            raise ValidationError(
                {"budget": [ValidationError(_("Amounts cannot be negative."), code="negative_amount")]}
            )
    _next_version(application, version)
    before = "; ".join(
        _budget_line_text(line.kind, line.description, line.amount) for line in application.budget_lines.all()
    )
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                application=application,
                kind=line["kind"],
                position=position,
                description=line["description"].strip(),
                amount=Decimal(line["amount"]).quantize(Decimal("0.01")),
            )
            for position, line in enumerate(lines, start=1)
        ]
    )
    after = "; ".join(_budget_line_text(line["kind"], line["description"], line["amount"]) for line in lines)
    if before != after:
        audit.record(
            actor=by, obj=application, action="budget_changed", changes=_moved(application, {"budget": [before, after]})
        )
    return budget_totals(lines)


def _budget_line_text(kind: str, description: str, amount) -> str:
    """A budget line for the history, the same whether read from the database or from the form
    (3000.00 and 3000 are one amount), so that saving an unchanged budget records nothing."""
    return f"{BudgetLineKind(kind).label}: {description.strip()} {format_euros(Decimal(amount))}"


def _funding_text(funding: OtherFunding) -> str:
    return " ".join(
        part for part in (funding.get_source_display(), funding.funder, format_euros(Decimal(funding.amount))) if part
    )


@transaction.atomic
def other_funding_replace(*, application: Application, by: User, version: int, rows: list[dict]) -> None:
    """Replace the declared other public funding (STEA, other municipalities, the county …)."""
    _check_editable(application, by)
    for row in rows:
        if row["source"] not in FundingSource.values or row["status"] not in FundingStatus.values:
            raise ValidationError(
                {
                    "other_funding": [
                        ValidationError(
                            _("Choose the source and whether it was applied for or granted."), code="incomplete_funding"
                        )
                    ]
                }
            )
        if row["amount"] is None or row["amount"] < 0:
            raise ValidationError(
                {"other_funding": [ValidationError(_("Amounts cannot be negative."), code="negative_amount")]}
            )
    _next_version(application, version)
    before = "; ".join(_funding_text(f) for f in application.other_funding.all())
    application.other_funding.all().delete()
    created = OtherFunding.objects.bulk_create(
        [
            OtherFunding(
                application=application,
                source=row["source"],
                funder=(row.get("funder") or "").strip(),
                amount=row["amount"],
                status=row["status"],
                year=row["year"],
            )
            for row in rows
        ]
    )
    after = "; ".join(_funding_text(f) for f in created)
    if before != after:
        audit.record(
            actor=by,
            obj=application,
            action="funding_changed",
            changes=_moved(application, {"funding": [before, after]}),
        )


def _check_texts(application: Application) -> None:
    """No hidden characters or overlong texts, and a phone number a person can call (the page's
    form checks the same; this is for the API)."""
    errors = text_errors(application)
    try:
        validate_phone(application.contact_phone)
    except ValidationError as error:
        errors.setdefault("contact_phone", []).append(error)
    try:
        application.bank_account = normalise_iban(application.bank_account)
    except ValidationError as error:
        errors.setdefault("bank_account", []).append(error)
    if errors:
        raise ValidationError(errors)


def _check_answer(text: str) -> None:
    reject_hidden_characters(text)
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(
            _("The text is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(text), "limit": TEXT_MAX_LENGTH},
            code="too_long",
        )


@transaction.atomic
def answers_save(*, application: Application, by: User, version: int, answers: dict[int, str]) -> None:
    """Save the answers to the programme's extra questions ({question id: text})."""
    _check_editable(application, by)
    questions = {q.pk for q in application.programme.questions.all()}
    if set(answers) - questions:
        raise ValidationError(_("Unknown question."), code="unknown_question")
    _next_version(application, version)
    existing = {a.question_id: a for a in application.answers.all()}
    texts = dict(application.programme.questions.values_list("pk", "text"))
    old_texts, new_texts = [], []  # "question: answer" of each changed answer, for the history
    for question_id, text in answers.items():
        text = (text or "").strip()
        try:
            _check_answer(text)
        except ValidationError as error:
            raise ValidationError({"answers": [error]}) from None
        answer = existing.get(question_id)
        old = answer.text if answer is not None else ""
        if answer is None:
            Answer.objects.create(application=application, question_id=question_id, text=text)
        elif answer.text != text:
            answer.text = text
            answer.save(update_fields=["text"])
        if old != text:
            old_texts.append(f"{texts[question_id]} – {old or '–'}")
            new_texts.append(f"{texts[question_id]} – {text or '–'}")
    if new_texts:
        changes = {"answers": [old_texts, new_texts]}
        audit.record(actor=by, obj=application, action="answers_saved", changes=_moved(application, changes))


UPDATE_PARTS = (*DETAIL_FIELDS, *OUTCOME_FIELDS, *M2M_FIELDS, "budget", "other_funding", "answers")


@transaction.atomic
def application_update(*, application: Application, by: User, data: dict, version: int) -> Application:
    """Change any parts of the application at once, all or nothing: the fields of the form's steps
    (`DETAIL_FIELDS`, `OUTCOME_FIELDS`, `M2M_FIELDS`), "budget" (lines as `budget_replace` takes
    them), "other_funding" (rows as `other_funding_replace` takes them) and "answers" ({question
    id: text}). Only the parts named change. `version` is the one the change was made from: a
    change based on an older version is refused, and each part saved claims the next version."""
    unknown = set(data) - set(UPDATE_PARTS)
    if unknown:
        raise ValueError(f"Not parts of an application: {sorted(unknown)}")
    _check_editable(application, by)
    fields = {key: data[key] for key in (*DETAIL_FIELDS, *OUTCOME_FIELDS, *M2M_FIELDS) if key in data}
    if fields:
        application_save(application=application, by=by, version=version, data=fields)
        version = application.version
    if "budget" in data:
        budget_replace(application=application, by=by, version=version, lines=data["budget"])
        version = application.version
    if "other_funding" in data:
        other_funding_replace(application=application, by=by, version=version, rows=data["other_funding"])
        version = application.version
    if "answers" in data:
        answers_save(application=application, by=by, version=version, answers=data["answers"])
    return application


# Attachments ----------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, application: Application, by: User, file, kind: str, name: str | None = None) -> Attachment:
    """Add an attachment after checking its name, size and type (by content). While a completion
    is requested, the file is marked as part of the completion."""
    _check_editable(application, by)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": [ValidationError(_("Choose what the attachment is."), code="unknown_kind")]})
    if application.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("An application can have at most %(count)s attachments.") % {"count": MAX_ATTACHMENTS},
            code="too_many_attachments",
        )
    checked = uploads.check(file, name=name)
    stage = AttachmentStage.COMPLETION if application.status == S.COMPLETION_REQUESTED else AttachmentStage.APPLICATION
    attachment = Attachment(
        application=application,
        stage=stage,
        kind=kind,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=by,
    )
    file.seek(0)
    attachment.file.save(checked.stored_name, file, save=False)
    stored = attachment.file.name
    try:
        attachment.save()
        audit.record(
            actor=by,
            obj=application,
            action="attachment_added",
            message=f"{attachment.get_kind_display()}: {attachment.original_name}",
        )
    except Exception:
        attachment.file.storage.delete(stored)
        raise
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by: User) -> None:
    """Remove an attachment of the draft. Once the application is submitted its attachments stay;
    during a completion only the files added for it can be removed."""
    application = attachment.application
    _check_editable(application, by)
    if application.status != S.DRAFT and attachment.stage != AttachmentStage.COMPLETION:
        raise ValidationError(
            _("Attachments of a submitted application cannot be removed."), code="submitted_attachment"
        )
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    audit.record(
        actor=by,
        obj=application,
        action="attachment_removed",
        message=f"{attachment.get_kind_display()}: {attachment.original_name}",
    )
    transaction.on_commit(lambda: storage.delete(name))


# Submitting ----------------------------------------------------------------------------------


def next_reference(programme: GrantProgramme) -> str:
    """The next reference of the body and year, such as SALO-2027-0001.

    Call inside a transaction that holds the body's row lock, so two submissions never get the
    same number; the unique index on the reference is the last guard."""
    prefix = programme.body.slug.upper().removesuffix("-HYVINVOINTIALUE")[:20]
    start = f"{prefix}-{programme.year}-"
    last = (
        Application.objects.filter(reference__startswith=start)
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{start}{number:04d}"


@transaction.atomic
def application_submit(
    *, application: Application, by: User, version: int | None = None, now: dt.datetime | None = None
) -> Application:
    """Submit a complete draft before the programme closes. The applicant gets a receipt by e-mail.
    Given the `version` the applicant reviewed, a draft changed since then is not submitted."""
    _check_editable(application, by)
    now = now or timezone.now()
    if application.status != S.DRAFT:
        raise ValidationError(_("This application has already been submitted."), code="already_submitted")
    programme = application.programme
    reason = not_open_message(programme, now)
    if reason:
        raise ValidationError(reason, code="closed")
    missing = missing_for_submit(application)
    if missing:
        raise ValidationError([ValidationError(item, code="incomplete") for item in missing])
    if version is not None:
        _next_version(application, version)
    PublicBody.objects.select_for_update().get(pk=programme.body_id)
    application.reference = next_reference(programme)
    application.submitted_at = now
    application.save(update_fields=["reference", "submitted_at", "version"])
    date, time = local_date_time(now)
    return transition(
        application,
        S.SUBMITTED,
        by=by,
        message=application.reference,
        notify="grants/email/application_received",
        context={"submitted_date": date, "submitted_time": time, "link": _link(application)},
    )


def _link(application: Application) -> str:
    return f"{settings.SITE_URL}{application.get_absolute_url()}"


# Completion and withdrawal -------------------------------------------------------------------


@transaction.atomic
def completion_request(
    *, application: Application, by: User, message: str, deadline: dt.datetime, now: dt.datetime | None = None
) -> CompletionRequest:
    """A grant officer asks the applicant to complete a submitted application by a deadline."""
    if not by.has_perm("grants.handle_application", application):
        raise PermissionDenied
    message = (message or "").strip()
    errors = {}
    try:
        deadline = helsinki_time(deadline)
    except ValidationError as problem:
        errors["deadline"] = problem.error_list
    if not message:
        errors["message"] = [ValidationError(_("Tell the applicant what is missing."), code="message_missing")]
    if "deadline" in errors:
        pass
    elif deadline is None or deadline.astimezone(dt.UTC) <= (now or timezone.now()).astimezone(dt.UTC):
        errors["deadline"] = [ValidationError(_("The deadline must be in the future."), code="deadline_past")]
    if errors:
        raise ValidationError(errors)
    request = CompletionRequest.objects.create(
        application=application, message=message, deadline=deadline, requested_by=by
    )
    date, time = local_date_time(deadline)
    transition(
        application,
        S.COMPLETION_REQUESTED,
        by=by,
        message=message,
        notify="grants/email/completion_requested",
        context={"request": request, "deadline_date": date, "deadline_time": time, "link": _link(application)},
    )
    return request


@transaction.atomic
def completion_submit(
    *, application: Application, by: User, response: str, now: dt.datetime | None = None
) -> Application:
    """The applicant answers the completion request before its deadline; the application returns
    to the officer as submitted, and the officer who asked gets an e-mail."""
    _check_editable(application, by)
    now = now or timezone.now()
    request = open_completion_request(application)
    if application.status != S.COMPLETION_REQUESTED or request is None:
        raise ValidationError(
            _("No completion has been requested for this application."), code="no_completion_requested"
        )
    if now.astimezone(dt.UTC) > request.deadline.astimezone(dt.UTC):
        date, time = local_date_time(request.deadline)
        raise ValidationError(
            _(
                "The deadline for the completion was %(date)s at %(time)s (Finnish time). "
                "Please contact the grant officer."
            )
            % {"date": date, "time": time},
            code="late",
        )
    response = (response or "").strip()
    if not response:
        raise ValidationError(
            {"response": [ValidationError(_("Write a reply to the request."), code="response_missing")]}
        )
    missing = missing_for_submit(application)
    if missing:
        raise ValidationError([ValidationError(item, code="incomplete") for item in missing])
    request.response, request.completed_at = response, now
    request.save(update_fields=["response", "completed_at"])
    transition(application, S.SUBMITTED, by=by, message=response)
    if request.requested_by and request.requested_by.email:
        mail.send(
            to=[request.requested_by.email],
            template="grants/email/completion_received",
            context={"application": application, "request": request, "link": _link(application)},
            language=request.requested_by.language,
        )
    return application


@transaction.atomic
def application_withdraw(*, application: Application, by: User, reason: str = "") -> Application:
    """The NGO withdraws its application; what it had sent stays in the record."""
    if not by.has_perm("grants.withdraw_application", application):
        raise PermissionDenied
    if application.status == S.WITHDRAWN:
        raise ValidationError(_("The application has already been withdrawn."), code="already_withdrawn")
    return transition(
        application,
        S.WITHDRAWN,
        by=by,
        message=(reason or "").strip(),
        notify="grants/email/application_withdrawn",
        context={"link": _link(application)},
    )
