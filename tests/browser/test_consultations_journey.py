"""An NGO's representative drafts a statement, its admin sends it, the body closes the consultation
and publishes its response naming what the statement changed, and a resident reads which statements
changed what — in Chromium, signing in through the login page, axe-core on every page."""

import pytest
from playwright.sync_api import expect

from kumppani.participation.consultations.models import ConsultationStatus, StatementStatus
from tests.participation.consultations import helpers

pytestmark = pytest.mark.browser


def test_an_ngo_is_heard_and_a_resident_reads_what_its_statement_changed(page, axe_check, sign_in, submit):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    first, second = item.sections.all()

    sign_in(w["representative"])
    axe_check(page)  # the dashboard lists the open consultation
    submit(page.locator("main a", has_text=item.title).first)
    expect(page.locator("h1")).to_contain_text("Salon Omaishoitajat ry")
    page.fill(f"#id_section_{first.pk}", "Omaishoitajat tarvitsevat sijaishoitoa vapaapäivien ajaksi.")
    page.fill(f"#id_section_{second.pk}", "Vertaisryhmät kirjastoon.")
    page.fill("#id_summary", "Omaishoitajien vapaapäivät")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Luonnos, vain järjestönne näkee sen")

    sign_in(w["admin"])
    page.goto(item.get_absolute_url())
    axe_check(page)
    submit(page.locator("main a", has_text="luonnos"))
    submit(page.locator("main form button[type=submit]", has_text="Lähetä lausunto"))
    expect(page.locator("main")).to_contain_text("Lähetetty")

    sign_in(w["official"])
    page.goto(item.get_absolute_url())
    axe_check(page)
    submit(page.locator("main form button", has_text="Sulje kuuleminen nyt"))
    submit(page.locator("main a", has_text="Kirjoita vastaus"))
    page.fill("#id_heard", "Omaishoitajien jaksaminen nousi esiin.")
    page.fill("#id_changed", "Suunnitelmaan lisättiin sijaishoito omaishoitajien vapaiden ajaksi.")
    page.locator("main textarea[id^=id_link_]").fill("Sijaishoito omaishoitajien vapaiden ajaksi.")
    submit(page.locator("main form button[type=submit]"))
    submit(page.locator("main form button", has_text="Julkaise vastaus"))
    item.refresh_from_db()
    assert item.status == ConsultationStatus.RESPONDED
    assert item.statements.get().status == StatementStatus.SENT

    page.context.clear_cookies()
    page.goto(item.get_absolute_url())
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Omaishoitajien jaksaminen nousi esiin.")
    expect(page.locator("main")).to_contain_text("Tämä muuttui: Sijaishoito omaishoitajien vapaiden ajaksi.")
    submit(page.locator("main a", has_text="Salon Omaishoitajat ry").first)
    expect(page.locator("main")).to_contain_text("Sijaishoito omaishoitajien vapaiden ajaksi.")
    expect(page.locator("main")).to_contain_text("Omaishoitajat tarvitsevat sijaishoitoa")
