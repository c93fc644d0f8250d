"""/api/v1/cooperation/…: the same rules as the pages, through the same services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from kumppani.cooperation import services
from kumppani.cooperation.models import CooperationForm, Realisation
from tests import factories
from tests.cooperation.record_world import LAST_YEAR, make_form, make_proposal, year

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _marked(world, **extra):
    form = make_form(world, **extra)
    start, end = year()
    services.realisation_mark(
        form=form,
        period_start=start,
        period_end=end,
        outcome="realised",
        note="Viraston huomio.",
        side="body",
        by=world["official"],
    )
    return form


def test_the_public_sees_outcomes_but_no_notes(api, world):
    form = _marked(world)
    response = api.get("/api/v1/cooperation/forms/", {"body": world["salo"].slug})
    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["uuid"] == str(form.uuid) and row["organisations"] == [world["ngo"].slug]
    assert row["realisations"][0]["outcome"] == "realised"
    assert row["realisations"][0]["body_note"] is None and row["description"] is None and row["responsible"] is None
    api.force_authenticate(world["rep"])
    row = api.get(f"/api/v1/cooperation/forms/{form.uuid}/").json()
    assert row["realisations"][0]["body_note"] == "Viraston huomio."


@pytest.mark.parametrize("extra", [1, 8])
def test_the_form_list_does_not_grow(api, world, extra):
    for n in range(extra):
        org = factories.organisation(f"API-yhdistys {n} ry", areas=[world["salo"]])
        _marked(world, title=f"Muoto {n}", organisations=[org])
    api.force_authenticate(world["official"])
    with CaptureQueriesContext(connection) as captured:
        assert api.get("/api/v1/cooperation/forms/").json()["count"] == extra
    assert len(captured) <= 8


def test_an_official_records_and_the_ngo_confirms_and_marks_through_the_api(api, world):
    api.force_authenticate(world["official"])
    response = api.post(
        "/api/v1/cooperation/forms/",
        {
            "sector": world["sector"].pk,
            "organisations": [world["ngo"].slug],
            "category": "financial",
            "kind": "other",
            "title": "Toiminta-avustuksen kumppanuus",
            "starts_on": f"{LAST_YEAR}-01-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    uuid = response.json()["uuid"]
    mark = {"period_start": f"{LAST_YEAR}-01-01", "period_end": f"{LAST_YEAR}-12-31", "outcome": "partly"}
    api.force_authenticate(world["rep"])
    assert (
        api.post(f"/api/v1/cooperation/forms/{uuid}/realisation/", {**mark, "side": "body"}, format="json").status_code
        == 403
    )
    assert (
        api.post(
            f"/api/v1/cooperation/forms/{uuid}/confirm/", {"organisation": world["ngo"].slug}, format="json"
        ).status_code
        == 200
    )
    response = api.post(f"/api/v1/cooperation/forms/{uuid}/realisation/", {**mark, "side": "ngo"}, format="json")
    assert response.status_code == 200 and response.json()["realisations"][0]["ngo_outcome"] == "partly"
    assert Realisation.objects.get().outcome == ""


def test_outsiders_cannot_record_or_mark(api, world):
    form = make_form(world)
    for person in (world["other_rep"], world["other_official"]):
        api.force_authenticate(person)
        response = api.post(
            "/api/v1/cooperation/forms/",
            {
                "sector": world["sector"].pk,
                "organisations": [world["ngo"].slug],
                "category": "practical",
                "kind": "other",
                "title": "Kaapattu",
                "starts_on": "2026-01-01",
            },
            format="json",
        )
        assert response.status_code == 403
        mark = {
            "period_start": f"{LAST_YEAR}-01-01",
            "period_end": f"{LAST_YEAR}-12-31",
            "outcome": "realised",
            "side": "body",
        }
        assert api.post(f"/api/v1/cooperation/forms/{form.uuid}/realisation/", mark, format="json").status_code == 403
    assert CooperationForm.objects.count() == 1 and not Realisation.objects.exists()


def test_a_proposal_is_hidden_from_others(api, world):
    form = make_proposal(world, title="Ehdotus", starts_on=world["salo"].sectors.get().created_at.date())
    assert api.get(f"/api/v1/cooperation/forms/{form.uuid}/").status_code == 404
    api.force_authenticate(world["official"])
    response = api.post(f"/api/v1/cooperation/forms/{form.uuid}/decide/", {"accept": False}, format="json")
    assert response.status_code == 400 and "reason" in response.json()


def test_sectors_and_coordinators_are_public(api, world):
    services.coordinator_contact_save(
        body=world["salo"], user=world["coordinator"], title_fi="Järjestökoordinaattori", by=world["coordinator"]
    )
    sectors = api.get("/api/v1/cooperation/sectors/", {"body": world["salo"].slug}).json()["results"]
    assert [s["name"]["fi"] for s in sectors] == ["Nuorisopalvelut"]
    rows = api.get("/api/v1/cooperation/coordinators/").json()["results"]
    assert {"body": "salo", "name": "Päivi Koordinaattori", "title": "Järjestökoordinaattori"}.items() <= next(
        r for r in rows if r["name"] == "Päivi Koordinaattori"
    ).items()
    assert api.post(
        "/api/v1/cooperation/sectors/", {"body": "salo", "name": {"fi": "X"}}, format="json"
    ).status_code in (401, 403)
    api.force_authenticate(world["coordinator"])
    response = api.post("/api/v1/cooperation/sectors/", {"body": "salo", "name": {"fi": "Kulttuuri"}}, format="json")
    assert response.status_code == 201 and response.json()["slug"] == "kulttuuri"
