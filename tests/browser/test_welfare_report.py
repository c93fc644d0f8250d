"""The welfare report in Chromium: Salo's NGO coordinator opens a yearly report and adds a chapter
with a sector official as its editor; the editor finds the chapter on their own page and writes it
with a Sotkanet indicator; the coordinator generates the NGO chapter from the platform's data (the
year's grants by sector), sends the report for review and records the council's approval (a future
date is refused first); a resident reads the approved report with the NGO chapter's figures and
Salo's index in Swedish. axe-core on every page; the page fixture checks every page at 390 and 1366 px."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.cooperation import services as cooperation
from kumppani.welfare import services
from kumppani.welfare.models import Chapter, WelfareReport
from tests import factories
from tests.grants import decided as decided_grants
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.browser


def test_a_welfare_report_is_written_approved_and_read_in_swedish(page, axe_check, sign_in, submit):
    year = timezone.localdate().year
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator", name="Päivi Koordinaattori")
    editor = factories.official(salo, role="official", name="Olli Virkailija")
    sector = cooperation.sector_save(body=salo, name_fi="Nuorisopalvelut", name_sv="Ungdomstjänster", by=coordinator)
    cooperation.sector_officials_set(sector=sector, officials=[editor], by=coordinator)
    services.indicators_load_reference()
    services.index_compute(body=salo, year=year, by=None)
    # The year's grants: 1 500 € from the youth services' programme.
    youth_grants = grant_factories.programme(salo, "Nuorisoavustus", year=year, sector=sector)
    decided_grants.grant(programme=youth_grants, amount="1500.00")

    # The coordinator opens a yearly report from Salo's list of reports.
    sign_in(coordinator)
    page.goto(f"/fi/hyvinvointi/{salo.slug}/kertomukset/")
    axe_check(page)
    submit(page.get_by_role("link", name="Uusi kertomus"))
    page.locator("input[name=kind][value=yearly]").check()
    page.fill("#id_first_year", str(year))
    page.fill("#id_title", "Salon hyvinvointiraportti")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("h1")).to_have_text("Salon hyvinvointiraportti")
    report = WelfareReport.objects.get()

    # … and adds a chapter with the sector official as its editor.
    page.fill("#id_title", "Nuorten yksinäisyys")
    page.get_by_label("Olli Virkailija").check()
    submit(page.get_by_role("button", name="Lisää luku"))
    expect(page.locator(".chapter-list")).to_contain_text("Olli Virkailija")
    chapter = Chapter.objects.get()

    # The editor finds the chapter on their own page and writes it with an indicator.
    sign_in(editor)
    axe_check(page)
    submit(page.get_by_role("link", name="Nuorten yksinäisyys"))
    page.fill("#id_situation", "Joka kymmenes nuori kokee itsensä usein yksinäiseksi.")
    page.fill("#id_goals", "Jokaisella nuorella on turvallinen aikuinen.")
    page.get_by_label("Nuorisopalvelut").check()
    page.locator("input[name=indicators]").first.check()
    submit(page.get_by_role("button", name="Tallenna luku"))
    expect(page.locator(".chapter-list")).not_to_contain_text("ei vielä kirjoitettu")
    chapter.refresh_from_db()
    assert chapter.version == 2 and chapter.indicators.count() == 1

    # The coordinator generates the NGO chapter on the report's page: the year's grants by sector.
    sign_in(coordinator)
    page.goto(f"/fi/hyvinvointi/kertomukset/{report.pk}/")
    axe_check(page)
    submit(page.get_by_role("button", name="Kokoa järjestöluku"))
    grants = page.locator("table.ngo-figures", has_text="Avustukset järjestöille")
    expect(grants.locator("tr", has_text="Toimiala: Nuorisopalvelut")).to_contain_text(
        re.compile(r"1\s500\s€ \(1 avustusta\)")
    )
    assert Chapter.objects.filter(report=report, kind="ngo").exists()

    # … sends it for review and records the council's approval.
    page.goto(f"/fi/hyvinvointi/kertomukset/{report.pk}/tyo/")
    axe_check(page)
    submit(page.get_by_role("link", name="Lähetä tarkastettavaksi"))
    submit(page.get_by_role("button", name="Kyllä, lähetä tarkastettavaksi"))
    submit(page.get_by_role("link", name="Kirjaa valtuuston hyväksyntä"))
    future = timezone.localdate() + dt.timedelta(days=7)
    page.fill("#id_decision_date", future.isoformat())
    page.fill("#id_section", "87")
    submit(page.get_by_role("button", name="Hyväksy hyvinvointikertomus"))
    expect(page.locator(".error-summary")).to_contain_text("ei tulevaa päivää")
    assert WelfareReport.objects.get().status == "review"
    decided = timezone.localdate() - dt.timedelta(days=1)
    page.fill("#id_decision_date", decided.isoformat())
    submit(page.get_by_role("button", name="Hyväksy hyvinvointikertomus"))
    expect(page.locator("main")).to_contain_text(f"{decided.day}.{decided.month}.{decided.year}")

    # A resident reads the approved report and Salo's index in Swedish.
    page.context.clear_cookies()
    page.goto(f"/sv/hyvinvointi/{salo.slug}/kertomukset/")
    axe_check(page)
    submit(page.get_by_role("link", name="Salon hyvinvointiraportti"))
    expect(page.locator("main")).to_contain_text("§ 87")
    expect(page.locator("main")).to_contain_text("Joka kymmenes nuori")
    expect(page.locator("main h2[lang=fi]").first).to_have_text("Nuorten yksinäisyys")
    # The NGO chapter's figures, as they were at the approval, in Swedish.
    grants = page.locator("table.ngo-figures", has_text="Understöd till organisationer")
    expect(grants.locator("tr", has_text="Sektor: Ungdomstjänster")).to_contain_text(
        re.compile(r"1\s500\s€ \(1 understöd\)")
    )
    expect(grants.locator("tr", has_text=f"Beviljat {year}")).to_contain_text(re.compile(r"1\s500\s€"))
    page.goto(f"/sv/hyvinvointi/{salo.slug}/indeksi/")
    axe_check(page)
    expect(page.locator("h1")).to_contain_text("organisationsvänlighet")
