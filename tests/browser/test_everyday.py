"""Everyday use in Chromium: the phone header's menu button, breadcrumbs on deep pages and a person's
own page, each walked with the keyboard where a person would, and axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import tab_to

pytestmark = pytest.mark.browser


def test_on_a_phone_the_menu_folds_behind_a_button_that_the_keyboard_opens_and_closes(page, axe_check):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/fi/")
    menu_button = page.locator("summary", has_text="Valikko")
    expect(menu_button).to_be_visible()
    expect(page.locator(".site-nav.wide-only")).to_be_hidden()
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < 90, f"the phone header is {header_height} px high"
    axe_check(page)
    # Tab from the top: skip link, brand, then the menu button; Enter opens it.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(menu_button).to_be_focused()
    page.keyboard.press("Enter")
    first_link = page.locator(".phone-menu-panel a", has_text="Toiminta")
    expect(first_link).to_be_visible()
    axe_check(page)
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(first_link).to_be_hidden()
    expect(menu_button).to_be_focused()
    # Reopened, a link leads on.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/toiminta/"))


def test_on_a_desktop_the_menu_is_in_the_header_without_a_button(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/fi/")
    expect(page.locator("summary", has_text="Valikko")).to_be_hidden()
    expect(page.locator(".site-nav.wide-only").get_by_role("link", name="Järjestöt")).to_be_visible()


def test_deep_pages_say_where_they_are_with_breadcrumbs(page, axe_check, sign_in):
    organisation = factories.organisation("Murupolun Yhdistys ry")
    person = factories.representative(organisation, role="admin")
    sign_in(person)
    page.goto(f"/fi/jarjestot/{organisation.slug}/muokkaa/")
    crumbs = page.locator("nav.breadcrumbs")
    expect(crumbs.get_by_role("link")).to_have_count(3)
    expect(crumbs.locator("[aria-current=page]")).to_be_visible()
    axe_check(page)
    crumbs.get_by_role("link", name="Murupolun Yhdistys ry").click()
    expect(page.locator("h1")).to_have_text("Murupolun Yhdistys ry")
    page.locator("nav.breadcrumbs").get_by_role("link", name="Järjestöt").click()
    expect(page).to_have_url(re.compile(r"/fi/jarjestot/$"))


def test_a_person_with_a_role_but_no_ngo_gets_an_explanation_and_a_coordinator_gets_counts(page, axe_check, sign_in):
    sign_in(factories.user(name="Jaana Kettunen"))
    page.goto("/fi/oma/")
    expect(page.locator("main")).to_contain_text("Tililläsi ei ole vielä roolia")
    expect(page.locator('main a[href="/fi/jarjestot/"]').first).to_be_visible()
    axe_check(page)
    body = factories.salo()
    factories.organisation("Tarkistettava ry", areas=[body])
    sign_in(factories.official(body))
    page.goto("/fi/oma/")
    card = page.locator(".role-card").first
    expect(card).to_contain_text("Salo")
    expect(card.locator(".task-waiting").first).to_contain_text("1")
    axe_check(page)


def test_by_keyboard_alone_a_resident_searches_the_directory_and_a_representative_edits_the_ngo(page, axe_check):
    organisation = factories.organisation(
        "Näppäimistön Omaishoitajat ry", short_description_fi="Vertaistukea omaishoitajille."
    )
    person = factories.representative(organisation, role="admin")
    page.goto("/fi/jarjestot/")
    tab_to(page, "#id_q")
    page.keyboard.type("omaishoitajat")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=omaishoitajat"))
    axe_check(page)
    tab_to(page, ".results a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Näppäimistön Omaishoitajat ry")
    # Sign in with the keyboard.
    page.goto("/fi/kirjaudu/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(person.email)
    page.keyboard.press("Tab")
    page.keyboard.type(factories.PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/oma/"))
    page.goto(f"/fi/jarjestot/{organisation.slug}/")
    tab_to(page, f"main a[href$='/{organisation.slug}/muokkaa/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/muokkaa/$"))
    axe_check(page)
    tab_to(page, "#id_phone", limit=600)
    page.keyboard.type("02 123 4567")
    # The part's own save button comes back to the part, with the note that it was saved.
    tab_to(page, "#section-contact button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#section-contact$"))
    expect(page.locator("#section-contact .saved-note")).to_be_visible()
    organisation.refresh_from_db()
    assert organisation.phone == "02 123 4567"
