"""The consultation pages as people use them, who is refused, and how many queries they take."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from kumppani.core.models import AuditEntry
from kumppani.participation.consultations import services
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationStatus,
    ResidentComment,
    Statement,
    StatementStatus,
)
from tests import factories
from tests.participation.consultations import helpers
from tests.participation.consultations.matrix import PROTECTED

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return helpers.world()


def _protected_requests(item, statement, comment, ngo, body):
    pk = item.pk
    return [
        ("participation:consultation_create", "get", reverse("participation:consultation_create", args=[body.slug])),
        ("participation:consultation_create", "post", reverse("participation:consultation_create", args=[body.slug])),
        ("participation:consultation_edit", "get", reverse("participation:consultation_edit", args=[pk])),
        ("participation:consultation_edit", "post", reverse("participation:consultation_edit", args=[pk])),
        (
            "participation:consultation_section_add",
            "post",
            reverse("participation:consultation_section_add", args=[pk]),
        ),
        (
            "participation:consultation_section_edit",
            "post",
            reverse("participation:consultation_section_edit", args=[item.sections.first().pk]),
        ),
        (
            "participation:consultation_document_add",
            "post",
            reverse("participation:consultation_document_add", args=[pk]),
        ),
        ("participation:consultation_open", "post", reverse("participation:consultation_open", args=[pk])),
        ("participation:consultation_close", "post", reverse("participation:consultation_close", args=[pk])),
        ("participation:consultation_respond", "get", reverse("participation:consultation_respond", args=[pk])),
        ("participation:consultation_respond", "post", reverse("participation:consultation_respond", args=[pk])),
        (
            "participation:consultation_response_publish",
            "post",
            reverse("participation:consultation_response_publish", args=[pk]),
        ),
        ("participation:consultation_finish", "post", reverse("participation:consultation_finish", args=[pk])),
        (
            "participation:consultation_council_statement",
            "post",
            reverse("participation:consultation_council_statement", args=[pk]),
        ),
        (
            "participation:consultation_comment_hide",
            "post",
            reverse("participation:consultation_comment_hide", args=[comment.pk]),
        ),
        (
            "participation:consultation_statement_edit",
            "post",
            reverse("participation:consultation_statement_edit", args=[pk, ngo.slug]),
        ),
        (
            "participation:consultation_statement_send",
            "post",
            reverse("participation:consultation_statement_send", args=[statement.pk]),
        ),
    ]


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "official of another body"])
def test_protected_pages_refuse_outsiders_and_change_nothing(client, w, actor):
    item = helpers.consultation(w["salo"], w["official"])
    section = item.sections.first()
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Luonnos"}
    )
    comment = services.comment_submit(by=w["representative"], consultation=item, text="Hyvä", section=None)
    tampere = factories.tampere()
    people = {
        "anonymous": None,
        "representative of another NGO": factories.representative(
            factories.organisation("Muu ry", areas=[w["salo"]]), role="admin"
        ),
        "official of another body": factories.official(tampere, role="coordinator"),
    }
    person = people[actor]
    if person is not None:
        client.force_login(person)
    requests = _protected_requests(item, statement, comment, w["ngo"], w["salo"])
    assert {name for name, _m, _u in requests} == PROTECTED
    before = (AuditEntry.objects.count(), Consultation.objects.values().get(pk=item.pk), Statement.objects.count())
    for name, method, url in requests:
        data = {"title_fi": "Kaapattu", "reason": "x", "heard": "x", "changed": "x", f"section_{section.pk}": "x"}
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], (name, method)
        else:
            assert response.status_code in (403, 404), (name, method, response.status_code)
    assert (
        AuditEntry.objects.count(),
        Consultation.objects.values().get(pk=item.pk),
        Statement.objects.count(),
    ) == before
    # The draft is the NGO's own: no one else reads it.
    response = client.get(statement.get_absolute_url())
    assert response.status_code == 404
    assert ResidentComment.objects.get().hidden_at is None


def test_the_official_sets_when_the_consultation_opens_and_closes_in_its_own_words(client, w):
    """Not a grant call's "haku alkaa": the project's catalogue translates a bare "Opens" so."""
    client.force_login(w["official"])
    url = reverse("participation:consultation_create", args=[w["salo"].slug])
    for language, words in (("fi", ["Avautuu", "Sulkeutuu"]), ("sv", ["Öppnar", "Stänger"])):
        page = client.get(f"/{language}{url.removeprefix('/fi')}").content.decode()
        labels = re.findall(r'for="id_(?:opens|closes)_at">([^<:]+)', page)
        assert labels == words, language


def test_a_draft_consultation_is_hidden_from_the_public(client, w):
    item = helpers.consultation(w["salo"], w["official"], open_it=False)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert (
        "Hyvinvointisuunnitelma"
        not in client.get(reverse("participation:consultation_list", args=[w["salo"].slug])).content.decode()
    )
    client.force_login(w["official"])
    assert client.get(item.get_absolute_url()).status_code == 200


def test_an_ngo_drafts_and_sends_its_statement_through_the_pages(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    first = item.sections.first()
    client.force_login(w["representative"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Salon Omaishoitajat ry" in page
    url = reverse("participation:consultation_statement_edit", args=[item.pk, w["ngo"].slug])
    response = client.post(
        url, {f"section_{first.pk}": "Vapaapäiviä omaishoitajille", "summary": "Tiivistelmä", "is_public": "on"}
    )
    statement = Statement.objects.get()
    assert response.status_code == 302 and statement.status == StatementStatus.DRAFT
    client.force_login(w["admin"])
    client.post(reverse("participation:consultation_statement_send", args=[statement.pk]))
    statement.refresh_from_db()
    assert statement.status == StatementStatus.SENT


def test_an_empty_required_answer_gets_a_clear_message_on_sending(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    second = item.sections.all()[1]
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={second.pk: "Vain toinen"}
    )
    client.force_login(w["admin"])
    response = client.post(reverse("participation:consultation_statement_send", args=[statement.pk]), follow=True)
    assert "Osa 1" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT


def test_a_statement_after_closing_gets_a_clear_message_and_changes_nothing(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    first = item.sections.first()
    helpers.move_past_closing(item)
    client.force_login(w["representative"])
    url = reverse("participation:consultation_statement_edit", args=[item.pk, w["ngo"].slug])
    response = client.post(url, {f"section_{first.pk}": "Myöhässä"})
    assert response.status_code == 200
    assert "lausuntoja ei voi enää antaa" in response.content.decode()
    assert not Statement.objects.exists()


def test_the_public_page_shows_the_response_and_what_each_statement_changed(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    statement = helpers.sent_statement(item, w)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Omaishoitajien jaksaminen" not in page  # statements are public after closing
    services.consultation_close(by=w["official"], consultation=item)
    services.response_save(
        by=w["official"],
        consultation=item,
        heard="Kuulimme omaishoitajia.",
        changed="Lisäsimme vapaapäivät.",
        links={statement.pk: "Vapaapäivät omaishoitajille tulivat suunnitelmaan."},
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Kuulimme omaishoitajia" not in page  # not published yet
    assert "Omaishoitajien jaksaminen" in page
    services.response_publish(by=w["official"], consultation=item)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Kuulimme omaishoitajia" in page
    assert page.count("Vapaapäivät omaishoitajille tulivat suunnitelmaan.") == 2  # the response and the statement
    statement_page = client.get(statement.get_absolute_url()).content.decode()
    assert "Vapaapäivät omaishoitajille tulivat suunnitelmaan." in statement_page


def test_a_closed_consultation_without_response_shows_response_pending(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    helpers.move_past_closing(item)
    page = client.get(reverse("participation:consultation_list", args=[w["salo"].slug])).content.decode()
    assert "Vastausta odotetaan" in page
    client.force_login(w["official"])
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert item.title in dashboard
    response = client.post(reverse("participation:consultation_finish", args=[item.pk]), follow=True)
    assert Consultation.objects.get(pk=item.pk).status == ConsultationStatus.OPEN
    assert response.status_code == 200


def test_a_resident_comments_with_email_confirmation(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    mail.outbox.clear()
    url = reverse("participation:consultation_comment", args=[item.pk])
    response = client.post(url, {"text": "Lisää penkkejä.", "name": "Aino", "email": ""})
    assert response.status_code == 200 and not ResidentComment.objects.exists()  # e-mail is needed
    client.post(url, {"text": "Lisää penkkejä.", "name": "Aino", "email": "aino@example.org"})
    assert "Lisää penkkejä." not in client.get(item.get_absolute_url()).content.decode()
    comment = ResidentComment.objects.get()
    client.get(reverse("participation:consultation_comment_confirm", args=[comment.token]))
    assert "Lisää penkkejä." in client.get(item.get_absolute_url()).content.decode()


def test_the_ngo_sees_the_open_consultation_on_its_own_page(client, w):
    item = helpers.consultation(w["salo"], w["official"])
    client.force_login(w["representative"])
    assert item.title in client.get(reverse("core:dashboard")).content.decode()
    body_page = client.get(w["salo"].get_absolute_url()).content.decode()
    assert item.title in body_page


def test_the_list_takes_as_many_queries_for_one_consultation_as_for_many(client, w, django_assert_num_queries):
    helpers.consultation(w["salo"], w["official"])
    url = reverse("participation:consultation_list", args=[w["salo"].slug])
    client.get(url)
    with django_assert_num_queries(2) as first:
        client.get(url)
    for _ in range(4):
        helpers.consultation(w["salo"], w["official"])
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)


def test_the_page_takes_as_many_queries_for_one_statement_as_for_many(client, w, django_assert_num_queries):
    item = helpers.consultation(w["salo"], w["official"])
    helpers.sent_statement(item, w)
    helpers.move_past_closing(item)
    url = item.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(9) as first:
        client.get(url)
    for number in range(4):
        ngo = factories.organisation(f"Yhdistys {number} ry", areas=[w["salo"]])
        other = {
            "ngo": ngo,
            "representative": factories.representative(ngo),
            "admin": factories.representative(ngo, role="admin"),
        }
        Consultation.objects.filter(pk=item.pk).update(closes_at=item.opens_at.replace(year=item.opens_at.year + 1))
        item.refresh_from_db()
        helpers.sent_statement(item, other)
        helpers.move_past_closing(item)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)
