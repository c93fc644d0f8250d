"""The demo's premises: nine spaces in Salo, Tampere and the Pirkanmaa county, a season of weekly
bookings (some waiting), a premises manager for each body, and a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from kumppani.core.models import BodyRole
from kumppani.premises import queries
from kumppani.premises.models import Booking, BookingStatus, Space

pytestmark = pytest.mark.django_db


def test_demo_has_spaces_bookings_and_managers(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    spaces = Space.objects.select_related("body")
    assert sorted(s.body.slug for s in spaces).count("salo") == 5
    assert sum(s.body.slug == "tampere" for s in spaces) == 3
    (county,) = [s for s in spaces if s.body.kind == "county"]
    assert "Pirkanma" in county.body.name
    assert Booking.objects.filter(status=BookingStatus.REQUESTED).count() >= 20
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED, series__isnull=False).count() >= 100
    assert BodyRole.objects.filter(role="premises_manager").count() == 3
    salo = spaces.filter(body__slug="salo").first().body
    assert any(row.value > 0 for row in queries.usage(salo, Booking.objects.earliest("start").start.year))
    before = Booking.objects.count()
    call_command("demo", stdout=StringIO())
    assert Booking.objects.count() == before
