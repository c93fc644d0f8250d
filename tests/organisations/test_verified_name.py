"""The verified status has one name, and the same explanation, on every page that shows it."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from kumppani.organisations import services
from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db


def badges(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    found = re.findall(r'<span class="badge verified" title="([^"]+)">([^<]+)</span>', page)
    assert found, f"no verified badge on {url}"
    return set(found)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_activity_page_and_the_ngo_page_name_the_verified_status_alike(client, language):
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    services.organisation_verify(organisation=ngo, by=factories.official(salo, role="coordinator"))
    item = make_activity(ngo, "Omaishoitajien kahvila", areas=[salo])
    with translation.override(language):
        pages = {
            "NGO page": reverse("organisations:detail", kwargs={"slug": ngo.slug}),
            "NGO directory": reverse("organisations:directory"),
            "activity page": reverse("activities:detail", kwargs={"slug": item.slug}),
            "activity directory": reverse("activities:directory"),
        }
        seen = {name: badges(client, url) for name, url in pages.items()}
    assert len(set().union(*seen.values())) == 1, seen
    if language == "en":
        assert seen["NGO page"] == {
            ("An NGO coordinator of a municipality or county has checked the NGO's information.", "Verified NGO")
        }
