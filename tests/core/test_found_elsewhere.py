"""A search that finds nothing in one directory says how many the same words find in the others:
activities, NGOs and coming events (the next month of the calendar of all bodies), each counted
as that directory counts them."""

import datetime as dt
import re

import pytest
from django.utils import timezone

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
