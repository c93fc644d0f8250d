"""Experiential knowledge as a chapter's evidence: the knowledge reports NGOs sent to the body in the
report's years on the chapter's theme (or naming the chapter as their topic), and the published
results of the body's surveys of those years that speak of the theme, each with the NGOs credited
(the one that wrote the report; the ones whose links brought the survey's answers) and a link.

Live until the report is approved; then read from `Chapter.frozen` (stored by `ngo_chapter.freeze`).
A fixed number of queries per chapter."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kumppani.organisations.models import Organisation
from kumppani.participation.knowledge.models import KnowledgeReport
from kumppani.participation.surveys.models import Question, Response, Survey
from kumppani.welfare.models import Chapter, ReportStatus
from kumppani.welfare.ngo_chapter import date, number, received_knowledge

KNOWLEDGE, SURVEY = "knowledge", "survey"
SUMMARY_WORDS = 60


@dataclass(frozen=True)
class Evidence:
    kind: str  # "knowledge" | "survey"
    title: str
    credit: str  # the NGOs credited, as a sentence
    summary: str
    date: str  # as Finns write it
    url: str


def _stems(chapter: Chapter) -> list[str]:
    """The theme's names in every language, shortened a little so that Finnish inflections match
    ("yksinäisyys" → "yksinäisyy" finds "yksinäisyyttä")."""
    names = set()
    if chapter.theme is not None:
        for language, _name in settings.LANGUAGES:
            name = (getattr(chapter.theme, f"name_{language}", "") or "").strip()
            if name:
                names.add(name[: max(5, len(name) - 2)] if len(name) > 6 else name)
    return sorted(names)


def _knowledge(report, chapters: list[Chapter]) -> dict[int, list[Evidence]]:
    """Two queries: the reports received in the report's years, and their themes."""
    received = list(received_knowledge(report).select_related("organisation").order_by("-sent_at", "pk"))
    themes: dict[int, set[int]] = {}
    for report_id, term_id in KnowledgeReport.themes.through.objects.filter(
        knowledgereport__in=[item.pk for item in received]
    ).values_list("knowledgereport_id", "term_id"):
        themes.setdefault(report_id, set()).add(term_id)
    result = {}
    for chapter in chapters:
        title = chapter.title.strip().casefold()
        result[chapter.pk] = [
            Evidence(
                KNOWLEDGE,
                item.title,
                _("Experiential knowledge from %(ngo)s") % {"ngo": item.organisation.name},
                Truncator(item.public_summary).words(SUMMARY_WORDS),
                date(timezone.localtime(item.sent_at).date()) if item.sent_at else "",
                reverse("participation:knowledge_detail", args=[item.pk]),
            )
            for item in received
            if (chapter.theme_id and chapter.theme_id in themes.get(item.pk, ()))
            or (item.topic and item.topic.strip().casefold() == title)
        ]
    return result


def _surveys(report, chapters: list[Chapter]) -> dict[int, list[Evidence]]:
    """At most four queries: the body's published surveys of the years, their questions, and the
    NGOs whose links brought answers."""
    result: dict[int, list[Evidence]] = {chapter.pk: [] for chapter in chapters}
    stems = {chapter.pk: [stem.casefold() for stem in _stems(chapter)] for chapter in chapters}
    if not any(stems.values()):
        return result
    languages = [code for code, _name in settings.LANGUAGES]
    surveys = list(
        Survey.objects.filter(
            body=report.body,
            results_published=True,
            barometer_year__isnull=True,
            closes_at__date__gte=dt.date(report.first_year, 1, 1),
            closes_at__date__lte=dt.date(report.last_year, 12, 31),
        ).order_by("-closes_at", "pk")
    )
    if not surveys:
        return result
    texts: dict[int, list[str]] = {
        survey.pk: [
            (getattr(survey, f"{name}_{language}", "") or "").casefold()
            for name in ("title", "introduction")
            for language in languages
        ]
        for survey in surveys
    }
    for survey_id, *questions in Question.objects.filter(survey__in=surveys).values_list(
        "survey_id", *(f"text_{language}" for language in languages)
    ):
        texts[survey_id] += [(text or "").casefold() for text in questions]
    matching = {
        chapter.pk: [s for s in surveys if any(stem in text for stem in stems[chapter.pk] for text in texts[s.pk])]
        for chapter in chapters
    }
    used = {s.pk: s for found in matching.values() for s in found}
    answers = list(
        Response.objects.filter(survey__in=list(used), organisation__isnull=False)
        .values("survey_id", "organisation_id")
        .annotate(n=Count("pk"))
        .order_by("survey_id", "-n", "organisation_id")
    )
    names = Organisation.objects.in_bulk({row["organisation_id"] for row in answers}) if answers else {}
    credited: dict[int, list[str]] = {}
    for row in answers:
        credited.setdefault(row["survey_id"], []).append(
            _("%(ngo)s (%(answers)s answers)")
            % {"ngo": names[row["organisation_id"]].name, "answers": number(row["n"])}
        )

    def item(survey) -> Evidence:
        return Evidence(
            SURVEY,
            survey.title,
            _("Answers gathered through %(ngos)s") % {"ngos": ", ".join(credited[survey.pk])}
            if survey.pk in credited
            else _("Survey of %(body)s") % {"body": report.body.name},
            Truncator(survey.introduction).words(SUMMARY_WORDS),
            date(timezone.localtime(survey.closes_at).date()),
            reverse("participation:survey_results", args=[survey.slug]),
        )

    return {pk: [item(survey) for survey in found] for pk, found in matching.items()}


def for_report(report, chapters: list[Chapter]) -> dict[int, list[Evidence]]:
    """{chapter id: its evidence} from the current data, in the active language: a fixed number of
    queries however many chapters, reports and surveys."""
    knowledge = _knowledge(report, chapters)
    surveys = _surveys(report, chapters)
    return {chapter.pk: knowledge[chapter.pk] + surveys[chapter.pk] for chapter in chapters}


def live(chapter: Chapter) -> list[Evidence]:
    """The chapter's evidence from the current data, in the active language."""
    return for_report(chapter.report, [chapter])[chapter.pk]


def for_chapter(chapter: Chapter) -> list[Evidence]:
    """The chapter's evidence: live until the report is approved, then as it was at approval (an
    approved report with nothing stored shows none). The live evidence of all the report's chapters
    is read at once and kept on the report object for the rest of the page."""
    report = chapter.report
    if report.status == ReportStatus.APPROVED:
        stored = chapter.frozen.get("evidence") or {}
        language = (translation.get_language() or "fi")[:2]
        rows = stored.get(language) or stored.get("fi") or []
        return [Evidence(**row) for row in rows]
    language = translation.get_language()
    cache = getattr(report, "_welfare_evidence", None)
    if cache is None or cache[0] != language or chapter.pk not in cache[1]:
        chapters = list(report.chapters.select_related("theme").order_by("position", "pk"))
        if chapter.pk not in {c.pk for c in chapters}:
            chapters.append(chapter)
        cache = (language, for_report(report, chapters))
        report._welfare_evidence = cache
    return cache[1][chapter.pk]
