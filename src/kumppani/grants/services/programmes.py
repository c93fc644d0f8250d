"""Grant programmes: a grant officer of a body creates, edits and publishes them.

Times are entered in Helsinki time (settings.TIME_ZONE) and stored aware, so "closes 31.1. at
16.15" means 16.15 in Finland in winter and in summer alike.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, versioning
from kumppani.core.models import PublicBody, User
from kumppani.core.slugs import unique_slug
from kumppani.grants.models import (
    Answer,
    AttachmentKind,
    Criterion,
    GrantProgramme,
    ProgrammeKind,
    Question,
    Score,
)

FIELDS = [
    "name_fi",
    "name_sv",
    "name_en",
    "kind",
    "year",
    "description_fi",
    "description_sv",
    "description_en",
    "principles_fi",
    "principles_sv",
    "principles_en",
    "conditions_fi",
    "conditions_sv",
    "conditions_en",
    "appropriation",
    "max_amount",
    "opens_at",
    "closes_at",
    "requires_registered",
    "requires_serving_body",
    "required_attachments",
    "report_due",
    "sector",
]
AUDITED_FIELDS = [*FIELDS, "eligible_themes", "is_published"]
CRITERION_FIELDS = ("name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en", "weight")
QUESTION_FIELDS = ("text_fi", "text_sv", "text_en", "help_text_fi", "help_text_sv", "help_text_en", "is_required")


def dst_problem(value: dt.datetime) -> str | None:
    """Why a naive Helsinki wall-clock time cannot be used: the hour skipped when the clocks move
    forward in March does not exist, and the hour repeated in October happens twice."""
    zone = ZoneInfo(settings.TIME_ZONE)
    aware = value.replace(tzinfo=zone)
    shown = f"{value.day}.{value.month}.{value.year} {value.hour}.{value.minute:02d}"
    if aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != value:
        return _(
            "%(time)s does not exist in Finnish time: the clocks move forward an hour that night. Choose another time."
        ) % {"time": shown}
    if aware.utcoffset() != aware.replace(fold=1).utcoffset():
        return _(
            "%(time)s happens twice in Finnish time: the clocks move back an hour that night. Choose another time."
        ) % {"time": shown}
    return None


def helsinki_time(value: dt.datetime | None) -> dt.datetime | None:
    """An aware datetime; a naive one is read as Helsinki time, and refused when that time is
    skipped or repeated at a daylight saving change, or falls outside the years grants are handled."""
    if value is None:
        return value
    if not 2000 <= value.year <= 2100:  # also keeps the conversion to UTC inside Python's dates
        raise ValidationError(
            _("Check the year: %(year)s is not a year in which grants are handled."),
            code="year_out_of_range",
            params={"year": value.year},
        )
    if timezone.is_aware(value):
        return value
    problem = dst_problem(value)
    if problem:
        raise ValidationError(problem, code="ambiguous_timezone")
    return value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _check(programme: GrantProgramme, criteria: list[dict]) -> None:
    """The rules a programme must meet to be saved; every broken rule is reported at once."""
    errors: dict[str, list[str]] = {}
    if not (programme.name_fi or "").strip():
        errors.setdefault("name_fi", []).append(
            ValidationError(_("Give the programme a name in Finnish."), code="name_missing")
        )
    if programme.appropriation is None or programme.appropriation <= Decimal("0"):
        errors.setdefault("appropriation", []).append(
            ValidationError(_("The appropriation must be more than 0 €."), code="appropriation_not_positive")
        )
    if programme.max_amount is not None and programme.appropriation and programme.max_amount > programme.appropriation:
        errors.setdefault("max_amount", []).append(
            ValidationError(_("The largest grant cannot be more than the appropriation."), code="over_appropriation")
        )
    if programme.closes_at is None and programme.kind != ProgrammeKind.SMALL:
        errors.setdefault("closes_at", []).append(
            ValidationError(
                _("Set the closing time. Only small grants can be open all year."), code="closing_time_missing"
            )
        )
    if programme.closes_at is not None and programme.opens_at and programme.closes_at <= programme.opens_at:
        errors.setdefault("closes_at", []).append(
            ValidationError(_("The programme must close after it opens."), code="closes_before_opening")
        )
    if programme.sector_id is not None and programme.sector.body_id != programme.body_id:
        errors.setdefault("sector", []).append(
            ValidationError(_("Choose one of the body's own sectors."), code="sector_of_other_body")
        )
    unknown = set(programme.required_attachments or []) - set(AttachmentKind.values)
    if unknown:
        errors.setdefault("required_attachments", []).append(
            ValidationError(_("Unknown kind of attachment."), code="unknown_kind")
        )
    for row in criteria:
        weight = row.get("weight")
        if weight is None or not 1 <= int(weight) <= 100:
            errors.setdefault("criteria", []).append(
                ValidationError(
                    _("The weight of “%(name)s” must be a whole number from 1 to 100.")
                    % {"name": row.get("name_fi", "")},
                    code="invalid_weight",
                )
            )
        if not (row.get("name_fi") or "").strip():
            errors.setdefault("criteria", []).append(
                ValidationError(_("Every criterion needs a name."), code="criterion_name_missing")
            )
    if errors:
        raise ValidationError(errors)


def _apply(programme: GrantProgramme, data: dict) -> None:
    for field in FIELDS:
        if field in data:
            value = data[field]
            if field in ("opens_at", "closes_at"):
                value = helsinki_time(value)
            elif field == "required_attachments":
                value = list(value or [])
            setattr(programme, field, value)


def _replace_criteria(programme: GrantProgramme, rows: list[dict]) -> None:
    """Update the criteria in place (their scores stay), add new ones, remove those left out
    unless a reviewer has already scored them."""
    existing = {c.pk: c for c in programme.criteria.all()}
    kept = set()
    for position, row in enumerate(rows, start=1):
        criterion = existing.get(row.get("id")) or Criterion(programme=programme)
        for field in CRITERION_FIELDS:
            if field in row:
                setattr(criterion, field, row[field] if field == "weight" else (row[field] or ""))
        criterion.position = position
        criterion.save()
        kept.add(criterion.pk)
    removed = [pk for pk in existing if pk not in kept]
    if Score.objects.filter(criterion_id__in=removed).exists():
        raise ValidationError(
            {
                "criteria": [
                    ValidationError(
                        _("A criterion that reviewers have already scored cannot be removed."), code="criterion_scored"
                    )
                ]
            }
        )
    Criterion.objects.filter(pk__in=removed).delete()


def _replace_questions(programme: GrantProgramme, rows: list[dict]) -> None:
    """Like the criteria: a question that applicants have answered stays."""
    existing = {q.pk: q for q in programme.questions.all()}
    kept = set()
    for position, row in enumerate(rows, start=1):
        question = existing.get(row.get("id")) or Question(programme=programme)
        for field in QUESTION_FIELDS:
            if field in row:
                setattr(question, field, row[field] if field == "is_required" else (row[field] or ""))
        question.position = position
        question.save()
        kept.add(question.pk)
    removed = [pk for pk in existing if pk not in kept]
    if Answer.objects.filter(question_id__in=removed).exclude(text="").exists():
        raise ValidationError(
            {
                "questions": [
                    ValidationError(
                        _("A question that applicants have already answered cannot be removed."),
                        code="question_answered",
                    )
                ]
            }
        )
    Question.objects.filter(pk__in=removed).delete()


def _snapshot(programme: GrantProgramme) -> dict:
    """The audited values, the sector by its name (as people read the history)."""
    values = audit.snapshot(programme, AUDITED_FIELDS)
    values["sector"] = str(programme.sector) if programme.sector_id else None
    return values


def _rows_summary(programme: GrantProgramme) -> dict[str, list[str]]:
    """The criteria and questions as short texts, for the history (and so for a stale form's message)."""
    return {
        "criteria": [f"{c.name_fi} ({c.weight})" for c in programme.criteria.order_by("position", "pk")],
        "questions": [q.text_fi for q in programme.questions.order_by("position", "pk")],
    }


@transaction.atomic
def programme_create(
    *, body: PublicBody, by: User, data: dict, criteria: list[dict], questions: list[dict]
) -> GrantProgramme:
    """A grant officer of `body` adds a programme. It stays unpublished until programme_publish()."""
    if not by.has_perm("grants.manage_programme", body):
        raise PermissionDenied
    programme = GrantProgramme(body=body, created_by=by)
    _apply(programme, data)
    _check(programme, criteria)
    # Unique among the body's programmes of the year, which share the start of their address.
    taken = GrantProgramme.objects.filter(body=programme.body, year=programme.year).exclude(pk=programme.pk)
    programme.slug = unique_slug(taken, programme.name_fi or "", fallback="avustus", max_length=100)
    programme.full_clean(exclude=["slug"])
    programme.save()
    programme.eligible_themes.set(data.get("eligible_themes") or [])
    _replace_criteria(programme, criteria)
    _replace_questions(programme, questions)
    audit.record(
        actor=by,
        obj=programme,
        action="programme_created",
        changes=audit.diff({}, _snapshot(programme)),
    )
    return programme


@transaction.atomic
def programme_update(
    *,
    programme: GrantProgramme,
    by: User,
    data: dict,
    criteria: list[dict],
    questions: list[dict],
    version: int | None = None,
) -> GrantProgramme:
    """Change a programme, its criteria and its questions. Every changed value goes to the history.
    `version` is the one the form was made from: when a colleague has saved since, nothing is
    saved and the error lists what they changed (core.versioning)."""
    if not by.has_perm("grants.manage_programme", programme):
        raise PermissionDenied
    programme = GrantProgramme.objects.select_for_update().get(pk=programme.pk)
    versioning.check(programme, version)
    before = {**_snapshot(programme), **_rows_summary(programme)}
    _apply(programme, data)
    _check(programme, criteria)
    programme.full_clean()
    programme.save()
    if "eligible_themes" in data:
        programme.eligible_themes.set(data["eligible_themes"] or [])
    _replace_criteria(programme, criteria)
    _replace_questions(programme, questions)
    changes = audit.diff(before, {**_snapshot(programme), **_rows_summary(programme)})
    audit.record(actor=by, obj=programme, action="programme_updated", changes=versioning.claim(programme, changes))
    return programme


@transaction.atomic
def programme_publish(*, programme: GrantProgramme, by: User) -> GrantProgramme:
    """Put the programme on the public grants pages. It needs at least one assessment criterion,
    so that applicants know how they are assessed."""
    if not by.has_perm("grants.manage_programme", programme):
        raise PermissionDenied
    if programme.is_published:
        raise ValidationError(_("The programme is already published."), code="already_published")
    criteria = list(programme.criteria.values(*CRITERION_FIELDS))
    if not criteria:
        raise ValidationError(_("Add at least one assessment criterion before publishing."), code="no_criteria")
    _check(programme, criteria)
    programme.is_published = True
    programme.save(update_fields=["is_published"])
    audit.record(actor=by, obj=programme, action="programme_published", changes={"is_published": [False, True]})
    return programme
