"""The demo's index: every body on the platform over two years, computed from the demo data and a few
coordinators' self-assessments, readable on the national table and each body's page; the Sotkanet
indicators are there; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kumppani.welfare import criteria as c
from kumppani.welfare.models import IndexResult, Indicator, SelfAssessment

pytestmark = pytest.mark.django_db


def test_demo_has_the_index_of_every_demo_body_for_two_years(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    year = timezone.localdate().year
    slugs = set(IndexResult.objects.filter(year=year).values_list("body__slug", flat=True))
    assert {"salo", "tampere", "joensuu", "pirkanmaan-hyvinvointialue"} <= slugs
    assert set(IndexResult.objects.filter(year=year - 1).values_list("body__slug", flat=True)) == slugs
    assert SelfAssessment.objects.count() >= 8
    assert Indicator.objects.count() == 17
    salo = IndexResult.objects.get(body__slug="salo", year=year)
    statuses = {row["key"]: row["status"] for row in salo.criteria}
    assert statuses["grants_board_decided"] == c.MET  # Salo's board decided its demo grants
    assert statuses["coordinator_named"] == c.MET
    assert c.score(statuses)[0] == salo.overall
    assert client.get(reverse("welfare:index")).status_code == 200
    assert client.get(reverse("welfare:body_index", args=["salo"])).status_code == 200
    call_command("demo", stdout=StringIO())
    assert IndexResult.objects.filter(body__slug="salo").count() == 2
