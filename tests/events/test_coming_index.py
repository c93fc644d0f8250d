"""The coming events' own search index: a calendar from today on searches only the events still to
come, and it must find every one of them whatever happens to an event or to the clock."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import SearchEntry
from kumppani.events import indexing, services
from kumppani.events.models import EventStatus
from kumppani.events.tasks import refresh_coming
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def _coming() -> set[int]:
    return set(SearchEntry.objects.filter(kind=indexing.COMING_KIND).values_list("object_id", flat=True))


def _found(client, first: dt.date, q: str) -> str:
    return client.get(reverse("events:calendar"), {"start": first.isoformat(), "q": q}).content.decode()


def test_a_published_coming_event_is_found_from_today_and_a_past_one_from_its_own_day(client, ngo):
    today = timezone.localdate()
    coming = ef.published(ngo, name_fi="Joulukonsertti torilla", day=today + dt.timedelta(days=3))
    past = ef.published(ngo, name_fi="Syyskonsertti kirkossa", day=today - dt.timedelta(days=30))
    assert _coming() == {coming.pk}
    page = _found(client, today, "konsertti")
    assert "Joulukonsertti torilla" in page and "Syyskonsertti kirkossa" not in page
    # A calendar that begins in the past reads every event's index.
    assert "Syyskonsertti kirkossa" in _found(client, today - dt.timedelta(days=31), "konsertti")
    assert past.pk not in _coming()


def test_drafts_and_withdrawn_events_are_not_among_the_coming(client, ngo):
    today = timezone.localdate()
    draft = ef.event(ngo, day=today + dt.timedelta(days=3))
    event = ef.published(ngo, name_fi="Kevätkonsertti", day=today + dt.timedelta(days=5))
    assert _coming() == {event.pk}
    services.event_set_status(by=factories.representative(ngo), event=event, status=EventStatus.CANCELLED)
    # A cancelled event stays in the calendar (marked as such), so it is still found.
    assert _coming() == {event.pk}
    assert draft.pk not in _coming()


def test_moving_an_event_into_the_past_takes_it_away_and_back_again_brings_it(client, ngo):
    today = timezone.localdate()
    event = ef.published(ngo, name_fi="Kuorokonsertti", day=today + dt.timedelta(days=2))
    by = factories.representative(ngo)
    services.event_update(by=by, event=event, data=ef.data(name_fi="Kuorokonsertti", day=today - dt.timedelta(days=2)))
    assert event.pk not in _coming()
    services.event_update(by=by, event=event, data=ef.data(name_fi="Kuorokonsertti", day=today + dt.timedelta(days=9)))
    editor = factories.official(factories.salo(), role="official")
    for listing in event.listings.filter(status="pending"):
        services.listing_decide(by=editor, listing=listing, approve=True)
    assert event.pk in _coming()
    assert "Kuorokonsertti" in _found(client, today, "kuorokonsertti")


def test_a_changed_title_is_found_in_the_coming_index(client, ngo):
    today = timezone.localdate()
    event = ef.published(ngo, name_fi="Lukupiiri", day=today + dt.timedelta(days=4))
    services.event_update(
        by=factories.representative(ngo),
        event=event,
        data=ef.data(name_fi="Runoilta", day=today + dt.timedelta(days=4)),
    )
    editor = factories.official(factories.salo(), role="official")
    for listing in event.listings.filter(status="pending"):
        services.listing_decide(by=editor, listing=listing, approve=True)
    assert "Runoilta" in _found(client, today, "runoilta")
    assert "Runoilta" not in _found(client, today, "lukupiiri")


def test_the_nightly_job_takes_away_the_gone_and_mends_the_missing(ngo):
    today = timezone.localdate()
    coming = ef.published(ngo, name_fi="Joulukonsertti", day=today + dt.timedelta(days=3))
    past = ef.published(ngo, name_fi="Syyskonsertti", day=today - dt.timedelta(days=3))
    # Yesterday's index still holds an event whose last day has gone, and one coming is missing.
    tokens = SearchEntry.objects.get(kind=indexing.SEARCH_KIND, object_id=past.pk).tokens
    SearchEntry.objects.create(kind=indexing.COMING_KIND, object_id=past.pk, tokens=tokens)
    SearchEntry.objects.filter(kind=indexing.COMING_KIND, object_id=coming.pk).delete()
    assert refresh_coming.call() == (1, 1)
    assert _coming() == {coming.pk}
    entry = SearchEntry.objects.get(kind=indexing.COMING_KIND, object_id=coming.pk)
    assert entry.tokens == SearchEntry.objects.get(kind=indexing.SEARCH_KIND, object_id=coming.pk).tokens
    assert refresh_coming.call() == (0, 0)
