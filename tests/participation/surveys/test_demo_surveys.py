"""The demo surveys load quickly with a few hundred anonymous answers, reach counted per NGO, and
last year's barometers published; loading again adds nothing."""

import pytest

from kumppani.demo import knowledge, surveys
from kumppani.participation.knowledge.models import KnowledgeReport
from kumppani.participation.surveys import queries
from kumppani.participation.surveys.models import Response, Survey
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_surveys_and_reports_load_once():
    rovaniemi, sodankyla, enontekio = (factories.municipality(code) for code in ("698", "758", "047"))
    for i in range(5):
        factories.organisation(f"Rovaniemen yhdistys {i} ry", areas=[rovaniemi])
    factories.organisation("Sodankylän Eläkeläiset ry", areas=[sodankyla])
    factories.organisation("Enontekiön Saamelaisyhdistys", areas=[enontekio])
    users = {"admin": factories.user(is_staff=True, is_superuser=True)}
    surveys.load(users)
    knowledge.load(users)
    survey = Survey.objects.get(title_fi=surveys.TITLE)
    assert 280 <= Response.objects.filter(survey=survey).count() <= 340
    reach = queries.survey_reach(survey)
    assert len([r for r in reach if r.organisation_id and r.answers]) == 5
    assert Survey.objects.filter(barometer_year__isnull=False, results_published=True).count() == 6
    assert KnowledgeReport.objects.filter(body__in=[sodankyla, enontekio]).count() >= 3
    surveys.load(users)
    knowledge.load(users)
    assert Survey.objects.filter(title_fi=surveys.TITLE).count() == 1
