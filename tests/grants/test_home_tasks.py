"""The grants part of a person's own page (/oma/): the grant officer sees each programme with its
applications counted by status, the applications waiting for the applicant's completion and the
usage reports to check; the board secretary the lists to prepare and the letters to send; the NGO's
representative the completion request with its deadline. The page asks no more queries as the
programmes grow."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.grants.models import (
    ApplicationStatus,
    BoardMeeting,
    CompletionRequest,
    Decision,
    MeetingStatus,
    ReportStatus,
    UsageReport,
)
from tests import factories
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def own_page(client, user) -> str:
    client.force_login(user)
    response = client.get("/en/oma/")
    assert response.status_code == 200
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def _applications(programme, statuses):
    return [grant_factories.application(programme, factories.organisation(), status=status) for status in statuses]


def test_the_grant_officer_sees_each_programme_with_its_applications_counted_by_status(client):
    body = factories.salo()
    officer = factories.official(body, role="official")
    programme = grant_factories.programme(body, "Yleisavustukset", year=2027)
    _applications(programme, [S.SUBMITTED, S.SUBMITTED, S.IN_REVIEW, S.COMPLETION_REQUESTED, S.DECIDED, S.DRAFT])
    quiet = grant_factories.programme(body, "Kesäavustukset", year=2027)
    page = own_page(client, officer)
    assert "Yleisavustukset 2027: Submitted 2, Completion requested 1, In review 1, Decided 1" in page
    assert "Kesäavustukset 2027: no applications yet" in page
    assert reverse("grants:programme_applications", args=[programme.pk]) in page
    assert reverse("grants:programme_applications", args=[quiet.pk]) in page


def test_a_programme_of_another_body_or_long_finished_is_not_on_the_officers_card(client):
    body = factories.salo()
    officer = factories.official(body, role="official")
    past = grant_factories.programme(body, "Vanhat avustukset", year=2020, open_days=-400)
    _applications(past, [S.CLOSED])
    other = grant_factories.programme(factories.tampere(), "Tampereen avustukset")
    _applications(other, [S.SUBMITTED])
    page = own_page(client, officer)
    assert "Vanhat avustukset" not in page
    assert "Tampereen avustukset" not in page


def test_the_grant_officer_sees_applications_waiting_for_completion_and_reports_to_check(client):
    body = factories.salo()
    officer = factories.official(body)
    programme = grant_factories.programme(body)
    _applications(programme, [S.COMPLETION_REQUESTED, S.COMPLETION_REQUESTED])
    (reported,) = _applications(programme, [S.REPORTED])
    UsageReport.objects.create(application=reported, due_date=dt.date(2027, 3, 31), status=ReportStatus.SUBMITTED)
    page = own_page(client, officer)
    assert "2 applications waiting for the applicant's completion" in page
    assert "1 usage report to check" in page


def test_the_officers_card_asks_no_more_queries_for_many_programmes(client, django_assert_num_queries):
    body = factories.salo()
    officer = factories.official(body, role="official")
    first = grant_factories.programme(body, "Ensimmäinen")
    _applications(first, [S.SUBMITTED, S.IN_REVIEW])
    client.force_login(officer)
    client.get("/en/oma/")
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/oma/").status_code == 200
    for n in range(5):
        programme = grant_factories.programme(body, f"Ohjelma {n}")
        _applications(programme, [S.SUBMITTED, S.COMPLETION_REQUESTED, S.DECIDED])
    with django_assert_num_queries(len(one)):
        page = client.get("/en/oma/").content.decode()
    assert "Ohjelma 4" in page


def _closed_programme(body, name):
    return grant_factories.programme(
        body,
        name,
        year=2027,
        opens_at=timezone.now() - dt.timedelta(days=60),
        closes_at=timezone.now() - dt.timedelta(days=1),
    )


def test_the_board_secretary_sees_the_lists_to_prepare(client):
    body = factories.salo()
    secretary = factories.official(body, role="board_secretary")
    closed = _closed_programme(body, "Yleisavustukset")
    _applications(closed, [S.IN_REVIEW, S.IN_REVIEW, S.SUBMITTED])
    still_open = grant_factories.programme(body, "Pienavustukset", year=2027)
    _applications(still_open, [S.IN_REVIEW])
    page = own_page(client, secretary)
    assert "List to prepare: Yleisavustukset 2027 (2 reviewed applications)" in page
    assert reverse("grants:meeting_create", args=[closed.pk]) in page
    assert "Pienavustukset" not in page


def test_a_list_already_on_a_meeting_is_shown_as_the_meeting_not_as_a_list_to_prepare(client):
    body = factories.salo()
    secretary = factories.official(body, role="board_secretary")
    closed = _closed_programme(body, "Yleisavustukset")
    (proposed,) = _applications(closed, [S.PROPOSED])
    meeting = BoardMeeting.objects.create(
        body=body,
        programme=closed,
        board_name_fi="Hyvinvointilautakunta",
        date=timezone.localdate() + dt.timedelta(days=10),
        section="7",
        status=MeetingStatus.PROPOSED,
    )
    Decision.objects.create(application=proposed, meeting=meeting, proposed_amount=1000)
    _applications(closed, [S.IN_REVIEW])
    page = own_page(client, secretary)
    assert "List to prepare" not in page
    assert "Hyvinvointilautakunta § 7: Yleisavustukset 2027" in page


def test_the_board_secretary_sees_the_decision_letters_to_send(client):
    body = factories.salo()
    secretary = factories.official(body, role="board_secretary")
    closed = _closed_programme(body, "Yleisavustukset")
    meeting = BoardMeeting.objects.create(
        body=body,
        programme=closed,
        board_name_fi="Hyvinvointilautakunta",
        date=timezone.localdate() - dt.timedelta(days=2),
        section="9",
        status=MeetingStatus.DECIDED,
    )
    page = own_page(client, secretary)
    assert "Decision letters to send: Hyvinvointilautakunta § 9, Yleisavustukset 2027" in page
    assert reverse("grants:meeting", args=[meeting.pk]) in page


def test_the_ngo_representative_sees_the_completion_request_with_its_deadline(client):
    organisation = factories.organisation("Täydentävä ry")
    person = factories.representative(organisation)
    programme = grant_factories.programme(factories.salo(), "Yleisavustukset", year=2027)
    application = grant_factories.application(programme, organisation, status=S.COMPLETION_REQUESTED)
    deadline = timezone.make_aware(dt.datetime(2027, 2, 14, 16, 0))
    CompletionRequest.objects.create(application=application, message="Talousarvio puuttuu.", deadline=deadline)
    page = own_page(client, person)
    assert "Complete the application: Yleisavustukset 2027" in page
    assert "by 14.2.2027" in page
    assert reverse("grants:application", args=[application.pk]) in page
