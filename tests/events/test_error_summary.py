"""A form sent with mistakes opens again with a summary at the top that links to each field to mend,
and nothing is saved."""

import pytest
from django.urls import reverse

from kumppani.events.models import BulletinIssue, Event, Listing
from tests import factories
from tests.error_summary import error_summary
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def test_an_event_without_a_day_lists_the_problem_and_saves_nothing(client):
    ngo = factories.organisation()
    client.force_login(factories.representative(ngo))
    response = client.post(
        reverse("events:create", args=[ngo.slug]),
        {"start_time": "18:00", "end_time": "20:00", "street_address": "Kauppatori 1", "registration": "not_needed"},
    )
    summary = error_summary(response)
    assert 'href="#id_start_date"' in summary
    assert 'href="#id_street_address"' not in summary
    assert not Event.objects.exists()


def test_sending_an_event_to_no_calendar_lists_the_problem_and_sends_nothing(client):
    ngo = factories.organisation()
    person = factories.representative(ngo)
    event = ef.event(ngo, by=person)
    client.force_login(person)
    # A browser always sends the form's hidden token, so the form is read even with no calendar chosen.
    response = client.post(reverse("events:submit", args=[ngo.slug, event.slug]), {"csrfmiddlewaretoken": "x"})
    summary = error_summary(response)
    assert 'href="#id_bodies_0"' in summary
    assert not Listing.objects.exists()


def test_a_bulletin_issue_without_its_period_lists_the_problems_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo))
    summary = error_summary(client.post(reverse("events:bulletin", args=[salo.slug]), {"title": "Joulukuu"}))
    assert 'href="#id_period_start"' in summary
    assert 'href="#id_deadline_date"' in summary
    assert not BulletinIssue.objects.exists()
