"""A knowledge report's journey in Chromium, with axe-core on every page: an NGO writes what it has
seen and sends it to Sodankylä, the municipality's official answers it, and anyone reads the answer
beside the report's public summary on the municipality's list."""

import re

import pytest
from playwright.sync_api import expect

from kumppani.participation.knowledge.models import KnowledgeReport, ReportStatus
from tests import factories

pytestmark = pytest.mark.browser


def test_an_ngo_reports_the_body_answers_and_anyone_reads_it(page, axe_check, sign_in):
    sodankyla = factories.municipality("758")
    ngo = factories.organisation("Sodankylän Eläkeläiset ry", areas=[sodankyla])
    writer = factories.representative(ngo)
    official = factories.official(sodankyla, role="official")

    sign_in(writer)
    page.goto(f"/fi/kokemustieto/jarjesto/{ngo.slug}/uusi/")
    axe_check(page)
    page.select_option("#id_body", label="Sodankylä")
    page.fill("#id_title", "Yksinäisyys sivukylillä")
    page.fill("#id_period_start", "2026-01-01")
    page.fill("#id_period_end", "2026-06-30")
    page.fill("#id_observations", "Kyläkaupan sulkeuduttua moni jäi yksin.")
    page.fill("#id_public_summary", "Sivukylien ikäihmiset kaipaavat kohtaamisia.")
    page.fill("#id_quotes", "Ei täällä käy kukaan.")
    page.check("#id_quotes_consent")
    page.locator("main form button[type=submit]").click()
    report = KnowledgeReport.objects.get()
    expect(page).to_have_url(re.compile(rf"/kokemustieto/{report.pk}/$"))
    axe_check(page)
    page.locator(f"form[action$='/kokemustieto/{report.pk}/laheta/'] button").click()
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT

    sign_in(official)
    page.goto(report.get_absolute_url())
    axe_check(page)
    page.fill("#id_response", "Selvitämme asiointiliikennettä kylille.")
    page.locator(f"form[action$='/kokemustieto/{report.pk}/vastaa/'] button").click()
    report.refresh_from_db()
    assert report.status == ReportStatus.ANSWERED

    page.context.clear_cookies()
    page.goto(f"/fi/kokemustieto/alue/{sodankyla.slug}/")
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Yksinäisyys sivukylillä").click()
    axe_check(page)
    main = page.locator("main")
    expect(main).to_contain_text("Selvitämme asiointiliikennettä kylille.")
    expect(main).to_contain_text("Ei täällä käy kukaan.")
    expect(main).not_to_contain_text("Kyläkaupan sulkeuduttua")
