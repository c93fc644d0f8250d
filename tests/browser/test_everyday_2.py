"""Everyday use in Chromium, continued: the directories' filters reached from the top on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.activities.factories import activity as make_activity
from tests.browser.conftest import tab_to

pytestmark = pytest.mark.browser


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


def test_a_click_on_the_map_gives_the_place_its_coordinates_even_when_the_tiles_do_not_load(page, axe_check, sign_in):
    ngo = factories.organisation("Karttayhdistys ry", areas=[factories.salo()])
    sign_in(factories.representative(ngo))
    page.route(re.compile(r"^https://tile\.openstreetmap\.org/"), lambda route: route.abort())  # unreachable
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/fi/jarjestot/{ngo.slug}/toiminta/uusi/")
    map_box = page.locator(".place-map").first
    expect(map_box).to_be_visible()
    axe_check(page)
    latitude = page.locator("input[name$='0-latitude']")
    longitude = page.locator("input[name$='0-longitude']")
    expect(latitude).to_have_value("")
    map_box.click(position={"x": 150, "y": 120})
    expect(latitude).not_to_have_value("")
    lat, lng = float(latitude.input_value()), float(longitude.input_value())
    assert 59 < lat < 71 and 19 < lng < 32, (lat, lng)  # somewhere in Finland's view
    # The fields stay fields: typed coordinates move the marker and are what is saved.
    latitude.fill("60.38312")
    longitude.fill("23.12581")
    expect(latitude).to_have_value("60.38312")


def test_without_javascript_the_coordinates_are_plain_fields(browser, live_server, sign_in):
    ngo = factories.organisation("Karttayhdistys ry", areas=[factories.salo()])
    person = factories.representative(ngo)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(person, page=page)
    page.goto(f"/fi/jarjestot/{ngo.slug}/toiminta/uusi/")
    expect(page.locator("input[name$='0-latitude']")).to_be_visible()
    expect(page.locator(".place-map")).to_have_count(0)
    context.close()


LONG_EMAIL = "toiminnanjohtaja.yhteydenotot.ja.jasenasiat@esimerkkiyhdistyksen-hyvin-pitka-verkkotunnus.fi"
LONG_WEBSITE = "https://www.esimerkkiyhdistyksen-hyvin-pitka-verkkotunnus.fi/toimintamme/vertaistukiryhmat-ja-kerhot"


def test_long_email_and_web_addresses_wrap_on_a_phone(page):
    """The page fixture loads both pages again at 390 px and 1366 px, in Finnish and in Swedish, and
    fails if either is wider than the window; here the addresses are seen whole within it."""
    salo = factories.salo()
    ngo = factories.organisation(
        "Pitkien Osoitteiden Yhdistys ry", areas=[salo], email=LONG_EMAIL, website=LONG_WEBSITE
    )
    item = make_activity(ngo, "Pitkän osoitteen kerho", areas=[salo], email=LONG_EMAIL, website=LONG_WEBSITE)
    page.set_viewport_size({"width": 390, "height": 800})
    for path in (f"/fi/jarjestot/{ngo.slug}/", f"/fi/toiminta/{item.slug}/"):
        page.goto(path)
        for link in (page.locator(f"a[href='mailto:{LONG_EMAIL}']"), page.locator(f"main a[href='{LONG_WEBSITE}']")):
            expect(link).to_be_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (path, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_the_skip_link_activated_by_keyboard_moves_the_focus_to_the_main_content(page, axe_check):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/fi/toiminta/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # shown when focused
    axe_check(page)
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")  # and the next stop is inside the main content, not the header
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def test_by_keyboard_alone_a_nurse_collects_activities_saves_the_client_list_and_opens_it(page, axe_check):
    from kumppani.activities.models import ClientList

    salo = factories.salo()
    ngo = factories.organisation("Näppäinyhdistys ry", areas=[salo])
    for name in ("Näppäinkerho", "Näppäinryhmä"):
        make_activity(ngo, name, areas=[salo], description_fi="Tukea ja seuraa.")
    page.goto("/fi/toiminta/")
    tab_to(page, "#id_q")
    page.keyboard.type("näppäin")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=n"))
    expect(page.locator(".results .result")).to_have_count(2)
    for count in (1, 2):
        tab_to(page, ".results form[action$='/lisaa/'] button")
        page.keyboard.press("Enter")
        expect(page.locator(".client-list-link")).to_contain_text(f"({count})")
    axe_check(page)
    tab_to(page, ".client-list-link")
    page.keyboard.press("Enter")
    expect(page.locator(".client-draft > li")).to_have_count(2)
    tab_to(page, "#id_title")
    page.keyboard.type("Sinulle sopivaa toimintaa")
    tab_to(page, "main form button[type=submit]:not(.secondary)")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Sinulle sopivaa toimintaa")
    saved = ClientList.objects.get()
    expect(page).to_have_url(re.compile(rf"/ohjauslista/{saved.token}/$"))
    expect(page.locator(".client-item")).to_have_count(2)
    axe_check(page)
    # Opened again from its address, as the client would.
    page.goto(f"/fi/ohjauslista/{saved.token}/")
    expect(page.locator(".client-item")).to_have_count(2)
