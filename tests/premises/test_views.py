"""The pages: finding a space, its calendar, booking with a check of the dates, deciding, the
calendar file, the manager's pages and the usage report. Every list pins its number of queries."""

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from kumppani.core.collation import sort_key
from kumppani.premises import services
from kumppani.premises.models import Booking, BookingStatus, Space
from tests import factories
from tests.premises import factories as premises

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("error::RuntimeWarning")]


@pytest.fixture
def world():
    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss, capacity=15, is_accessible=True, equipment_codes=["wifi"])
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {"salo": salo, "boss": boss, "space": space, "ngo": ngo, "rep": factories.representative(ngo)}


def _more_spaces(body, count):
    boss = premises.manager(body)
    for n in range(count):
        premises.space(body, by=boss, name_fi=f"Tila {n}", capacity=30, is_accessible=True, equipment_codes=["wifi"])


def test_the_list_finds_an_accessible_room_for_fifteen_free_on_a_thursday_evening(client, world):
    thursday = premises.future_weekday(3)
    taken = premises.space(world["salo"], by=world["boss"], name_fi="Varattu sali", capacity=40, is_accessible=True)
    premises.book(taken, world["ngo"], world["rep"], thursday, 17, 20)
    premises.space(world["salo"], by=world["boss"], name_fi="Pieni huone", capacity=6, is_accessible=True)
    premises.space(factories.tampere(), name_fi="Tampereen sali", capacity=50, is_accessible=True)
    response = client.get(
        reverse("premises:list"),
        {
            "municipality": world["salo"].slug,
            "people": 15,
            "accessible": "on",
            "date": thursday.isoformat(),
            "start": "18:00",
            "end": "20:00",
        },
    )
    assert response.status_code == 200
    names = [space.name for space in response.context["page"]]
    assert names == ["Kokoushuone Kajava"]


def test_the_list_on_a_holiday_shows_nothing_free(client, world):
    year = premises.future_weekday(0).year + 1
    response = client.get(reverse("premises:list"), {"date": f"{year}-12-06"})
    assert list(response.context["page"]) == []


def test_the_municipality_box_is_in_the_readers_alphabetical_order(client, world):
    """In Swedish the municipalities are named and sorted in Swedish (Borgå before Esbo), å, ä and ö
    last, the city county of Helsinki once; the search still finds by the chosen one."""
    for language in ("fi", "sv"):
        html = client.get(f"/{language}/tilat/").content.decode()
        box = html.split('<select id="id_municipality"', 1)[1].split("</select>", 1)[0]
        names = [unescape(name) for name in re.findall(r'<option value="[^"]+">([^<]+)</option>', box)]
        assert len(names) > 300 and names == sorted(names, key=sort_key), language
    assert names.index("Borgå") < names.index("Esbo") and names.count("Helsingfors") == 1
    found = client.get("/sv/tilat/", {"municipality": world["salo"].slug}).context["page"]
    assert [space.pk for space in found] == [world["space"].pk]


def test_the_cards_speak_swedish_and_finnish_where_a_text_is_missing(client, world):
    porvoo = factories.porvoo()
    premises.space(
        porvoo,
        name_fi="Juhlasali",
        name_sv="Festsalen",
        unit_name_fi="Kaupungintalo",
        equipment_codes=["kitchen", "wifi"],
        capacity=80,
    )
    page = client.get("/sv/tilat/", {"people": 20}).content.decode()
    card = unescape(page.split('<li class="result card">', 1)[1].split("</li>", 1)[0])
    assert "Festsalen" in card and "Kaupungintalo, Kirjastonkatu 1, Borgå" in card  # no unit name in Swedish
    assert "För 80 personer · Avgiftsfri för organisationer: Borgå" in card  # the offering body, in Swedish
    assert re.findall(r'<span class="tag">([^<]+)</span>', card) == ["Kök", "Trådlöst nätverk"]
    finnish = unescape(client.get("/fi/tilat/", {"people": 20}).content.decode())
    assert "Juhlasali" in finnish and "Kaupungintalo, Kirjastonkatu 1, Porvoo" in finnish
    # A space's accessibility is "esteettömyys", not a web site's "saavutettavuus".
    assert (
        "<dt>Esteettömyys</dt>" in client.get(reverse("premises:detail", args=[world["space"].slug])).content.decode()
    )
    # The times of day are the search's own words, not the e-mail's "sender" and "recipient".
    labels = {
        language: re.findall(r'<label for="id_(?:start|end)">([^<]+)</label>', unescape(html))
        for language, html in (("fi", finnish), ("sv", page))
    }
    assert labels == {"fi": ["alkaen klo:", "päättyen klo:"], "sv": ["från kl.", "till kl."]}


@pytest.mark.parametrize("extra", [0, 15])
def test_the_list_costs_the_same_queries_for_one_space_or_many(client, world, django_assert_num_queries, extra):
    _more_spaces(world["salo"], extra)
    day = premises.future_weekday(3)
    with django_assert_num_queries(4):  # the municipality, the count, the page, the session-less user
        response = client.get(
            reverse("premises:list"),
            {"municipality": world["salo"].slug, "date": day.isoformat(), "start": "17:00", "end": "19:00"},
        )
    assert len(response.context["page"]) == 1 + extra


@pytest.mark.parametrize("extra_weeks", [0, 8])
def test_the_calendar_costs_the_same_queries_however_many_bookings(
    client, world, django_assert_num_queries, extra_weeks
):
    first = premises.future_weekday(1)
    premises.book(
        world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=extra_weeks)
    )
    client.force_login(world["boss"])
    url = reverse("premises:detail", args=[world["space"].slug])
    client.get(url)  # warms the session
    with django_assert_num_queries(9):  # … the space's photos and the coming events held there
        response = client.get(url, {"paiva": first.isoformat(), "nakyma": "kuukausi"})
    assert response.status_code == 200


def test_the_public_sees_busy_times_and_the_manager_sees_who_booked(client, world):
    day = premises.future_weekday(1)
    premises.book(world["space"], world["ngo"], world["rep"], day, 17, 19)
    url = reverse("premises:detail", args=[world["space"].slug]) + f"?paiva={day.isoformat()}"
    public = client.get(url).content.decode()
    assert "17.00–19.00" in public
    assert "Salon Omaishoitajat ry" not in public
    client.force_login(world["boss"])
    assert "Salon Omaishoitajat ry" in client.get(url).content.decode()
    month = client.get(url + "&nakyma=kuukausi").content.decode()
    assert "17.00–19.00" in month


def test_the_booking_form_shows_conflicts_before_booking_and_then_books_a_series(client, world):
    first = premises.future_weekday(1)
    taken = first + dt.timedelta(weeks=1)
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    premises.book(world["space"], other, factories.representative(other), taken, 18, 19)
    client.force_login(world["rep"])
    url = reverse("premises:book", args=[world["space"].slug])
    data = {
        "organisation": world["ngo"].pk,
        "date": first.isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "weekly": "on",
        "repeat_until": (first + dt.timedelta(weeks=3)).isoformat(),
        "purpose": "Omaishoitajien vertaistukiryhmä",
        "people": 12,
    }
    page = client.post(url, {**data, "check": "1"}).content.decode()
    assert "Jo varattu" in page
    assert Booking.objects.filter(organisation=world["ngo"]).count() == 0
    page = client.post(url, {**data, "book": "1"}).content.decode()
    assert "on jo varattu" in page
    data["repeat_until"] = first.isoformat()
    data.pop("weekly")
    response = client.post(url, {**data, "book": "1"})
    booking = Booking.objects.get(organisation=world["ngo"])
    assert response.url == reverse("premises:booking", args=[booking.pk])


def test_the_manager_approves_on_the_booking_page_and_the_ngo_downloads_the_calendar(client, world):
    first = premises.future_weekday(1)
    bookings = premises.book(
        world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=2)
    )
    client.force_login(world["boss"])
    page = client.get(reverse("premises:manage", args=[world["salo"].slug])).content.decode()
    assert reverse("premises:booking", args=[bookings[0].pk]) in page
    client.post(reverse("premises:booking_decide", args=[bookings[0].pk]), {"approve": "1", "whole_series": "on"})
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.CONFIRMED}
    client.force_login(world["rep"])
    response = client.get(reverse("premises:booking_ics", args=[bookings[0].pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.decode().count("BEGIN:VEVENT") == len(bookings)


def test_the_ngo_cancels_on_the_booking_page(client, world):
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    client.force_login(world["rep"])
    url = reverse("premises:booking_cancel", args=[booking.pk])
    # The button asks first, carrying the reason; nothing changes before the answer.
    page = client.post(url, {"reason": "Ryhmä ei kokoonnu"}).content.decode()
    assert 'name="confirmed"' in page and 'value="Ryhmä ei kokoonnu"' in page
    assert Booking.objects.get().status == BookingStatus.REQUESTED
    assert 'name="confirmed"' in client.get(url).content.decode()
    client.post(url, {"reason": "Ryhmä ei kokoonnu", "confirmed": "1"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.reason == "Ryhmä ei kokoonnu"


def test_a_rejection_asks_first_and_an_approval_does_not(client, world):
    first, second = (
        premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(n))[0] for n in (1, 2)
    )
    client.force_login(world["boss"])
    url = reverse("premises:booking_decide", args=[first.pk])
    response = client.post(url, {"approve": "0", "reason": "Tila on remontissa"})
    assert response.status_code == 200 and 'value="Tila on remontissa"' in response.content.decode()
    first.refresh_from_db()
    assert first.status == BookingStatus.REQUESTED
    client.post(url, {"approve": "0", "reason": "Tila on remontissa", "confirmed": "1"})
    first.refresh_from_db()
    assert first.status == BookingStatus.REJECTED
    assert client.post(reverse("premises:booking_decide", args=[second.pk]), {"approve": "1"}).status_code == 302
    second.refresh_from_db()
    assert second.status == BookingStatus.CONFIRMED


def test_a_premises_manager_creates_and_edits_a_space(client, world):
    client.force_login(world["boss"])
    data = {
        "name_fi": "Nuorisotila Kipinä",
        "street_address": "Asemakatu 5",
        "municipality": world["salo"].pk,
        "capacity": 25,
        "min_minutes": 60,
        "max_minutes": 180,
        "max_days_ahead": 270,
        "buffer_minutes": 15,
        "who_may_book": "body_ngos",
        "price_own_ngos": "0",
        "price_public": "20",
        "needs_approval": "on",
        "is_published": "on",
        "equipment": ["wifi", "kitchen"],
        "opens_1": "16:00",
        "closes_1": "21:00",
    }
    response = client.post(reverse("premises:create", args=[world["salo"].slug]), data)
    space = Space.objects.get(name_fi="Nuorisotila Kipinä")
    assert response.url == reverse("premises:edit", args=[space.slug])
    assert space.equipment == ["kitchen", "wifi"] and space.price_public == Decimal("20")
    assert [(h.weekday, h.opens) for h in space.opening_hours.all()] == [(1, dt.time(16))]
    data["capacity"] = 30
    client.post(reverse("premises:edit", args=[space.slug]), data)
    space.refresh_from_db()
    assert space.capacity == 30
    day = premises.future_weekday(2)
    client.post(reverse("premises:closed_day", args=[space.slug]), {"date": day.isoformat(), "closed": "1"})
    assert space.closed_days.get().date == day
    client.post(
        reverse("premises:block", args=[space.slug]),
        {"date": day.isoformat(), "start_time": "16:00", "end_time": "18:00", "reason": "Huolto"},
    )
    assert Booking.objects.get(space=space).is_block
    page = client.get(reverse("premises:edit", args=[space.slug])).content.decode()
    assert "Huolto" in page and "16.00–18.00" in page


def test_the_usage_report_for_the_welfare_report(client, world):
    space = world["space"]
    services.space_save(
        by=world["boss"],
        body=world["salo"],
        space=space,
        data={"price_public": Decimal("40")},
        opening_hours=premises.EVERY_DAY,
    )
    day = premises.future_weekday(1)
    (booking,) = premises.book(space, world["ngo"], world["rep"], day, 17, 19)
    services.booking_decide(by=world["boss"], booking=booking, approve=True)
    client.force_login(factories.official(world["salo"], role="official"))
    page = client.get(reverse("premises:usage", args=[world["salo"].slug]), {"vuosi": day.year}).content.decode()
    assert "80,00\xa0€" in page and "2,0" in page
    # Money is written the same way on an English page, as everywhere else in Kumppani.
    url = reverse("premises:usage", args=[world["salo"].slug]).replace("/fi/", "/en/", 1)
    page = client.get(url, {"vuosi": day.year}).content.decode()
    assert "80,00\xa0€" in page and "€80" not in page


def test_the_body_page_links_the_spaces_and_the_managers_page(client, world):
    url = reverse("core:body", args=[world["salo"].slug])
    assert reverse("premises:detail", args=[world["space"].slug]) in client.get(url).content.decode()
    client.force_login(world["boss"])
    page = client.get(url).content.decode()
    assert reverse("premises:manage", args=[world["salo"].slug]) in page
    assert reverse("premises:usage", args=[world["salo"].slug]) in page


def test_own_page_shows_waiting_approvals_and_coming_bookings(client, world):
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    link = reverse("premises:booking", args=[booking.pk])
    client.force_login(world["boss"])
    assert link in client.get(reverse("core:dashboard")).content.decode()
    client.force_login(world["rep"])
    page = client.get(reverse("core:dashboard")).content.decode()
    assert link in page
    assert reverse("premises:ngo_bookings", args=[world["ngo"].slug]) in page  # the button on the NGO's card
    assert link in client.get(reverse("premises:ngo_bookings", args=[world["ngo"].slug])).content.decode()


@pytest.mark.parametrize("weeks", [0, 10])
def test_the_managers_and_the_ngos_lists_cost_the_same_queries_however_many_bookings(
    client, world, django_assert_num_queries, weeks
):
    first = premises.future_weekday(1)
    (booking, *_rest) = premises.book(
        world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=weeks)
    )
    services.booking_decide(by=world["boss"], booking=booking, approve=True)
    client.force_login(world["boss"])
    client.get(reverse("core:dashboard"))
    with django_assert_num_queries(7):
        client.get(reverse("premises:manage", args=[world["salo"].slug]))
    with django_assert_num_queries(6):
        client.get(reverse("premises:usage", args=[world["salo"].slug]), {"vuosi": first.year})
    client.force_login(world["rep"])
    client.get(reverse("core:dashboard"))
    with django_assert_num_queries(6):
        client.get(reverse("premises:ngo_bookings", args=[world["ngo"].slug]))
