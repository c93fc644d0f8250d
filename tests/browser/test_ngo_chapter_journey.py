"""The coordinator generates the NGO chapter of Salo's yearly welfare report on its page, and the
figures show as tables whose values link to their lists — in Chromium, axe-core on every page."""

import datetime as dt
import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.cooperation.governance.models import MeasureStatus, Negotiation, NegotiationMeasure
from kumppani.participation.knowledge.models import KnowledgeReport, ReportStatus
from kumppani.welfare import reports
from tests import factories
from tests.grants import decided

pytestmark = pytest.mark.browser
LAST_YEAR = timezone.localdate().year - 1


def test_the_coordinator_generates_the_ngo_chapter(page, axe_check, sign_in):
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator", name="Päivi Koordinaattori")
    ngo = factories.organisation("Salon Mielenterveysseura ry", areas=[salo])
    decided.grant(salo, year=LAST_YEAR, amount="12500.00", organisation=ngo, themes=["mielenterveys"])
    item = KnowledgeReport.objects.create(
        organisation=ngo,
        body=salo,
        title="Nuorten mieli Salossa",
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 3, 31),
        observations="Moni nuori kokee olevansa yksin.",
        public_summary="Nuoret kaipaavat kohtaamispaikkoja, joissa aikuinen on läsnä.",
        status=ReportStatus.SENT,
        sent_at=timezone.make_aware(dt.datetime(LAST_YEAR, 5, 1, 12)),
    )
    item.themes.set([factories.term("mielenterveys")])
    negotiation = Negotiation.objects.create(body=salo, year=LAST_YEAR, created_by=coordinator)
    NegotiationMeasure.objects.create(
        negotiation=negotiation,
        goal="Nuorten yksinäisyys vähenee kaikissa Salon kylissä ja taajamissa",
        measure="Kerhoja kyliin.",
        status=MeasureStatus.DONE,
        follow_up="Kolme uutta kerhoa perustettiin Perniöön, Halikkoon ja Kiikalaan.",
    )
    report = reports.report_create(
        body=salo, kind="yearly", first_year=LAST_YEAR, title="Salon hyvinvointiraportti", by=coordinator
    )
    reports.chapter_add(report=report, title="Mielenterveys", theme=factories.term("mielenterveys"), by=coordinator)

    sign_in(coordinator)
    page.goto(f"/fi/hyvinvointi/kertomukset/{report.pk}/")
    axe_check(page)
    expect(page.get_by_text("Nuorten mieli Salossa")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Kokoa järjestöluku").click()
    axe_check(page)
    expect(page.get_by_role("button", name="Päivitä luvut")).to_be_visible()
    grants = page.get_by_role("table", name="Avustukset järjestöille")
    expect(grants.get_by_role("link", name="12\xa0500\xa0€").first).to_be_visible()
    shots = os.environ.get("NGOCHAP_SHOTS")
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        if shots:
            page.screenshot(path=f"{shots}/ngo-{width}.png", full_page=True)
