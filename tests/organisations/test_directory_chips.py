"""The directories show their active filters as chips that remove themselves, and a search that
finds nothing suggests what to try: a spelling like a known word, fewer filters, the other directory."""

import re

import pytest

from tests import factories
from tests.activities.factories import activity

pytestmark = pytest.mark.django_db


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_active_filters_are_chips_that_each_remove_their_filter(client):
    factories.organisation("Salon Vertaistuki ry", themes=[factories.term("vertaistuki")])
    page = page_of(client, "/en/jarjestot/?q=vertais&body=salo&theme=vertaistuki")
    chips = re.findall(r'<a class="chip" href="([^"]*)">([^<]*)<', page)
    labels = [label.strip() for _url, label in chips]
    assert labels == ["Search words: “vertais”", "Municipality or county: Salo", "Theme: Peer support"]
    removals = {label.strip(): url.replace("&amp;", "&") for url, label in chips}
    assert removals["Theme: Peer support"] == "?q=vertais&body=salo"
    assert "Remove all filters" in page


def test_a_search_without_results_suggests_a_spelling_fewer_filters_and_the_activities(client):
    ngo = factories.organisation("Salon Vertaistuki ry", themes=[factories.term("vertaistuki")])
    activity(ngo, "Vertaistki-ryhmä")
    page = page_of(client, "/en/jarjestot/?q=vertaistki&theme=vertaistuki")
    assert "No NGOs match your search." in page
    assert 'href="?q=vertaistuki&amp;theme=vertaistuki">vertaistuki</a>' in page
    assert "remove Theme: Peer support" in page
    assert 'href="/en/toiminta/?q=vertaistki">1 activity for “vertaistki”' in page


def test_the_activity_directory_shows_chips_and_points_to_the_ngos(client):
    factories.organisation("Salon Shakkikerho ry")
    page = page_of(client, "/en/toiminta/?q=shakkikerho&free=on")
    assert re.search(r'<a class="chip" href="\?q=shakkikerho">Free of charge', page)
    assert "No activities match your search." in page
    assert 'href="/en/jarjestot/?q=shakkikerho"' in page
