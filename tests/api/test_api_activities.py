"""/api/v1/activities/: residents' view for anyone; publishing and changing by the NGO's people and
coordinators through the same domain functions as the pages; errors by field, in the request's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from kumppani.activities.models import Activity, Place
from kumppani.core.models import AuditEntry, SearchEntry
from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db

API = "/api/v1/activities/"


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {
        "salo": salo,
        "tampere": tampere,
        "ngo": ngo,
        "representative": factories.representative(ngo),
        "coordinator": factories.official(salo, role="coordinator"),
    }


def new_activity(world, **extra) -> dict:
    return {
        "organisation": world["ngo"].slug,
        "name": {"fi": "Omaishoitajien vertaisryhmä", "sv": "Kamratgrupp för närståendevårdare"},
        "short_description": {"fi": "Jaetaan kokemuksia."},
        "kind": "peer_support",
        "themes": ["omaishoito"],
        "languages": ["fi", "sv"],
        "areas": [world["salo"].slug],
        "places": [
            {"street_address": "Vilhonkatu 8", "postal_code": "24100", "municipality": world["salo"].slug},
            {
                "name": {"fi": "Kirjasto"},
                "street_address": "Tehdaskatu 2",
                "postal_code": "24100",
                "municipality": world["salo"].slug,
                "is_accessible": True,
            },
        ],
        "times": [
            {"frequency": "weekly", "weekday": 1, "start_time": "17:00", "end_time": "19:00", "place_index": 1},
            {"frequency": "monthly", "weekday": 0, "week_of_month": 1, "start_time": "10:00", "end_time": "12:00"},
        ],
        "exceptions": [{"date": "2026-12-22", "until": "2027-01-06", "note": "Joulutauko"}],
        **extra,
    }


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def in_language(text: str, language: str) -> str:
    with translation.override(language):
        return str(translation.gettext(text))


# Reading ------------------------------------------------------------------------------------


def test_the_list_shows_what_residents_see(api_client, world):
    ngo = world["ngo"]
    shown = make_activity(ngo, "Vertaisryhmä", areas=[world["salo"]])
    make_activity(ngo, "Tauolla", status="paused")
    make_activity(ngo, "Loppunut", status="ended")
    stale = make_activity(ngo, "Vanha", confirmed_days_ago=400)
    dissolved = factories.organisation("Lakannut ry")
    dissolved.status = "dissolved"
    dissolved.save()
    make_activity(dissolved, "Lakanneen ryhmä")
    assert slugs(api_client.get(API)) == [shown.slug]
    assert slugs(api_client.get(API, {"include_stale": "true"})) == [stale.slug, shown.slug]
    assert len(slugs(api_client.get(API, {"status": "paused"}))) == 1
    row = api_client.get(API).json()["results"][0]
    assert row["name"] == {"fi": "Vertaisryhmä", "sv": None, "en": None}
    assert row["organisation"] == ngo.slug and row["is_stale"] is False
    assert row["url"].endswith(shown.get_absolute_url())


def test_filters(api_client, world):
    salo, tampere = world["salo"], world["tampere"]
    group = make_activity(world["ngo"], "Ryhmä", areas=[salo], themes=["omaishoito"], kind="peer_support")
    advice = make_activity(world["ngo"], "Neuvonta", areas=[salo.county], kind="advice")
    elsewhere = make_activity(factories.organisation(areas=[tampere]), "Tampereella", areas=[tampere])
    assert slugs(api_client.get(API, {"organisation": world["ngo"].slug})) == [advice.slug, group.slug]
    assert slugs(api_client.get(API, {"municipality": salo.slug})) == [advice.slug, group.slug]  # county-wide too
    assert slugs(api_client.get(API, {"municipality": tampere.slug})) == [elsewhere.slug]
    assert slugs(api_client.get(API, {"theme": "omaishoito"})) == [group.slug]
    assert slugs(api_client.get(API, {"type": ["advice", "peer_support"]})) == [advice.slug, group.slug, elsewhere.slug]
    assert slugs(api_client.get(API, {"type": "advice"})) == [advice.slug]
    assert api_client.get(API, {"type": "nonsense"}).status_code == 400


def test_an_activity_answers_at_its_own_address_whatever_its_status(api_client, world):
    ended = make_activity(world["ngo"], "Loppunut", status="ended", confirmed_days_ago=600)
    response = api_client.get(f"{API}{ended.slug}/")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["is_stale"]) == ("ended", True)
    assert api_client.get(f"{API}no-such-activity/").status_code == 404


def _bulk(world, start, count):
    salo = world["salo"]
    for n in range(start, start + count):
        make_activity(
            world["ngo"],
            f"Ryhmä {n:03d}",
            areas=[salo],
            themes=["omaishoito"],
            places=[{"street_address": "Katu 1", "postal_code": "24100", "municipality": salo}],
            times=[(1, "10:00", "11:00")],
        )


@pytest.mark.parametrize("params", [{}, {"municipality": "salo", "theme": "omaishoito"}])
def test_list_query_count_does_not_grow_with_the_activities(api_client, world, params):
    _bulk(world, 0, 5)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(API, {"page_size": 200, **params})
        assert response.status_code == 200
        return len(queries)

    few = count()
    _bulk(world, 5, 30)
    assert count() == few


# Publishing and changing -----------------------------------------------------------------------


def test_representative_publishes_an_activity_with_places_and_times(api_client, world):
    api_client.force_login(world["representative"])
    response = api_client.post(API, new_activity(world), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "omaishoitajien-vertaisryhma"
    assert data["is_accessible"] is True
    library = next(p for p in data["places"] if p["street_address"] == "Tehdaskatu 2")
    weekly = next(t for t in data["times"] if t["frequency"] == "weekly")
    assert weekly["place"] == library["uuid"]
    assert data["exceptions"] == [{"date": "2026-12-22", "until": "2027-01-06", "note": "Joulutauko"}]
    activity = Activity.objects.get(slug=data["slug"])
    assert activity.organisation == world["ngo"]
    assert AuditEntry.objects.filter(object_id=str(activity.pk), action="activity_published").exists()
    assert SearchEntry.objects.filter(kind="activity", object_id=activity.pk).exists()


@pytest.mark.parametrize("who", ["anonymous", "another NGO's representative", "another body's coordinator"])
def test_outsiders_may_not_publish(api_client, world, who):
    person = {
        "anonymous": None,
        "another NGO's representative": factories.representative(factories.organisation(areas=[world["tampere"]])),
        "another body's coordinator": factories.official(world["tampere"], role="coordinator"),
    }[who]
    if person is not None:
        api_client.force_login(person)
    response = api_client.post(API, new_activity(world), format="json")
    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
    assert (Activity.objects.count(), Place.objects.count()) == (0, 0)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_bad_data_is_400_by_field_in_the_request_language(api_client, world, language):
    api_client.force_login(world["representative"])
    bad = new_activity(
        world,
        name={"sv": "Bara svenska"},
        is_free=False,
        times=[{"frequency": "monthly", "weekday": 1, "start_time": "19:00", "end_time": "17:00"}],
    )
    response = api_client.post(API, bad, format="json", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response["Content-Language"] == language
    errors = response.json()
    assert set(errors) == {"name", "times"}
    assert set(errors["name"]) == {"fi"}
    assert errors["times"] == {
        "0": {
            "end_time": [in_language("The end must be after the start.", language)],
            "week_of_month": [in_language("Choose which week of the month, e.g. the first or the last.", language)],
        }
    }
    if language != "en":
        assert errors["times"]["0"]["end_time"] != ["The end must be after the start."]
    assert Activity.objects.count() == 0


def test_the_domain_rules_answer_400_in_the_request_language(api_client, world):
    api_client.force_login(world["representative"])
    bad = new_activity(world, places=[], is_free=False)
    response = api_client.post(API, bad, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    assert response.json() == {
        "places": ["Ange minst en plats där verksamheten träffas, eller markera att den sker på nätet."],
        "fee": ["Ange avgiften i euro eller markera verksamheten som avgiftsfri."],
        "times": ["Tid 1: välj en av verksamhetens platser."],  # its place_index points to no place
    }
    assert Activity.objects.count() == 0


def test_coordinator_changes_an_activity_and_a_place_keeps_its_identity(api_client, world):
    api_client.force_login(world["representative"])
    created = api_client.post(API, new_activity(world), format="json").json()
    kept = created["places"][0]
    api_client.force_login(world["coordinator"])
    response = api_client.patch(
        f"{API}{created['slug']}/",
        {
            "name": {"en": "Carers' peer group"},
            "places": [{**kept, "postal_code": "24240"}],
            "times": [
                {"frequency": "weekly", "weekday": 3, "start_time": "18:00", "end_time": "20:00", "place_index": 0}
            ],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["name"] == {
        "fi": "Omaishoitajien vertaisryhmä",
        "sv": "Kamratgrupp för närståendevårdare",
        "en": "Carers' peer group",
    }
    assert [(p["uuid"], p["postal_code"]) for p in data["places"]] == [(kept["uuid"], "24240")]
    assert [(t["weekday"], t["place"]) for t in data["times"]] == [(3, kept["uuid"])]
    assert data["exceptions"] == created["exceptions"]  # left out: unchanged
    assert data["is_accessible"] is False  # the accessible place was removed


def test_outsiders_may_not_change_end_or_confirm(api_client, world):
    activity = make_activity(world["ngo"], "Ryhmä", areas=[world["salo"]], confirmed_days_ago=300)
    before = Activity.objects.values().get(pk=activity.pk)
    for person in (
        None,
        factories.representative(factories.organisation(areas=[world["tampere"]])),
        factories.official(world["tampere"], role="coordinator"),
    ):
        api_client.logout()
        if person is not None:
            api_client.force_login(person)
        path = f"{API}{activity.slug}/"
        assert api_client.patch(path, {"name": {"fi": "Kaapattu"}}, format="json").status_code == 403
        assert api_client.put(path, {"name": {"fi": "Kaapattu"}}, format="json").status_code == 403
        assert api_client.delete(path).status_code == 403
        assert api_client.post(f"{path}confirm/").status_code == 403
    assert Activity.objects.values().get(pk=activity.pk) == before


def test_an_activity_stays_with_its_ngo(api_client, world):
    activity = make_activity(world["ngo"], "Ryhmä", areas=[world["salo"]])
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    api_client.force_login(world["coordinator"])
    response = api_client.patch(f"{API}{activity.slug}/", {"organisation": other.slug}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"organisation"}
    assert Activity.objects.get(pk=activity.pk).organisation == world["ngo"]


def test_pausing_confirming_and_ending(api_client, world):
    activity = make_activity(world["ngo"], "Ryhmä", areas=[world["salo"]], confirmed_days_ago=300)
    api_client.force_login(world["representative"])
    path = f"{API}{activity.slug}/"
    assert api_client.patch(path, {"status": "paused"}, format="json").json()["status"] == "paused"
    response = api_client.post(f"{path}confirm/")
    assert response.status_code == 200 and response.json()["needs_confirmation"] is False
    assert api_client.delete(path).status_code == 204
    ended = Activity.objects.get(pk=activity.pk)
    assert ended.status == "ended"  # ended, not deleted: links and the history keep working
    assert api_client.get(path).json()["status"] == "ended"
    response = api_client.post(f"{path}confirm/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["An ended activity cannot be confirmed. Start it again first."]}
