"""A body's official writes a survey through its pages, makes links, and reads the results; the
results page's query count does not grow with the answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import DistributionLink, Question, Survey
from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db


def test_an_official_creates_a_survey_with_a_conditional_question_and_links(client):
    salo = factories.salo()
    official = factories.official(salo, role="official")
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    client.force_login(official)
    response = client.post(
        reverse("participation:survey_create", args=[salo.slug]),
        {
            "title_fi": "Asukkaiden hyvinvointi",
            "title_sv": "Invånarnas välfärd",
            "opens_at": "2026-12-01T09:00",
            "closes_at": "2026-12-31T16:00",
            "open_link": "on",
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert timezone.localtime(survey.closes_at).strftime("%d.%m.%Y %H.%M") == "31.12.2026 16.00"
    manage = reverse("participation:survey_manage", args=[survey.slug])
    client.post(
        manage,
        {
            "q-kind": "single",
            "q-text_fi": "Oletko yksinäinen?",
            "q-choices_fi": "Kyllä\nEn",
            "q-required": "on",
            "q-scale_min": 1,
            "q-scale_max": 5,
        },
    )
    yes = Question.objects.get().choices.get(label_fi="Kyllä")
    client.post(
        manage,
        {
            "q-kind": "text",
            "q-text_fi": "Mikä auttaisi?",
            "q-show_if_choice": yes.pk,
            "q-scale_min": 1,
            "q-scale_max": 5,
        },
    )
    assert Question.objects.get(text_fi="Mikä auttaisi?").show_if_choice == yes
    client.post(manage, {"l-organisation": ngo.pk, "l-channel": "", "l-count": 3, "l-single_use": "on"})
    assert DistributionLink.objects.filter(organisation=ngo, single_use=True).count() == 3
    page = client.get(manage)
    assert "Salon Omaishoitajat ry" in page.content.decode()


def test_a_choice_question_with_one_choice_is_refused_with_a_message(client):
    salo = factories.salo()
    official = factories.official(salo, role="official")
    survey = sf.survey(salo, official)
    client.force_login(official)
    page = client.post(
        reverse("participation:survey_manage", args=[survey.slug]),
        {
            "q-kind": "multiple",
            "q-text_fi": "Mitä harrastat?",
            "q-choices_fi": "Lukeminen",
            "q-scale_min": 1,
            "q-scale_max": 5,
        },
    )
    assert page.status_code == 200 and page.context["question_form"].errors
    assert not Question.objects.exists()


def test_a_survey_closing_before_it_opens_is_refused(client):
    salo = factories.salo()
    client.force_login(factories.official(salo))
    page = client.post(
        reverse("participation:survey_create", args=[salo.slug]),
        {"title_fi": "Kysely", "opens_at": "2026-12-10T09:00", "closes_at": "2026-12-01T09:00"},
    )
    assert page.context["form"].errors["closes_at"] and not Survey.objects.exists()


def _answers(survey, question, text, n):
    for i in range(n):
        services.response_submit(
            survey=survey, raw={question.pk: [str(question.choices.all()[i % 2].pk)], text.pk: ["x"]}
        )


@pytest.mark.parametrize("answers", [1, 12])
def test_the_results_page_query_count_does_not_grow_with_answers(client, django_assert_num_queries, answers):
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    question, text = sf.choice_question(survey, owner), sf.text_question(survey, owner)
    sf.scale_question(survey, owner)
    ngo = factories.organisation()
    services.links_create(survey=survey, organisation=ngo, channel="lehti", by=owner)
    _answers(survey, question, text, answers)
    client.force_login(owner)
    url = reverse("participation:survey_results", args=[survey.slug])
    client.get(url)
    with django_assert_num_queries(12):
        page = client.get(url)
    assert page.context["results"].total == answers


def test_anyone_sees_published_results_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    question, text = sf.choice_question(survey, owner), sf.text_question(survey, owner)
    _answers(survey, question, text, 5)
    Survey.objects.filter(pk=survey.pk).update(
        opens_at=timezone.now() - timedelta(days=9),
        closes_at=timezone.now() - timedelta(days=1),
        results_published=True,
    )
    url = reverse("participation:survey_results", args=[survey.slug])
    with django_assert_num_queries(8):
        page = client.get(url)
    content = page.content.decode()
    assert "Hyvin" in content and "<table" in content and 'aria-hidden="true"' in content
