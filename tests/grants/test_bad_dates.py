"""A date no one means (0001-01-01, 9999-12-31) gets a clear message and changes nothing: never a 500."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kumppani.grants.models import ApplicationStatus, CompletionRequest
from kumppani.grants.services import applying as services
from tests import factories
from tests.grants import factories as grants
from tests.grants.refusals import field_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    salo = factories.salo()
    return grants.application(grants.programme(salo), factories.organisation(areas=[salo]), status="submitted")


@pytest.mark.parametrize("year", [1, 1899, 9999])
def test_a_completion_deadline_in_year_one_is_refused_by_the_service(submitted, year):
    officer = factories.official(submitted.programme.body, "official")
    with pytest.raises(ValidationError) as refused:
        services.completion_request(
            application=submitted, by=officer, message="Puuttuu budjetti.", deadline=dt.datetime(year, 1, 1, 16, 0)
        )
    assert field_codes(refused.value) == {"deadline": ["year_out_of_range"]}
    assert not CompletionRequest.objects.exists()


def test_the_completion_page_answers_year_one_with_a_message(client, submitted):
    client.force_login(factories.official(submitted.programme.body, "official"))
    response = client.post(
        reverse("grants:completion_request", args=[submitted.pk]),
        {"message": "Puuttuu budjetti.", "deadline": "0001-01-01T16:00"},
    )
    assert response.status_code == 200
    assert "vuosi" in response.content.decode().lower() or "year" in response.content.decode().lower()
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert not CompletionRequest.objects.exists()
