"""What a coordinator and a Swedish-speaking resident meet every day: the coordinator's own page
counts the out-of-date activities, and a Swedish search word finds a Finnish-only peer-support group."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db


def test_the_coordinators_own_page_counts_the_out_of_date_activities_and_links_to_them(client):
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    make_activity(ngo, "Vertaisryhmä", confirmed_days_ago=200)
    make_activity(ngo, "Virkistyspäivä", status="paused", confirmed_days_ago=400)
    make_activity(ngo, "Kevätretki", confirmed_days_ago=30)  # fresh
    make_activity(ngo, "Loppunut kerho", status="ended", confirmed_days_ago=400)  # ended: not asked
    elsewhere = factories.organisation("Tampereen Kerho ry", areas=[factories.tampere()])
    make_activity(elsewhere, "Tampereen ryhmä", confirmed_days_ago=500)  # another body's NGO
    client.force_login(factories.official(salo, role="coordinator"))
    with translation.override("en"):
        page = client.get(reverse("core:dashboard")).content.decode()
        report = reverse("activities:stale_report", args=[salo.slug])
    assert "2 out-of-date activities" in page
    assert f'href="{report}"' in page


def test_a_swedish_search_word_finds_a_finnish_only_peer_support_group(client):
    salo = factories.salo()
    ngo = factories.organisation("Salon Mielenterveysyhdistys ry", areas=[salo])
    group = make_activity(
        ngo,
        "Mielenterveyskuntoutujien vertaistukiryhmä",
        kind="peer_support",
        areas=[salo],
        description_fi="Vertaistukea ja keskustelua joka tiistai.",
    )
    make_activity(ngo, "Shakkikerho", kind="club", areas=[salo], description_fi="Shakkia joka torstai.")
    with translation.override("sv"):
        response = client.get(reverse("activities:directory"), {"q": "stödgrupp"})
    found = [activity.pk for activity in response.context["page"]]
    assert found == [group.pk]
    assert 'lang="fi"' in response.content.decode()  # shown with its language marked
