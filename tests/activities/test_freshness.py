"""Keeping activities current: one reminder per NGO twice a year, in each person's language, not
again within a month; an activity unconfirmed for a year is flagged and leaves the default lists."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.activities import tasks
from kumppani.activities.models import Activity
from kumppani.core import schedule
from kumppani.organisations.models import Organisation
from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngos():
    salo, porvoo = factories.salo(), factories.porvoo()
    omaishoitajat = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    folkhalsan = factories.organisation("Folkhälsan i Borgå rf", areas=[porvoo])
    return {
        "omaishoitajat": omaishoitajat,
        "folkhalsan": folkhalsan,
        "fi_person": factories.representative(omaishoitajat, email="riikka@example.org", language="fi"),
        "sv_person": factories.representative(omaishoitajat, email="sven@example.org", language="sv"),
        "en_person": factories.representative(folkhalsan, email="emma@example.org", language="en"),
        "due": [
            make_activity(omaishoitajat, "Omaishoitajien vertaisryhmä", confirmed_days_ago=200),
            make_activity(omaishoitajat, "Virkistyspäivä", status="paused", confirmed_days_ago=400),
        ],
        "fresh": make_activity(omaishoitajat, "Kevätretki", confirmed_days_ago=30),
        "ended": make_activity(omaishoitajat, "Loppunut kerho", status="ended", confirmed_days_ago=400),
        "stale": make_activity(folkhalsan, "Kamratstödsgrupp", name_sv="Kamratstödsgrupp", confirmed_days_ago=500),
    }


def _by_recipient(mailoutbox) -> dict:
    return {message.to[0]: message for message in mailoutbox}


def test_each_ngo_is_reminded_once_in_each_persons_language(ngos, mailoutbox):
    assert tasks.send_confirmation_reminders.call() == 2
    mails = _by_recipient(mailoutbox)
    assert set(mails) == {"riikka@example.org", "sven@example.org", "emma@example.org"}

    finnish, swedish, english = mails["riikka@example.org"], mails["sven@example.org"], mails["emma@example.org"]
    assert finnish.subject == "Ovatko järjestön Salon Omaishoitajat ry toiminnot yhä ajan tasalla?"
    assert swedish.subject == "Är verksamheten vid Salon Omaishoitajat ry fortfarande aktuell?"
    assert english.subject == "Are the activities of Folkhälsan i Borgå rf still current?"
    for message, language in ((finnish, "fi"), (swedish, "sv")):
        assert "Omaishoitajien vertaisryhmä" in message.body and "Virkistyspäivä" in message.body
        assert "Kevätretki" not in message.body and "Loppunut kerho" not in message.body
        with translation.override(language):
            confirm = reverse(
                "activities:confirm",
                kwargs={"slug": ngos["omaishoitajat"].slug, "activity": ngos["due"][0].slug},
            )
            manage = reverse("activities:manage", kwargs={"slug": ngos["omaishoitajat"].slug})
        assert confirm.startswith(f"/{language}/")
        assert settings.SITE_URL + confirm in message.body
        assert settings.SITE_URL + manage in message.body
    assert "Kamratstödsgrupp" in english.body and "/en/" in english.body

    reminded = Activity.objects.filter(reminder_sent_at__isnull=False)
    assert set(reminded) == {*ngos["due"], ngos["stale"]}


def test_no_new_reminder_within_thirty_days(ngos, mailoutbox):
    tasks.send_confirmation_reminders.call()
    mailoutbox.clear()
    make_activity(ngos["omaishoitajat"], "Uusi vanha ryhmä", confirmed_days_ago=190)
    assert tasks.send_confirmation_reminders.call() == 0
    assert mailoutbox == []

    Activity.objects.update(reminder_sent_at=timezone.now() - dt.timedelta(days=31))
    assert tasks.send_confirmation_reminders.call() == 2
    assert len(mailoutbox) == 3


def test_a_confirmed_ngo_is_not_reminded(ngos, mailoutbox):
    from kumppani.activities import services

    services.activities_confirm_all(by=ngos["fi_person"], organisation=ngos["omaishoitajat"])
    assert tasks.send_confirmation_reminders.call() == 1
    assert [m.to for m in mailoutbox] == [["emma@example.org"]]


def test_an_ngo_without_people_or_dissolved_is_skipped(ngos, mailoutbox):
    lonely = factories.organisation("Yksinäinen ry")
    make_activity(lonely, "Unohtunut ryhmä", confirmed_days_ago=300)
    Organisation.objects.filter(pk=ngos["folkhalsan"].pk).update(status="dissolved")
    assert tasks.send_confirmation_reminders.call() == 1
    assert {m.to[0] for m in mailoutbox} == {"riikka@example.org", "sven@example.org"}
    # Nobody was asked, so the coordinator's report shows it unreminded.
    assert Activity.objects.get(name_fi="Unohtunut ryhmä").reminder_sent_at is None


def test_the_daily_schedule_runs_the_reminders(ngos, mailoutbox):
    morning = dt.datetime(2026, 11, 23, 9, 5, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert "activity-reminders" in schedule.run_due(morning)
    assert len(mailoutbox) == 3
    assert "activity-reminders" not in schedule.run_due(morning + dt.timedelta(minutes=1))


def test_a_stale_activity_is_flagged_and_left_out_of_the_default_lists(ngos, client):
    stale, folkhalsan = ngos["stale"], ngos["folkhalsan"]
    assert stale.is_stale and stale.needs_confirmation
    assert not ngos["fresh"].is_stale and not ngos["fresh"].needs_confirmation

    client.force_login(ngos["en_person"])
    with translation.override("en"):
        content = client.get(reverse("activities:manage", kwargs={"slug": folkhalsan.slug})).content.decode()
        profile = client.get(folkhalsan.get_absolute_url()).content.decode()
    assert "Out of date: hidden from search" in content
    assert stale.get_absolute_url() not in profile

    listed = client.get("/api/v1/activities/", {"organisation": folkhalsan.slug}).json()["results"]
    assert listed == []
    listed = client.get("/api/v1/activities/", {"organisation": folkhalsan.slug, "include_stale": "true"})
    assert [(a["slug"], a["is_stale"]) for a in listed.json()["results"]] == [(stale.slug, True)]
