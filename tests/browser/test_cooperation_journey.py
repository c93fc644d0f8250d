"""An official records a form of cooperation, the NGO confirms it, both sides mark last year's
realisation, and it shows on the NGO's record and on the board list of a grant meeting — in
Chromium, signing in through the login page, axe-core on every page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kumppani.cooperation import services
from kumppani.cooperation.models import CooperationForm, Realisation
from tests import factories

pytestmark = pytest.mark.browser

LAST_YEAR = dt.date.today().year - 1


def test_a_form_of_cooperation_from_recording_to_the_board_list(page, axe_check, sign_in, submit):
    from kumppani.grants.models import ApplicationStatus
    from kumppani.grants.services import decisions
    from tests.grants import factories as grants

    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator", name="Päivi Salminen")
    official = factories.official(salo, "official", name="Mikko Virtanen")
    sector = services.sector_save(body=salo, name_fi="Vanhuspalvelut", by=coordinator)
    services.sector_officials_set(sector=sector, officials=[official], by=coordinator)
    ngo = factories.organisation("Salon Seudun Omaishoitajat ry", areas=[salo])
    rep = factories.representative(ngo, name="Timo Hakala")
    secretary = factories.official(salo, "board_secretary", name="Riitta Mäkelä")
    programme = grants.programme(salo, appropriation=Decimal("10000.00"))
    application = grants.application(programme, ngo, status=ApplicationStatus.IN_REVIEW)
    meeting = decisions.meeting_create(
        programme=programme,
        by=secretary,
        board_name_fi="Sosiaali- ja terveyslautakunta",
        date=dt.date.today(),
        section="42",
        rectification_address="Salon kaupunki, PL 77, 24101 Salo",
    )
    decisions.proposal_set(
        meeting=meeting, by=secretary, rows=[decisions.ProposalRow(application, Decimal("500"), "Perustelu.")]
    )

    # The official records the form of cooperation.
    sign_in(official)
    page.goto(f"/fi/yhteistyo/{salo.slug}/")
    axe_check(page)
    submit(page.locator(f'a[href="/fi/yhteistyo/{salo.slug}/uusi/"]'))
    page.select_option("#id_sector", str(sector.pk))
    page.select_option("#id_organisations", str(ngo.pk))
    page.check("#id_category_1")  # practical
    page.select_option("#id_kind", "seat")
    page.fill("#id_title", "Omaishoitajien edustus vanhuspalvelujen työryhmässä")
    page.fill("#id_description", "Yhdistyksen edustaja osallistuu työryhmän kokouksiin.")
    page.fill("#id_starts_on", f"{LAST_YEAR}-01-01")
    page.fill("#id_frequency", "Kuusi kokousta vuodessa")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("h1")).to_have_text("Omaishoitajien edustus vanhuspalvelujen työryhmässä")
    form = CooperationForm.objects.get()

    # The NGO confirms it and writes its view of last year.
    sign_in(rep)
    page.goto(f"/fi/yhteistyo/muodot/{form.uuid}/")
    axe_check(page)
    submit(page.locator("form[action$='/vahvista/'] button"))
    assert form.partners.get().confirmed_by == rep
    page.select_option("#id_ngo-period", f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31")
    page.check("#id_ngo-outcome_0")
    page.fill("#id_ngo-note", "Osallistuimme kaikkiin kokouksiin.")
    submit(page.locator("#ngo-side button[type=submit]"))

    # The official marks the body's side.
    sign_in(official)
    page.goto(f"/fi/yhteistyo/muodot/{form.uuid}/")
    page.select_option("#id_body-period", f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31")
    page.check("#id_body-outcome_0")
    page.fill("#id_body-note", "Edustaja oli mukana kuudessa kokouksessa.")
    submit(page.locator("#body-side button[type=submit]"))
    realisation = Realisation.objects.get()
    assert (realisation.outcome, realisation.ngo_outcome) == ("realised", "realised")
    expect(page.locator("main table")).to_contain_text("Osallistuimme kaikkiin kokouksiin.")

    # Everyone sees it on the NGO's record; the notes only the two sides.
    page.context.clear_cookies()
    page.goto(f"/fi/yhteistyo/{salo.slug}/jarjestot/{ngo.slug}/")
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Omaishoitajien edustus vanhuspalvelujen työryhmässä")
    expect(page.locator("main")).not_to_contain_text("Osallistuimme kaikkiin kokouksiin.")

    # The board list of the grant meeting shows it with last year's realisation.
    sign_in(secretary)
    page.goto(reverse("grants:board_list", args=[meeting.pk]))
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Omaishoitajien edustus vanhuspalvelujen työryhmässä")
    expect(page.locator("main")).to_contain_text(str(LAST_YEAR))
