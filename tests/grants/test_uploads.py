"""Attachments: the type is read from the content, the size is limited, the name is checked, the
file is stored under a generated name outside the public media, and only those who may see the
application can download it."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kumppani.grants import uploads
from kumppani.grants.models import Application, ApplicationStatus, Attachment
from kumppani.grants.services import applying as services
from tests import factories
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def office(member: str, mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def draft():
    salo = factories.salo()
    ngo = factories.organisation("Liiteyhdistys ry", areas=[salo], association_id="123.456")
    person = factories.representative(ngo)
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=person)
    return application, person


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("saannot.pdf", PDF, "application/pdf"),
        ("kuva.png", PNG, "image/png"),
        ("kuva.JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("toimintasuunnitelma.docx", office("word/document.xml"), uploads.DOCX.content_type),
        ("talousarvio.xlsx", office("xl/workbook.xml"), uploads.XLSX.content_type),
        ("esitys.pptx", office("ppt/presentation.xml"), uploads.PPTX.content_type),
        ("kertomus.odt", office("content.xml", b"application/vnd.oasis.opendocument.text"), uploads.ODT.content_type),
        ("tilinpaatos.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "application/vnd.ms-excel"),
    ],
)
def test_allowed_files_are_saved_under_a_generated_name(draft, name, content, content_type, settings):
    application, person = draft
    attachment = services.attachment_add(
        application=application, by=person, file=ContentFile(content, name=name), kind="other"
    )
    assert attachment.content_type == content_type
    assert attachment.original_name == name
    assert name.rsplit(".", 1)[0] not in attachment.file.name  # the person's name never reaches the disk
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


def _refused(draft, file, **kwargs) -> str:
    application, person = draft
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.attachment_add(application=application, by=person, file=file, kind="rules", **kwargs)
    assert not Attachment.objects.exists()
    return " ".join(refused.value.messages)


def test_a_program_named_pdf_is_refused_by_its_content(draft):
    message = _refused(draft, ContentFile(EXE, name="saannot.pdf"))
    assert "saannot.pdf" in message and "not a PDF" in message


def test_a_zip_that_is_not_an_office_document_is_refused(draft):
    message = _refused(draft, ContentFile(office("payload.sh"), name="talousarvio.docx"))
    assert "not a PDF" in message


def test_content_and_name_must_agree(draft):
    message = _refused(draft, ContentFile(PNG, name="talousarvio.pdf"))
    assert "named as a .pdf file" in message and "PNG" in message


def test_an_oversized_file_is_refused(draft, settings):
    settings.GRANT_ATTACHMENT_MAX_BYTES = 2048
    message = _refused(draft, ContentFile(PDF + b"0" * 5000, name="iso.pdf"))
    assert "“iso.pdf” is too large (4.9\xa0KB)" in message
    assert "largest allowed size is 2.0\xa0KB" in message


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "..\\..\\windows\\win.ini", "liitteet/../saannot.pdf", ".htaccess"]
)
def test_a_path_in_the_name_is_refused(draft, name):
    message = _refused(draft, ContentFile(PDF, name=name))
    assert "must not contain folders" in message


def test_a_refused_upload_through_the_page_shows_the_reason(client, draft):
    application, person = draft
    client.force_login(person)
    url = reverse("grants:application_step", args=[application.pk, 5])
    with translation.override("en"):
        response = client.post(
            url.replace("/fi/", "/en/"),
            {"kind": "rules", "file": SimpleUploadedFile("saannot.pdf", EXE), "go": "stay"},
        )
    assert response.status_code == 200
    assert "is not a PDF" in response.content.decode()
    # Django's upload handling strips folders from the name; what is left has no allowed type.
    response = client.post(url, {"kind": "rules", "file": SimpleUploadedFile("../../etc/passwd", PDF), "go": "stay"})
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not Attachment.objects.exists()


def test_download_is_for_the_applicant_and_the_bodys_staff_only(client, draft):
    application, person = draft
    attachment = services.attachment_add(
        application=application, by=person, file=ContentFile(PDF, name="säännöt.pdf"), kind="rules"
    )
    url = reverse("grants:attachment_download", args=[application.pk, attachment.pk])
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF
    # The body's grant officer reads it once the application is sent, not while it is the NGO's draft.
    client.force_login(factories.official(factories.salo(), "official"))
    assert client.get(url).status_code == 403
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED)
    assert client.get(url).status_code == 200
    for outsider in (
        factories.representative(factories.organisation("Toinen ry")),
        factories.official(factories.tampere(), "coordinator"),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    # The attachment of another application is not found through this one.
    other = services.application_start(
        programme=application.programme, organisation=application.organisation, by=person
    )
    client.force_login(person)
    assert client.get(reverse("grants:attachment_download", args=[other.pk, attachment.pk])).status_code == 404


def test_a_draft_attachment_can_be_removed_but_not_after_submission(client, draft, django_capture_on_commit_callbacks):
    application, person = draft
    first, second = (
        services.attachment_add(application=application, by=person, file=ContentFile(PDF, name=n), kind="rules")
        for n in ("a.pdf", "b.pdf")
    )
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("grants:attachment_remove", args=[application.pk, first.pk]))
    assert response.status_code == 302
    assert not Attachment.objects.filter(pk=first.pk).exists()
    assert not first.file.storage.exists(first.file.name)
    assert Attachment.objects.filter(pk=second.pk).exists()
    application.status = "submitted"
    application.save()
    client.post(reverse("grants:attachment_remove", args=[application.pk, second.pk]))
    assert Attachment.objects.filter(pk=second.pk).exists()
