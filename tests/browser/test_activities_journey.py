"""A nurse finds activities for a client and gives them a list, in Chromium, with axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from kumppani.activities.models import ClientList
from tests import factories
from tests.activities.factories import activity
from tests.browser.conftest import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser


def _porvoo_activities():
    porvoo = factories.porvoo()
    seniors = factories.organisation("Borgå Seniorer rf", name_sv="Borgå Seniorer rf", areas=[porvoo])
    memory = factories.organisation("Porvoon Muistiyhdistys ry", name_sv="Minnesföreningen i Borgå rf", areas=[porvoo])
    house = {
        "name_sv": "Seniorhuset",
        "street_address": "Runebergsgatan 5",
        "postal_code": "06100",
        "municipality": porvoo,
    }
    common = {"areas": [porvoo], "target_groups": ["ikaantyneet"], "languages": ["sv"]}
    activity(
        seniors,
        "Seniorikahvila",
        name_sv="Seniorcafé",
        short_description_sv="Kaffe, samtal och sällskap för äldre.",
        places=[{**house, "is_accessible": True}],
        times=[(2, "13:00", "15:00")],
        phone="040 111 2222",
        themes=["yksinaisyys"],
        **common,
    )
    activity(
        memory,
        "Muistiryhmä",
        name_sv="Minnesgrupp",
        short_description_sv="Kamratstöd för personer med minnessjukdom och deras närstående.",
        places=[house],
        times=[(0, "10:00", "11:30")],
        email="info@minne.example",
        themes=["muistisairaudet", "vertaistuki"],
        **common,
    )
    activity(
        seniors,
        "Tuolijumppa",
        name_sv="Stolgympa",
        kind="recreation",
        short_description_sv="Lätt motion sittande, för alla åldrar.",
        places=[house],
        times=[(3, "10:00", "11:00")],
        is_free=False,
        fee="2.00",
        themes=["liikunta"],
        **common,
    )
    # Not for this client: Finnish only, and another town.
    activity(seniors, "Suomenkielinen lukupiiri", areas=[porvoo], target_groups=["ikaantyneet"], languages=["fi"])
    activity(seniors, "Tampereen ryhmä", areas=[factories.tampere()], target_groups=["ikaantyneet"], languages=["sv"])


@pytest.mark.parametrize("locale", ["sv-FI"])
def test_a_nurse_finds_three_activities_for_a_swedish_speaking_older_client_and_prints_a_list(page, axe_check, locale):
    _porvoo_activities()
    page.goto("/sv/toiminta/")
    expect(page.locator("h1")).to_have_text("Verksamhet")
    axe_check(page)

    page.select_option("#id_body", "porvoo")
    page.check("#language-sv")
    page.check("#target-ikaantyneet")
    page.get_by_role("button", name="Sök", exact=True).click()
    results = page.locator(".results .result")
    expect(results).to_have_count(3)
    expect(page.locator(".result-meta h2")).to_have_text("3 verksamheter")
    expect(results.filter(has_text="Seniorcafé")).to_contain_text("Onsdagar kl. 13–15")
    axe_check(page)

    for name in ("Seniorcafé", "Minnesgrupp"):
        page.locator(".result", has_text=name).get_by_role(
            "button", name=re.compile("Lägg till på hänvisningslistan")
        ).click()
        expect(page.locator(".message")).to_contain_text("Tillagd på hänvisningslistan")
    expect(page.locator(".client-list-link")).to_have_text("Hänvisningslista (2)")

    # The third one from its own page, after reading more about it.
    page.locator(".result", has_text="Stolgympa").get_by_role("link", name="Stolgympa").click()
    expect(page.locator("h1")).to_have_text("Stolgympa")
    expect(page.locator("main")).to_contain_text("Torsdagar kl. 10–11")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Lägg till på hänvisningslistan")).click()
    expect(page.locator(".client-list-link")).to_have_text("Hänvisningslista (3)")

    page.locator(".client-list-link").click()
    expect(page.locator("h1")).to_have_text("Hänvisningslista")
    expect(page.locator(".client-draft > li")).to_have_count(3)
    axe_check(page)
    page.check("input[name=language][value=sv]")
    page.fill("#id_title", "Verksamhet för dig i Borgå")
    page.fill("#id_note", "Ring gärna före första gången. Hälsningar, Anna")
    page.get_by_role("button", name="Spara och dela").click()

    saved = ClientList.objects.get()
    expect(page).to_have_url(re.compile(rf"/sv/ohjauslista/{saved.token}/$"))
    expect(page.locator("h1")).to_have_text("Verksamhet för dig i Borgå")
    expect(page.locator(".client-item")).to_have_count(3)
    expect(page.locator(".client-item", has_text="Seniorcafé")).to_contain_text("Runebergsgatan 5, 06100 Borgå")
    expect(page.locator(".client-item", has_text="Minnesgrupp")).to_contain_text("info@minne.example")
    print_button = page.get_by_role("button", name="Skriv ut")
    expect(print_button).to_be_visible()  # the script showed it
    axe_check(page)

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.locator(".print-footer")).to_be_visible()
    expect(page.locator(".print-footer")).to_contain_text(saved.token)
    screenshot(page, ARTIFACTS / "activities_journey_print.png")
    page.emulate_media(media="screen")

    # The same list in the nurse's Finnish address is still in Swedish: it is the client's.
    page.goto(f"/fi/ohjauslista/{saved.token}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_the_directory_on_a_phone_shows_results_before_filters(page, axe_check):
    _porvoo_activities()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fi/toiminta/?body=porvoo")
    results = page.locator(".results")
    filters = page.locator(".filters")
    expect(results).to_be_visible()
    assert results.bounding_box()["y"] < filters.bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sideways
    axe_check(page)
    page.locator(".result").first.get_by_role("link").first.click()
    expect(page).not_to_have_url(re.compile(r"\?body="))
    page.wait_for_load_state()  # the activity page, not the list it left
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
