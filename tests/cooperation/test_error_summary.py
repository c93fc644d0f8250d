"""Every cooperation form sent with a mistake opens with the error summary at the top, each problem
a link to its field, and nothing is saved."""

import pytest
from django.urls import reverse

from kumppani.cooperation.governance import services as governance
from kumppani.cooperation.governance.models import Meeting, NegotiationMeasure, WorkingGroup
from kumppani.cooperation.models import CooperationForm
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation.record_world import make_form, new_form_data
from tests.cooperation.test_form_edit import _edit_data
from tests.error_summary import error_summary

pytestmark = pytest.mark.django_db


def test_recording_a_form_of_cooperation_without_a_title(client, world):
    client.force_login(world["official"])
    url = reverse("cooperation:form_create", args=[world["salo"].slug])
    before = AuditEntry.objects.count()
    error_summary(client.post(url, new_form_data(world, title="")), "title")
    assert not CooperationForm.objects.exists() and AuditEntry.objects.count() == before


def test_changing_a_form_of_cooperation_with_a_bad_date(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:form_edit", args=[form.uuid]), _edit_data(form, title="", starts_on="31.2.")
    )
    error_summary(response, "title", "starts_on")
    form.refresh_from_db()
    assert form.title_fi == "Nuorten kesätapahtuma" and AuditEntry.objects.count() == before


@pytest.fixture
def salo():
    salo = factories.salo()
    return {"salo": salo, "coordinator": factories.official(salo, role="coordinator")}


def test_a_working_group_with_negative_seats(client, salo):
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:group_create", args=[salo["salo"].slug]),
        {"name_fi": "Vanhusneuvosto", "kind": "older_people_council", "ngo_seats": "-1"},
    )
    error_summary(response, "ngo_seats")
    assert not WorkingGroup.objects.exists() and AuditEntry.objects.count() == before


def test_a_meeting_without_a_time(client, salo):
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:meeting_create", args=[salo["salo"].slug]),
        {"title": "Kumppanuuspöytä", "kind": "partnership_table", "starts_at": "huomenna"},
    )
    error_summary(response, "starts_at")
    assert not Meeting.objects.exists() and AuditEntry.objects.count() == before


def test_a_negotiation_measure_without_a_goal(client, salo):
    negotiation = governance.negotiation_open(by=salo["coordinator"], body=salo["salo"], year=2027)
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:measure_create", args=[negotiation.pk]),
        {"goal": "", "measure": "Kävelyryhmät", "monitoring_on": "30.2.2027"},
    )
    error_summary(response, "goal", "monitoring_on")
    assert not NegotiationMeasure.objects.exists() and AuditEntry.objects.count() == before
