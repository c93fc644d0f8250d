"""The demo's events: two months around today in every demo municipality, with series, a cancelled and
a postponed event, some awaiting approval, and the Salo and Porvoo bulletins."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kumppani.events import bulletin
from kumppani.events.models import BulletinIssue, Event, EventStatus, Listing, ListingStatus

pytestmark = pytest.mark.django_db


def test_demo_events(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    events = list(Event.objects.all())
    assert len(events) >= 70
    assert sum(bool(e.space_id) for e in events) == 1
    statuses = {e.status for e in events}
    assert {
        EventStatus.PUBLISHED,
        EventStatus.CANCELLED,
        EventStatus.POSTPONED,
        EventStatus.SUBMITTED,
        EventStatus.DRAFT,
    } <= statuses
    assert sum(e.recurrence == "weekly" for e in events) >= 20
    assert Listing.objects.filter(status=ListingStatus.PENDING).count() >= 10
    salo, porvoo = BulletinIssue.objects.get(body__slug="salo"), BulletinIssue.objects.get(body__slug="porvoo")
    assert (salo.language, porvoo.language) == ("fi", "fi_sv")
    assert "Körkväll" in bulletin.html(porvoo)
    page = client.get(reverse("events:calendar"), {"view": "month", "body": "salo"}).content.decode()
    assert "Kuoroilta" in page
    [in_space] = [e for e in events if e.space_id]
    assert in_space.status == EventStatus.PUBLISHED and in_space.space.body.slug == "salo"
    assert in_space.street_address == in_space.space.street_address
    call_command("demo", stdout=StringIO())  # again: nothing added
    assert Event.objects.count() == len(events)
