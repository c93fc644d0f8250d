"""A Swedish or English page that shows a text written only in Finnish marks it lang="fi" and says it
is available only in Finnish: the survey a resident answers, its results, a network of NGOs and a
council of the cooperation pages. A text that has its translation is shown translated, unmarked."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.cooperation import governance_factories as gf
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def finnish_only(text: str, note: str = "only in Finnish") -> str:
    return f'<span lang="fi">{text}</span> <span class="only-in-finnish">({note})</span>'


def test_a_survey_in_english_marks_its_finnish_only_questions_and_choices(client):
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    sf.choice_question(survey, owner, text="Miten voit?", labels=("Hyvin", "Huonosti"), text_en="How are you?")
    with translation.override("en"):
        url = reverse("participation:survey_detail", args=[survey.slug])
    page = page_of(client, url)
    assert "How are you?" in page and finnish_only("How are you?") not in page
    assert finnish_only("Hyvin") in page and finnish_only("Huonosti") in page
    assert finnish_only("Hyvinvointikysely") in page  # the title, in Finnish and Swedish only
    page = page_of(client, url.replace("/en/", "/sv/"))
    assert "<h1>Välfärdsenkät</h1>" in page
    assert '<span lang="fi">Hyvin</span>' in page
    page = page_of(client, url.replace("/en/", "/fi/"))
    assert "<h1>Hyvinvointikysely</h1>" in page and "only-in-finnish" not in page


def test_a_network_and_a_council_in_swedish_mark_their_finnish_names(client):
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator")
    network = gf.network(salo, by=coordinator)
    council = gf.group(salo, by=coordinator)
    with translation.override("sv"):
        network_url = reverse("cooperation:network", args=[network.slug])
        council_url = reverse("cooperation:group", args=[council.pk])
    page = page_of(client, network_url)
    assert '<h1><span lang="fi">Salon järjestöjen neuvottelukunta</span>' in page
    assert "only-in-finnish" in page
    page = page_of(client, council_url)
    assert '<span lang="fi">Vanhusneuvosto</span>' in page
