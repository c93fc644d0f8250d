"""The statutory pages: the accessibility statement, the privacy notices a body edits, and feedback."""

import pytest
from django.urls import reverse

from kumppani.about.models import Feedback, PrivacyNotice
from kumppani.core.models import AuditEntry, PublicBody
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def salo():
    return factories.salo()


def _notice_form(**changes) -> dict:
    data = {
        "controller": "Salon kaupunki, Tehdaskatu 2, 24100 Salo",
        "contact_person": "",
        "data_protection_officer": "tietosuoja@salo.fi",
        "version": "0",
    }
    for language in ("fi", "sv", "en"):
        for name in ("purposes", "data_categories", "sources", "recipients", "retention"):
            data[f"{name}_{language}"] = f"{name} {language}"
    data.update(changes)
    return data


def test_every_page_links_the_statutory_pages_in_each_language(client):
    for language, words in {"fi": "Saavutettavuusseloste", "sv": "Tillgänglighetsutlåtande"}.items():
        page = client.get(f"/{language}/").content.decode()
        assert words in page
        assert reverse("about:privacy").replace("/fi/", f"/{language}/") in page
        assert reverse("about:feedback").replace("/fi/", f"/{language}/") in page


def test_the_accessibility_statement_names_what_falls_short_and_the_authority(client):
    page = client.get("/fi/tietoa/saavutettavuus/").content.decode()
    assert "WCAG 2.1" in page
    assert "PDF" in page
    assert "saavutettavuusvaatimukset.fi" in page
    assert "14" in page  # the answer within 14 days


def test_a_body_without_its_own_notice_shows_the_standard_one_naming_it(client, salo):
    page = client.get(reverse("about:body_privacy", args=[salo.slug])).content.decode()
    assert str(salo) in page
    assert "tietosuojavaltuutetulle" in page
    sv = client.get(f"/sv/tietoa/tietosuoja/{salo.slug}/").content.decode()
    assert "dataombudsman" in sv.lower()


def test_the_coordinator_writes_the_notice_and_it_shows_with_its_history(client, salo):
    coordinator = factories.official(salo, "coordinator")
    client.force_login(coordinator)
    url = reverse("about:body_privacy_edit", args=[salo.slug])
    form = client.get(url)
    assert form.status_code == 200
    assert str(salo) in form.content.decode()  # starts from the standard texts
    response = client.post(url, _notice_form())
    assert response.status_code == 302
    notice = PrivacyNotice.objects.get(body=salo)
    assert notice.controller.startswith("Salon kaupunki")
    page = client.get(reverse("about:body_privacy", args=[salo.slug])).content.decode()
    assert "tietosuoja@salo.fi" in page and "purposes fi" in page
    assert "purposes sv" in client.get(f"/sv/tietoa/tietosuoja/{salo.slug}/").content.decode()
    entry = AuditEntry.objects.get(action="privacy_notice_updated")
    assert entry.changes["data_protection_officer"] == ["", "tietosuoja@salo.fi"]
    # The body's page links the notice and, for the coordinator, its editing.
    body_page = client.get(f"/fi/alueet/{salo.slug}/").content.decode()
    assert url in body_page


def test_a_save_from_an_older_form_is_refused_and_names_what_changed(client, salo):
    first, second = factories.official(salo, "coordinator"), factories.official(salo, "coordinator")
    url = reverse("about:body_privacy_edit", args=[salo.slug])
    client.force_login(first)
    client.post(url, _notice_form())
    version = PrivacyNotice.objects.get(body=salo).version
    client.post(url, _notice_form(version=str(version), retention_fi="Kymmenen vuotta."))
    client.force_login(second)
    # The second coordinator's form was loaded before the first one's latest save.
    response = client.post(url, _notice_form(version=str(version), contact_person="Maija Meikäläinen"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kymmenen vuotta." in page  # the saved text is shown
    notice = PrivacyNotice.objects.get(body=salo)
    assert notice.retention_fi == "Kymmenen vuotta." and notice.contact_person == ""
    # Saving again after seeing it keeps the second person's text, knowingly.
    again = client.post(url, _notice_form(version=response.context["form"].data["version"], contact_person="M. M."))
    assert again.status_code == 302
    assert PrivacyNotice.objects.get(body=salo).contact_person == "M. M."


def test_hidden_characters_are_refused_and_nothing_is_saved(client, salo):
    client.force_login(factories.official(salo, "coordinator"))
    response = client.post(
        reverse("about:body_privacy_edit", args=[salo.slug]), _notice_form(controller="Salo\u202eolaS")
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not PrivacyNotice.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "official", "other_coordinator", "representative"])
def test_only_the_bodys_coordinator_edits_its_notice(client, salo, role):
    people = {
        "official": lambda: factories.official(salo, "official"),
        "other_coordinator": lambda: factories.official(factories.tampere(), "coordinator"),
        "representative": lambda: factories.representative(factories.organisation("Salon Seura ry", areas=[salo])),
    }
    if role != "anonymous":
        client.force_login(people[role]())
    url = reverse("about:body_privacy_edit", args=[salo.slug])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, _notice_form()).status_code in (302, 403)
    assert not PrivacyNotice.objects.exists()
    assert url not in client.get(reverse("about:body_privacy", args=[salo.slug])).content.decode()


def test_feedback_reaches_the_admins_and_the_bodys_coordinator(
    client, salo, mailoutbox, django_capture_on_commit_callbacks
):
    factories.user(email="yllapito@example.org", is_staff=True)
    factories.official(salo, "coordinator", email="koordinaattori@salo.example.org")
    factories.official(salo, "official", email="viranhaltija@salo.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/sv/tietoa/palaute/?sivu=/sv/evenemang/",
            {"topic": "accessibility", "body": salo.pk, "message": "Knappen syns inte.", "email": "a@example.org"},
        )
    assert response.status_code == 200
    assert "Tack" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.topic, feedback.language, feedback.body) == ("accessibility", "sv", salo)
    assert [sorted(m.to) for m in mailoutbox] == [["koordinaattori@salo.example.org", "yllapito@example.org"]]
    assert "Knappen syns inte." in mailoutbox[0].body


def test_feedback_without_a_message_says_so_and_keeps_nothing(client, mailoutbox):
    response = client.post("/fi/tietoa/palaute/", {"topic": "service", "message": "  "})
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not Feedback.objects.exists() and not mailoutbox


@pytest.mark.parametrize("extra", [0, 5])
def test_the_privacy_list_costs_the_same_queries_however_many_notices(client, django_assert_num_queries, extra):
    for body in PublicBody.objects.order_by("pk")[: extra + 1]:
        PrivacyNotice.objects.create(
            body=body, controller=str(body), purposes_fi="x", data_categories_fi="x", retention_fi="x"
        )
    client.get("/fi/tietoa/tietosuoja/")
    with django_assert_num_queries(1):
        client.get("/fi/tietoa/tietosuoja/")
