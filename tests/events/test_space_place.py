"""An event whose place is a space the NGO has booked (issue 10's place, issue 11's events)."""

import datetime as dt
import json
import re

import icalendar
import pytest
from django.core.exceptions import ValidationError

from kumppani.events import services
from kumppani.events.models import Event
from kumppani.premises import services as premises_services
from tests import factories
from tests.events import factories as ef
from tests.premises import factories as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    boss = pf.manager(salo)
    space = pf.space(salo, by=boss, name_fi="Kokoushuone Kajava", name_sv="Mötesrummet Kajava")
    ngo = factories.organisation("Salon Kuoro ry", areas=[salo])
    rep = factories.representative(ngo)
    day = pf.future_weekday(1)
    [booking] = pf.book(space, ngo, rep, day, 17, 20)
    premises_services.booking_decide(by=boss, booking=booking, approve=True)
    booking.refresh_from_db()
    return {"salo": salo, "boss": boss, "space": space, "ngo": ngo, "rep": rep, "day": day, "booking": booking}


def _space_data(world, **overrides):
    values = {
        "space": world["space"],
        "street_address": "",
        "postal_code": "",
        "municipality": None,
        "start": pf.at(world["day"], 18),
        "end": pf.at(world["day"], 20),
    }
    values.update(overrides)
    return ef.data(**values)


def _event(world, **overrides) -> Event:
    return services.event_create(by=world["rep"], organisation=world["ngo"], data=_space_data(world, **overrides))


def test_the_booked_space_becomes_the_place(world):
    event = _event(world)
    assert event.space == world["space"]
    assert (event.place_name_fi, event.place_name_sv) == ("Kokoushuone Kajava", "Mötesrummet Kajava")
    assert event.street_address == "Kirjastonkatu 1" and event.municipality == world["salo"]
    assert event.location_text() == "Kokoushuone Kajava, Kirjastonkatu 1, Salo"


def test_a_time_outside_the_confirmed_booking_is_refused_with_the_date(world):
    with pytest.raises(ValidationError) as error:
        _event(world, start=pf.at(world["day"], 19), end=pf.at(world["day"], 21))
    message = error.value.message_dict["space"][0]
    assert "vahvistettua varausta" in message and f"{world['day'].day}.{world['day'].month}." in message
    assert not Event.objects.exists()


def test_a_booking_waiting_for_approval_is_not_enough(world):
    day = world["day"] + dt.timedelta(days=7)
    pf.book(world["space"], world["ngo"], world["rep"], day, 17, 20)  # requested, not confirmed
    with pytest.raises(ValidationError):
        _event(world, start=pf.at(day, 18), end=pf.at(day, 20))


def test_an_ngo_cannot_name_another_ngos_booking(world):
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    with pytest.raises(ValidationError) as error:
        services.event_create(by=factories.representative(other), organisation=other, data=_space_data(world))
    assert "space" in error.value.message_dict
    assert services.spaces_for(organisation=other).count() == 0
    assert list(services.spaces_for(organisation=world["ngo"])) == [world["space"]]


def test_a_weekly_series_needs_a_booking_on_every_date(world):
    day = world["day"]
    with pytest.raises(ValidationError) as error:
        _event(world, recurrence="weekly", recurrence_until=day + dt.timedelta(days=7))
    second = day + dt.timedelta(days=7)
    assert f"{second.day}.{second.month}.{second.year}" in error.value.message_dict["space"][0]
    # The second date cancelled: the series is fine.
    event = services.event_create(
        by=world["rep"],
        organisation=world["ngo"],
        data=_space_data(world, recurrence="weekly", recurrence_until=second),
        cancelled_dates=[second],
    )
    assert event.space == world["space"]


def test_a_body_names_its_own_spaces_only(world):
    coordinator = factories.official(world["salo"])
    event = services.event_create(
        by=coordinator,
        body=world["salo"],
        data=_space_data(world, start=pf.at(world["day"], 9), end=pf.at(world["day"], 10)),
    )
    assert event.space == world["space"]
    tampere = factories.tampere()
    with pytest.raises(ValidationError):
        services.event_create(by=factories.official(tampere), body=tampere, data=_space_data(world))


def test_the_place_shows_on_the_page_feeds_and_api(world, client):
    event = _event(world)
    [listing] = services.event_submit(by=world["rep"], event=event, bodies=[world["salo"]])
    services.listing_decide(by=factories.official(world["salo"], role="official"), listing=listing, approve=True)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'href="/fi/tilat/{world["space"].slug}/"' in page and "Kirjastonkatu 1" in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "Kokoushuone Kajava"
    assert data["location"]["address"]["addressLocality"] == "Salo"
    assert data["location"]["url"].endswith(f"/tilat/{world['space'].slug}/")
    ics = icalendar.Calendar.from_ical(client.get(f"/fi/tapahtumat/{event.slug}/kalenteriin.ics").content)
    [vevent] = ics.walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Kokoushuone Kajava, Kirjastonkatu 1, Salo"
    rss = client.get("/fi/tapahtumat/rss/").content.decode()
    assert "Kokoushuone Kajava, Kirjastonkatu 1, Salo" in rss
    api = client.get(f"/api/v1/events/{event.slug}/").json()
    assert api["location"]["space"] == world["space"].slug
    assert api["location"]["name"]["fi"] == "Kokoushuone Kajava"
    [place] = client.get("/api/v1/event-places/").json()["results"]
    assert place["space"] == world["space"].slug


def test_the_booking_page_offers_to_announce_and_the_form_is_prefilled(world, client):
    client.force_login(world["rep"])
    page = client.get(f"/fi/tilat/varaukset/{world['booking'].pk}/").content.decode()
    link = f"/fi/jarjestot/{world['ngo'].slug}/tapahtumat/uusi/?booking={world['booking'].pk}"
    assert link in page
    form = client.get(link).context["form"]
    assert form.initial["space"] == world["space"].pk
    assert form.initial["start_time"] == dt.time(17) and form.initial["end_time"] == dt.time(20)
    assert list(form.fields["space"].queryset) == [world["space"]]


def test_another_ngo_gets_no_prefill_from_a_booking_and_no_link(world, client):
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    client.force_login(factories.representative(other))
    response = client.get(f"/fi/jarjestot/{other.slug}/tapahtumat/uusi/?booking={world['booking'].pk}")
    assert "space" not in response.context["form"].initial
    assert list(response.context["form"].fields["space"].queryset) == []
    client.force_login(world["boss"])  # the manager sees the booking but does not write the NGO's events
    assert "?booking=" not in client.get(f"/fi/tilat/varaukset/{world['booking'].pk}/").content.decode()


def test_the_form_saves_an_event_in_the_booked_space(world, client):
    client.force_login(world["rep"])
    day = world["day"]
    response = client.post(
        f"/fi/jarjestot/{world['ngo'].slug}/tapahtumat/uusi/",
        {
            "name_fi": "Kuoron kevätkonsertti",
            "start_date": day.isoformat(),
            "start_time": "18:00",
            "end_time": "19:30",
            "space": world["space"].pk,
            "registration": "not_needed",
            "is_free": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert event.space == world["space"] and event.street_address == "Kirjastonkatu 1"
    bad = client.post(
        f"/fi/jarjestot/{world['ngo'].slug}/tapahtumat/uusi/",
        {
            "name_fi": "Liian myöhään",
            "start_date": day.isoformat(),
            "start_time": "20:00",
            "end_time": "21:00",
            "space": world["space"].pk,
            "registration": "not_needed",
            "is_free": "on",
        },
    )
    assert bad.status_code == 200 and "vahvistettua varausta" in str(bad.context["form"].errors["space"])
    assert Event.objects.count() == 1


def test_the_api_names_a_booked_space_and_refuses_another_ngos(world):
    from rest_framework.test import APIClient

    api = APIClient()
    payload = {
        "name": {"fi": "Kuoroilta"},
        "start_time": pf.at(world["day"], 18).isoformat(),
        "end_time": pf.at(world["day"], 19).isoformat(),
        "location_input": {"space": world["space"].slug},
    }
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    api.force_authenticate(factories.representative(other))
    refused = api.post("/api/v1/events/", {**payload, "organisation": other.slug}, format="json")
    assert refused.status_code == 400 and "space" in refused.json()
    assert not Event.objects.exists()
    api.force_authenticate(world["rep"])
    response = api.post("/api/v1/events/", {**payload, "organisation": world["ngo"].slug}, format="json")
    assert response.status_code == 201, response.json()
    location = response.json()["location"]
    assert location["space"] == world["space"].slug and location["street_address"] == "Kirjastonkatu 1"
    assert location["municipality"] == "salo" and location["name"]["sv"] == "Mötesrummet Kajava"


def test_cancelling_the_booking_tells_the_ngo_whose_event_was_to_be_there(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    event = _event(world)
    services.event_submit(by=world["rep"], event=event, bodies=[world["salo"]])
    other_day = world["day"] + dt.timedelta(days=7)
    [unrelated] = pf.book(world["space"], world["ngo"], world["rep"], other_day, 17, 20)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        premises_services.booking_cancel(by=world["rep"], booking=unrelated)
    assert not [m for m in mailoutbox if "Joulukonsertti" in m.subject]
    with django_capture_on_commit_callbacks(execute=True):
        premises_services.booking_cancel(by=world["boss"], booking=world["booking"], reason="Vesivahinko")
    [message] = [m for m in mailoutbox if "Joulukonsertti" in m.subject]
    assert "tapahtumat@example.org" in message.to and "Kokoushuone Kajava" in message.body
    assert f"/jarjestot/{world['ngo'].slug}/tapahtumat/" in message.body
    event.refresh_from_db()
    assert event.space == world["space"]  # the NGO decides what to do
