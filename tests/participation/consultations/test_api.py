"""The consultations API: published consultations and public statements for everyone, the rest by permission."""

import pytest
from rest_framework.test import APIClient

from kumppani.participation.consultations import services
from tests import factories
from tests.participation.consultations import helpers

pytestmark = pytest.mark.django_db
CONSULTATIONS = "/api/v1/participation/consultations/"
STATEMENTS = "/api/v1/participation/statements/"


def test_the_public_sees_published_consultations_and_statements_only_after_closing():
    w = helpers.world()
    draft = helpers.consultation(w["salo"], w["official"], open_it=False)
    item = helpers.consultation(w["salo"], w["official"])
    statement = helpers.sent_statement(item, w)
    client = APIClient()
    listed = client.get(CONSULTATIONS, {"body": w["salo"].slug}).json()["results"]
    assert [row["id"] for row in listed] == [item.pk]
    assert listed[0]["title"]["fi"] == "Hyvinvointisuunnitelma 2027–2030" and listed[0]["phase"] == "open"
    assert client.get(f"{CONSULTATIONS}{draft.pk}/").status_code == 404
    assert client.get(STATEMENTS).json()["results"] == []
    client.force_authenticate(w["official"])
    assert [row["id"] for row in client.get(STATEMENTS).json()["results"]] == [statement.pk]
    assert {row["id"] for row in client.get(CONSULTATIONS).json()["results"]} == {item.pk, draft.pk}
    services.consultation_close(by=w["official"], consultation=item)
    services.response_save(
        by=w["official"], consultation=item, heard="Kuulimme.", changed="Muutimme.", links={statement.pk: "Vapaat"}
    )
    services.response_publish(by=w["official"], consultation=item)
    anonymous = APIClient()
    rows = anonymous.get(STATEMENTS, {"consultation": item.pk}).json()["results"]
    assert [row["id"] for row in rows] == [statement.pk] and rows[0]["organisation"] == w["ngo"].slug
    detail = anonymous.get(f"{CONSULTATIONS}{item.pk}/").json()
    assert detail["response"]["links"] == [{"statement": statement.pk, "what_changed": "Vapaat"}]


def test_a_draft_statement_is_the_ngos_own():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    section = item.sections.first()
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Luonnos"}
    )
    client = APIClient()
    client.force_authenticate(w["representative"])
    assert [row["id"] for row in client.get(STATEMENTS).json()["results"]] == [statement.pk]
    for outsider in (w["official"], factories.official(factories.tampere()), factories.user()):
        client.force_authenticate(outsider)
        assert client.get(STATEMENTS).json()["results"] == []
        assert client.get(f"{STATEMENTS}{statement.pk}/").status_code == 404


def test_the_list_takes_as_many_queries_for_one_consultation_as_for_many(django_assert_num_queries):
    w = helpers.world()
    helpers.consultation(w["salo"], w["official"])
    client = APIClient()
    client.get(CONSULTATIONS)
    with django_assert_num_queries(5) as first:
        client.get(CONSULTATIONS)
    for _ in range(3):
        helpers.consultation(w["salo"], w["official"])
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(CONSULTATIONS)
