"""/api/v1/participation/surveys/: published results for anyone, never the free text; unpublished
ones only for the body's own people; the OpenAPI document stays valid."""

from datetime import timedelta

import pytest
from django.utils import timezone
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import Survey
from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db
URL = "/api/v1/participation/surveys/"


@pytest.fixture
def world():
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    published = sf.survey(salo, owner, title="Julkaistu kysely")
    question, text = sf.choice_question(published, owner), sf.text_question(published, owner)
    for _i in range(3):
        services.response_submit(
            survey=published, raw={question.pk: [str(question.choices.first().pk)], text.pk: ["Salaisuus"]}
        )
    Survey.objects.filter(pk=published.pk).update(
        opens_at=timezone.now() - timedelta(days=9),
        closes_at=timezone.now() - timedelta(days=1),
        results_published=True,
    )
    hidden = sf.survey(salo, owner, title="Keskeneräinen")
    return {"owner": owner, "published": published, "hidden": hidden}


def test_anyone_reads_published_results_without_free_text(world):
    client = APIClient()
    listing = client.get(URL).json()
    assert [s["slug"] for s in listing["results"]] == [world["published"].slug]
    assert listing["results"][0]["answers"] == 3
    detail = client.get(f"{URL}{world['published'].slug}/")
    assert detail.status_code == 200
    rows = detail.json()["results"][0]["rows"]
    assert rows[0] == {"label": "Hyvin", "count": 3, "percent": 100}
    assert "Salaisuus" not in detail.content.decode()
    assert client.get(f"{URL}{world['hidden'].slug}/").status_code == 404


def test_the_body_reads_its_own_unpublished_surveys(world):
    client = APIClient()
    client.force_authenticate(world["owner"])
    assert {s["slug"] for s in client.get(URL).json()["results"]} == {world["published"].slug, world["hidden"].slug}
    outsider = APIClient()
    outsider.force_authenticate(factories.official(factories.tampere()))
    assert outsider.get(f"{URL}{world['hidden'].slug}/").status_code == 404


@pytest.mark.parametrize("count", [1, 5])
def test_the_list_takes_a_fixed_number_of_queries(world, django_assert_num_queries, count):
    for i in range(count):
        survey = sf.survey(factories.salo(), world["owner"], title=f"Kysely {i}")
        Survey.objects.filter(pk=survey.pk).update(results_published=True)
    with django_assert_num_queries(2):
        APIClient().get(URL)


def test_the_openapi_document_stays_valid(world):
    spec = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    validate(spec)
    assert {"/api/v1/participation/surveys/", "/api/v1/participation/knowledge-reports/"} <= set(spec["paths"])
