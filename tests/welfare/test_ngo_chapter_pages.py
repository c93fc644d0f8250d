"""The coordinator generates the NGO chapter from the report's page; its figures show as tables
with each value linked to its list, and the chapters show their evidence."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.participation.knowledge.models import KnowledgeReport, ReportStatus
from kumppani.welfare import reports
from kumppani.welfare.models import Chapter, ChapterKind
from tests import factories
from tests.cooperation.record_world import LAST_YEAR
from tests.grants import decided

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_world(world):
    w = world
    decided.grant(w["salo"], year=LAST_YEAR, amount="1234.50", organisation=w["ngo"])
    item = KnowledgeReport.objects.create(
        organisation=w["ngo"],
        body=w["salo"],
        title="Nuorten mieli",
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 3, 31),
        observations="Moni nuori kokee olevansa yksin.",
        public_summary="Nuoret kaipaavat kohtaamispaikkoja.",
        status=ReportStatus.SENT,
        sent_at=timezone.make_aware(dt.datetime(LAST_YEAR, 5, 1, 12)),
    )
    item.themes.set([factories.term("mielenterveys")])
    editor = factories.official(w["salo"], "official", name="Eeva Editori")
    report = reports.report_create(
        body=w["salo"], kind="yearly", first_year=LAST_YEAR, title="Salon hyvinvointiraportti", by=w["coordinator"]
    )
    reports.chapter_add(
        report=report,
        title="Mielenterveys",
        theme=factories.term("mielenterveys"),
        editors=[editor],
        by=w["coordinator"],
    )
    w.update(report=report, editor=editor, knowledge=item)
    with translation.override("en"):
        w["url"] = reverse("welfare:report", args=[report.pk])
        w["generate"] = reverse("welfare:ngo_chapter_generate", args=[report.pk])
    return w


def test_the_coordinator_generates_the_chapter_through_the_page(client, page_world):
    w = page_world
    client.force_login(w["editor"])
    page = client.get(w["url"]).content.decode()
    assert "Generate the NGO chapter" not in page  # an editor does not
    assert client.post(w["generate"]).status_code == 403
    # The chapter's evidence, the NGO credited.
    assert f'href="/en/kokemustieto/{w["knowledge"].pk}/"' in page
    assert "Experiential knowledge from Salon Nuoret ry" in page

    client.force_login(w["coordinator"])
    page = client.get(w["url"]).content.decode()
    assert "Generate the NGO chapter" in page
    assert f'action="{w["generate"]}"' in page
    response = client.post(w["generate"], follow=True)
    chapter = Chapter.objects.get(kind=ChapterKind.NGO)
    assert response.redirect_chain[-1][0] == f"{w['url']}#chapter-{chapter.pk}"
    page = response.content.decode()
    assert "The NGO chapter has been generated" in page
    assert "Refresh the figures" in page
    assert "<caption>Grants to NGOs</caption>" in page
    decisions = f"/en/alueet/{w['salo'].slug}/avustuspaatokset/{LAST_YEAR}/"
    assert re.search(rf'<th scope="row">Granted {LAST_YEAR}</th><td><a href="{decisions}">1\xa0234,50\xa0€</a>', page)
    assert "<caption>Yearly negotiation</caption>" in page
    # Refreshing keeps the one chapter.
    client.post(w["generate"])
    assert Chapter.objects.filter(kind=ChapterKind.NGO).count() == 1


def test_only_a_post_by_someone_who_sees_the_report(client, page_world):
    w = page_world
    assert client.post(w["generate"]).status_code == 302  # to log in
    client.force_login(w["tampere_coordinator"])
    assert client.post(w["generate"]).status_code == 404
    client.force_login(w["coordinator"])
    assert client.get(w["generate"]).status_code == 405
    assert not Chapter.objects.filter(kind=ChapterKind.NGO).exists()


def test_the_approved_report_shows_the_figures_as_approved_and_no_button(client, page_world):
    w = page_world
    client.force_login(w["coordinator"])
    client.post(w["generate"])
    reports.report_submit(report=w["report"], by=w["coordinator"])
    reports.report_approve(
        report=w["report"], decision_date=dt.date(LAST_YEAR + 1, 1, 5), section="3", by=w["coordinator"]
    )
    decided.grant(w["salo"], year=LAST_YEAR, amount="1000.00")
    client.logout()
    page = client.get(w["url"]).content.decode()
    assert "1\xa0234,50\xa0€" in page and "2\xa0234,50\xa0€" not in page
    assert "as they were when the council approved the report" in page
    assert "Nuoret kaipaavat kohtaamispaikkoja." in page
    client.force_login(w["coordinator"])
    page = client.get(w["url"]).content.decode()
    assert "Refresh the figures" not in page and "Generate the NGO chapter" not in page
    response = client.post(w["generate"], follow=True)
    assert "An approved report no longer changes." in response.content.decode()


def test_the_report_page_with_the_ngo_chapter_reads_in_fixed_queries(client, page_world):
    w = page_world
    client.force_login(w["coordinator"])
    client.post(w["generate"])
    with CaptureQueriesContext(connection) as one:
        assert client.get(w["url"]).status_code == 200
    for n in range(3):
        decided.grant(w["salo"], year=LAST_YEAR, amount="100.00", themes=["nuoret"])
        item = KnowledgeReport.objects.get(pk=w["knowledge"].pk)
        item.pk = None
        item.title = f"Lisää {n}"
        item.save()
        item.themes.set([factories.term("mielenterveys")])
    with CaptureQueriesContext(connection) as many:
        page = client.get(w["url"]).content.decode()
    assert "Lisää 2" in page
    assert len(one) == len(many)
