"""Each grant role starts from its tasks on its own page (/oma/): the officer's programmes counted by
status, the reviewer's queue, the secretary's unfinished meetings and what the NGO owes with its
date; the body's page links its open programmes and its public decisions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kumppani.grants.models import (
    ApplicationStatus,
    CompletionRequest,
    MeetingStatus,
    ReviewAssignment,
    UsageReport,
)
from tests import factories
from tests.grants import decided
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db

S = ApplicationStatus
OWN_PAGE = reverse("core:dashboard")


def _page(client, person) -> str:
    client.force_login(person)
    response = client.get(OWN_PAGE)
    assert response.status_code == 200
    return response.content.decode()


def test_the_officer_sees_each_programme_with_its_applications_counted_by_status(client):
    salo = factories.salo()
    programme = grants.programme(salo, "Yleisavustus")
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    for status in (S.SUBMITTED, S.SUBMITTED, S.IN_REVIEW, S.REPORTED, S.DRAFT):
        grants.application(programme, ngo, status=status)
    other_body = grants.programme(factories.tampere(), "Tampereen avustus")
    grants.application(other_body, factories.organisation("Tampereen Omaiset ry"), status=S.SUBMITTED)
    officer = factories.official(salo, "official")
    page = _page(client, officer)
    applications = reverse("grants:programme_applications", args=[programme.pk])
    assert f'href="{applications}?status=submitted">Lähetetty: 2</a>' in page
    assert f'href="{applications}?status=in_review">Käsittelyssä: 1</a>' in page
    assert "Tampereen avustus" not in page  # another body's programme is not this officer's work
    assert "status=draft" not in page  # the NGO's drafts are its own


def test_the_reviewer_the_secretary_and_the_ngo_each_see_their_own_work(client):
    salo = factories.salo()
    programme = grants.programme(salo)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    reviewer = factories.official(salo, "viewer")
    for _ in range(2):
        ReviewAssignment.objects.create(
            application=grants.application(programme, ngo, status=S.IN_REVIEW), reviewer=reviewer
        )
    assert "2 hakemusta odottaa arviotasi" in _page(client, reviewer)

    secretary = factories.official(salo, "board_secretary")
    paid = decided.grant(programme=programme, organisation=ngo, status=S.PAID)
    meeting = paid.decision.meeting
    page = _page(client, secretary)
    assert reverse("grants:meeting", args=[meeting.pk]) in page and "kirjeet lähettämättä" in page
    type(meeting).objects.filter(pk=meeting.pk).update(notified_at=timezone.localdate(), status=MeetingStatus.DECIDED)
    assert reverse("grants:meeting", args=[meeting.pk]) not in _page(client, secretary)

    rep = factories.representative(ngo)
    UsageReport.objects.create(application=paid, due_date=dt.date(2027, 2, 15))
    asked = grants.application(programme, ngo, status=S.COMPLETION_REQUESTED, title="Kerhot")
    CompletionRequest.objects.create(
        application=asked, message="Liitä säännöt.", deadline=timezone.make_aware(dt.datetime(2027, 1, 10, 16, 0))
    )
    page = _page(client, rep)
    completion = page.index("10.1.2027")
    report = page.index("15.2.2027")
    assert completion < report  # earliest first
    assert reverse("grants:completion_submit", args=[asked.pk]) in page
    assert reverse("grants:usage_report", args=[paid.pk]) in page


def test_a_person_without_grant_work_sees_no_grant_panel(client):
    salo = factories.salo()
    assert 'id="grant-tasks"' not in _page(client, factories.official(salo, "premises_manager"))


def test_the_own_page_makes_the_same_queries_however_many_applications(client, django_assert_max_num_queries):
    salo = factories.salo()
    programme = grants.programme(salo)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    officer = factories.official(salo, "coordinator")
    grants.application(programme, ngo, status=S.SUBMITTED)
    client.force_login(officer)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(OWN_PAGE)
    for index in range(6):
        other = grants.programme(salo, f"Ohjelma {index}")
        for status in (S.SUBMITTED, S.IN_REVIEW, S.PROPOSED):
            grants.application(other, ngo, status=status)
    with django_assert_max_num_queries(len(few)):
        client.get(OWN_PAGE)


def test_the_bodys_page_links_open_programmes_and_public_decisions(client):
    salo = factories.salo()
    open_programme = grants.programme(salo, "Kohdeavustus")
    grants.programme(salo, "Valmisteilla", is_published=False)
    page = client.get(reverse("core:body", args=[salo.slug])).content.decode()
    assert open_programme.get_absolute_url() in page and "Valmisteilla" not in page
    assert reverse("grants:public_decision_years", args=[salo.slug]) not in page  # nothing decided yet
    grant = decided.grant(programme=open_programme)
    type(grant.decision.meeting).objects.filter(pk=grant.decision.meeting_id).update(notified_at=timezone.localdate())
    page = client.get(reverse("core:body", args=[salo.slug])).content.decode()
    assert reverse("grants:public_decision_years", args=[salo.slug]) in page
