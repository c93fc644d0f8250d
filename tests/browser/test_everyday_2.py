"""Everyday use in Chromium, continued: the directories' filters reached from the top on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _reference_data(live_server):
    from kumppani.core import reference
    from kumppani.core.models import PublicBody

    if not PublicBody.objects.exists():
        reference.load_public_bodies()
        reference.load_vocabularies()


def in_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("path", ["/fi/jarjestot/", "/fi/toiminta/"])
def test_on_a_phone_a_link_at_the_top_takes_to_the_filters(page, axe_check, path):
    salo = factories.salo()
    for number in range(8):  # enough results to push the filters well below the first screen
        ngo = factories.organisation(f"Suodatinyhdistys {number} ry", areas=[salo])
        make_activity(ngo, f"Suodatinryhmä {number}", areas=[salo], themes=["mielenterveys"])
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(path + "?body=salo")
    jump = page.locator("a[href='#filters']")
    expect(jump).to_be_visible()
    assert in_first_screen(page, jump), "the link to the filters is not in the first screen"
    expect(jump).to_contain_text("1")  # one filter (Salo) is on
    chip = page.locator(".chips .chip").first
    expect(chip).to_contain_text("Salo")
    filters = page.locator("#filters")
    assert not in_first_screen(page, filters.locator("fieldset").first), "the filters were at the top already"
    axe_check(page)
    # By keyboard: Tab to the link and press Enter; the view and the focus move to the filters.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('href') === '#filters'"):
            break
    else:
        raise AssertionError("Tab never reached the link to the filters")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#filters$"))
    expect(filters).to_be_focused()
    legend = filters.locator("legend").first
    assert in_first_screen(page, legend), (legend.bounding_box(), filters.bounding_box(), page.evaluate("scrollY"))
    # The next Tab goes into the filters.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#filters') !== null")


def test_on_a_desktop_the_filters_are_beside_the_results_without_the_link(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    factories.organisation("Leveän Ruudun Yhdistys ry")
    page.goto("/fi/jarjestot/")
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator("a[href='#filters']")).to_be_hidden()
