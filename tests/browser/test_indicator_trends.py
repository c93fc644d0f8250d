"""Porvoo's NGO coordinator enters an indicator value by hand (a wrong one is refused first) and
uploads a Sotkanet file (a malformed one is refused first); a resident reads the approved report with
the indicator's chart and table and finds its PDF and DOCX — in Chromium, axe-core on every page."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.welfare import reports, services
from kumppani.welfare.models import Indicator
from tests import factories

pytestmark = pytest.mark.browser
RECORDED = Path(__file__).resolve().parent.parent / "welfare" / "data" / "sotkanet_json_127_5.json"


def test_values_entered_and_imported_show_as_a_chart_with_its_table(page, axe_check, tmp_path, sign_in):
    services.indicators_load_reference()
    porvoo = factories.porvoo()
    coordinator = factories.official(porvoo, role="coordinator", name="Pia Koordinaattori")
    sign_in(coordinator)
    page.get_by_role("link", name="Indikaattoriarvot").first.click()
    axe_check(page)
    page.select_option("#id_indicator", label=str(Indicator.objects.get(sotkanet_id=5)))
    page.fill("#id_year", "2099")
    page.fill("#id_value", "6,4")
    page.get_by_role("button", name="Tallenna arvo").click()
    expect(page.locator(".error-summary, .errorlist").first).to_be_visible()
    page.fill("#id_year", "2024")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna arvo").click()
    expect(page.locator("main table")).to_contain_text("6,4")
    axe_check(page)

    page.get_by_role("link", name="Tuo Sotkanetin CSV- tai JSON-tiedosto").click()
    bad = tmp_path / "rikki.json"
    bad.write_text('[{"indicator": 5, "region": 961')
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Tuo", exact=True).click()
    expect(page.locator("main")).to_contain_text("ei ole kelvollista JSONia")
    axe_check(page)
    page.set_input_files("#id_file", str(RECORDED))
    with page.expect_navigation():
        page.get_by_role("button", name="Tuo", exact=True).click()
    expect(page.locator("main")).to_contain_text("6 arvoa tuotu")

    report = reports.report_create(body=porvoo, kind="yearly", first_year=2024, title="Porvoo 2024", by=coordinator)
    chapter = reports.chapter_add(report=report, title="Toimeentulo", by=coordinator)
    chapter.indicators.add(Indicator.objects.get(sotkanet_id=5))
    reports.report_submit(report=report, by=coordinator)
    reports.report_approve(
        report=report, decision_date=timezone.localdate() - dt.timedelta(days=1), section="7", by=coordinator
    )
    page.context.clear_cookies()
    page.goto(f"/sv/hyvinvointi/kertomukset/{report.pk}/")
    expect(page.locator("svg.trend-chart title")).to_have_count(1)
    expect(page.locator("table.trend-table caption")).to_contain_text("värdena per år")
    expect(page.locator("table.trend-table")).to_contain_text("6,4")
    expect(page.get_by_role("link", name=re.compile("PDF"))).to_have_count(2)
    axe_check(page)
    page.set_viewport_size({"width": 390, "height": 900})
    # On a phone the table shows all three areas without scrolling sideways: their names wrap.
    wrap = page.locator("figure.indicator-trend .table-wrap")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    page.locator("figure.indicator-trend").screenshot(
        path=str(Path(__file__).resolve().parent.parent / "artifacts" / "indicator-trend-390.png")
    )
