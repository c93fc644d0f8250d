"""A search that finds nothing suggests what to try instead of showing empty filter boxes: the other
directories with how many they find for the same words, the wellbeing services county around the
chosen municipality, and removing each filter — in the NGO directory, the activity directory and the
events calendar."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from kumppani.core.models import PublicBody
from kumppani.events.models import HELSINKI
from tests import factories
from tests.activities.factories import activity
from tests.events import factories as events

pytestmark = pytest.mark.django_db


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def no_results(page: str) -> str:
    start = page.index('class="card no-results"')
    return page[start : page.index("</div>", start)]


def turku() -> PublicBody:
    return factories.municipality("853")


def soon() -> dt.date:
    return timezone.localtime(timezone.now(), HELSINKI).date() + dt.timedelta(days=2)


@pytest.fixture
def chess_in_turku():
    """A chess club in Turku, with an activity and an event in the county's calendar: nothing in Salo."""
    ngo = factories.organisation("Turun Shakkikerho ry", areas=[turku()], themes=[factories.term("vertaistuki")])
    activity(ngo, "Shakkikerho", areas=[turku()])
    events.published(ngo, turku().county, name_fi="Shakkiturnaus", day=soon())
    return ngo


def test_the_ngo_directory_points_to_the_county_and_to_the_activities_and_events_with_counts(client, chess_in_turku):
    page = page_of(client, "/en/jarjestot/?q=shakki&body=salo&theme=vertaistuki")
    box = no_results(page)
    county = turku().county
    assert f'href="?q=shakki&amp;body={county.slug}&amp;theme=vertaistuki">1 NGO in {county.name}</a>' in box
    assert 'href="/en/toiminta/?q=shakki">1 activity for “shakki”</a>' in box
    assert 'href="/en/tapahtumat/?q=shakki">1 coming event for “shakki”</a>' in box
    assert 'href="?q=shakki&amp;body=salo">remove Theme: Peer support</a>' in box
    # No empty filter boxes; the chosen theme is kept for the next search.
    assert "<legend>" not in page
    assert '<input type="hidden" name="theme" value="vertaistuki">' in page


def test_the_activity_directory_points_to_the_county_and_to_the_ngos_and_events(client, chess_in_turku):
    page = page_of(client, "/en/toiminta/?q=shakki&body=salo&free=on")
    box = no_results(page)
    county = turku().county
    assert f'href="?q=shakki&amp;body={county.slug}">1 activity in {county.name}</a>' not in box  # not free
    assert 'href="/en/jarjestot/?q=shakki">1 NGO for “shakki”</a>' in box
    assert 'href="/en/tapahtumat/?q=shakki">1 coming event for “shakki”</a>' in box
    assert 'href="?q=shakki&amp;body=salo">remove Free of charge</a>' in box
    assert "<legend>" not in page
    assert '<input type="hidden" form="activity-search" name="free" value="on">' in page
    page = page_of(client, "/en/toiminta/?q=shakki&body=salo")
    assert f'href="?q=shakki&amp;body={county.slug}">1 activity in {county.name}</a>' in no_results(page)


def test_the_events_calendar_points_to_the_county_calendar_and_the_directories(client, chess_in_turku):
    page = page_of(client, "/en/tapahtumat/?q=shakki&body=salo&free=on")
    box = no_results(page)
    county = turku().county
    assert "No events match these filters in this period." in box
    assert 'href="/en/jarjestot/?q=shakki">1 NGO for “shakki”</a>' in box
    assert 'href="/en/toiminta/?q=shakki">1 activity for “shakki”</a>' in box
    assert "remove Free of charge" in box and "remove Calendar of: Salo" in box
    page = page_of(client, "/en/tapahtumat/?q=shakki&body=salo")
    assert f'body={county.slug}">1 event in the calendar of {county.name}</a>' in no_results(page)


def test_a_directory_that_finds_nothing_anywhere_suggests_no_empty_directories(client):
    box = no_results(page_of(client, "/en/jarjestot/?q=shakki"))
    assert "for “shakki”" not in box
    assert "remove Search words: “shakki”" in box


def test_a_search_with_results_keeps_its_filter_boxes(client, chess_in_turku):
    page = page_of(client, "/en/jarjestot/?q=shakki")
    assert "<legend>Theme</legend>" in page and "no-results" not in page
