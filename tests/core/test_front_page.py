"""The front page's "Are you looking for support or activities?" leads to the activities first."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_looking_for_support_leads_to_the_activities_and_then_the_ngos(client):
    html = client.get("/en/").content.decode()
    card = html[html.index("Are you looking for support or activities?") :]
    links = re.findall(r'<a class="button[^"]*" href="([^"]+)"', card)
    assert links[:2] == [reverse("activities:directory").replace("/fi/", "/en/"), "/en/jarjestot/"]
