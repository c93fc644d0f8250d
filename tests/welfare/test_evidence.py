"""Experiential knowledge as a chapter's evidence: the knowledge reports and the survey results on
the chapter's theme, each with the NGO credited and a link; frozen when the council approves."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from kumppani.participation.knowledge.models import KnowledgeReport, ReportStatus
from kumppani.participation.surveys.models import Response, Survey
from kumppani.welfare import evidence, reports
from kumppani.welfare.models import Chapter, WelfareReport
from tests import factories
from tests.cooperation.record_world import LAST_YEAR

pytestmark = pytest.mark.django_db
YEAR = LAST_YEAR + 1


def aware(year, month, day, hour=12):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def knowledge(w, title, *, body=None, status=ReportStatus.SENT, sent=None, themes=(), topic="", ngo=None):
    item = KnowledgeReport.objects.create(
        organisation=ngo or w["ngo"],
        body=body or w["salo"],
        title=title,
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 3, 31),
        observations="Moni nuori kokee olevansa yksin.",
        public_summary=f"{title}: mitä olemme nähneet.",
        topic=topic,
        status=status,
        sent_at=sent or (aware(LAST_YEAR, 5, 1) if status != ReportStatus.DRAFT else None),
    )
    item.themes.set([factories.term(slug) for slug in themes])
    return item


def survey(w, title, *, published=True, year=LAST_YEAR, answers=(), **extra):
    item = Survey.objects.create(
        body=extra.pop("body", w["salo"]),
        slug=f"kysely-{Survey.objects.count() + 1}",
        title_fi=title,
        introduction_fi="Kerro, miten voit.",
        opens_at=aware(year, 3, 1),
        closes_at=aware(year, 3, 31),
        results_published=published,
        **extra,
    )
    for organisation, n in answers:
        for _ in range(n):
            Response.objects.create(survey=item, organisation=organisation)
    return item


@pytest.fixture
def evidence_world(world):
    w = world
    w["mind"] = knowledge(w, "Nuorten mieli", themes=["mielenterveys"])
    w["alone"] = knowledge(w, "Yksin kotona", topic="Yksinäisyys", ngo=w["other_ngo"])
    knowledge(w, "Luonnos", status=ReportStatus.DRAFT, themes=["mielenterveys"])
    knowledge(w, "Tampereelle", body=w["tampere"], themes=["mielenterveys"])
    knowledge(w, "Tänä vuonna", sent=aware(YEAR, 1, 15), themes=["mielenterveys"])
    knowledge(w, "Vertaistuesta", themes=["vertaistuki"])
    w["survey"] = survey(w, "Nuorten mielenterveyskysely", answers=[(w["ngo"], 2), (w["other_ngo"], 1), (None, 4)])
    survey(w, "Mielenterveys ja arki", published=False)  # results not published
    survey(w, "Liikuntakysely")  # another theme
    survey(w, "Mielenterveyskysely Tampereella", body=w["tampere"])
    survey(w, "Mielenterveyskysely", year=YEAR)  # another year
    report = reports.report_create(
        body=w["salo"], kind="yearly", first_year=LAST_YEAR, title="Hyvinvointikertomus", by=w["coordinator"]
    )
    w["report"] = report
    w["mind_chapter"] = reports.chapter_add(
        report=report, title="Mielenterveys", theme=factories.term("mielenterveys"), by=w["coordinator"]
    )
    w["alone_chapter"] = reports.chapter_add(report=report, title="Yksinäisyys", by=w["coordinator"])
    return w


def test_a_chapter_shows_the_knowledge_and_survey_results_on_its_theme(evidence_world):
    w = evidence_world
    with translation.override("en"):
        items = evidence.for_chapter(w["mind_chapter"])
        alone = evidence.for_chapter(w["alone_chapter"])
    assert [(e.kind, e.title) for e in items] == [
        ("knowledge", "Nuorten mieli"),
        ("survey", "Nuorten mielenterveyskysely"),
    ]
    knowledge_item, survey_item = items
    assert knowledge_item.credit == "Experiential knowledge from Salon Nuoret ry"
    assert knowledge_item.url == f"/en/kokemustieto/{w['mind'].pk}/"
    assert knowledge_item.date == f"1.5.{LAST_YEAR}"
    assert knowledge_item.summary == "Nuorten mieli: mitä olemme nähneet."
    assert survey_item.credit == "Answers gathered through Salon Nuoret ry (2 answers), Toinen ry (1 answers)"
    assert survey_item.url == f"/en/kyselyt/{w['survey'].slug}/tulokset/"
    # The chapter named as the report's topic.
    assert [(e.title, e.credit) for e in alone] == [("Yksin kotona", "Experiential knowledge from Toinen ry")]


def test_the_evidence_is_frozen_when_the_report_is_approved(evidence_world):
    w = evidence_world
    knowledge(w, "Toinen havainto", themes=["mielenterveys"])
    assert len(evidence.for_chapter(w["mind_chapter"])) == 3  # live before approval
    reports.report_submit(report=w["report"], by=w["coordinator"])
    reports.report_approve(report=w["report"], decision_date=dt.date(YEAR, 1, 5), section="9", by=w["coordinator"])
    with translation.override("en"):
        approved = evidence.for_chapter(Chapter.objects.get(pk=w["mind_chapter"].pk))
    knowledge(w, "Myöhemmin tullut", themes=["mielenterveys"])
    KnowledgeReport.objects.filter(pk=w["mind"].pk).update(title="Muutettu otsikko")
    with translation.override("en"):
        assert evidence.for_chapter(Chapter.objects.get(pk=w["mind_chapter"].pk)) == approved
    assert [e.title for e in approved] == ["Nuorten mieli", "Toinen havainto", "Nuorten mielenterveyskysely"]
    with translation.override("sv"):
        swedish = evidence.for_chapter(Chapter.objects.get(pk=w["mind_chapter"].pk))
    assert swedish[0].url.startswith("/sv/")


def test_the_evidence_takes_a_fixed_number_of_queries(evidence_world, django_assert_num_queries):
    """The evidence of every chapter of the page is read at once: the chapters, the knowledge reports
    and their themes, the surveys, their questions, the answers' NGOs and their names."""
    w = evidence_world

    def chapters():
        report = WelfareReport.objects.select_related("body").get(pk=w["report"].pk)
        return list(report.chapters.select_related("theme"))

    first = chapters()
    with django_assert_num_queries(7):
        assert [len(evidence.for_chapter(chapter)) for chapter in first] == [2, 1]
    for n in range(3):
        knowledge(w, f"Lisää {n}", themes=["mielenterveys"], ngo=factories.organisation(areas=[w["salo"]]))
        survey(w, f"Mielenterveys {n}", answers=[(factories.organisation(areas=[w["salo"]]), 1)])
        reports.chapter_add(report=w["report"], title=f"Luku {n}", by=w["coordinator"])
    more = chapters()
    with django_assert_num_queries(7):
        assert [len(evidence.for_chapter(chapter)) for chapter in more] == [8, 1, 0, 0, 0]
