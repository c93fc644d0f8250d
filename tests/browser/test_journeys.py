"""The register's journeys as people walk them, in Chromium, with axe-core on every page visited."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from kumppani.organisations import services
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale", ["sv-FI"])
def test_resident_searches_in_swedish_and_opens_a_profile(page, axe_check, locale):
    factories.organisation(
        "Porvoon Ikäihmisten Tuki ry",
        name_sv="Stöd för äldre i Borgå rf",
        short_description_sv="Kamratstöd och träffar för äldre och deras närstående.",
        areas=[factories.porvoo()],
        themes=[factories.term("vertaistuki")],
    )
    factories.organisation("Tampereen Shakkikerho ry", areas=[factories.tampere()])
    page.goto("/sv/")
    axe_check(page)
    page.fill("#home-q", "äldre")
    page.press("#home-q", "Enter")
    # The front page searches activities, NGOs and events together; the NGOs are one part of it.
    expect(page).to_have_url(re.compile(r"/sv/haku/\?q="))
    results = page.locator("#found-organisations + .found-list li")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Stöd för äldre i Borgå rf")
    axe_check(page)
    results.first.get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text("Stöd för äldre i Borgå rf")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    axe_check(page)


def test_representative_accepts_an_invitation_and_edits_the_ngo(page, axe_check):
    org = factories.organisation("Salon Omaishoitajat ry", areas=[factories.salo()])
    coordinator = factories.official(factories.salo())
    _invitation, token = services.invitation_create_for_organisation(
        organisation=org, by=coordinator, email="sihteeri@omaishoitajat.example"
    )
    link = re.search(r"https?://\S+/kutsu/\S+/", mail.outbox[-1].body).group(0)
    assert link.endswith(f"/kutsu/{token}/")
    page.goto("/" + link.split("://", 1)[1].split("/", 1)[1])
    axe_check(page)
    page.fill("#id_full_name", "Sanna Sihteeri")
    page.fill("#id_password", "Omaishoito-2026!")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Salon Omaishoitajat ry")
    page.locator(f"a[href$='/jarjestot/{org.slug}/muokkaa/']").click()
    expect(page).to_have_url(re.compile(r"/muokkaa/$"))
    axe_check(page)
    page.fill("#id_short_description_fi", "Vertaistukea ja virkistystä omaishoitajille Salossa.")
    theme = factories.term("omaishoito")
    page.check(f"input[name=themes][value='{theme.pk}']")
    page.fill("#id_contacts-0-name", "Sanna Sihteeri")
    page.locator("main form button[name=close]").click()
    expect(page.locator(".lead")).to_have_text("Vertaistukea ja virkistystä omaishoitajille Salossa.")
    axe_check(page)
    org.refresh_from_db()
    assert [t.slug for t in org.themes.all()] == ["omaishoito"]
    assert org.contact_persons.get().name == "Sanna Sihteeri"


def test_coordinator_signs_in_and_verifies_an_ngo(page, axe_check):
    org = factories.organisation("Salon Muistiyhdistys ry", areas=[factories.salo()])
    factories.official(factories.salo(), email="koordinaattori@salo.example")
    page.goto("/fi/kirjaudu/")
    axe_check(page)
    page.fill("#id_username", "koordinaattori@salo.example")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fi/oma/$"))
    axe_check(page)
    page.locator(f"form[action$='/jarjestot/{org.slug}/vahvista/'] button").click()
    expect(page.locator(".message")).to_be_visible()
    assert Organisation.objects.get(pk=org.pk).verified_at is not None
    page.goto(org.get_absolute_url())
    expect(page.locator(".badge.verified")).to_be_visible()
    axe_check(page)
