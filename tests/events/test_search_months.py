"""An event's search document holds the months of its dates, and a calendar's search asks for the
months it shows: whatever happens to an event's dates, it must be found in exactly the months that
the calendar shows it on."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kumppani.core import search
from kumppani.core.models import SearchEntry
from kumppani.events import indexing, services
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def _month(months_ahead: int) -> dt.date:
    day = timezone.localdate().replace(day=1)
    for _ in range(months_ahead):
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return day


def _month_page(client, first: dt.date, q: str) -> str:
    response = client.get(reverse("events:calendar"), {"view": "month", "date": first.isoformat(), "q": q})
    assert response.status_code == 200
    return response.content.decode()


def _approve_pending(event) -> None:
    editor = factories.official(factories.salo(), role="official")
    for listing in event.listings.filter(status="pending"):
        services.listing_decide(by=editor, listing=listing, approve=True)


def test_month_words_name_each_month_a_range_touches():
    assert indexing.month_words(dt.date(2026, 12, 5), dt.date(2027, 2, 1)) == ["kk202612", "kk202701"]
    assert indexing.month_words(dt.date(2026, 12, 1), dt.date(2026, 12, 2)) == ["kk202612"]


def test_a_moved_event_is_found_in_its_new_month_and_no_longer_in_the_old(client):
    ngo = factories.organisation("Salon Kuoro ry")
    first, second = _month(1), _month(2)
    event = ef.published(ngo, name_fi="Kuorokonsertti kirkossa", day=first + dt.timedelta(days=9))
    assert "Kuorokonsertti kirkossa" in _month_page(client, first, "kuorokonsertti")
    assert "Kuorokonsertti kirkossa" not in _month_page(client, second, "kuorokonsertti")

    services.event_update(
        by=factories.representative(ngo),
        event=event,
        data=ef.data(name_fi="Kuorokonsertti kirkossa", day=second + dt.timedelta(days=9)),
    )
    _approve_pending(event)
    assert "Kuorokonsertti kirkossa" not in _month_page(client, first, "kuorokonsertti")
    assert "Kuorokonsertti kirkossa" in _month_page(client, second, "kuorokonsertti")
    for kind in (indexing.SEARCH_KIND, indexing.COMING_KIND):
        words = SearchEntry.objects.get(kind=kind, object_id=event.pk).tokens.split()
        assert indexing.month_word(second) in words and indexing.month_word(first) not in words


def test_a_night_over_the_turn_of_the_month_is_found_in_both_months(client):
    ngo = factories.organisation("Salon Yökerho ry")
    first, second = _month(1), _month(2)
    ef.published(
        ngo,
        name_fi="Valvojaiset nuorille",
        start=ef.at(second - dt.timedelta(days=1), 22),
        end=ef.at(second, 2),
    )
    assert "Valvojaiset nuorille" in _month_page(client, first, "valvojaiset")
    assert "Valvojaiset nuorille" in _month_page(client, second, "valvojaiset")
    assert "Valvojaiset nuorille" not in _month_page(client, _month(3), "valvojaiset")


def test_a_weekly_event_is_found_in_each_month_until_it_ends(client):
    ngo = factories.organisation("Salon Liikunta ry")
    first = _month(1)
    ef.published(
        ngo,
        name_fi="Tuolijumppa",
        day=first + dt.timedelta(days=2),
        recurrence="weekly",
        recurrence_until=_month(2) + dt.timedelta(days=20),
    )
    assert "Tuolijumppa" in _month_page(client, first, "tuolijumppa")
    assert "Tuolijumppa" in _month_page(client, _month(2), "tuolijumppa")
    assert "Tuolijumppa" not in _month_page(client, _month(3), "tuolijumppa")


def test_a_search_with_months_finds_only_the_documents_with_one_of_them():
    search.update_entry("event", 7001, ["Joulukonsertti", "kk202612"])
    search.update_entry("event", 7002, ["Kevätkonsertti", "kk202703"])

    def found(months, query="konsertti") -> set[int]:
        matches = search.matching_ids("event", query, any_of=months)
        sql, params = matches.sql, matches.params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0] for row in cursor.fetchall()}

    assert found([]) == {7001, 7002}
    assert found(["kk202612", "kk202701"]) == {7001}
    assert found(["kk202701", "kk202702"]) == set()
    # The query's last word is still a prefix when months are asked for.
    assert found(["kk202703"], "kevätkons") == {7002}
    assert found(["kk202612"], "kevätkons") == set()


def test_the_migration_gives_the_events_that_were_there_their_months(client):
    migration = importlib.import_module("kumppani.events.migrations.0008_search_months")

    class Editor:
        connection = connection

    ngo = factories.organisation("Salon Kuoro ry")
    first = _month(1)
    event = ef.published(ngo, name_fi="Adventtikonsertti", day=first + dt.timedelta(days=3))
    written = {e.kind: e.tokens for e in SearchEntry.objects.filter(object_id=event.pk)}
    migration.remove_months(apps, Editor)
    assert not any(
        word.startswith("kk2") for e in SearchEntry.objects.filter(object_id=event.pk) for word in e.tokens.split()
    )
    assert "Adventtikonsertti" not in _month_page(client, first, "adventtikonsertti")
    migration.add_months(apps, Editor)
    assert {e.kind: e.tokens for e in SearchEntry.objects.filter(object_id=event.pk)} == written
    assert "Adventtikonsertti" in _month_page(client, first, "adventtikonsertti")


def test_the_count_of_coming_events_elsewhere_follows_an_event_moved_out_of_the_month(client, settings):
    settings.DIRECTORY_CACHE_SECONDS = 0  # the same search is asked again after the move
    ngo = factories.organisation("Salon Kuoro ry", areas=[factories.salo()])
    today = timezone.localdate()
    event = ef.published(ngo, name_fi="Gospelkonsertti", day=today + dt.timedelta(days=5))
    label = "1 tuleva tapahtuma haulla ”gospelkonsertti”"
    assert label in client.get("/fi/jarjestot/", {"q": "gospelkonsertti"}).content.decode()

    services.event_update(
        by=factories.representative(ngo),
        event=event,
        data=ef.data(name_fi="Gospelkonsertti", day=today + dt.timedelta(days=95)),
    )
    _approve_pending(event)
    assert label not in client.get("/fi/jarjestot/", {"q": "gospelkonsertti"}).content.decode()
