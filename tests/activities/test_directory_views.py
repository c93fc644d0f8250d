"""The public activity directory and an activity's page, as a resident opens them."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.activities.models import Activity, ActivityStatus, Frequency, ScheduleException, ScheduleRule
from kumppani.organisations.models import Organisation
from tests import factories
from tests.activities.factories import activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish():
    """URLs are reversed in Finnish, whatever language a previous request used."""
    with translation.override("fi"):
        yield


@pytest.fixture
def ngo():
    return factories.organisation("Salon Omaishoitajat ry", areas=[factories.salo()])


def _page(client, **params) -> str:
    response = client.get(reverse("activities:directory"), params)
    assert response.status_code == 200
    return response.content.decode()


def _result_names(content: str) -> list[str]:
    return re.findall(r'<h3><a href="/fi/toiminta/[\w-]+/">([^<]+)</a></h3>', content)


def test_directory_lists_results_with_type_ngo_place_times_cost_and_languages(client, ngo):
    salo = factories.salo()
    activity(
        ngo,
        "Vertaistukiryhmä omaishoitajille",
        areas=[salo],
        languages=["fi", "sv"],
        places=[
            {"name": "Järjestötalo", "street_address": "Helsingintie 8", "postal_code": "24100", "municipality": salo}
        ],
        times=[(1, "17:00", "19:00")],
    )
    activity(ngo, "Neuvontaa verkossa", kind="advice", is_online=True, is_free=False, fee="5.00", areas=[salo])
    content = _page(client)
    assert _result_names(content) == ["Vertaistukiryhmä omaishoitajille", "Neuvontaa verkossa"] or _result_names(
        content
    ) == ["Neuvontaa verkossa", "Vertaistukiryhmä omaishoitajille"]
    assert "Tiistaisin klo 17–19" in content
    assert "Järjestötalo, Helsingintie 8, Salo" in content
    assert "Verkossa" in content and "5\u00a0€" in content and "Maksuton" in content
    assert "Salon Omaishoitajat ry" in content
    assert ">Suomi</li>" in content and ">Ruotsi</li>" in content
    assert "2 toimintaa" in content


def test_the_default_order_is_the_freshest_first_then_by_name(client, ngo):
    # An NGO confirms all its activities at once: they share the moment and go by name.
    confirmed = timezone.now() - dt.timedelta(days=30)
    for name in ("Öinen ryhmä", "Aamuryhmä", "Ämmien kerho"):
        activity(ngo, name)
    Activity.objects.update(confirmed_at=confirmed)
    activity(ngo, "Zumba", confirmed_days_ago=1)
    assert _result_names(_page(client)) == ["Zumba", "Aamuryhmä", "Ämmien kerho", "Öinen ryhmä"]
    assert _result_names(_page(client, sort="name")) == ["Aamuryhmä", "Zumba", "Ämmien kerho", "Öinen ryhmä"]


def test_search_words_rank_the_results(client, ngo):
    activity(ngo, "Kahvila", description_fi="Joskus puhutaan myös yksinäisyydestä ja monesta muusta asiasta.")
    activity(ngo, "Yksinäisyys pois -ryhmä yksinäisille")
    activity(ngo, "Shakkikerho")
    assert _result_names(_page(client, q="yksinäisyys")) == ["Yksinäisyys pois -ryhmä yksinäisille", "Kahvila"]


def test_a_stale_activity_shows_a_warning_when_asked_for(client, ngo):
    activity(ngo, "Vanha ryhmä", confirmed_days_ago=400)
    activity(ngo, "Uusi ryhmä")
    content = _page(client)
    assert _result_names(content) == ["Uusi ryhmä"]
    assert "1 toiminta, jota järjestö ei ole vahvistanut vuoteen, on jätetty pois." in content
    content = _page(client, include_stale="on")
    assert _result_names(content) == ["Uusi ryhmä", "Vanha ryhmä"]
    assert content.count("Ei vahvistettu yli vuoteen") == 1


def test_facet_counts_are_shown_and_filters_apply(client, ngo):
    activity(ngo, "Ruotsinkielinen", languages=["sv"], kind="advice", times=[(0, "10:00", "12:00")])
    activity(ngo, "Suomenkielinen", languages=["fi"], times=[(2, "18:00", "20:00")])
    content = _page(client, language="sv")
    assert _result_names(content) == ["Ruotsinkielinen"]
    assert re.search(
        r'value="fi" id="language-fi">\s*<label for="language-fi">Suomi <span class="facet-count">\(1\)', content
    )
    assert re.search(r'id="weekday-0" checked>', _page(client, weekday="0"))
    assert _result_names(_page(client, weekday="2", time="evening")) == ["Suomenkielinen"]
    assert _result_names(_page(client, kind="advice")) == ["Ruotsinkielinen"]


def test_the_municipality_filter_includes_county_wide_activities(client, ngo):
    salo = factories.salo()
    activity(ngo, "Salossa", areas=[salo])
    activity(ngo, "Koko alueella", areas=[salo.county])
    activity(ngo, "Tampereella", areas=[factories.tampere()])
    assert set(_result_names(_page(client, body="salo"))) == {"Salossa", "Koko alueella"}


def test_bad_filter_values_give_a_normal_page_that_says_so(client, ngo):
    activity(ngo, "Ryhmä")
    content = _page(client, body="ei-ole", theme="x", weekday="9", time="yo", page="abc", sort="drop")
    assert _result_names(content) == ["Ryhmä"]
    assert "Osaa suodattimista ei ymmärretty" in content


def test_swedish_page_shows_swedish_names_and_times(client, ngo):
    activity(ngo, "Vertaistukiryhmä", name_sv="Stödgrupp", times=[(1, "17:30", "19:00")])
    content = client.get("/sv/toiminta/", {"q": "stödgrupp"}).content.decode()
    assert "Stödgrupp" in content
    assert "Tisdagar kl. 17.30–19" in content
    assert 'lang="sv"' in content


def _directory_queries(client, count: int, params: dict) -> int:
    salo = factories.salo()
    ngo = Organisation.objects.first() or factories.organisation("Iso yhdistys ry")
    for n in range(Activity.objects.count(), count):
        activity(
            ngo,
            f"Vertaistukiryhmä {n}",
            areas=[salo],
            themes=["vertaistuki"],
            target_groups=["omaishoitajat"],
            languages=["fi", "sv"],
            places=[{"street_address": f"Katu {n}", "postal_code": "24100", "municipality": salo}],
            times=[(n % 7, "17:00", "19:00"), (n % 5, "10:00", "12:00")],
        )
    client.get(reverse("activities:directory"), params)  # fills the per-language list of bodies
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("activities:directory"), params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "vertaistukea", "body": "salo", "theme": "vertaistuki", "language": "sv", "weekday": "1"},
        {"body": "salo", "time": "evening", "free": "on", "sort": "name"},
    ],
)
def test_directory_query_count_does_not_grow_with_the_activities(client, params, settings):
    settings.DIRECTORY_CACHE_SECONDS = 0  # measure the work itself, not the page cache
    assert _directory_queries(client, 10, params) == _directory_queries(client, 100, params)


def test_directory_pages_come_from_the_cache_until_an_activity_changes(client, ngo, settings):
    settings.DIRECTORY_CACHE_SECONDS = 600
    item = activity(ngo, "Ryhmä")
    _page(client)
    with CaptureQueriesContext(connection) as queries:
        content = _page(client)
    assert len(queries) <= 3  # the versions of the activities and of the register only
    assert "Ryhmä" in content
    item.name_fi = "Uusi nimi"
    item.save()
    Activity.objects.filter(pk=item.pk).update(updated_at=item.updated_at + dt.timedelta(seconds=1))
    assert "Uusi nimi" in _page(client)


def test_a_cached_page_gives_each_visitor_a_working_add_button(client, ngo, settings):
    settings.DIRECTORY_CACHE_SECONDS = 600
    item = activity(ngo, "Ryhmä")
    _page(client)
    client.cookies.clear()
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    content = visitor.get(reverse("activities:directory")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)
    assert "placeholder" not in token
    response = visitor.post(
        reverse("activities:client_list_add"),
        {"activity": item.pk, "next": "/fi/toiminta/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert "Ryhmä" in visitor.get(reverse("activities:client_list_draft")).content.decode()


def _detail_queries(client, count: int) -> int:
    salo = factories.salo()
    ngo = factories.organisation(f"Yhdistys {count} ry")
    item = activity(
        ngo,
        f"Ryhmä {count}",
        areas=[salo, salo.county],
        themes=["vertaistuki", "omaishoito"],
        target_groups=["omaishoitajat"],
        languages=["fi", "sv"],
        places=[{"street_address": f"Katu {n}", "postal_code": "24100", "municipality": salo} for n in range(count)],
        times=[(n % 7, "17:00", "19:00") for n in range(count)],
    )
    for n in range(count):
        ScheduleException.objects.create(activity=item, date=dt.date.today() + dt.timedelta(days=n + 1))
    client.get(item.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_places_and_times(client):
    assert _detail_queries(client, 2) == _detail_queries(client, 12)


def test_detail_page_shows_everything_a_resident_needs(client, ngo):
    salo = factories.salo()
    item = activity(
        ngo,
        "Vertaistukiryhmä omaishoitajille",
        short_description_fi="Tule juttelemaan muiden omaishoitajien kanssa.",
        description_fi="Ryhmässä jaetaan kokemuksia ja vinkkejä.",
        areas=[salo],
        themes=["vertaistuki"],
        target_groups=["omaishoitajat"],
        places=[
            {
                "name": "Järjestötalo",
                "street_address": "Helsingintie 8",
                "postal_code": "24100",
                "municipality": salo,
                "is_accessible": True,
                "accessibility_details": "Hissi ja esteetön wc.",
                "latitude": "60.38470",
                "longitude": "23.12510",
            }
        ],
        times=[(1, "17:00", "19:00")],
        join_method="register",
        how_to_join="Ilmoittaudu Sannalle.",
        contact_name="Sanna Sihteeri",
        phone="040 123 4567",
        email="sanna@example.org",
        is_free=False,
        fee="3.50",
        cost_description="sisältää kahvin",
    )
    ScheduleRule.objects.create(
        activity=item,
        frequency=Frequency.MONTHLY,
        week_of_month=-1,
        weekday=4,
        start_time=dt.time(10),
        end_time=dt.time(12),
    )
    ScheduleException.objects.create(
        activity=item,
        date=dt.date.today() + dt.timedelta(days=20),
        until=dt.date.today() + dt.timedelta(days=40),
        note="Kesätauko",
    )
    ScheduleException.objects.create(activity=item, date=dt.date.today() - dt.timedelta(days=20), note="Mennyt tauko")
    content = client.get(item.get_absolute_url()).content.decode()
    for text in (
        "<h1>Vertaistukiryhmä omaishoitajille</h1>",
        "Tule juttelemaan muiden omaishoitajien kanssa.",
        "Ryhmässä jaetaan kokemuksia ja vinkkejä.",
        "Tiistaisin klo 17–19",
        "Kuun viimeinen perjantai klo 10–12",
        "Kesätauko",
        "Helsingintie 8",
        "Hissi ja esteetön wc.",
        "https://www.openstreetmap.org/?mlat=60.38470&amp;mlon=23.12510",
        "Ilmoittaudu Sannalle.",
        "Sanna Sihteeri",
        'href="tel:0401234567"',
        "3,50\u00a0€ – sisältää kahvin",
        "Salon Omaishoitajat ry",
        "Vertaistuki",
        "Omaishoitajat",
    ):
        assert text in content, text
    assert "Mennyt tauko" not in content
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventSchedule"][0]["byDay"] == "https://schema.org/Tuesday"
    assert data["location"][0]["geo"]["latitude"] == 60.3847


def test_detail_of_a_paused_activity_says_so_and_has_no_add_button(client, ngo):
    item = activity(ngo, "Tauolla oleva", status=ActivityStatus.PAUSED)
    content = client.get(item.get_absolute_url()).content.decode()
    assert "on nyt tauolla" in content
    assert reverse("activities:client_list_add") not in content


def test_detail_of_a_stale_activity_warns(client, ngo):
    item = activity(ngo, "Vanha", confirmed_days_ago=400)
    assert "Ei vahvistettu yli vuoteen" in client.get(item.get_absolute_url()).content.decode()


def test_detail_of_a_dissolved_ngos_activity_is_not_found(client):
    gone = factories.organisation("Lakannut ry")
    item = activity(gone, "Ryhmä")
    Organisation.objects.filter(pk=gone.pk).update(status="dissolved")
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(reverse("activities:detail", kwargs={"slug": "ei-ole"})).status_code == 404


def test_the_main_navigation_links_to_activities(client):
    content = client.get(reverse("activities:directory")).content.decode()
    assert re.search(r'<a href="/fi/toiminta/" aria-current="page">Toiminta</a>', content)


def test_the_ngos_representative_gets_an_edit_link_and_others_do_not(client, ngo):
    item = activity(ngo, "Ryhmä")
    edit = reverse("activities:edit", kwargs={"slug": ngo.slug, "activity": item.slug})
    assert edit not in client.get(item.get_absolute_url()).content.decode()
    client.force_login(factories.representative(factories.organisation("Toinen ry")))
    assert edit not in client.get(item.get_absolute_url()).content.decode()
    client.force_login(factories.representative(ngo))
    assert edit in client.get(item.get_absolute_url()).content.decode()
