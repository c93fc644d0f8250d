"""The front page searches activities, NGOs and coming events together: a resident does not know
which of them they are looking for. The results page shows the best of each side by side, with a link
to all of them in each directory."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kumppani.events.models import HELSINKI
from tests import factories
from tests.activities.factories import activity
from tests.events import factories as events

pytestmark = pytest.mark.django_db


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def section(page: str, name: str) -> str:
    start = page.index(f'aria-labelledby="found-{name}"')
    return page[start : page.index("</section>", start)]


def soon(days: int = 3) -> dt.date:
    return timezone.localtime(timezone.now(), HELSINKI).date() + dt.timedelta(days=days)


def make_world(n: int) -> None:
    for number in range(n):
        ngo = factories.organisation(f"Salon Vertaistuki {number} ry", themes=[factories.term("vertaistuki")])
        activity(ngo, f"Vertaistukiryhmä {number}", areas=[factories.salo()])
        events.published(ngo, name_fi=f"Vertaistuen ilta {number}", name_sv="", day=soon(number % 20 + 1))


def test_the_front_page_search_box_searches_everything(client):
    page = page_of(client, "/en/")
    form = re.search(r'<form class="search-bar" action="([^"]+)"', page)
    assert form.group(1) == "/en/haku/"
    assert "Search activities, NGOs and events" in page


def test_the_results_show_activities_ngos_and_events_side_by_side_with_links_to_all(client):
    make_world(6)
    factories.organisation("Salon Shakkikerho ry")
    page = page_of(client, "/en/haku/?q=vertaistuki")
    activities, ngos, coming = section(page, "activities"), section(page, "organisations"), section(page, "events")
    assert page.index('found-activities"') < page.index('found-organisations"') < page.index('found-events"')
    assert "(6)" in activities and "(6)" in ngos and "(6)" in coming
    assert len(re.findall(r'<li><a href="/en/toiminta/', activities)) == 4
    assert len(re.findall(r'<li><a href="/en/jarjestot/', ngos)) == 4
    assert len(re.findall(r'<li><a href="/en/tapahtumat/', coming)) == 4
    assert 'href="/en/toiminta/?q=vertaistuki">Show all 6' in activities
    assert 'href="/en/jarjestot/?q=vertaistuki">Show all 6' in ngos
    assert 'href="/en/tapahtumat/?q=vertaistuki">Show all 6' in coming
    assert "Shakkikerho" not in page
    # The soonest event first, with its date as Finns write it.
    first = re.search(r'<li><a href="[^"]+">(.*?)</a><br><span class="muted">([^<]+)<', coming)
    assert "Vertaistuen ilta 0" in first.group(1) and first.group(2).startswith(f"{soon(1):%-d.%-m.%Y} ")


def test_an_event_name_only_in_finnish_is_marked_as_finnish_on_an_english_page(client):
    make_world(1)
    coming = section(page_of(client, "/en/haku/?q=vertaistuki"), "events")
    assert '<span lang="fi">Vertaistuen ilta 0</span>' in coming


def test_a_directory_with_nothing_says_so_beside_the_others(client):
    factories.organisation("Salon Shakkikerho ry")
    page = page_of(client, "/en/haku/?q=shakkikerho")
    assert "(1)" in section(page, "organisations")
    assert "Nothing found here." in section(page, "activities")


def test_words_that_find_nothing_suggest_a_spelling_and_the_directories(client):
    page = page_of(client, "/en/haku/?q=vertaistki")
    assert "Nothing was found for these words." in page
    assert 'href="?q=vertaistuki">vertaistuki</a>' in page
    assert 'href="/en/toiminta/">Activities</a>' in page


def test_the_search_page_without_words_shows_the_box(client):
    page = page_of(client, "/en/haku/")
    assert 'id="search-q"' in page and "Nothing was found" not in page


def _queries(client, url: str) -> int:
    client.get(url)  # builds the directories' bit sets, kept until the data changes
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_search_reads_the_same_number_of_queries_for_one_result_or_many(client):
    make_world(1)
    one = _queries(client, "/en/haku/?q=vertaistuki")
    make_world(8)
    many = _queries(client, "/en/haku/?q=vertaistuki")
    assert one == many
    # Per directory the version and the words, then the page of hits (and the NGOs' areas).
    assert many == 9
