"""A search that finds nothing in one directory says how many the same words find in the others:
activities, NGOs and coming events (the next month of the calendar of all bodies), each counted
as that directory counts them."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from kumppani.events import pages as event_pages
from kumppani.events.models import HELSINKI
from tests import factories
from tests.activities import factories as af
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def _elsewhere(response) -> dict[str, str]:
    """{address: label} of the "Or look elsewhere" list."""
    html = response.content.decode()
    assert response.status_code == 200
    box = html.split("Tai katso muualta", 1)[1].split("</ul>", 1)[0] if "Tai katso muualta" in html else ""
    return {href: " ".join(label.split()) for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', box)}


def test_an_empty_search_counts_the_same_words_in_the_other_directories(client):
    salo = factories.salo()
    choir = factories.organisation("Salon Laulajat ry", areas=[salo])
    af.activity(choir, "Kuoroharjoitus", areas=[salo])
    af.activity(choir, "Kuoron avoimet harjoitukset", areas=[salo])
    af.activity(choir, "Shakkikerho", areas=[salo])
    today = timezone.localtime(timezone.now(), HELSINKI).date()
    ef.published(choir, name_fi="Kuoron joulukonsertti", day=today + dt.timedelta(days=5))
    ef.published(choir, name_fi="Kuoron kevätkonsertti", day=today + dt.timedelta(days=90))  # beyond the month
    ef.published(choir, name_fi="Tanssi-ilta", short_description_fi="Lavatansseja.", day=today + dt.timedelta(days=6))

    found = _elsewhere(client.get("/fi/jarjestot/", {"q": "kuoro"}))
    assert found == {
        "/fi/toiminta/?q=kuoro": "2 toimintaa haulla ”kuoro”",
        "/fi/tapahtumat/?q=kuoro": "1 tuleva tapahtuma haulla ”kuoro”",
    }

    # The activity search narrowed to nothing by a filter: the NGOs have no "kuoro" either.
    found = _elsewhere(client.get("/fi/toiminta/", {"q": "kuoro", "kind": "advice"}))
    assert found == {"/fi/tapahtumat/?q=kuoro": "1 tuleva tapahtuma haulla ”kuoro”"}

    # Words that nothing has: nothing to offer elsewhere.
    assert _elsewhere(client.get("/fi/jarjestot/", {"q": "purjehdus"})) == {}


def test_many_coming_events_are_counted_up_to_a_cap(client, monkeypatch, settings):
    """A common word's coming events are counted only so far ("over 2"), in every language; up to
    the cap the count is exact, and events beyond the month do not count."""
    monkeypatch.setattr(event_pages, "ELSEWHERE_CAP", 2)
    settings.DIRECTORY_CACHE_SECONDS = 0  # the same search is asked again after a new event
    salo = factories.salo()
    choir = factories.organisation("Salon Laulajat ry", areas=[salo])
    today = timezone.localtime(timezone.now(), HELSINKI).date()
    ef.published(choir, name_fi="Kuoron joulukonsertti", day=today + dt.timedelta(days=3))
    ef.published(choir, name_fi="Kuoron kevätkonsertti", day=today + dt.timedelta(days=90))  # beyond the month
    ef.published(choir, name_fi="Kuoron tiernalaulut", day=today + dt.timedelta(days=8))
    assert _elsewhere(client.get("/fi/jarjestot/", {"q": "kuoro"})) == {
        "/fi/tapahtumat/?q=kuoro": "2 tulevaa tapahtumaa haulla ”kuoro”"
    }

    ef.published(choir, name_fi="Kuoron loppiaiskonsertti", day=today + dt.timedelta(days=20))
    assert _elsewhere(client.get("/fi/jarjestot/", {"q": "kuoro"})) == {
        "/fi/tapahtumat/?q=kuoro": "yli 2 tulevaa tapahtumaa haulla ”kuoro”"
    }
    swedish = client.get("/sv/jarjestot/", {"q": "kuoro"}).content.decode()
    assert "över 2 kommande evenemang för ”kuoro”" in swedish
