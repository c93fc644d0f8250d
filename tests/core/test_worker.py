"""The real database queue: a queued e-mail is sent by `kumppani worker --batch`; the schedule
starts each daily job once, however many workers look at it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from kumppani.core import mail as kumppani_mail
from kumppani.core import schedule
from kumppani.core.models import OutboxMessage, ScheduledRun
from kumppani.organisations import services
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def test_an_email_waits_in_the_queue_until_a_worker_sends_it(database_queue):
    kumppani_mail.send(
        to=["sihteeri@example.org"],
        template="organisations/email/membership_decided",
        context={"organisation_name": "Salon Omaishoitajat ry", "approved": True, "link": "http://x/"},
        language="fi",
    )
    assert mail.outbox == []
    call_command("worker", "--batch", verbosity=0)
    assert [m.to for m in mail.outbox] == [["sihteeri@example.org"]]
    assert "Salon Omaishoitajat ry" in mail.outbox[0].subject


def test_a_scheduled_job_starts_once_a_day_however_many_workers_check(database_queue):
    morning = dt.datetime(2026, 11, 23, 8, 0, tzinfo=HELSINKI)
    first = schedule.run_due(morning)
    second = schedule.run_due(morning + dt.timedelta(minutes=1))
    assert set(first) == {
        "database-statistics",
        "coming-events-index",
        "expire-invitations",
        "coordinator-digest",
        "consultation-response-reminders",
        "welfare-index",
        "welfare-sotkanet",
    }
    assert second == []
    assert ScheduledRun.objects.count() == 7
    assert schedule.run_due(morning + dt.timedelta(days=1)) != []


def test_nothing_is_due_before_its_time(database_queue):
    night = dt.datetime(2026, 11, 23, 2, 0, tzinfo=HELSINKI)
    assert schedule.run_due(night) == []


def test_the_morning_digest_tells_coordinators_of_waiting_requests(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from kumppani.core import reference

    reference.load_public_bodies()
    org = factories.organisation()
    factories.official(factories.salo(), email="koordinaattori@salo.example")
    services.membership_request_create(user=factories.user(), organisation=org)
    mail.outbox.clear()
    from kumppani.organisations.tasks import send_coordinator_digests

    send_coordinator_digests.enqueue()
    assert [m.to for m in mail.outbox] == [["koordinaattori@salo.example"]]


def test_the_outbox_backend_keeps_messages_for_the_demo(settings):
    settings.EMAIL_BACKEND = "kumppani.core.mail.OutboxBackend"
    from django.core.mail import send_mail

    send_mail("Tervetuloa", "Hei!", "kumppani@example.org", ["a@example.org"])
    assert OutboxMessage.objects.get().subject == "Tervetuloa"
