"""An event's journey in Chromium, with axe-core on every page: an NGO adds a weekly series and sends
it to Salo's calendar, Salo's event editor approves it, and a Swedish-speaking resident finds it in
the month view and adds it to their own calendar (.ics)."""

import pytest
from django.urls import reverse
from icalendar import Calendar
from playwright.sync_api import expect

from kumppani.events.models import Event
from tests import factories

pytestmark = pytest.mark.browser


def test_a_weekly_series_from_the_ngo_to_a_residents_calendar(page, axe_check, sign_in):
    salo = factories.salo()
    ngo = factories.organisation("Salon Kuoro ry", name_sv="Salo Kör rf", areas=[salo])
    singer = factories.representative(ngo)
    editor = factories.official(salo, role="official")

    # The NGO adds the series.
    sign_in(singer)
    page.goto(f"/fi/jarjestot/{ngo.slug}/tapahtumat/")
    axe_check(page)
    page.get_by_role("link", name="Lisää tapahtuma").click()
    expect(page.locator("h1")).to_have_text("Lisää tapahtuma")
    axe_check(page)
    page.fill("#id_name_fi", "Kuoroilta")
    page.fill("#id_name_sv", "Körkväll")
    page.fill("#id_short_description_sv", "Vi sjunger tillsammans.")
    page.fill("#id_start_date", "2026-12-08")
    page.fill("#id_start_time", "18:00")
    page.fill("#id_end_time", "20:00")
    page.select_option("#id_recurrence", "weekly")
    page.fill("#id_recurrence_until", "2027-02-23")
    page.fill("#id_cancelled_dates", "29.12.2026")
    page.fill("#id_street_address", "Kauppatori 1")
    page.fill("#id_postal_code", "24100")
    page.select_option("#id_municipality", label="Salo")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("h1")).to_contain_text("Lähetä kalentereihin")
    axe_check(page)
    page.get_by_label("Salo").check()
    page.get_by_role("button", name="Lähetä").click()
    expect(page.locator("main")).to_contain_text("Odottaa hyväksyntää")
    axe_check(page)
    event = Event.objects.get()
    assert event.occurrences.count() == 12

    # Salo's editor approves it from the queue on her own page.
    sign_in(editor)
    expect(page.locator("main")).to_contain_text("1 tapahtuma")
    axe_check(page)
    page.locator(f"main a[href$='{reverse('events:queue', args=['salo'])}']").first.click()
    expect(page.locator("h1")).to_have_text("Hyväksyntää odottavat tapahtumat")
    axe_check(page)
    page.get_by_role("button", name="Tallenna päätös").click()
    expect(page.locator("main")).to_contain_text("Mikään ei odota hyväksyntää")
    axe_check(page)

    # A resident finds it in the Swedish month view and takes it to her calendar.
    page.context.clear_cookies()
    page.goto("/sv/tapahtumat/?view=month&date=2026-12-01&body=salo")
    expect(page.locator("h1")).to_contain_text("Evenemang")
    expect(page.locator(".event-month")).to_contain_text("Körkväll")
    axe_check(page)
    page.locator(".event-month").get_by_role("link", name="Körkväll").first.click()
    expect(page.locator("h1")).to_have_text("Körkväll")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lägg till i min kalender (.ics)").click()
    with open(download.value.path(), "rb") as file:
        cal = Calendar.from_ical(file.read())
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Körkväll"
    assert vevent["RRULE"]["FREQ"] == ["WEEKLY"]

    # On a phone the month view does not scroll the page sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/sv/tapahtumat/?view=month&date=2026-12-01&body=salo")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)


def test_an_ngo_announces_its_booking_of_a_space_as_an_event(page, axe_check, sign_in):
    from kumppani.premises import services as premises_services
    from tests.premises import factories as premises

    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss, name_fi="Kokoushuone Kajava")
    ngo = factories.organisation("Salon Kuoro ry", areas=[salo])
    singer = factories.representative(ngo)
    day = premises.future_weekday(1)
    [booking] = premises.book(space, ngo, singer, day, 17, 20)
    premises_services.booking_decide(by=boss, booking=booking, approve=True)

    sign_in(singer)
    page.goto(f"/fi/tilat/varaukset/{booking.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Ilmoita tästä tapahtumana").click()
    expect(page.locator("h1")).to_have_text("Lisää tapahtuma")
    expect(page.locator("#id_space")).to_have_value(str(space.pk))
    expect(page.locator("#id_start_time")).to_have_value("17:00")
    axe_check(page)
    page.fill("#id_name_fi", "Kuoron avoin harjoitus")
    page.fill("#id_end_time", "21:00")  # past the booking: refused with a clear message
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("main")).to_contain_text("ei ole tähän tilaan vahvistettua varausta")
    axe_check(page)
    page.fill("#id_end_time", "19:30")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("h1")).to_contain_text("Lähetä kalentereihin")
    event = Event.objects.get()
    assert event.space == space and event.place_name_fi == "Kokoushuone Kajava"
    page.goto(event.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Kirjastonkatu 1")
    axe_check(page)
