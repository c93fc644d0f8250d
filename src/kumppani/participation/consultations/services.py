"""Every change to a consultation: each function checks its permission, validates before it writes,
runs in one transaction, records the audit history and queues the e-mails. Pages and the API call
the same functions.

The rules: statements are taken only between the opening and the closing moment (exact, Europe/
Helsinki); an NGO's statement is drafted by its representatives and sent by its admin; a council's
statement comes from its meeting with the minutes; residents' comments are confirmed by e-mail
unless the resident is signed in, limited in number, and moderators hide them with a reason; a
consultation is closed for good only after its response is published.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.cooperation.governance.models import GroupKind, WorkingGroup
from kumppani.core import audit, versioning
from kumppani.core import mail as kumppani_mail
from kumppani.core.models import BodyRoleKind, PublicBody, User
from kumppani.organisations.models import Organisation
from kumppani.participation.consultations import queries, uploads
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    ConsultationSection,
    ConsultationStatus,
    ResidentComment,
    ResponseLink,
    Statement,
    StatementAnswer,
    StatementStatus,
)

LANGS = ("fi", "sv", "en")
TEXT_FIELDS = [f"{field}_{lang}" for field in ("title", "summary") for lang in LANGS]
CONSULTATION_FIELDS = [*TEXT_FIELDS, "opens_at", "closes_at", "residents", "sector"]
SECTION_FIELDS = [f"{field}_{lang}" for field in ("title", "text", "question") for lang in LANGS] + ["required"]
COUNCIL_KINDS = (GroupKind.OLDER_PEOPLE_COUNCIL, GroupKind.DISABILITY_COUNCIL, GroupKind.YOUTH_COUNCIL)
# Residents' comments: at most this many from one person (account or e-mail address) per hour, and
# this many from one network address (kept only as a hash in the cache, never stored with a comment).
COMMENTS_PER_HOUR = 5
COMMENTS_PER_ADDRESS_PER_HOUR = 20


def _require(by, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def _error(field: str | None, message: str, code: str) -> ValidationError:
    if field is None:
        return ValidationError(message, code=code)
    return ValidationError({field: [ValidationError(message, code=code)]})


def local_text(moment: dt.datetime) -> str:
    """5.12.2026 klo 16.00 in Helsinki time, as Kumppani writes moments."""
    local = timezone.localtime(moment)
    return f"{local.day}.{local.month}.{local.year} {local.hour}.{local.minute:02d}"


def _mail_people(people, template: str, context: dict) -> None:
    for person in people:
        if person.email:
            kumppani_mail.send(
                to=[person.email],
                template=f"participation/consultations/email/{template}",
                context={**context, "person": person},
                language=getattr(person, "language", "") or "fi",
            )


def _preparers(body: PublicBody) -> list[User]:
    return list(
        User.objects.filter(
            body_roles__body=body,
            body_roles__role__in=[BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL],
            is_active=True,
        ).distinct()
    )


# Consultations ---------------------------------------------------------------------------------


def _validate_consultation(body: PublicBody, data: dict, councils) -> None:
    errors = {}
    if not (data.get("title_fi") or "").strip():
        errors["title_fi"] = [ValidationError(_("Give the title in Finnish."), code="required")]
    if not (data.get("summary_fi") or "").strip():
        errors["summary_fi"] = [ValidationError(_("Give a summary in Finnish."), code="required")]
    opens, closes = data.get("opens_at"), data.get("closes_at")
    if opens and closes and closes <= opens:
        errors["closes_at"] = [ValidationError(_("The closing time must be after the opening time."), code="order")]
    sector = data.get("sector")
    if sector is not None and sector.body_id != body.pk:
        errors["sector"] = [ValidationError(_("Choose a sector of the body."), code="other_body")]
    for council in councils:
        if council.body_id != body.pk or council.kind not in COUNCIL_KINDS:
            errors["councils"] = [ValidationError(_("Choose councils of the body."), code="not_a_council")]
    if errors:
        raise ValidationError(errors)


def consultation_create(*, by: User, body: PublicBody, data: dict, areas=(), themes=(), councils=()) -> Consultation:
    """An official prepares a consultation as a draft: nothing of it is public until it is opened."""
    _require(by, "participation.add_consultation", body)
    unknown = set(data) - set(CONSULTATION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")
    councils = list(councils)
    _validate_consultation(body, data, councils)
    with transaction.atomic():
        consultation = Consultation.objects.create(body=body, created_by=by, **data)
        consultation.audience_areas.set(areas)
        consultation.audience_themes.set(themes)
        consultation.councils.set(councils)
        audit.record(
            actor=by, obj=consultation, action="consultation_created", changes={"title": [None, consultation.title_fi]}
        )
    return consultation


def consultation_update(
    *, by: User, consultation: Consultation, version: int | None, data: dict, areas=(), themes=(), councils=()
) -> Consultation:
    """Change a consultation's texts, times and audience. Once it is past closing its times stay."""
    _require(by, "participation.manage_consultation", consultation)
    unknown = set(data) - set(CONSULTATION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")
    if consultation.status in (ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED):
        raise _error(None, _("An answered consultation can no longer be changed."), "answered")
    councils = list(councils)
    _validate_consultation(consultation.body, {**_current(consultation), **data}, councils)
    with transaction.atomic():
        versioning.check(consultation, version)
        before = audit.snapshot(consultation, [f for f in CONSULTATION_FIELDS if f != "sector"] + ["sector_id"])
        for field, value in data.items():
            setattr(consultation, field, value)
        consultation.save()
        consultation.audience_areas.set(areas)
        consultation.audience_themes.set(themes)
        consultation.councils.set(councils)
        after = audit.snapshot(consultation, [f for f in CONSULTATION_FIELDS if f != "sector"] + ["sector_id"])
        changes = versioning.claim(consultation, audit.diff(before, after))
        audit.record(actor=by, obj=consultation, action="consultation_updated", changes=changes)
    return consultation


def _current(consultation: Consultation) -> dict:
    return {field: getattr(consultation, field) for field in CONSULTATION_FIELDS}


def section_add(*, by: User, consultation: Consultation, data: dict) -> ConsultationSection:
    """Add a section with its question; only while the consultation is a draft (statements answer them)."""
    _require(by, "participation.manage_consultation", consultation)
    unknown = set(data) - set(SECTION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")
    if consultation.status != ConsultationStatus.DRAFT:
        raise _error(None, _("Sections can be added only before the consultation is opened."), "not_draft")
    errors = {}
    if not (data.get("title_fi") or "").strip():
        errors["title_fi"] = [ValidationError(_("Give the title in Finnish."), code="required")]
    if not (data.get("question_fi") or "").strip():
        errors["question_fi"] = [ValidationError(_("Give the question in Finnish."), code="required")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        versioning.check(consultation, None)
        position = consultation.sections.count() + 1
        section = ConsultationSection.objects.create(consultation=consultation, position=position, **data)
        changes = versioning.claim(consultation, {"section": [None, section.title_fi]})
        audit.record(actor=by, obj=consultation, action="consultation_section_added", changes=changes)
    return section


def section_update(*, by: User, section: ConsultationSection, data: dict) -> ConsultationSection:
    """Change a section's texts or whether its answer is required; only while the consultation is a
    draft, so no statement answers a question that changed under it."""
    consultation = section.consultation
    _require(by, "participation.manage_consultation", consultation)
    unknown = set(data) - set(SECTION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")
    if consultation.status != ConsultationStatus.DRAFT:
        raise _error(None, _("Sections can be changed only before the consultation is opened."), "not_draft")
    errors = {}
    if "title_fi" in data and not (data["title_fi"] or "").strip():
        errors["title_fi"] = [ValidationError(_("Give the title in Finnish."), code="required")]
    if "question_fi" in data and not (data["question_fi"] or "").strip():
        errors["question_fi"] = [ValidationError(_("Give the question in Finnish."), code="required")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        versioning.check(consultation, None)
        before = audit.snapshot(section, SECTION_FIELDS)
        for field, value in data.items():
            setattr(section, field, value)
        section.save()
        changes = audit.diff(before, audit.snapshot(section, SECTION_FIELDS))
        changes = versioning.claim(consultation, {f"section_{section.pk}_{k}": v for k, v in changes.items()})
        audit.record(actor=by, obj=consultation, action="consultation_section_changed", changes=changes)
    return section


def document_add(*, by: User, consultation: Consultation, title: str, file) -> ConsultationDocument:
    """Upload a background document. It stays private until the consultation is opened."""
    _require(by, "participation.manage_consultation", consultation)
    if not title.strip():
        raise _error("title", _("Give the document a title."), "required")
    try:
        name, stored, content_type = uploads.check(file)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from None
    with transaction.atomic():
        document = ConsultationDocument(
            consultation=consultation,
            title=title.strip(),
            original_name=name,
            content_type=content_type,
            size=file.size,
            uploaded_by=by,
        )
        document.file.save(stored, file, save=False)
        document.save()
        audit.record(
            actor=by, obj=consultation, action="consultation_document_added", changes={"document": [None, name]}
        )
    return document


def consultation_open(*, by: User, consultation: Consultation) -> Consultation:
    """Publish a draft: its page and documents become public, and statements are taken from its
    opening moment. The NGOs of the audience and the councils' preparers are told by e-mail."""
    _require(by, "participation.manage_consultation", consultation)
    if consultation.status != ConsultationStatus.DRAFT:
        raise _error(None, _("The consultation has already been opened."), "not_draft")
    if not consultation.sections.exists():
        raise _error(None, _("Add at least one section with a question before opening."), "no_sections")
    if consultation.closes_at <= timezone.now():
        raise _error("closes_at", _("The closing time has already passed. Set a later one."), "past_closing")
    with transaction.atomic():
        versioning.check(consultation, None)
        consultation.status = ConsultationStatus.OPEN
        consultation.save(update_fields=["status"])
        changes = versioning.claim(consultation, {"status": [ConsultationStatus.DRAFT, ConsultationStatus.OPEN]})
        audit.record(actor=by, obj=consultation, action="consultation_opened", changes=changes)
        org_ids = list(queries.audience_organisations(consultation).values_list("pk", flat=True))
        people = User.objects.filter(memberships__organisation_id__in=org_ids, is_active=True).distinct()
        _mail_people(
            people,
            "consultation_opened",
            {
                "consultation": consultation,
                "closes": local_text(consultation.closes_at),
                "url": consultation.get_absolute_url(),
            },
        )
    return consultation


def consultation_close(*, by: User, consultation: Consultation) -> Consultation:
    """Stop taking statements. Closing before the closing time moves the closing time to now."""
    _require(by, "participation.manage_consultation", consultation)
    if consultation.status != ConsultationStatus.OPEN:
        raise _error(None, _("Only an open consultation can be closed."), "not_open")
    now = timezone.now()
    with transaction.atomic():
        versioning.check(consultation, None)
        changes = {"status": [ConsultationStatus.OPEN, ConsultationStatus.CLOSED]}
        consultation.status = ConsultationStatus.CLOSED
        consultation.closed_at = now
        if consultation.closes_at > now:
            changes["closes_at"] = [consultation.closes_at.isoformat(), now.isoformat()]
            consultation.closes_at = max(now, consultation.opens_at + dt.timedelta(seconds=1))
        consultation.save(update_fields=["status", "closed_at", "closes_at"])
        audit.record(
            actor=by, obj=consultation, action="consultation_closed", changes=versioning.claim(consultation, changes)
        )
    return consultation


def consultation_finish(*, by: User, consultation: Consultation) -> Consultation:
    """Close for good: only after the body has published its response."""
    _require(by, "participation.manage_consultation", consultation)
    response = ConsultationResponse.objects.filter(consultation=consultation, published_at__isnull=False).first()
    if response is None:
        raise _error(
            None,
            _("Publish the response first: a consultation is closed for good only after the body has answered it."),
            "no_response",
        )
    if consultation.status != ConsultationStatus.RESPONDED:
        raise _error(None, _("The consultation is already closed for good."), "not_responded")
    with transaction.atomic():
        versioning.check(consultation, None)
        consultation.status = ConsultationStatus.FINISHED
        consultation.save(update_fields=["status"])
        changes = versioning.claim(
            consultation, {"status": [ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED]}
        )
        audit.record(actor=by, obj=consultation, action="consultation_finished", changes=changes)
    return consultation


# Statements ------------------------------------------------------------------------------------


def _check_accepting(consultation: Consultation) -> None:
    now = timezone.now()
    if consultation.status == ConsultationStatus.OPEN and now < consultation.opens_at:
        raise _error(
            None,
            _("The consultation opens on %(opens)s. Statements can be given from then on.")
            % {"opens": local_text(consultation.opens_at)},
            "not_yet_open",
        )
    if not consultation.accepts_statements(now):
        raise _error(
            None,
            _("The consultation closed on %(closes)s, so statements can no longer be given.")
            % {"closes": local_text(consultation.closes_at)},
            "closed",
        )


def _clean_answers(consultation: Consultation, answers: dict, *, final: bool) -> dict[int, str]:
    """{section id: text}; when `final`, every required section must have an answer."""
    sections = {section.pk: section for section in consultation.sections.all()}
    cleaned = {}
    for key, text in answers.items():
        section_id = int(key)
        if section_id not in sections:
            raise _error(None, _("An answer was given to a question of another consultation."), "other_section")
        if (text or "").strip():
            cleaned[section_id] = text.strip()
    if final:
        missing = [section for section in sections.values() if section.required and section.pk not in cleaned]
        if missing:
            raise ValidationError(
                {
                    f"section_{section.pk}": [
                        ValidationError(
                            _("“%(title)s” needs an answer before the statement can be sent.")
                            % {"title": section.title},
                            code="required_answer",
                        )
                    ]
                    for section in missing
                }
            )
    return cleaned


def _save_answers(statement: Statement, cleaned: dict[int, str]) -> dict:
    existing = {answer.section_id: answer for answer in statement.answers.all()}
    changes = {}
    for section_id, text in cleaned.items():
        answer = existing.pop(section_id, None)
        if answer is None:
            StatementAnswer.objects.create(statement=statement, section_id=section_id, text=text)
            changes[f"answer_{section_id}"] = [None, text]
        elif answer.text != text:
            changes[f"answer_{section_id}"] = [answer.text, text]
            answer.text = text
            answer.save(update_fields=["text"])
    for section_id, answer in existing.items():
        changes[f"answer_{section_id}"] = [answer.text, None]
        answer.delete()
    return changes


def statement_save(
    *,
    by: User,
    consultation: Consultation,
    organisation: Organisation,
    answers: dict,
    summary: str = "",
    is_public: bool = True,
    version: int | None = None,
) -> Statement:
    """A representative of an NGO in the audience drafts (or changes) the NGO's statement. The draft
    is the NGO's own until its admin sends it."""
    _require(by, "participation.draft_statement", organisation)
    _check_accepting(consultation)
    if not queries.is_in_audience(consultation, organisation):
        raise _error(None, _("This consultation does not ask %(name)s.") % {"name": organisation.name}, "not_audience")
    cleaned = _clean_answers(consultation, answers, final=False)
    with transaction.atomic():
        statement = (
            Statement.objects.select_for_update().filter(consultation=consultation, organisation=organisation).first()
        )
        if statement is None:
            try:
                with transaction.atomic():
                    statement = Statement.objects.create(
                        consultation=consultation,
                        organisation=organisation,
                        summary=summary.strip(),
                        is_public=is_public,
                        drafted_by=by,
                    )
            except IntegrityError:
                raise _error(
                    None, _("Someone of your NGO started the statement meanwhile. Open it again."), "stale"
                ) from None
            changes = {"summary": [None, statement.summary], **_save_answers(statement, cleaned)}
            audit.record(actor=by, obj=statement, action="statement_drafted", changes=changes)
            return statement
        if statement.status == StatementStatus.SENT:
            raise _error(None, _("The statement has already been sent and can no longer be changed."), "sent")
        versioning.check(statement, version)
        changes = _save_answers(statement, cleaned)
        if statement.summary != summary.strip():
            changes["summary"] = [statement.summary, summary.strip()]
        if statement.is_public != is_public:
            changes["is_public"] = [statement.is_public, is_public]
        statement.summary, statement.is_public = summary.strip(), is_public
        statement.save(update_fields=["summary", "is_public"])
        audit.record(actor=by, obj=statement, action="statement_changed", changes=versioning.claim(statement, changes))
    return statement


def statement_send(*, by: User, statement: Statement, version: int | None = None) -> Statement:
    """The NGO's admin sends the statement on behalf of the NGO: every required question answered,
    before the closing moment. The body's preparers are told."""
    _require(by, "participation.send_statement", statement)
    consultation = statement.consultation
    _check_accepting(consultation)
    _clean_answers(consultation, {answer.section_id: answer.text for answer in statement.answers.all()}, final=True)
    with transaction.atomic():
        versioning.check(statement, version)
        statement.status = StatementStatus.SENT
        statement.sent_by = by
        statement.sent_at = timezone.now()
        statement.save(update_fields=["status", "sent_by", "sent_at"])
        changes = versioning.claim(statement, {"status": [StatementStatus.DRAFT, StatementStatus.SENT]})
        audit.record(actor=by, obj=statement, action="statement_sent", changes=changes)
        _mail_people(
            _preparers(consultation.body),
            "statement_sent",
            {"consultation": consultation, "author": statement.author, "url": consultation.get_absolute_url()},
        )
    return statement


def council_statement_record(
    *,
    by: User,
    consultation: Consultation,
    council: WorkingGroup,
    answers: dict,
    summary: str,
    meeting_date: dt.date,
    minutes=None,
    is_public: bool = True,
) -> Statement:
    """The body's official records a council's statement from its meeting, with the minutes."""
    _require(by, "participation.manage_consultation", consultation)
    _check_accepting(consultation)
    if not consultation.councils.filter(pk=council.pk).exists():
        raise _error("council", _("This consultation does not ask that council."), "not_audience")
    if meeting_date is None:
        raise _error("meeting_date", _("Give the date of the council's meeting."), "required")
    if meeting_date > timezone.localdate():
        raise _error("meeting_date", _("The meeting date cannot be in the future."), "future_meeting")
    cleaned = _clean_answers(consultation, answers, final=True)
    checked = None
    if minutes is not None:
        try:
            checked = uploads.check(minutes)
        except ValidationError as error:
            raise ValidationError({"minutes": error.error_list}) from None
    if Statement.objects.filter(consultation=consultation, council=council).exists():
        raise _error("council", _("The council's statement has already been recorded."), "duplicate")
    with transaction.atomic():
        statement = Statement(
            consultation=consultation,
            council=council,
            summary=summary.strip(),
            is_public=is_public,
            meeting_date=meeting_date,
            drafted_by=by,
            sent_by=by,
            status=StatementStatus.SENT,
            sent_at=timezone.now(),
        )
        if checked is not None:
            statement.minutes_name = checked[0]
            statement.minutes.save(checked[1], minutes, save=False)
        statement.save()
        changes = {"council": [None, council.name], **_save_answers(statement, cleaned)}
        audit.record(actor=by, obj=statement, action="council_statement_recorded", changes=changes)
    return statement


# Residents' comments ---------------------------------------------------------------------------


def _address_key(address: str) -> str:
    return "consultation-comments:" + hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def comment_submit(
    *,
    by,
    consultation: Consultation,
    text: str,
    name: str = "",
    email: str = "",
    section=None,
    address: str | None = None,
) -> ResidentComment:
    """A resident comments while the consultation is open. Signed in, the comment shows at once;
    otherwise a confirmation link goes to the given e-mail address and the comment shows once it is
    followed. At most COMMENTS_PER_HOUR comments an hour from one account or address."""
    if not consultation.residents:
        raise _error(None, _("This consultation does not take residents' comments."), "no_residents")
    _check_accepting(consultation)
    signed_in = getattr(by, "is_authenticated", False)
    errors = {}
    if not text.strip():
        errors["text"] = [ValidationError(_("Write your comment."), code="required")]
    if len(text) > 5000:
        errors["text"] = [ValidationError(_("Keep the comment under 5 000 characters."), code="too_long")]
    if not signed_in:
        if not name.strip():
            errors["name"] = [ValidationError(_("Give your name."), code="required")]
        if not email.strip():
            errors["email"] = [
                ValidationError(_("Give your e-mail address: we send a link to confirm the comment."), code="required")
            ]
    if section is not None and section.consultation_id != consultation.pk:
        errors["section"] = [ValidationError(_("Choose a section of this consultation."), code="other_section")]
    if errors:
        raise ValidationError(errors)
    email = (by.email if signed_in else email).strip().lower()
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    recent = ResidentComment.objects.filter(created_at__gte=hour_ago)
    recent = recent.filter(user=by) if signed_in else recent.filter(email=email)
    from_address = cache.get(_address_key(address), 0) if address else 0
    if recent.count() >= COMMENTS_PER_HOUR or from_address >= COMMENTS_PER_ADDRESS_PER_HOUR:
        raise _error(None, _("You have commented many times within an hour. Please try again later."), "rate_limited")
    with transaction.atomic():
        comment = ResidentComment.objects.create(
            consultation=consultation,
            section=section,
            user=by if signed_in else None,
            name=(by.full_name if signed_in else name).strip()[:120],
            email=email,
            text=text.strip(),
            confirmed_at=timezone.now() if signed_in else None,
        )
        audit.record(actor=by, obj=consultation, action="resident_comment_written", changes={})
        if address:
            cache.set(_address_key(address), from_address + 1, timeout=3600)
        if not signed_in:
            kumppani_mail.send(
                to=[email],
                template="participation/consultations/email/comment_confirm",
                context={
                    "consultation": consultation,
                    "comment": comment,
                    "url": reverse("participation:consultation_comment_confirm", args=[comment.token]),
                },
            )
    return comment


def comment_confirm(*, token) -> ResidentComment | None:
    """Following the e-mail's link shows the comment (once)."""
    comment = ResidentComment.objects.select_related("consultation").filter(token=token).first()
    if comment is None:
        return None
    if comment.confirmed_at is None:
        with transaction.atomic():
            comment.confirmed_at = timezone.now()
            comment.save(update_fields=["confirmed_at"])
            audit.record(actor=None, obj=comment.consultation, action="resident_comment_confirmed", changes={})
    return comment


def comment_hide(*, by: User, comment: ResidentComment, reason: str) -> ResidentComment:
    """A moderator hides a comment, with the reason shown in its place."""
    _require(by, "participation.manage_consultation", comment.consultation)
    if not reason.strip():
        raise _error("reason", _("Say why the comment is hidden."), "required")
    with transaction.atomic():
        comment.hidden_at = timezone.now()
        comment.hidden_reason = reason.strip()[:300]
        comment.hidden_by = by
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        audit.record(
            actor=by, obj=comment.consultation, action="resident_comment_hidden", changes={"reason": [None, reason]}
        )
    return comment


# The response ----------------------------------------------------------------------------------


def response_save(
    *, by: User, consultation: Consultation, heard: str, changed: str, links: dict, version: int | None = None
) -> ConsultationResponse:
    """Write (or change) the response: what was heard, what was changed, and for each statement that
    changed something, what it changed. Only after the closing moment; a published one stays as it is."""
    _require(by, "participation.manage_consultation", consultation)
    if not consultation.is_past_closing():
        raise _error(None, _("The response is written after the consultation has closed."), "not_closed")
    errors = {}
    if not heard.strip():
        errors["heard"] = [ValidationError(_("Say what you heard."), code="required")]
    if not changed.strip():
        errors["changed"] = [
            ValidationError(_("Say what you changed, or that nothing changed and why."), code="required")
        ]
    statement_ids = set(
        Statement.objects.filter(consultation=consultation, status=StatementStatus.SENT).values_list("pk", flat=True)
    )
    cleaned_links = {int(key): text.strip() for key, text in links.items() if (text or "").strip()}
    if set(cleaned_links) - statement_ids:
        errors["links"] = [
            ValidationError(_("Link only statements given to this consultation."), code="other_statement")
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        response = ConsultationResponse.objects.select_for_update().filter(consultation=consultation).first()
        if response is not None and response.published_at is not None:
            raise _error(None, _("The response has been published and can no longer be changed."), "published")
        is_new = response is None
        if response is None:
            response = ConsultationResponse.objects.create(
                consultation=consultation, heard=heard.strip(), changed=changed.strip(), written_by=by
            )
            changes = {"heard": [None, response.heard], "changed": [None, response.changed]}
        else:
            versioning.check(response, version)
            changes = audit.diff(
                {"heard": response.heard, "changed": response.changed},
                {"heard": heard.strip(), "changed": changed.strip()},
            )
            response.heard, response.changed = heard.strip(), changed.strip()
            response.save(update_fields=["heard", "changed"])
        existing = {link.statement_id: link for link in response.links.all()}
        for statement_id, text in cleaned_links.items():
            link = existing.pop(statement_id, None)
            if link is None:
                ResponseLink.objects.create(response=response, statement_id=statement_id, what_changed=text)
                changes[f"link_{statement_id}"] = [None, text]
            elif link.what_changed != text:
                changes[f"link_{statement_id}"] = [link.what_changed, text]
                link.what_changed = text
                link.save(update_fields=["what_changed"])
        for statement_id, link in existing.items():
            changes[f"link_{statement_id}"] = [link.what_changed, None]
            link.delete()
        if not is_new:
            changes = versioning.claim(response, changes)
        audit.record(actor=by, obj=response, action="consultation_response_saved", changes=changes)
    return response


def response_publish(*, by: User, consultation: Consultation) -> ConsultationResponse:
    """Publish the response: the public page shows it with the statements that changed something, and
    the NGOs that gave statements are told."""
    _require(by, "participation.manage_consultation", consultation)
    response = ConsultationResponse.objects.filter(consultation=consultation).first()
    if response is None:
        raise _error(None, _("Write the response before publishing it."), "no_response")
    if response.published_at is not None:
        raise _error(None, _("The response has already been published."), "published")
    if not consultation.is_past_closing():
        raise _error(None, _("The response is published after the consultation has closed."), "not_closed")
    with transaction.atomic():
        versioning.check(consultation, None)
        response.published_at = timezone.now()
        response.save(update_fields=["published_at"])
        audit.record(actor=by, obj=response, action="consultation_response_published", changes={})
        before = consultation.status
        consultation.status = ConsultationStatus.RESPONDED
        consultation.closed_at = consultation.closed_at or consultation.closes_at
        consultation.save(update_fields=["status", "closed_at"])
        changes = versioning.claim(consultation, {"status": [before, ConsultationStatus.RESPONDED]})
        audit.record(actor=by, obj=consultation, action="consultation_responded", changes=changes)
        org_ids = Statement.objects.filter(
            consultation=consultation, status=StatementStatus.SENT, organisation__isnull=False
        ).values("organisation_id")
        people = User.objects.filter(memberships__organisation_id__in=org_ids, is_active=True).distinct()
        _mail_people(
            people, "response_published", {"consultation": consultation, "url": consultation.get_absolute_url()}
        )
    return response


# The daily job ------------------------------------------------------------------------------------


def close_due_and_remind(today: dt.date) -> int:
    """Consultations past their closing moment become closed; the preparers of each consultation
    still without a published response are reminded every seventh day after closing. Returns the
    number of reminders sent."""
    now = timezone.now()
    for consultation in Consultation.objects.filter(status=ConsultationStatus.OPEN, closes_at__lte=now):
        with transaction.atomic():
            changed = Consultation.objects.filter(pk=consultation.pk, status=ConsultationStatus.OPEN).update(
                status=ConsultationStatus.CLOSED, closed_at=consultation.closes_at, version=consultation.version + 1
            )
            if changed:
                audit.record(
                    actor=None,
                    obj=consultation,
                    action="consultation_closed",
                    changes={
                        "status": [ConsultationStatus.OPEN, ConsultationStatus.CLOSED],
                        "version": [consultation.version, consultation.version + 1],
                    },
                )
    sent = 0
    for consultation in Consultation.objects.filter(status=ConsultationStatus.CLOSED).select_related("body"):
        days = (today - timezone.localdate(consultation.closes_at)).days
        if days <= 0 or days % 7:
            continue
        _mail_people(
            _preparers(consultation.body),
            "response_reminder",
            {"consultation": consultation, "days": days, "url": consultation.get_absolute_url()},
        )
        sent += 1
    return sent
