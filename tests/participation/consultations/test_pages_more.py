"""Background documents private until the consultation opens, a council's statement with its minutes,
moderation of residents' comments and the officials' edit page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kumppani.participation.consultations import services
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationDocument,
    ResidentComment,
    Statement,
)
from tests import factories
from tests.participation.consultations import helpers

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_a_background_document_is_private_until_the_consultation_opens(client):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"], open_it=False)
    client.force_login(w["official"])
    url = reverse("participation:consultation_document_add", args=[item.pk])
    response = client.post(url, {"title": "Luonnos", "file": SimpleUploadedFile("ohjelma.exe", b"MZ\x90\x00")})
    assert response.status_code == 200 and not ConsultationDocument.objects.exists()
    assert "PDF" in response.content.decode()
    client.post(url, {"title": "Suunnitelman luonnos", "file": SimpleUploadedFile("luonnos.pdf", PDF)})
    document = ConsultationDocument.objects.get()
    download = reverse("participation:consultation_document", args=[document.pk])
    assert client.get(download).status_code == 200
    client.logout()
    assert client.get(download).status_code == 404
    services.consultation_open(by=w["official"], consultation=Consultation.objects.get(pk=item.pk))
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_the_official_records_a_councils_statement_with_its_minutes(client):
    w = helpers.world()
    council = helpers.council(w["salo"], name="Salon vammaisneuvosto")
    item = helpers.consultation(w["salo"], w["official"], councils=[council])
    first = item.sections.first()
    client.force_login(w["official"])
    url = reverse("participation:consultation_council_statement", args=[item.pk])
    data = {
        "council": council.pk,
        "meeting_date": (timezone.localdate() + dt.timedelta(days=2)).isoformat(),
        "summary": "Neuvoston kanta",
        "is_public": "on",
        f"section_{first.pk}": "Esteettömyys ensin.",
        "minutes": SimpleUploadedFile("poytakirja.pdf", PDF),
    }
    response = client.post(url, data)
    assert response.status_code == 200 and not Statement.objects.exists()  # a meeting in the future
    data["meeting_date"] = timezone.localdate().isoformat()
    data["minutes"] = SimpleUploadedFile("poytakirja.pdf", PDF)
    client.post(url, data)
    statement = Statement.objects.get()
    assert statement.council == council and statement.minutes_name == "poytakirja.pdf"
    minutes = reverse("participation:consultation_minutes", args=[statement.pk])
    client.logout()
    assert client.get(minutes).status_code == 404  # public once the consultation has closed
    helpers.move_past_closing(item)
    assert client.get(minutes).status_code == 200
    assert "Salon vammaisneuvosto" in client.get(item.get_absolute_url()).content.decode()


def test_a_moderator_hides_a_comment_with_a_reason(client):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    comment = services.comment_submit(by=factories.user(name="Matti"), consultation=item, text="Asiaton viesti")
    client.force_login(w["official"])
    url = reverse("participation:consultation_comment_hide", args=[comment.pk])
    client.post(url, {"reason": ""})
    assert ResidentComment.objects.get().hidden_at is None
    client.post(url, {"reason": "Asiaton kielenkäyttö"})
    client.logout()
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Asiaton viesti" not in page


def test_an_official_changes_the_closing_time_and_a_stale_form_is_refused(client):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    client.force_login(w["official"])
    url = reverse("participation:consultation_edit", args=[item.pk])
    page = client.get(url)
    assert page.status_code == 200
    closes = timezone.localtime(item.closes_at) + dt.timedelta(days=7)
    data = {
        "title_fi": "Hyvinvointisuunnitelma",
        "summary_fi": "Tiivistelmä",
        "opens_at": timezone.localtime(item.opens_at).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": closes.strftime("%Y-%m-%dT%H:%M"),
        "residents": "on",
        "version": item.version,
    }
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert timezone.localtime(item.closes_at).strftime("%H:%M") == closes.strftime("%H:%M")
    data["title_fi"] = "Vanhasta lomakkeesta"
    response = client.post(url, data)
    assert response.status_code == 200
    assert Consultation.objects.get(pk=item.pk).title_fi == "Hyvinvointisuunnitelma"


def test_a_section_is_changed_while_a_draft_and_not_once_open(client):
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"], open_it=False)
    section = item.sections.first()
    client.force_login(w["official"])
    url = reverse("participation:consultation_section_edit", args=[section.pk])
    response = client.post(url, {"title_fi": "Uusi otsikko", "question_fi": "Mitä ajattelette?", "required": "on"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title_fi == "Uusi otsikko"
    services.consultation_open(by=w["official"], consultation=Consultation.objects.get(pk=item.pk))
    response = client.post(url, {"title_fi": "Avoimena muutettu", "question_fi": "?"})
    assert response.status_code == 200
    section.refresh_from_db()
    assert section.title_fi == "Uusi otsikko"
