"""Every grants form that is refused shows an error summary at its top, each problem a link to its
field (the GOV.UK pattern), and nothing is saved."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    Decision,
    GrantProgramme,
    MeetingStatus,
    UsageReport,
)
from kumppani.grants.services import applying
from tests import factories
from tests.error_summary import error_summary
from tests.grants import factories as grant_factories
from tests.grants.test_programmes import _programme_data

pytestmark = pytest.mark.django_db


def test_a_refused_programme_links_to_the_appropriation_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, "official"))
    response = client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data(appropriation="0"))
    box = error_summary(response, without_old_notice=True)
    assert 'href="#id_appropriation"' in box
    assert not GrantProgramme.objects.exists()


def test_a_refused_application_step_links_to_the_amount_and_saves_nothing(client):
    salo = factories.salo()
    ngo = factories.organisation("Hakeva ry", areas=[salo], association_id="123.456")
    rep = factories.representative(ngo)
    application = applying.application_start(programme=grant_factories.programme(salo), organisation=ngo, by=rep)
    client.force_login(rep)
    response = client.post(
        reverse("grants:application_step", args=[application.pk, 1]),
        {"version": application.version, "title": "Kerhot", "purpose": "Kerhoja.", "amount_requested": "paljon"},
    )
    box = error_summary(response)
    assert 'href="#id_amount_requested"' in box
    assert 'href="#id_contact_email"' in box
    application.refresh_from_db()
    assert (application.title, application.version) == ("", 1)


def test_a_refused_board_meeting_links_to_the_date_and_saves_nothing(client):
    salo = factories.salo()
    programme = grant_factories.programme(salo)
    client.force_login(factories.official(salo, "board_secretary"))
    response = client.post(
        reverse("grants:meeting_create", args=[programme.pk]),
        {"board_name_fi": "Hyvinvointilautakunta", "date": "", "section": "12"},
    )
    assert 'href="#id_date"' in error_summary(response)
    assert not BoardMeeting.objects.exists()


def test_a_refused_usage_report_links_to_the_number_of_participants_and_saves_nothing(client):
    salo = factories.salo()
    ngo = factories.organisation("Raportoiva ry", areas=[salo])
    rep = factories.representative(ngo)
    grant = grant_factories.application(grant_factories.programme(salo), ngo, status=ApplicationStatus.PAID)
    UsageReport.objects.create(application=grant, due_date=dt.date(2027, 3, 31))
    client.force_login(rep)
    response = client.post(
        reverse("grants:usage_report", args=[grant.pk]),
        {"achievements": "Paljon.", "participants": "monta", "action": "save"},
    )
    assert 'href="#id_participants"' in error_summary(response)
    report = UsageReport.objects.get(application=grant)
    assert report.achievements == "" and report.participants is None


def test_a_decision_not_confirmed_links_to_the_confirmation_and_records_nothing(client):
    salo = factories.salo()
    programme = grant_factories.programme(salo)
    application = grant_factories.application(programme, factories.organisation(), status=ApplicationStatus.PROPOSED)
    meeting = BoardMeeting.objects.create(
        body=salo,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=dt.date.today(),
        section="3",
        status=MeetingStatus.PROPOSED,
    )
    decision = Decision.objects.create(application=application, meeting=meeting, proposed_amount=1000)
    client.force_login(factories.official(salo, "board_secretary"))
    response = client.post(
        reverse("grants:decision_record", args=[meeting.pk]),
        {f"d{decision.pk}-amount": "abc", f"d{decision.pk}-reasoning": "Hyvä hakemus."},
    )
    box = error_summary(response)
    assert f'href="#id_d{decision.pk}-amount"' in box
    assert 'href="#id_confirm"' in box
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.PROPOSED
    assert Decision.objects.get(pk=decision.pk).amount is None
