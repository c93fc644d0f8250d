"""Every change to surveys: each function checks the permission itself, validates everything before
anything is written, runs in one transaction and records the audit history (never for an answer:
answering leaves no trace of who answered)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core.models import PublicBody
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import Organisation
from kumppani.participation.surveys.models import (
    Answer,
    Choice,
    DistributionLink,
    Question,
    QuestionKind,
    Response,
    Survey,
)

SURVEY_FIELDS = ("title_fi", "title_sv", "title_en", "introduction_fi", "introduction_sv", "introduction_en")
MAX_LINKS_AT_ONCE = 500


def require(by, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def _check_times(opens_at, closes_at) -> None:
    if opens_at is None or closes_at is None:
        raise ValidationError({"closes_at": _("Give both the opening and the closing time.")}, code="times_missing")
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The survey must close after it opens.")}, code="closes_before_opening")


def survey_create(*, body: PublicBody, data: dict, by) -> Survey:
    """A body's coordinator or official creates a survey; it has no questions yet."""
    require(by, "participation.manage_survey", body)
    _check_times(data.get("opens_at"), data.get("closes_at"))
    if not (data.get("title_fi") or "").strip():
        raise ValidationError({"title_fi": _("Give the survey a title in Finnish.")}, code="title_missing")
    with transaction.atomic():
        survey = Survey(
            body=body,
            **{
                k: v
                for k, v in data.items()
                if k in (*SURVEY_FIELDS, "opens_at", "closes_at", "open_link", "barometer_year")
            },
        )
        survey.slug = unique_slug(
            Survey.objects.all(), f"{body.slug} {data['title_fi']}", fallback="kysely", reserved=("alue", "vastaa")
        )
        survey.save()
        audit.record(actor=by, obj=survey, action="survey_created")
    return survey


def survey_update(*, survey: Survey, data: dict, by) -> Survey:
    require(by, "participation.manage_survey", survey)
    opens_at, closes_at = data.get("opens_at", survey.opens_at), data.get("closes_at", survey.closes_at)
    _check_times(opens_at, closes_at)
    changes = {}
    with transaction.atomic():
        for name in (*SURVEY_FIELDS, "opens_at", "closes_at", "open_link"):
            if name in data and getattr(survey, name) != data[name]:
                changes[name] = [str(getattr(survey, name)), str(data[name])]
                setattr(survey, name, data[name])
        survey.save()
        if changes:
            audit.record(actor=by, obj=survey, action="survey_updated", changes=changes)
    return survey


def question_add(*, survey: Survey, data: dict, choices: list[dict] | None = None, by) -> Question:
    """Add a question at the end. Questions change only while nobody has answered, so that every
    answer was given to the questions the results show. A choice question needs at least two choices;
    a condition points at a choice of an earlier question of the same survey."""
    require(by, "participation.manage_survey", survey)
    if survey.responses.exists():
        raise ValidationError(_("The survey already has answers; its questions can no longer change."), code="answered")
    choices = [c for c in (choices or []) if (c.get("label_fi") or "").strip()]
    kind = data.get("kind")
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Choose the kind of the question.")}, code="kind")
    if not (data.get("text_fi") or "").strip():
        raise ValidationError({"text_fi": _("Write the question in Finnish.")}, code="text_missing")
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(choices) < 2:
        raise ValidationError({"choices_fi": _("Give at least two choices, one on each line.")}, code="choices")
    if kind == QuestionKind.SCALE and not (0 <= data.get("scale_min", 1) < data.get("scale_max", 5) <= 10):
        raise ValidationError({"scale_max": _("A scale goes from 0 or more up to 10 at most.")}, code="scale")
    condition = data.get("show_if_choice")
    if condition is not None and condition.question.survey_id != survey.pk:
        raise ValidationError({"show_if_choice": _("Choose a choice of this survey.")}, code="condition")
    with transaction.atomic():
        position = survey.questions.count() + 1
        fields = {k: v for k, v in data.items() if k != "show_if_choice"}
        question = Question.objects.create(survey=survey, position=position, show_if_choice=condition, **fields)
        Choice.objects.bulk_create(
            Choice(question=question, position=i, **choice) for i, choice in enumerate(choices, start=1)
        )
        audit.record(actor=by, obj=survey, action="survey_question_added", message=question.text[:200])
    return question


def question_delete(*, question: Question, by) -> None:
    survey = question.survey
    require(by, "participation.manage_survey", survey)
    if survey.responses.exists():
        raise ValidationError(_("The survey already has answers; its questions can no longer change."), code="answered")
    with transaction.atomic():
        audit.record(actor=by, obj=survey, action="survey_question_removed", message=question.text[:200])
        question.delete()


def links_create(
    *, survey: Survey, organisation: Organisation | None, channel: str, count: int = 1, single_use: bool = False, by
) -> list[DistributionLink]:
    """Distribution links for an NGO and/or a channel. Single-use links are made in a batch (one for
    each person the NGO hands one to); a shared link is made once."""
    require(by, "participation.manage_survey", survey)
    channel = (channel or "").strip()
    if organisation is None and not channel:
        raise ValidationError({"channel": _("Choose an NGO or name the channel, or both.")}, code="link_target")
    if not single_use:
        count = 1
    if not 1 <= count <= MAX_LINKS_AT_ONCE:
        raise ValidationError(
            {"count": _("Make 1–%(max)s links at a time.") % {"max": MAX_LINKS_AT_ONCE}}, code="link_count"
        )
    with transaction.atomic():
        links = DistributionLink.objects.bulk_create(
            DistributionLink(survey=survey, organisation=organisation, channel=channel, single_use=single_use)
            for _i in range(count)
        )
        audit.record(
            actor=by,
            obj=survey,
            action="survey_links_created",
            message=f"{organisation or ''} {channel} ×{count}".strip(),
        )
    return links


def survey_publish_results(*, survey: Survey, by, now=None) -> Survey:
    """The results (counts of choices and scales, never the free text) become public and open data
    once the survey has closed."""
    require(by, "participation.manage_survey", survey)
    if not survey.has_closed(now):
        raise ValidationError(_("Results can be published once the survey has closed."), code="still_open")
    with transaction.atomic():
        survey.results_published = True
        survey.save(update_fields=["results_published"])
        audit.record(actor=by, obj=survey, action="survey_results_published")
    return survey


def visible_questions(questions, chosen_ids: set[int]) -> list[Question]:
    """The questions a person answering sees: those without a condition, and those whose condition
    (a choice of an earlier question) was chosen while that earlier question was itself shown."""
    owner_of = {c.pk: q.pk for q in questions for c in q.choices.all()}
    shown, shown_ids = [], set()
    for question in questions:
        condition = question.show_if_choice_id
        if condition is None or (condition in chosen_ids and owner_of.get(condition) in shown_ids):
            shown.append(question)
            shown_ids.add(question.pk)
    return shown


def parse_answers(questions: list[Question], raw: dict[int, list[str]]) -> tuple[dict, dict]:
    """From what was sent ({question id: [values]}) to ({question id: parsed}, {field: error}).
    Answers to hidden questions are dropped; a required visible question without an answer is an error."""
    choice_ids = {c.pk for q in questions for c in q.choices.all()}
    chosen: set[int] = set()
    for question in questions:
        if question.has_choices:
            for value in raw.get(question.pk, []):
                if value.isdigit() and int(value) in choice_ids:
                    chosen.add(int(value))
    parsed, errors = {}, {}
    for question in visible_questions(questions, chosen):
        values = [v.strip() for v in raw.get(question.pk, []) if v and v.strip()]
        field = f"q{question.pk}"
        own = {c.pk for c in question.choices.all()}
        if question.kind == QuestionKind.TEXT:
            value = "\n".join(values)[:5000]
        elif question.kind == QuestionKind.SCALE:
            value = int(values[0]) if values and values[0].lstrip("-").isdigit() else None
            if values and (value is None or value not in question.scale_values):
                errors[field] = _("Choose a value on the scale.")
                continue
        else:
            ids = [int(v) for v in values if v.isdigit() and int(v) in own]
            if len(ids) != len(values) or (question.kind == QuestionKind.SINGLE and len(ids) > 1):
                errors[field] = _("Choose from the choices given.")
                continue
            value = ids
        if question.required and value in ("", None, []):
            errors[field] = _("This question needs an answer.")
            continue
        if value not in ("", None, []):
            parsed[question.pk] = value
    return parsed, errors


def response_submit(
    *, survey: Survey, raw: dict[int, list[str]], link: DistributionLink | None = None, now=None
) -> Response:
    """Save one person's answers, anonymously. Refused when the survey is not open, when the link is
    not the survey's or was single-use and already used, when the survey has no open address and no
    link was used, and when a required answer is missing (then nothing is saved).

    The answer keeps the link's NGO and channel (for the reach), never the link itself."""
    now = now or timezone.now()
    if link is not None and link.survey_id != survey.pk:
        raise ValidationError(_("This link is not for this survey."), code="wrong_link")
    if link is None and not survey.open_link:
        raise ValidationError(_("This survey is answered through the links its organisers sent."), code="link_needed")
    if now < survey.opens_at:
        raise ValidationError(_("This survey is not open yet."), code="not_open")
    if survey.has_closed(now):
        raise ValidationError(_("This survey has closed, so answers are no longer saved."), code="closed")
    questions = list(survey.questions.prefetch_related("choices"))
    parsed, errors = parse_answers(questions, raw)
    if errors:
        raise ValidationError(errors, code="invalid_answers")
    if not parsed:
        raise ValidationError(_("Answer at least one question."), code="empty")
    with transaction.atomic():
        # The database decides: of two answers sent through one single-use link, one wins.
        if (
            link is not None
            and link.single_use
            and not DistributionLink.objects.filter(pk=link.pk, used=False).update(used=True)
        ):
            raise ValidationError(_("This link has already been used to answer."), code="link_used")
        response = Response.objects.create(
            survey=survey,
            organisation_id=link.organisation_id if link else None,
            channel=link.channel if link else "",
            submitted_on=timezone.localdate(now),
        )
        by_id = {q.pk: q for q in questions}
        rows = []
        for question_id, value in parsed.items():
            kind = by_id[question_id].kind
            if kind == QuestionKind.TEXT:
                rows.append(Answer(response=response, question_id=question_id, text=value))
            elif kind == QuestionKind.SCALE:
                rows.append(Answer(response=response, question_id=question_id, value=value))
            else:
                rows.extend(Answer(response=response, question_id=question_id, choice_id=c) for c in value)
        Answer.objects.bulk_create(rows)
    return response
