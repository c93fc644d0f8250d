"""A resident searches from the front page and sees activities, NGOs and coming events side by side,
on a phone and on a desktop, and a search that finds nothing in a directory points to the others."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.events.models import HELSINKI
from tests import factories
from tests.activities.factories import activity
from tests.events import factories as events

pytestmark = pytest.mark.browser


@pytest.fixture
def world():
    day = timezone.localtime(timezone.now(), HELSINKI).date() + dt.timedelta(days=2)
    ngo = factories.organisation("Salon Omaishoitajat ry", themes=[factories.term("vertaistuki")])
    activity(ngo, "Omaishoitajien vertaistukiryhmä", areas=[factories.salo()])
    events.published(ngo, name_fi="Omaishoitajien kahvila", name_sv="Närståendevårdarnas kafé", day=day)
    return ngo


@pytest.mark.parametrize("width", [390, 1366])
def test_the_front_page_search_finds_activities_ngos_and_events_together(page, axe_check, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/en/")
    page.get_by_label("Search activities, NGOs and events").fill("omaishoitajat")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/haku/\?q=omaishoitajat"))
    results = page.locator(".search-all > section")
    expect(results).to_have_count(3)
    expect(results.nth(0).get_by_role("link", name="Omaishoitajien vertaistukiryhmä")).to_be_visible()
    expect(results.nth(1).get_by_role("link", name="Salon Omaishoitajat ry")).to_be_visible()
    expect(results.nth(2).get_by_role("link", name="Omaishoitajien kahvila")).to_be_visible()
    axe_check(page)
    boxes = [results.nth(n).bounding_box() for n in range(3)]
    if width == 1366:
        assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"], "side by side on a desktop"
    else:
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], "one under another on a phone"
    results.nth(1).get_by_role("link", name=re.compile("Show all 1")).click()
    expect(page).to_have_url(re.compile(r"/en/jarjestot/\?q=omaishoitajat"))
    expect(page.get_by_role("link", name="Salon Omaishoitajat ry")).to_be_visible()


def test_a_swedish_search_page_marks_finnish_only_names(page, axe_check, world):
    page.goto("/sv/haku/?q=omaishoitajat")
    name = page.locator(".search-all [lang=fi]", has_text="Omaishoitajien vertaistukiryhmä")
    expect(name).to_be_visible()
    expect(page.get_by_role("link", name="Närståendevårdarnas kafé")).to_be_visible()
    axe_check(page)


def test_a_search_without_results_shows_what_to_try_instead_of_empty_filter_boxes(page, axe_check, world):
    from kumppani.core.models import PublicBody

    county = PublicBody.objects.get(slug="varsinais-suomen-hyvinvointialue")
    turku = PublicBody.objects.get(kind="municipality", code="853")
    factories.organisation("Turun Shakkikerho ry", areas=[turku])
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/en/jarjestot/?q=shakki&body=salo")
    box = page.locator(".no-results")
    expect(box).to_be_visible()
    expect(page.locator(".filters")).to_have_count(0)
    axe_check(page)
    box.get_by_role("link", name=f"1 NGO in {county.name_en}").click()
    expect(page.get_by_role("link", name="Turun Shakkikerho ry")).to_be_visible()
