"""Experiential knowledge as a chapter's evidence: the knowledge reports NGOs sent to the body in the
report's years on the chapter's theme (or naming the chapter as their topic), and the published
results of the body's surveys of those years that speak of the theme, each with the NGOs credited
(the one that wrote the report; the ones whose links brought the survey's answers) and a link.

Live until the report is approved; then read from `Chapter.frozen` (stored by `ngo_chapter.freeze`).
A fixed number of queries per chapter."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kumppani.organisations.models import Organisation
from kumppani.participation.surveys.models import Response, Survey
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


def _knowledge(chapter: Chapter) -> list[Evidence]:
    match = Q(topic__iexact=chapter.title.strip())
    if chapter.theme_id:
        match |= Q(pk__in=received_knowledge(chapter.report).filter(themes=chapter.theme_id).values("pk"))
    reports = received_knowledge(chapter.report).filter(match).select_related("organisation").order_by("-sent_at", "pk")
    return [
        Evidence(
            KNOWLEDGE,
            item.title,
            _("Experiential knowledge from %(ngo)s") % {"ngo": item.organisation.name},
            Truncator(item.public_summary).words(SUMMARY_WORDS),
            date(timezone.localtime(item.sent_at).date()) if item.sent_at else "",
            reverse("participation:knowledge_detail", args=[item.pk]),
        )
        for item in reports
    ]


def _surveys(chapter: Chapter) -> list[Evidence]:
    stems = _stems(chapter)
    if not stems:
        return []
    report = chapter.report
    match = Q()
    for stem in stems:
        for language, _name in settings.LANGUAGES:
            match |= Q(**{f"title_{language}__icontains": stem})
            match |= Q(**{f"introduction_{language}__icontains": stem})
            match |= Q(**{f"questions__text_{language}__icontains": stem})
    surveys = list(
        Survey.objects.filter(
            match,
            body=report.body,
            results_published=True,
            barometer_year__isnull=True,
            closes_at__date__gte=dt.date(report.first_year, 1, 1),
            closes_at__date__lte=dt.date(report.last_year, 12, 31),
        )
        .distinct()
        .order_by("-closes_at", "pk")
    )
    if not surveys:
        return []
    answers = list(
        Response.objects.filter(survey__in=surveys, organisation__isnull=False)
        .values("survey_id", "organisation_id")
        .annotate(n=Count("pk"))
        .order_by("survey_id", "-n", "organisation_id")
    )
    names = Organisation.objects.in_bulk({row["organisation_id"] for row in answers})
    credited: dict[int, list[str]] = {}
    for row in answers:
        credited.setdefault(row["survey_id"], []).append(
            _("%(ngo)s (%(answers)s answers)")
            % {"ngo": names[row["organisation_id"]].name, "answers": number(row["n"])}
        )
    return [
        Evidence(
            SURVEY,
            survey.title,
            _("Answers gathered through %(ngos)s") % {"ngos": ", ".join(credited[survey.pk])}
            if survey.pk in credited
            else _("Survey of %(body)s") % {"body": report.body.name},
            Truncator(survey.introduction).words(SUMMARY_WORDS),
            date(timezone.localtime(survey.closes_at).date()),
            reverse("participation:survey_results", args=[survey.slug]),
        )
        for survey in surveys
    ]


def live(chapter: Chapter) -> list[Evidence]:
    """The chapter's evidence from the current data, in the active language."""
    return _knowledge(chapter) + _surveys(chapter)


def for_chapter(chapter: Chapter) -> list[Evidence]:
    """The chapter's evidence: live until the report is approved, then as it was at approval."""
    if chapter.report.status == ReportStatus.APPROVED and "evidence" in chapter.frozen:
        stored = chapter.frozen["evidence"]
        language = (translation.get_language() or "fi")[:2]
        rows = stored.get(language) or stored.get("fi") or []
        return [Evidence(**row) for row in rows]
    return live(chapter)
