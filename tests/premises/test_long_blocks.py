"""The overlap queries read a bounded range of bookings (a day back from the time asked), so a
blocked time longer than a day must still be seen: by a booking, the search and the calendar."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kumppani.premises import calendar, services
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss, name_fi="Liikuntasali Kupari", capacity=30)
    ngo = factories.organisation("Salon Sählyseura ry", areas=[salo])
    weeks = 2
    while any(calendar.holiday_name(premises.future_weekday(0, weeks=weeks) + dt.timedelta(days=n)) for n in range(8)):
        weeks += 1  # a week without public holidays
    monday = premises.future_weekday(0, weeks=weeks)
    services.time_block(
        by=boss,
        space=space,
        start=premises.at(monday, 8),
        end=premises.at(monday + dt.timedelta(days=4), 20),
        reason="Lattian hionta",
    )
    return {
        "salo": salo,
        "boss": boss,
        "space": space,
        "ngo": ngo,
        "rep": factories.representative(ngo),
        "monday": monday,
    }


def test_a_week_long_block_refuses_a_booking_in_its_middle(world):
    thursday = world["monday"] + dt.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        premises.book(world["space"], world["ngo"], world["rep"], thursday)
    assert error.value.code == "conflict"
    world["space"].refresh_from_db()
    assert world["space"].longest_minutes > 24 * 60


def test_the_search_and_the_calendar_show_the_space_taken_in_the_middle_of_the_block(client, world):
    thursday = world["monday"] + dt.timedelta(days=3)
    query = {"municipality": world["salo"].slug, "date": thursday.isoformat(), "start": "17:00", "end": "19:00"}
    assert list(client.get(reverse("premises:list"), query).context["page"]) == []
    url = reverse("premises:detail", args=[world["space"].slug])
    week = client.get(url, {"paiva": thursday.isoformat()}).content.decode()
    assert week.count("08.00–20.00") == 5  # shown on each of its days, to the public without the reason
    assert "Lattian hionta" not in week
    friday = world["monday"] + dt.timedelta(days=5)
    query["date"] = (friday + dt.timedelta(days=3)).isoformat()  # the next Monday is free again
    assert [s.pk for s in client.get(reverse("premises:list"), query).context["page"]] == [world["space"].pk]
