"""Reads of surveys whose query count does not grow with the answers: the results of a survey (a
fixed number of grouped queries), each NGO's and channel's reach, and the results as a spreadsheet."""

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kumppani.core.opendata import safe_row
from kumppani.participation.surveys.models import Answer, DistributionLink, Question, QuestionKind, Response, Survey


@dataclass
class Row:
    label: str
    count: int
    pct: int  # share of those who answered the question, rounded


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    survey: Survey
    total: int
    questions: list[QuestionResult]


def _pct(count: int, of: int) -> int:
    return round(100 * count / of) if of else 0


def filtered_responses(survey: Survey, *, organisation_id: int | None = None, channel: str | None = None):
    responses = Response.objects.filter(survey=survey)
    if organisation_id is not None:
        responses = responses.filter(organisation_id=organisation_id)
    if channel is not None:
        responses = responses.filter(channel=channel)
    return responses


def survey_results(
    survey: Survey, *, with_texts: bool = False, organisation_id: int | None = None, channel: str | None = None
) -> Results:
    """The counts of every choice and scale value of each question, and (for the survey's owners
    only: with_texts) the free-text answers. Five queries, six with the texts, however many answers."""
    questions = list(survey.questions.prefetch_related("choices"))
    responses = filtered_responses(survey, organisation_id=organisation_id, channel=channel)
    total = responses.count()
    answers = Answer.objects.filter(response__in=responses.values("pk"))
    counts = {
        (row["question_id"], row["choice_id"], row["value"]): row["n"]
        for row in answers.exclude(question__kind=QuestionKind.TEXT)
        .values("question_id", "choice_id", "value")
        .annotate(n=Count("pk"))
    }
    answered = dict(
        answers.values("question_id").annotate(n=Count("response_id", distinct=True)).values_list("question_id", "n")
    )
    texts: dict[int, list[str]] = {}
    if with_texts:
        for question_id, text in (
            answers.filter(question__kind=QuestionKind.TEXT).order_by("pk").values_list("question_id", "text")
        ):
            texts.setdefault(question_id, []).append(text)
    results = []
    for question in questions:
        result = QuestionResult(question, answered=answered.get(question.pk, 0), texts=texts.get(question.pk, []))
        if question.has_choices:
            for choice in question.choices.all():
                n = counts.get((question.pk, choice.pk, None), 0)
                result.rows.append(Row(choice.label, n, _pct(n, result.answered)))
        elif question.kind == QuestionKind.SCALE:
            weighted = 0
            for value in question.scale_values:
                n = counts.get((question.pk, None, value), 0)
                weighted += n * value
                label = str(value)
                if value == question.scale_min and question.scale_min_label:
                    label = f"{value} ({question.scale_min_label})"
                elif value == question.scale_max and question.scale_max_label:
                    label = f"{value} ({question.scale_max_label})"
                result.rows.append(Row(label, n, _pct(n, result.answered)))
            result.mean = round(weighted / result.answered, 1) if result.answered else None
        results.append(result)
    return Results(survey, total, results)


@dataclass
class Reach:
    organisation_id: int | None
    name: str
    channel: str
    answers: int = 0
    links: int = 0
    links_used: int = 0


def survey_reach(survey: Survey) -> list[Reach]:
    """How many answers each NGO and channel brought, with the number of links made and used. Two queries."""
    reach: dict[tuple, Reach] = {}
    for row in (
        DistributionLink.objects.filter(survey=survey)
        .values("organisation_id", "organisation__name", "channel")
        .annotate(n=Count("pk"), used_n=Count("pk", filter=Q(used=True)))
    ):
        key = (row["organisation_id"], row["channel"])
        reach[key] = Reach(
            key[0], row["organisation__name"] or "", key[1], links=row["n"], links_used=row["used_n"] or 0
        )
    for row in (
        Response.objects.filter(survey=survey)
        .values("organisation_id", "organisation__name", "channel")
        .annotate(n=Count("pk"))
    ):
        key = (row["organisation_id"], row["channel"])
        item = reach.setdefault(key, Reach(key[0], row["organisation__name"] or "", key[1]))
        item.answers = row["n"]
    return sorted(reach.values(), key=lambda r: (-r.answers, r.name, r.channel))


def body_surveys(body):
    """A body's surveys for its own list, with the number of answers. One query."""
    return Survey.objects.filter(body=body).annotate(answer_count=Count("responses")).order_by("-opens_at")


def public_surveys():
    """Surveys anyone may answer now or whose results are published. One query."""
    return (
        Survey.objects.filter(Q(results_published=True) | Q(open_link=True))
        .select_related("body")
        .order_by("-opens_at")
    )


def results_rows(results: Results, *, with_texts: bool = False) -> list[list]:
    rows = [[_("Question"), _("Answer"), _("Answers"), _("Share (%)")]]
    for result in results.questions:
        for row in result.rows:
            rows.append([result.question.text, row.label, row.count, row.pct])
        if with_texts:
            rows.extend([result.question.text, text, "", ""] for text in result.texts)
    return [safe_row(row) for row in rows]


def results_csv(results: Results, *, with_texts: bool = False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(results_rows(results, with_texts=with_texts))
    return buffer.getvalue().encode("utf-8-sig")


def results_xlsx(results: Results, *, with_texts: bool = False) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Results")[:31]
    for row in results_rows(results, with_texts=with_texts):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
