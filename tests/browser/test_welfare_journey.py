"""The NGO coordinator of Salo self-assesses a criterion of the NGO-friendliness index (a reason too
short is refused first), and a resident reads the national table and Salo's index in Swedish — in
Chromium, signing in through the login page, axe-core on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.welfare import services
from kumppani.welfare.models import SelfAssessment
from tests import factories
from tests.grants import decided
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.browser


def test_the_coordinator_self_assesses_and_a_resident_reads_the_index_in_swedish(page, axe_check, sign_in, submit):
    year = timezone.localdate().year
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator", name="Päivi Koordinaattori")
    programme = grant_factories.programme(salo, principles_fi="Tuemme terveyttä edistävää toimintaa.")
    decided.meeting(programme)
    services.index_compute(body=salo, year=year, by=None)
    tampere = factories.tampere()
    factories.official(tampere, role="official")
    services.index_compute(body=tampere, year=year, by=None)

    sign_in(coordinator)
    page.goto(f"/fi/hyvinvointi/{salo.slug}/indeksi/")
    axe_check(page)
    submit(
        page.locator(f"a[href='/fi/hyvinvointi/{salo.slug}/indeksi/{year}/arvio/strategy_preparation/']"),
    )
    page.locator("input[name=status][value=met]").check()
    page.fill("#id_justification", "Lyhyt.")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator(".errorlist")).to_be_visible()
    assert SelfAssessment.objects.count() == 0
    page.fill("#id_justification", "Järjestöt olivat mukana kaupunkistrategian työpajoissa keväällä.")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("#criterion-strategy_preparation")).to_contain_text("kaupunkistrategian työpajoissa")

    page.context.clear_cookies()
    page.goto("/sv/hyvinvointi/indeksi/")
    axe_check(page)
    expect(page.locator("h1")).to_contain_text(f"Index för organisationsvänlig kommun {year}")
    submit(page.locator("main table a", has_text="Salo"))
    expect(page.locator("h1")).to_contain_text("organisationsvänlighet")
    expect(page.locator("#raise-heading")).to_have_text("Vad skulle höja poängen mest")
    expect(page.locator("#criterion-grants_board_decided")).to_contain_text("Uppfyllt")
    expect(page.locator("#criterion-strategy_preparation")).to_contain_text("Organisationskoordinatorns bedömning")
    expect(page.locator("main a[href^='/sv/alueet/']").first).to_be_visible()
