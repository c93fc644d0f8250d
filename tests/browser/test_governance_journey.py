"""A body asks an NGO network for representatives to its council, the network's chair nominates
them, the body's coordinator confirms, and the public page of the council shows who represents NGOs
— in Chromium, signing in through the login page, axe-core on every page."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.cooperation.governance.models import NominationStatus, Seat
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.browser


def test_a_network_nominates_the_body_confirms_and_the_council_page_shows_the_representative(
    page, axe_check, sign_in, submit
):
    joensuu = factories.municipality("167")
    coordinator = factories.official(joensuu, role="coordinator", name="Kaisa Koordinaattori")
    ngo = factories.organisation("Joensuun Seudun Eläkeläiset ry", areas=[joensuu])
    chair = factories.user(name="Jaana Puheenjohtaja")
    network = gf.network(joensuu, chair=chair, members=[ngo], by=coordinator, name="Joensuun Paikallis-JANE")
    group = gf.group(joensuu, by=coordinator, name="Joensuun vanhusneuvosto", seats=1)
    today = timezone.localdate()

    sign_in(coordinator)
    page.goto(f"/fi/yhteistyo/ryhmat/{group.pk}/")
    axe_check(page)
    submit(page.locator(f"a[href='/fi/yhteistyo/ryhmat/{group.pk}/nimityspyynto/']"))
    page.select_option("#id_network", str(network.pk))
    page.fill("#id_seats", "1")
    page.fill("#id_deadline", (today + dt.timedelta(days=14)).isoformat())
    page.fill("#id_term_start", "2027-06-01")
    page.fill("#id_term_end", "2029-05-31")
    page.fill("#id_message", "Toivomme ikäihmisten arjen tuntevaa edustajaa.")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("h1")).to_contain_text("Joensuun vanhusneuvosto")

    sign_in(chair)
    axe_check(page)
    submit(page.locator("main a", has_text="Joensuun vanhusneuvosto").first)
    submit(page.locator("main a[href$='/nimea/']"))
    page.select_option("#id_organisation_1", str(ngo.pk))
    page.fill("#id_name_1", "Maija Meikäläinen")
    page.fill("#id_email_1", "maija@example.org")
    page.select_option("#id_deputy_organisation_1", str(ngo.pk))
    page.fill("#id_deputy_name_1", "Ville Varajäsen")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Maija Meikäläinen")

    sign_in(coordinator)
    axe_check(page)
    submit(page.locator("main a", has_text="Joensuun vanhusneuvosto").first)
    submit(page.locator("main form[action$='/vahvista/'] button"))
    assert Seat.objects.filter(group=group, name="Maija Meikäläinen").exists()
    assert group.nomination_requests.get().status == NominationStatus.CONFIRMED

    page.context.clear_cookies()
    page.goto(f"/fi/yhteistyo/ryhmat/{group.pk}/")
    axe_check(page)
    table = page.locator("main table")
    expect(table).to_contain_text("Maija Meikäläinen")
    expect(table).to_contain_text("Joensuun Seudun Eläkeläiset ry")
    expect(table).to_contain_text("Ville Varajäsen")
    expect(table).to_contain_text("1.6.2027–31.5.2029")
    page.goto("/fi/yhteistyo/alueet/joensuu/ryhmat/")
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Maija Meikäläinen")
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
