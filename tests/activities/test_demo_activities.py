"""The demo's activities and service paths: enough of them, varied, findable, and the two paths whole."""

from io import StringIO

import pytest
from django.core.management import call_command

from kumppani.activities.indexing import SEARCH_KIND
from kumppani.activities.models import Activity, ActivityStatus, ScheduleException, ServicePath
from kumppani.activities.paths import services as paths
from kumppani.core import search

pytestmark = pytest.mark.django_db


def test_demo_has_about_600_activities_and_two_published_paths(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())

    activities = list(Activity.objects.select_related("organisation"))
    assert 550 <= len(activities) <= 650
    assert {a.kind for a in activities} >= {"peer_support", "advice", "meeting_place", "club_house", "recreation"}
    assert sum(a.is_stale for a in activities) >= 10  # a few are out of date …
    assert sum(a.needs_confirmation and not a.is_stale for a in activities) >= 50  # … and many wait for a confirmation
    assert sum(not a.needs_confirmation for a in activities) > len(activities) / 2
    assert sum(a.schedule_kind == "by_appointment" for a in activities) >= 30
    assert sum(a.is_online for a in activities) >= 5
    assert sum(not a.is_free for a in activities) >= 20
    assert sum(a.is_accessible for a in activities) >= 100
    assert ScheduleException.objects.filter(note__in=["Kesätauko", "Sommaruppehåll"]).exists()
    swedish = [a for a in activities if a.organisation.slug == "folkhalsan-i-borga"]
    assert swedish and all(a.name_sv and a.description_sv for a in swedish)
    found = search.filter_matching(Activity.objects.all(), SEARCH_KIND, "vertaisryhmä")
    assert found.count() >= 20

    salo = ServicePath.objects.get(body__slug="salo", slug="ikaantyneen-muistipolku", is_published=True)
    tampere = ServicePath.objects.get(body__slug="tampere", slug="mielenterveyskuntoutujan-polku", is_published=True)
    for path in (salo, tampere):
        offered = set(paths.attachable_activities(path.body).values_list("pk", flat=True))
        ngo_steps = path.steps.filter(kind="ngo")
        assert ngo_steps.count() >= 3 and path.steps.filter(kind="public").count() >= 2
        for step in ngo_steps:
            attached = list(step.activities.all())
            assert attached, step.title
            assert all(a.pk in offered and a.status == ActivityStatus.ACTIVE for a in attached)
        page = client.get(path.get_absolute_url()).content.decode()
        assert all(step.title in page for step in path.steps.all())

    counts = (Activity.objects.count(), ServicePath.objects.count())
    call_command("demo", stdout=StringIO())  # a second run adds nothing
    assert (Activity.objects.count(), ServicePath.objects.count()) == counts
