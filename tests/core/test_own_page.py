"""A person's own page (/oma/) starts from their tasks: a card for each of their roles with what
waits in it, counted, and a friendly explanation for someone who has no role yet."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.grants.models import ApplicationStatus, ReviewAssignment, UsageReport
from kumppani.organisations import services as register_services
from tests import factories
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db


def own_page(client, user) -> str:
    client.force_login(user)
    response = client.get("/en/oma/")
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_person_without_any_role_is_told_how_to_get_one(client):
    page = own_page(client, factories.user())
    assert "Your account has no role yet" in page
    assert "ask to represent it" in page
    assert reverse("organisations:directory") in page


def test_a_request_waiting_for_approval_is_shown_instead_of_an_empty_page(client):
    person = factories.user()
    organisation = factories.organisation("Odotettu ry")
    register_services.membership_request_create(user=person, organisation=organisation)
    page = own_page(client, person)
    assert "Waiting for approval: Odotettu ry" in page
    assert "you get an e-mail" in page
    assert "Your account has no role yet" not in page


def test_a_coordinator_sees_requests_and_ngos_to_verify_counted(client):
    body = factories.salo()
    coordinator = factories.official(body)
    organisation = factories.organisation("Tarkistamaton ry")
    register_services.membership_request_create(user=factories.user(), organisation=organisation)
    page = own_page(client, coordinator)
    assert "NGO coordinator – Salo" in page
    assert "1 request to represent an NGO" in page
    assert "1 NGO waiting for verification" in page
    assert f'href="/en/oma/#requests-{body.pk}"' in page
    assert f'id="requests-{body.pk}"' in page


def test_an_ngo_representative_sees_the_usage_report_due_with_its_date(client):
    organisation = factories.organisation("Raportoiva ry")
    person = factories.representative(organisation)
    programme = grant_factories.programme(factories.salo(), "Kesäavustukset")
    application = grant_factories.application(programme, organisation, status=ApplicationStatus.PAID, title="Kesäleiri")
    UsageReport.objects.create(application=application, due_date=dt.date(2027, 12, 15))
    page = own_page(client, person)
    assert "Raportoiva ry – Representative" in page
    assert "Usage report: Kesäleiri" in page
    assert "by 15.12.2027" in page
    assert reverse("grants:usage_report", args=[application.pk]) in page


def test_an_official_sees_the_applications_assigned_to_them(client):
    body = factories.salo()
    official = factories.official(body, role="official")
    programme = grant_factories.programme(body)
    for _n in range(2):
        application = grant_factories.application(
            programme, factories.organisation(), status=ApplicationStatus.IN_REVIEW
        )
        ReviewAssignment.objects.create(application=application, reviewer=official)
    page = own_page(client, official)
    assert "2 applications to review" in page
    assert "2 grant applications waiting for handling" in page


def test_a_viewer_is_told_what_the_role_allows_and_sees_no_review_button(client):
    viewer = factories.official(factories.salo(), role="viewer")
    page = own_page(client, viewer)
    assert "You can read this body" in page
    assert reverse("grants:my_reviews") not in page


def test_a_board_secretary_sees_a_meeting_being_prepared(client):
    from kumppani.grants.models import BoardMeeting

    body = factories.salo()
    secretary = factories.official(body, role="board_secretary")
    programme = grant_factories.programme(body, "Yleisavustukset")
    BoardMeeting.objects.create(
        body=body,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=timezone.localdate() + dt.timedelta(days=20),
        section="12",
    )
    page = own_page(client, secretary)
    assert "Hyvinvointilautakunta § 12" in page


def test_the_platform_admin_sees_the_admin_tools_and_no_request_to_find_an_ngo(client):
    admin = factories.user(is_staff=True)
    page = own_page(client, admin)
    assert "Platform admin" in page
    assert reverse("admin:index") in page
    assert "Your account has no role yet" not in page
    assert "not yet linked to an NGO" not in page


def test_the_own_page_of_a_person_with_many_roles_asks_no_more_queries_as_tasks_grow(client):
    body = factories.salo()
    person = factories.official(body)
    organisation = factories.organisation("Oma ry")
    factories.representative(organisation)
    person.memberships.create(organisation=organisation, role="admin")
    client.force_login(person)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/oma/")
    for n in range(6):
        other = factories.organisation(f"Uusi {n} ry")
        register_services.membership_request_create(user=factories.user(), organisation=other)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/oma/")
    assert len(few) == len(many)


def test_only_a_platform_admin_finds_the_sent_emails_in_the_menu_and_no_page_reads_model_permissions(client):
    with translation.override("en"):
        outbox = reverse("core:outbox")
    admin = factories.user(email="yllapito@example.org", is_staff=True)
    assert outbox in own_page(client, admin)
    coordinator = factories.official(factories.salo())
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/oma/").content.decode()
    assert outbox not in page
    # The project's permissions are rules, answered without Django's model permissions (which
    # would cost two queries on every page that checks a rule the person lacks).
    with CaptureQueriesContext(connection) as more:
        assert not coordinator.has_perm("core.view_outbox")
    assert not [q["sql"] for q in [*queries.captured_queries, *more.captured_queries] if "auth_permission" in q["sql"]]
