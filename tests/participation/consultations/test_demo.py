"""The demo's consultations: Salo's open welfare plan with NGO statements, Salo's answered grant
principles, Tampere's disability council hearing with its minutes; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kumppani.participation.consultations.models import Consultation, Statement, StatementStatus

pytestmark = pytest.mark.django_db


def test_demo_has_an_open_an_answered_and_a_council_consultation(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    consultations = {c.title_fi: c for c in Consultation.objects.all()}
    plan = consultations["Salon hyvinvointisuunnitelma 2027–2030"]
    assert plan.phase == "open"
    assert plan.statements.filter(status=StatementStatus.SENT).count() >= 2
    assert plan.statements.filter(status=StatementStatus.DRAFT).count() == 1
    principles = consultations["Järjestöavustusten periaatteet 2027"]
    assert principles.phase == "responded" and principles.response.links.count() == 2
    hearing = consultations["Tampereen esteettömyysohjelma 2027–2030"]
    council_statement = Statement.objects.get(consultation=hearing, council__isnull=False)
    assert council_statement.minutes and hearing.phase == "pending"
    page = client.get(principles.get_absolute_url()).content.decode()
    assert "Hakuaika siirrettiin tammikuulle" in page
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert "Tampereen vammaisneuvosto" in page
    minutes = client.get(reverse("participation:consultation_minutes", args=[council_statement.pk]))
    assert minutes.status_code == 200
    assert client.get(reverse("participation:consultation_list", args=["salo"])).status_code == 200
    call_command("demo", stdout=StringIO())
    assert Consultation.objects.count() == 3
