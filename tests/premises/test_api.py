"""/api/v1/spaces/ and /api/v1/bookings/: the same rules as the pages, through the same services."""

import datetime as dt

import pytest
from rest_framework import serializers
from rest_framework.test import APIClient

from kumppani.premises import queries, services
from kumppani.premises.api import DaySerializer
from kumppani.premises.models import Booking, BookingStatus, ClosedDay
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss, is_accessible=True, equipment_codes=["wifi"])
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {"salo": salo, "boss": boss, "space": space, "ngo": ngo, "rep": factories.representative(ngo)}


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("extra", [0, 12])
def test_the_space_list_is_public_and_its_queries_do_not_grow(api, world, django_assert_num_queries, extra):
    boss = premises.manager(world["salo"])
    for n in range(extra):
        premises.space(world["salo"], by=boss, name_fi=f"Tila {n}")
    with django_assert_num_queries(4):  # the count, the page, the opening hours, the photos
        response = api.get("/api/v1/spaces/")
    assert response.status_code == 200
    assert response.json()["count"] == 1 + extra
    first = response.json()["results"][0]
    assert set(first["name"]) == {"fi", "sv", "en"}


def test_the_space_list_filters_by_free_time(api, world):
    day = premises.future_weekday(3)
    premises.book(world["space"], world["ngo"], world["rep"], day, 17, 19)
    params = {"municipality": world["salo"].slug, "date": day.isoformat(), "start": "18:00", "end": "20:00"}
    assert api.get("/api/v1/spaces/", params).json()["count"] == 0
    params.update(start="19:00", end="21:00")
    assert api.get("/api/v1/spaces/", params).json()["count"] == 1
    assert api.get("/api/v1/spaces/", {"equipment": "piano"}).json()["count"] == 0


@pytest.mark.parametrize("weeks", [0, 6])
def test_availability_shows_busy_times_without_names_in_fixed_queries(api, world, django_assert_num_queries, weeks):
    first = premises.future_weekday(1)
    premises.book(world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=weeks))
    url = f"/api/v1/spaces/{world['space'].slug}/availability/"
    with django_assert_num_queries(4):
        response = api.get(url, {"from": first.isoformat(), "to": (first + dt.timedelta(days=55)).isoformat()})
    days = response.json()
    assert len(days) == 56
    busy = [slot for day in days for slot in day["busy"]]
    assert len(busy) == weeks + 1
    assert "Omaishoitajat" not in response.content.decode()
    assert api.get(url, {"from": "x", "to": "y"}).status_code == 400


def test_availability_of_a_hidden_or_unknown_space_is_not_found(api, world):
    space = world["space"]
    space.is_published = False
    space.save(update_fields=["is_published"])
    days = {"from": "2027-03-01", "to": "2027-03-31"}
    for slug in (space.slug, "ei-ole"):
        response = api.get(f"/api/v1/spaces/{slug}/availability/", days)
        assert response.status_code == 404
        assert response.json() == {"detail": "Ei löydy."}


def test_the_days_answer_what_their_declared_fields_would(world):
    """The availability's days are built directly for speed; the declared fields are its schema, so
    both must give the same: opening hours, a holiday, a closed day, busy times in local time."""
    first = dt.date(2027, 3, 22)  # a week that crosses summer time (28.3.2027) and holds Easter
    space = world["space"]
    end = premises.at(first + dt.timedelta(days=7), 9)
    services.time_block(by=world["boss"], space=space, start=premises.at(first, 17), end=end, reason="Remontti")
    ClosedDay.objects.create(space=space, date=first + dt.timedelta(days=2))
    days = queries.days(space, first, first + dt.timedelta(days=13))
    assert [day.holiday is not None for day in days].count(True) == 3  # Good Friday, Easter Sunday and Monday
    assert any(day.opening for day in days) and any(day.closed for day in days)
    declared = [serializers.Serializer.to_representation(DaySerializer(), day) for day in days]
    assert DaySerializer(days, many=True).data == declared
    assert sum(len(day["busy"]) for day in declared) == 8  # the booking shows on each of its days


def test_a_representative_books_a_series_and_the_manager_approves_it(api, world):
    first = premises.future_weekday(1)
    api.force_authenticate(world["rep"])
    payload = {
        "space": world["space"].slug,
        "organisation": world["ngo"].slug,
        "start": premises.at(first, 17).isoformat(),
        "end": premises.at(first, 19).isoformat(),
        "purpose": "Vertaistukiryhmä",
        "people": 8,
        "repeat_until": (first + dt.timedelta(weeks=2)).isoformat(),
    }
    response = api.post("/api/v1/bookings/", payload, format="json")
    assert response.status_code == 201, response.content
    ids = [row["id"] for row in response.json()]
    again = api.post("/api/v1/bookings/", payload, format="json")
    assert again.status_code == 400
    assert "varattu" in str(again.json())
    api.force_authenticate(premises.manager(factories.tampere()))
    assert api.post(f"/api/v1/bookings/{ids[0]}/decide/", {"approve": True}, format="json").status_code == 404
    api.force_authenticate(world["boss"])
    response = api.post(f"/api/v1/bookings/{ids[0]}/decide/", {"approve": True, "whole_series": True}, format="json")
    assert response.status_code == 200
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.CONFIRMED}


@pytest.mark.parametrize("extra", [0, 10])
def test_bookings_are_seen_by_their_ngo_and_managers_only(api, world, django_assert_num_queries, extra):
    first = premises.future_weekday(1)
    premises.book(world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=extra))
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    stranger = factories.representative(other)
    api.force_authenticate(stranger)
    assert api.get("/api/v1/bookings/").json()["count"] == 0
    booking = Booking.objects.first()
    assert api.post(f"/api/v1/bookings/{booking.pk}/cancel/", {}, format="json").status_code == 404
    api.force_authenticate(world["rep"])
    with django_assert_num_queries(4):  # body roles, named spaces, the count, the page
        response = api.get("/api/v1/bookings/")
    assert response.json()["count"] == 1 + extra
    api.force_authenticate(None)
    assert api.get("/api/v1/bookings/").status_code in (401, 403)
