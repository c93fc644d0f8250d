"""Who sees and does what with applications: an NGO sees only its own, an official of another
body sees nothing, the public sees programmes but no applications; every refusal changes nothing."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.grants.models import Application, ApplicationStatus, Attachment, CompletionRequest, GrantProgramme
from kumppani.grants.services import applying as services
from tests import factories
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    programme = grants.programme(salo)
    ngo = factories.organisation("Oma ry", areas=[salo], association_id="123.456")
    owner = factories.representative(ngo)
    draft = services.application_start(programme=programme, organisation=ngo, by=owner)
    submitted = grants.application(programme, ngo, status=ApplicationStatus.SUBMITTED)
    attachment = services.attachment_add(
        application=draft, by=owner, file=ContentFile(PDF, name="saannot.pdf"), kind="rules"
    )
    other_ngo = factories.organisation("Toinen ry", areas=[salo], association_id="234.567")
    tampere_programme = grants.programme(tampere)
    reviewer = factories.official(tampere, "official")
    tampere_application = grants.application(tampere_programme, other_ngo, status=ApplicationStatus.IN_REVIEW)
    tampere_application.reviews.create(reviewer=reviewer)
    return {
        "salo": salo,
        "programme": programme,
        "draft": draft,
        "submitted": submitted,
        "attachment": attachment,
        "owner": owner,
        "officer": factories.official(salo, "official"),
        "other_application": tampere_application,
        "actors": {
            "anonymous": None,
            "representative of another NGO": factories.representative(other_ngo, role="admin"),
            "official of another body": factories.official(tampere, "coordinator"),
            "reviewer in another body": reviewer,
        },
    }


def protected_requests(world):
    draft, submitted, programme = world["draft"], world["submitted"], world["programme"]
    d, s = draft.pk, submitted.pk
    return [
        ("get", reverse("grants:application", args=[d])),
        ("get", reverse("grants:application", args=[s])),
        ("get", reverse("grants:application_step", args=[d, 1])),
        ("post", reverse("grants:application_step", args=[d, 1])),
        ("post", reverse("grants:application_step", args=[d, 5])),
        ("get", reverse("grants:application_step", args=[d, 6])),
        ("post", reverse("grants:application_submit", args=[d])),
        ("get", reverse("grants:attachment_download", args=[d, world["attachment"].pk])),
        ("post", reverse("grants:attachment_remove", args=[d, world["attachment"].pk])),
        ("get", reverse("grants:completion_request", args=[s])),
        ("post", reverse("grants:completion_request", args=[s])),
        ("get", reverse("grants:completion_submit", args=[s])),
        ("post", reverse("grants:completion_submit", args=[s])),
        ("get", reverse("grants:application_withdraw", args=[s])),
        ("post", reverse("grants:application_withdraw", args=[s])),
        ("get", reverse("grants:programme_applications", args=[programme.pk])),
        ("get", reverse("grants:programme_edit", args=[programme.pk])),
        ("post", reverse("grants:programme_edit", args=[programme.pk])),
        ("get", reverse("grants:programme_history", args=[programme.pk])),
        ("post", reverse("grants:programme_publish", args=[programme.pk])),
        ("get", reverse("grants:programme_create", args=[world["salo"].slug])),
        ("post", reverse("grants:programme_create", args=[world["salo"].slug])),
    ]


def _state():
    return (
        list(Application.objects.values("pk", "status", "title", "version", "reference").order_by("pk")),
        Attachment.objects.count(),
        CompletionRequest.objects.count(),
        AuditEntry.objects.count(),
        list(GrantProgramme.objects.values("pk", "name_fi", "is_published").order_by("pk")),
    )


@pytest.mark.parametrize(
    "actor", ["anonymous", "representative of another NGO", "official of another body", "reviewer in another body"]
)
def test_outsiders_are_refused_and_nothing_changes(client, world, actor):
    person = world["actors"][actor]
    if person is not None:
        client.force_login(person)
    before = _state()
    data = {
        "version": world["draft"].version,
        "title": "Kaapattu",
        "message": "x",
        "deadline": "2099-01-01T12:00",
        "response": "x",
        "reply": "1",
        "reason": "x",
        "name_fi": "Kaapattu",
    }
    for method, url in protected_requests(world):
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], (method, url)
        else:
            assert response.status_code in (403, 404), (method, url, response.status_code)
    assert _state() == before


def test_the_public_sees_the_programme_but_no_applications(client, world):
    programme = world["programme"]
    assert client.get(reverse("grants:programme_list")).status_code == 200
    page = client.get(programme.get_absolute_url())
    assert page.status_code == 200
    assert world["submitted"].reference not in page.content.decode()
    assert client.get(reverse("grants:body_programmes", args=[world["salo"].slug])).status_code == 200
    assert "/kirjaudu/" in client.get(reverse("grants:my_applications"))["Location"]
    assert "/kirjaudu/" in client.get(reverse("grants:application_start", args=[programme.pk]))["Location"]


def test_an_ngo_sees_only_its_own_applications(client, world):
    other = world["actors"]["representative of another NGO"]
    client.force_login(other)
    listed = client.get(reverse("grants:my_applications")).context["page"].object_list
    assert list(listed) == [world["other_application"]]
    client.force_login(world["owner"])
    listed = set(client.get(reverse("grants:my_applications")).context["page"].object_list)
    assert listed == {world["draft"], world["submitted"]}


def test_another_ngos_representative_cannot_start_for_an_ngo_it_does_not_represent(client, world):
    client.force_login(world["actors"]["representative of another NGO"])
    draft_ngo = world["draft"].organisation
    response = client.post(
        reverse("grants:application_start", args=[world["programme"].pk]), {"organisation": draft_ngo.pk}
    )
    assert response.status_code == 403
    assert Application.objects.filter(organisation=draft_ngo).count() == 2


def test_the_bodys_staff_see_submitted_applications_but_cannot_edit_them(client, world):
    client.force_login(world["officer"])
    assert client.get(world["submitted"].get_absolute_url()).status_code == 200
    listed = client.get(reverse("grants:programme_applications", args=[world["programme"].pk]))
    assert list(listed.context["page"].object_list) == [world["submitted"]]  # drafts are the NGO's own
    assert client.get(reverse("grants:application_step", args=[world["draft"].pk, 1])).status_code == 403
    assert client.post(reverse("grants:application_withdraw", args=[world["submitted"].pk])).status_code == 403


def test_a_stale_form_on_the_page_is_refused_with_a_clear_message(client, world):
    draft, owner = world["draft"], world["owner"]
    colleague = factories.representative(draft.organisation)
    url = reverse("grants:application_step", args=[draft.pk, 2])
    stale_version = draft.version
    client.force_login(colleague)
    assert client.post(url, {"version": stale_version, "expected_outcomes": "Kollegan teksti."}).status_code == 302
    client.force_login(owner)
    response = client.post(url, {"version": stale_version, "expected_outcomes": "Vanhan lomakkeen teksti."})
    assert response.status_code == 200
    assert response.context["stale"]
    content = response.content.decode()
    assert "Vanhan lomakkeen teksti." in content  # what the person wrote is still there to copy
    draft.refresh_from_db()
    assert draft.expected_outcomes == "Kollegan teksti."


def test_a_late_submission_through_the_page_is_refused_with_the_reason(client, world):
    draft, owner = world["draft"], world["owner"]
    GrantProgramme.objects.filter(pk=draft.programme_id).update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    client.force_login(owner)
    response = client.post(
        reverse("grants:application_submit", args=[draft.pk]), {"version": draft.version}, follow=True
    )
    assert "Haku sulkeutui" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
