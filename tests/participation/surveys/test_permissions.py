"""Every survey page that is not public, tried by those who may not: each is refused and nothing
changes. Free-text answers are seen only by the survey's owners, even once the results are published."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import DistributionLink, Question, Survey
from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    question = sf.choice_question(survey, owner)
    free = sf.text_question(survey, owner)
    services.response_submit(
        survey=survey, raw={question.pk: [str(question.choices.first().pk)], free.pk: ["Salainen ajatus"]}
    )
    ngo = factories.organisation("Salon yhdistys ry", areas=[salo])
    return {
        "salo": salo,
        "owner": owner,
        "survey": survey,
        "question": question,
        "people": {
            "anonymous": None,
            "an NGO of the area": factories.representative(ngo, role="admin"),
            "official of another body": factories.official(tampere, role="coordinator"),
        },
    }


def owner_pages(w):
    slug, body = w["survey"].slug, w["salo"].slug
    return [
        ("get", reverse("participation:survey_body", args=[body])),
        ("post", reverse("participation:survey_body", args=[body])),
        ("get", reverse("participation:survey_create", args=[body])),
        ("post", reverse("participation:survey_create", args=[body])),
        ("get", reverse("participation:survey_manage", args=[slug])),
        ("post", reverse("participation:survey_manage", args=[slug])),
        ("get", reverse("participation:survey_edit", args=[slug])),
        ("post", reverse("participation:survey_edit", args=[slug])),
        ("post", reverse("participation:survey_question_delete", args=[slug, w["question"].pk])),
        ("post", reverse("participation:survey_publish", args=[slug])),
        ("get", reverse("participation:survey_results", args=[slug])),
        ("get", reverse("participation:survey_results_export", args=[slug, "csv"])),
    ]


@pytest.mark.parametrize("who", ["anonymous", "an NGO of the area", "official of another body"])
def test_owner_pages_refuse_outsiders_and_change_nothing(client, world, who):
    person = world["people"][who]
    if person is not None:
        client.force_login(person)
    before = (
        AuditEntry.objects.count(),
        Survey.objects.count(),
        Question.objects.count(),
        DistributionLink.objects.count(),
    )
    data = {
        "title_fi": "Kaapattu",
        "year": "2026",
        "q-kind": "text",
        "q-text_fi": "Uusi",
        "l-channel": "x",
        "l-count": "1",
    }
    for method, url in owner_pages(world):
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None and "tulokset" not in url:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    after = (
        AuditEntry.objects.count(),
        Survey.objects.count(),
        Question.objects.count(),
        DistributionLink.objects.count(),
    )
    assert after == before
    assert not Survey.objects.filter(results_published=True).exists()


def test_published_results_are_public_but_the_free_text_stays_with_the_owners(client, world):
    survey = world["survey"]
    Survey.objects.filter(pk=survey.pk).update(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    survey.refresh_from_db()
    services.survey_publish_results(survey=survey, by=world["owner"])
    for person in world["people"].values():
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in (
            reverse("participation:survey_results", args=[survey.slug]),
            reverse("participation:survey_results_export", args=[survey.slug, "csv"]),
            reverse("participation:survey_results_export", args=[survey.slug, "xlsx"]),
        ):
            response = client.get(url)
            assert response.status_code == 200
            assert b"Salainen ajatus" not in response.content
    client.force_login(world["owner"])
    assert "Salainen ajatus" in client.get(reverse("participation:survey_results", args=[survey.slug])).content.decode()
    assert "Salainen ajatus" in client.get(
        reverse("participation:survey_results_export", args=[survey.slug, "csv"])
    ).content.decode("utf-8-sig")


def test_results_cannot_be_published_while_the_survey_is_open(client, world):
    client.force_login(world["owner"])
    client.post(reverse("participation:survey_publish", args=[world["survey"].slug]))
    assert not Survey.objects.filter(results_published=True).exists()
