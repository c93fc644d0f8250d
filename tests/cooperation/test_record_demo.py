"""The demo's cooperation record: the Salo model with last year's realisation marked."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kumppani.cooperation import queries
from kumppani.cooperation.models import Category, CooperationForm, Status
from kumppani.core.models import PublicBody

pytestmark = pytest.mark.django_db


def test_demo_has_salos_record_with_last_years_realisation(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    salo = PublicBody.objects.get(slug="salo")
    forms = CooperationForm.objects.filter(body=salo)
    assert {f.category for f in forms} == set(Category.values)
    assert forms.filter(status=Status.PROPOSED).count() == 1
    summary = queries.realisation_summary(salo, timezone.localdate().year - 1)
    assert summary.total.realised >= 4 and summary.total.not_realised >= 1 and summary.total.unmarked == 0
    assert queries.body_coordinators(salo)[0][1].phone
    before = forms.count()
    call_command("demo", stdout=StringIO())
    assert CooperationForm.objects.filter(body=salo).count() == before
