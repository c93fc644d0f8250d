"""/api/v1/cooperation/…: governance through the same services as the pages, by permission."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kumppani.cooperation.governance import services
from kumppani.cooperation.governance.models import ActionItem, NominationStatus, Seat
from kumppani.cooperation.models import Sector
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def world():
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator")
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    chair = factories.user(name="Paula Puheenjohtaja")
    network = gf.network(salo, chair=chair, members=[ngo], by=coordinator)
    group = gf.group(salo, by=coordinator)
    return {"salo": salo, "coordinator": coordinator, "ngo": ngo, "chair": chair, "network": network, "group": group}


def test_a_nomination_goes_through_the_api(api, world):
    api.force_authenticate(world["coordinator"])
    response = api.post(
        "/api/v1/cooperation/nomination-requests/",
        {
            "group": world["group"].pk,
            "network": world["network"].slug,
            "seats": 1,
            "deputies": False,
            "deadline": (gf.today() + dt.timedelta(days=7)).isoformat(),
            "term_start": "2027-01-01",
            "term_end": "2028-12-31",
            "message": "",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]

    api.force_authenticate(world["chair"])
    response = api.post(
        f"/api/v1/cooperation/nomination-requests/{pk}/nominate/",
        {"nominees": [{"organisation": world["ngo"].slug, "name": "Maija Meikäläinen"}]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == NominationStatus.NOMINATED
    assert api.post(f"/api/v1/cooperation/nomination-requests/{pk}/confirm/").status_code == 403

    api.force_authenticate(world["coordinator"])
    assert api.post(f"/api/v1/cooperation/nomination-requests/{pk}/confirm/").status_code == 200
    api.force_authenticate(None)
    groups = api.get("/api/v1/cooperation/groups/", {"body": "salo"}).json()["results"]
    assert groups[0]["seats"][0]["name"] == "Maija Meikäläinen"
    assert groups[0]["seats"][0]["organisation"] == world["ngo"].slug
    assert "email" not in groups[0]["seats"][0]


def test_bad_input_is_a_400_that_names_the_field_and_saves_nothing(api, world):
    api.force_authenticate(world["coordinator"])
    response = api.post(
        "/api/v1/cooperation/nomination-requests/",
        {
            "group": world["group"].pk,
            "network": world["network"].slug,
            "seats": 9,
            "deputies": False,
            "deadline": "2020-01-01",
            "term_start": "2027-01-01",
            "term_end": "2028-12-31",
        },
        format="json",
    )
    assert response.status_code == 400
    assert {"seats", "deadline"} <= set(response.json())
    assert not world["group"].nomination_requests.exists()


def test_outsiders_see_no_requests_and_cannot_act(api, world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    outsider = factories.official(factories.tampere(), role="coordinator")
    api.force_authenticate(outsider)
    assert api.get("/api/v1/cooperation/nomination-requests/").json()["results"] == []
    assert api.post(f"/api/v1/cooperation/nomination-requests/{request.pk}/confirm/").status_code == 404
    api.force_authenticate(None)
    assert api.get("/api/v1/cooperation/nomination-requests/").status_code in (401, 403)
    assert not Seat.objects.exists()


def test_an_ngo_marks_its_action_item_done_through_the_api(api, world):
    meeting = services.meeting_save(
        by=world["coordinator"],
        body=world["salo"],
        data={"kind": "partnership_table", "title": "Pöytä", "starts_at": dt.datetime(2027, 2, 2, tzinfo=dt.UTC)},
        officials=[],
        organisations=[world["ngo"]],
    )
    item = services.action_item_add(
        by=world["coordinator"], meeting=meeting, title="Esite", due_on=gf.today(), owner_organisation=world["ngo"]
    )
    api.force_authenticate(factories.representative(world["ngo"]))
    assert [row["title"] for row in api.get("/api/v1/cooperation/action-items/").json()["results"]] == ["Esite"]
    assert api.post(f"/api/v1/cooperation/action-items/{item.pk}/done/").status_code == 200
    assert ActionItem.objects.get(pk=item.pk).done_at is not None
    assert api.get("/api/v1/cooperation/action-items/").json()["results"] == []


def test_expert_requests_are_asked_and_answered_through_the_api(api, world):
    sector = Sector.objects.create(body=world["salo"], name_fi="Hyte", slug="hyte")
    api.force_authenticate(world["coordinator"])
    response = api.post(
        "/api/v1/cooperation/expert-requests/",
        {
            "body": "salo",
            "sector": sector.pk,
            "topic": "Kokemustietoa",
            "needed": "Kuvaus",
            "purpose": "welfare_report",
            "deadline": (gf.today() + dt.timedelta(days=5)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    api.force_authenticate(factories.representative(world["ngo"]))
    response = api.post(
        f"/api/v1/cooperation/expert-requests/{pk}/answer/",
        {"organisation": world["ngo"].slug, "text": "Autamme."},
        format="json",
    )
    assert response.status_code == 201
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    response = api.post(
        f"/api/v1/cooperation/expert-requests/{pk}/answer/", {"organisation": other.slug, "text": "X"}, format="json"
    )
    assert response.status_code == 403


def test_drafts_of_the_negotiation_are_not_public(api, world):
    draft = services.negotiation_open(by=world["coordinator"], body=world["salo"], year=2027)
    assert api.get("/api/v1/cooperation/negotiations/").json()["results"] == []
    api.force_authenticate(world["coordinator"])
    assert [row["id"] for row in api.get("/api/v1/cooperation/negotiations/").json()["results"]] == [draft.pk]


@pytest.mark.parametrize("n", [1, 5])
def test_the_public_lists_read_a_fixed_number_of_queries(api, world, django_assert_num_queries, n):
    for i in range(n):
        group = gf.group(world["salo"], by=world["coordinator"], name=f"Ryhmä {i}")
        request = gf.nomination_request(group, world["network"], by=world["coordinator"])
        services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
        services.nomination_confirm(by=world["coordinator"], request=request)
        gf.network(world["salo"], by=world["coordinator"], members=[world["ngo"]], name=f"Verkosto {i}")
    with django_assert_num_queries(3):  # count, groups with bodies, current seats with NGOs
        assert api.get("/api/v1/cooperation/groups/").status_code == 200
    with django_assert_num_queries(3):  # count, networks, their members
        assert api.get("/api/v1/cooperation/networks/").status_code == 200
