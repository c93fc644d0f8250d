"""A consultation, survey or knowledge form sent with mistakes opens again with a summary at the top
that links to each field to mend, and nothing is saved."""

import pytest
from django.urls import reverse

from kumppani.participation.consultations.models import Consultation, ConsultationSection
from kumppani.participation.knowledge.models import KnowledgeReport
from kumppani.participation.surveys.models import Question, Survey
from tests import factories
from tests.error_summary import error_summary
from tests.participation.consultations import helpers
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db


def test_a_consultation_without_a_title_lists_the_problems_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, role="official"))
    response = client.post(reverse("participation:consultation_create", args=[salo.slug]), {"title_sv": "Plan"})
    summary = error_summary(response)
    assert 'href="#id_title_fi"' in summary
    assert 'href="#id_summary_fi"' in summary
    assert 'href="#id_title_sv"' not in summary
    assert not Consultation.objects.exists()


def test_a_section_without_its_question_lists_the_problem_and_adds_nothing(client):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"], open_it=False, sections=0)
    client.force_login(w["official"])
    response = client.post(reverse("participation:consultation_section_add", args=[item.pk]), {"title_fi": "Osa"})
    summary = error_summary(response)
    assert 'href="#id_question_fi"' in summary
    assert not ConsultationSection.objects.exists()


def test_a_knowledge_report_without_a_title_lists_the_problems_and_saves_nothing(client):
    ngo = factories.organisation(areas=[factories.salo()])
    client.force_login(factories.representative(ngo))
    response = client.post(reverse("participation:knowledge_create", args=[ngo.slug]), {"area": "Vuotso"})
    summary = error_summary(response)
    assert 'href="#id_title"' in summary
    assert 'href="#id_period_start"' in summary
    assert 'href="#id_area"' not in summary
    assert not KnowledgeReport.objects.exists()


def test_a_survey_without_a_title_lists_the_problem_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, role="official"))
    response = client.post(reverse("participation:survey_create", args=[salo.slug]), {"title_sv": "Enkät"})
    assert 'href="#id_title_fi"' in error_summary(response)
    assert not Survey.objects.exists()


def test_a_question_without_its_text_lists_the_problem_and_adds_nothing(client):
    salo = factories.salo()
    official = factories.official(salo, role="official")
    survey = sf.survey(salo, official)
    client.force_login(official)
    response = client.post(reverse("participation:survey_manage", args=[survey.slug]), {"q-kind": "text"})
    assert 'href="#id_q-text_fi"' in error_summary(response)
    assert not Question.objects.exists()
