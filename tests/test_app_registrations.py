"""Core knows no app: each app registers its daily jobs, its history labels and its parts of core's
pages when Django starts. These tests prove the registrations are there, as a person meets them."""

import pytest
from django.urls import reverse

from kumppani.core import audit, schedule
from tests import factories


def test_every_app_registers_its_daily_jobs():
    assert {job.name for job in schedule.JOBS} == {
        "database-statistics",
        "expire-invitations",
        "coordinator-digest",
        "activity-reminders",
        "usage-report-reminders",
        "cooperation-review-reminders",
        "welfare-index",
        "welfare-sotkanet",  # welfare: indicator values from Sotkanet
        "consultation-response-reminders",  # participation: consultations
        "coming-events-index",  # events: the coming events' search index
    }


def test_every_app_that_searches_can_rebuild_its_index():
    from kumppani.core import search

    assert set(search._DOCUMENTS) == {"activity", "comingevent", "event", "organisation"}


def test_the_history_names_each_apps_actions_in_plain_words():
    assert audit.action_label("path_created") == "Palvelupolku luotu"
    assert audit.action_label("decision_recorded") != "decision_recorded"
    assert audit.action_label("member_added") != "member_added"


@pytest.mark.django_db
def test_the_body_page_shows_the_sections_of_the_apps(client):
    body = factories.salo()
    factories.organisation("Salon Omaishoitajat ry", areas=[body])
    page = client.get(reverse("core:body", args=[body.slug])).content.decode()
    assert f"{reverse('organisations:directory')}?body={body.slug}" in page  # the register's section
    assert "Salon Omaishoitajat ry" in page


@pytest.mark.django_db
def test_a_coordinators_page_lists_the_apps_tasks_for_their_body(client):
    body = factories.salo()
    coordinator = factories.official(body)
    client.force_login(coordinator)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("activities:stale_report", args=[body.slug]) in page
    assert reverse("grants:body_programmes", args=[body.slug]) in page
    assert reverse("grants:continuity", args=[body.slug]) in page
    assert reverse("cooperation:body", args=[body.slug]) in page
