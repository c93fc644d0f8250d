"""An NGO finds a free room by search, books a weekly series, the manager approves it and the NGO
downloads the calendar file — in Chromium, signing in through the login page, axe-core on every page."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from kumppani.premises.models import Booking, BookingStatus
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.browser


def test_an_ngo_books_a_weekly_room_the_manager_approves_and_the_ngo_gets_the_calendar(
    page, axe_check, sign_in, submit
):
    salo = factories.salo()
    boss = premises.manager(salo)
    premises.space(salo, by=boss, name_fi="Kirjaston kokoushuone", capacity=16, is_accessible=True)
    premises.space(salo, by=boss, name_fi="Pieni neuvotteluhuone", capacity=6, is_accessible=True)
    premises.space(salo, by=boss, name_fi="Yläkerran sali", capacity=40, is_accessible=False)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    rep = factories.representative(ngo, name="Timo Hakala")
    thursday = premises.future_weekday(3)

    sign_in(rep)
    page.goto("/fi/tilat/")
    expect(page.locator("h1")).to_have_text("Tiloja järjestöille")
    axe_check(page)
    page.select_option("#id_municipality", salo.slug)
    page.fill("#id_people", "15")
    page.check("#id_accessible")
    page.fill("#id_date", thursday.isoformat())
    page.fill("#id_start", "17:00")
    page.fill("#id_end", "19:00")
    submit(page.get_by_role("button", name="Hae", exact=True))
    results = page.locator(".results .result")
    expect(results).to_have_count(1)
    submit(results.get_by_role("link", name="Kirjaston kokoushuone"))
    expect(page.locator("h1")).to_have_text("Kirjaston kokoushuone")
    submit(page.get_by_role("link", name="Varaa tämä tila"))

    page.fill("#id_date", thursday.isoformat())
    page.fill("#id_start_time", "17:00")
    page.fill("#id_end_time", "19:00")
    page.check("#id_weekly")
    page.fill("#id_repeat_until", (thursday + dt.timedelta(weeks=4)).isoformat())
    page.fill("#id_purpose", "Omaishoitajien vertaistukiryhmä")
    page.fill("#id_people", "12")
    submit(page.get_by_role("button", name="Tarkista ajat"))
    expect(page.locator(".checklist li").first).to_contain_text("vapaana")
    submit(page.get_by_role("button", name="Varaa", exact=True))
    expect(page.locator(".messages")).to_contain_text("odottaa tilavastaavan hyväksyntää")
    bookings = list(Booking.objects.filter(organisation=ngo))
    assert len(bookings) >= 4 and {b.status for b in bookings} == {BookingStatus.REQUESTED}

    sign_in(boss)
    axe_check(page)
    submit(page.get_by_role("link", name=re.compile("Kirjaston kokoushuone")).first)
    page.check("#id_approve_0")
    page.check("#id_whole_series")
    submit(page.get_by_role("button", name="Tallenna päätös"))
    expect(page.locator(".messages")).to_contain_text("Varaus on vahvistettu")
    assert {b.status for b in Booking.objects.filter(organisation=ngo)} == {BookingStatus.CONFIRMED}

    sign_in(rep)
    submit(page.get_by_role("link", name=re.compile("Kirjaston kokoushuone")).first)
    expect(page.locator(".status")).to_have_text("Vahvistettu")
    with page.expect_download() as download:
        page.get_by_role("link", name="Lisää kalenteriin (.ics)").click()
    content = download.value.path().read_text(encoding="utf-8")
    assert content.count("BEGIN:VEVENT") == len(bookings)


def test_the_space_list_and_calendar_fit_a_phone(page, axe_check):
    salo = factories.salo()
    space = premises.space(salo, name_fi="Nuorisotila Kipinä")
    ngo = factories.organisation(areas=[salo])
    day = premises.future_weekday(1)
    premises.book(space, ngo, factories.representative(ngo), day)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fi/tilat/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
    page.goto(f"/fi/tilat/{space.slug}/?paiva={day.isoformat()}&nakyma=kuukausi")
    expect(page.locator("main")).to_contain_text("17.00–19.00")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
