"""The grants API: public programmes and decisions; applications for their NGO and the body's staff
only; every write through the same domain functions as the pages, so the same rules hold."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import AuditEntry, User
from kumppani.grants.models import Application, ApplicationStatus, BudgetLine
from kumppani.grants.queries import applying as applying_reads
from kumppani.grants.services import applying
from tests import factories
from tests.grants import decided
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db
S = ApplicationStatus
APPLICATIONS = "/api/v1/grant-applications/"


def in_language(language: str, function, *args) -> str:
    with translation.override(language):
        return str(function(*args))


@pytest.fixture
def salo_round():
    """Salo's open programme (no attachments required, one question), its NGO, representative and officer."""
    programme = grant_factories.programme(factories.salo(), required_attachments=[], max_amount=Decimal("9000"))
    org = factories.organisation("Salon Omaishoitajat ry", association_id="123.456")
    return {
        "programme": programme,
        "org": org,
        "rep": factories.representative(org),
        "officer": factories.official(factories.salo(), "official"),
    }


def detail(application) -> str:
    return f"{APPLICATIONS}{application.pk}/"


def new_application(salo_round) -> dict:
    question = salo_round["programme"].questions.get()
    return {
        "programme": salo_round["programme"].pk,
        "organisation": salo_round["org"].slug,
        "title": "Omaishoitajien vertaisryhmät",
        "purpose": "Vertaisryhmät kahdesti kuussa.",
        "expected_outcomes": "Noin 40 omaishoitajaa saa tukea.",
        "amount_requested": "3000.00",
        "bank_account": "FI2112345600000785",
        "themes": ["omaishoito"],
        "budget": [
            {"kind": "expense", "description": "Tilavuokrat", "amount": "2000.00"},
            {"kind": "expense", "description": "Ohjaajat", "amount": "1500.00"},
            {"kind": "income", "description": "Haettava avustus", "amount": "3000.00"},
        ],
        "other_funding": [{"source": "stea", "funder": "STEA", "amount": "5000.00", "status": "granted", "year": 2026}],
        "answers": [{"question": question.pk, "text": "Ilmoitamme kirjastossa ja terveyskeskuksessa."}],
    }


# Programmes ----------------------------------------------------------------------------------------


def test_anyone_reads_published_programmes(api_client):
    programme = grant_factories.programme(factories.salo(), "Yleisavustukset")
    hidden = grant_factories.programme(factories.salo(), "Valmisteilla", is_published=False)
    closed = grant_factories.programme(
        factories.tampere(), "Päättynyt", opens_at=timezone.now() - dt.timedelta(days=60), open_days=-30
    )
    data = api_client.get("/api/v1/grant-programmes/").json()
    assert {p["id"] for p in data["results"]} == {programme.pk, closed.pk}
    assert api_client.get(f"/api/v1/grant-programmes/{hidden.pk}/").status_code == 404

    item = api_client.get(f"/api/v1/grant-programmes/{programme.pk}/").json()
    assert item["name"]["fi"] == "Yleisavustukset" and item["body"] == "salo" and item["is_open"] is True
    assert [(c["name"]["fi"], c["weight"]) for c in item["criteria"]] == [
        ("Vaikuttavuus", 2),
        ("Kustannustehokkuus", 1),
    ]
    assert item["required_attachments"] == ["rules", "budget"]
    open_ones = api_client.get("/api/v1/grant-programmes/", {"open": "true"}).json()["results"]
    assert [p["id"] for p in open_ones] == [programme.pk]
    assert [p["id"] for p in api_client.get("/api/v1/grant-programmes/", {"body": "tampere"}).json()["results"]] == [
        closed.pk
    ]


def test_programme_list_queries_do_not_grow(api_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get("/api/v1/grant-programmes/").status_code == 200
        return len(queries)

    for _ in range(2):
        grant_factories.programme(factories.salo())
    few = count()
    for _ in range(8):
        grant_factories.programme(factories.tampere())
    assert count() == few


# Who sees applications --------------------------------------------------------------------------------


def test_nobody_but_the_ngo_and_the_body_staff_sees_an_application(api_client, salo_round):
    draft = grant_factories.application(salo_round["programme"], salo_round["org"], by=salo_round["rep"])
    sent = grant_factories.application(
        salo_round["programme"], salo_round["org"], status=S.SUBMITTED, contact_email="sihteeri@omaishoitajat.example"
    )
    other_org = factories.organisation("Salon Muistiyhdistys ry")
    stranger_rep = factories.representative(other_org)
    tampere_official = factories.official(factories.tampere(), "official")

    # Anonymous: not even the list.
    assert api_client.get(APPLICATIONS).status_code == 403
    assert api_client.get(detail(sent)).status_code == 403

    # The NGO's representative: both, the draft too.
    api_client.force_authenticate(salo_round["rep"])
    assert {a["id"] for a in api_client.get(APPLICATIONS).json()["results"]} == {draft.pk, sent.pk}

    # The body's staff: what was sent, never a draft.
    api_client.force_authenticate(salo_round["officer"])
    assert [a["id"] for a in api_client.get(APPLICATIONS).json()["results"]] == [sent.pk]
    assert api_client.get(detail(draft)).status_code == 404
    assert api_client.get(detail(sent)).json()["contact_email"] == "sihteeri@omaishoitajat.example"

    # Another NGO's representative and another body's official: nothing, as if it did not exist.
    for outsider in (stranger_rep, tampere_official):
        api_client.force_authenticate(outsider)
        assert api_client.get(APPLICATIONS).json()["results"] == []
        for application in (draft, sent):
            assert api_client.get(detail(application)).status_code == 404


def test_outsiders_change_nothing(api_client, salo_round):
    draft = grant_factories.application(
        salo_round["programme"], salo_round["org"], by=salo_round["rep"], title="Toiminta-avustus"
    )
    sent = grant_factories.application(salo_round["programme"], salo_round["org"], status=S.SUBMITTED)
    stranger_rep = factories.representative(factories.organisation("Salon Muistiyhdistys ry"))
    tampere_official = factories.official(factories.tampere(), "official")
    history = AuditEntry.objects.count()

    assert api_client.patch(detail(draft), {"version": 1, "title": "Kaapattu"}, format="json").status_code == 403
    assert api_client.post(APPLICATIONS, new_application(salo_round), format="json").status_code == 403
    for outsider in (stranger_rep, tampere_official):
        api_client.force_authenticate(outsider)
        assert api_client.patch(detail(draft), {"version": 1, "title": "Kaapattu"}, format="json").status_code == 404
        assert api_client.post(f"{detail(draft)}submit/", {}, format="json").status_code == 404
        assert api_client.post(f"{detail(sent)}withdraw/", {}, format="json").status_code == 404
    # Only a representative may start an application for the NGO.
    api_client.force_authenticate(stranger_rep)
    assert api_client.post(APPLICATIONS, new_application(salo_round), format="json").status_code == 403
    # The body's staff read the submitted application but cannot change or withdraw it.
    api_client.force_authenticate(salo_round["officer"])
    assert api_client.patch(detail(sent), {"version": 1, "title": "Muutettu"}, format="json").status_code == 403
    assert api_client.post(f"{detail(sent)}withdraw/", {}, format="json").status_code == 403

    draft.refresh_from_db()
    sent.refresh_from_db()
    assert (draft.title, draft.status, draft.version) == ("Toiminta-avustus", S.DRAFT, 1)
    assert sent.status == S.SUBMITTED
    assert Application.objects.count() == 2
    assert AuditEntry.objects.count() == history


# Applying through the API ------------------------------------------------------------------------------


def test_representative_applies_through_the_api(api_client, salo_round, mailoutbox):
    api_client.force_authenticate(salo_round["rep"])
    response = api_client.post(APPLICATIONS, new_application(salo_round), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "draft" and data["reference"].startswith("draft-")
    assert [line["description"] for line in data["budget"]] == ["Tilavuokrat", "Ohjaajat", "Haettava avustus"]
    assert data["other_funding"][0]["source"] == "stea"
    assert data["themes"] == ["omaishoito"]
    version = data["version"]

    response = api_client.patch(detail_of(data), {"version": version, "amount_requested": "3500.00"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["amount_requested"] == "3500.00"

    response = api_client.post(f"{detail_of(data)}submit/", {"version": response.json()["version"]}, format="json")
    assert response.status_code == 200, response.content
    submitted = response.json()
    assert submitted["status"] == "submitted"
    assert submitted["reference"] == f"SALO-{salo_round['programme'].year}-0001"
    assert mailoutbox and submitted["reference"] in mailoutbox[-1].body
    actions = set(AuditEntry.objects.filter(object_id=str(data["id"])).values_list("action", flat=True))
    assert {"application_started", "application_saved", "status_changed"} <= actions

    # Submitted, it can no longer be changed – the same rule as on the page.
    response = api_client.patch(
        detail_of(data), {"version": submitted["version"], "title": "Myöhäinen muutos"}, format="json"
    )
    assert response.status_code == 400
    assert Application.objects.get(pk=data["id"]).title == "Omaishoitajien vertaisryhmät"


def detail_of(data: dict) -> str:
    return f"{APPLICATIONS}{data['id']}/"


def test_an_older_version_is_refused_and_nothing_is_overwritten(api_client, salo_round):
    draft = grant_factories.application(salo_round["programme"], salo_round["org"], by=salo_round["rep"])
    api_client.force_authenticate(salo_round["rep"])
    first = api_client.patch(detail(draft), {"version": 1, "title": "Ensimmäinen"}, format="json")
    assert first.status_code == 200
    stale = api_client.patch(
        detail(draft),
        {"version": 1, "title": "Toinen", "budget": [{"kind": "expense", "description": "X", "amount": "1"}]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert stale.status_code == 409
    (message,) = stale.json()["version"]
    assert "Någon annan sparade" in message and "Ensimmäinen" in message
    draft.refresh_from_db()
    assert draft.title == "Ensimmäinen" and draft.version == 2
    assert BudgetLine.objects.filter(application=draft, description="X").count() == 0
    missing_version = api_client.patch(detail(draft), {"title": "Ilman versiota"}, format="json")
    assert missing_version.status_code == 400 and "version" in missing_version.json()
    other = grant_factories.programme(factories.salo(), "Toinen haku")
    moved = api_client.patch(detail(draft), {"version": 2, "programme": other.pk}, format="json")
    assert moved.status_code == 400 and list(moved.json()) == ["programme"]
    same = api_client.patch(detail(draft), {"version": 2, "programme": draft.programme_id}, format="json")
    assert same.status_code == 200
    draft.refresh_from_db()
    assert draft.programme == salo_round["programme"]


def test_bad_input_gets_field_errors_in_the_request_language_and_changes_nothing(api_client, salo_round):
    draft = grant_factories.application(salo_round["programme"], salo_round["org"], by=salo_round["rep"])
    api_client.force_authenticate(salo_round["rep"])
    response = api_client.patch(
        detail(draft),
        {"version": 1, "title": "Uusi", "amount_requested": "12000.00"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 400
    assert response.json() == {"amount_requested": [page_error_sv(draft, amount_requested=Decimal("12000.00"))]}
    response = api_client.patch(
        detail(draft),
        {"version": 1, "budget": [{"kind": "gift", "description": "", "amount": "-5"}]},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["budget"]["0"]) == {"kind", "description", "amount"}  # every bad field of row 0
    draft.refresh_from_db()
    assert draft.title != "Uusi" and draft.version == 1 and draft.amount_requested == Decimal("3000.00")


def page_error_sv(application, **data) -> str:
    """The message the domain function gives the page for `data`, in Swedish."""
    with translation.override("sv"):
        try:
            applying.application_save(application=application, by=application.created_by, version=1, data=data)
        except ValidationError as error:
            return error.message_dict[next(iter(data))][0]
    raise AssertionError("the data was accepted")


def test_the_deadline_holds_in_the_api_as_on_the_page(api_client, client, salo_round):
    programme = salo_round["programme"]
    draft = grant_factories.application(programme, salo_round["org"], by=salo_round["rep"])
    draft.expected_outcomes = "Tukea omaishoitajille."
    draft.save()
    draft.answers.create(question=programme.questions.get(), text="Kirjaston kautta.")
    programme.closes_at = timezone.now() - dt.timedelta(minutes=1)
    programme.save()

    api_client.force_authenticate(salo_round["rep"])
    response = api_client.post(f"{detail(draft)}submit/", {"version": 1}, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    closed = in_language("sv", applying_reads.closed_message, programme)
    assert response.json() == {"non_field_errors": [closed]}
    assert api_client.post(APPLICATIONS, new_application(salo_round), format="json").status_code == 400

    client.force_login(salo_round["rep"])
    page = client.post(reverse("grants:application_submit", kwargs={"pk": draft.pk}), {"version": 1}, follow=True)
    assert in_language("fi", applying_reads.closed_message, programme) in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT and draft.submitted_at is None


def test_representative_withdraws_and_completes_on_request(api_client, salo_round):
    programme = salo_round["programme"]
    sent = grant_factories.application(
        programme, salo_round["org"], status=S.SUBMITTED, expected_outcomes="Tukea.", contact_email="a@example.org"
    )
    sent.answers.create(question=programme.questions.get(), text="Kirjaston kautta.")
    applying.completion_request(
        application=sent,
        by=salo_round["officer"],
        message="Liitä talousarvio.",
        deadline=timezone.now() + dt.timedelta(days=7),
    )
    api_client.force_authenticate(salo_round["rep"])
    data = api_client.get(detail(sent)).json()
    assert data["status"] == "completion_requested"
    assert data["completion_requests"][0]["message"] == "Liitä talousarvio."
    assert api_client.post(f"{detail(sent)}complete/", {"response": ""}, format="json").status_code == 400
    response = api_client.post(f"{detail(sent)}complete/", {"response": "Lisätty."}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"

    response = api_client.post(f"{detail(sent)}withdraw/", {"reason": "Saimme rahoituksen muualta."}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    assert api_client.post(f"{detail(sent)}withdraw/", {}, format="json").status_code == 400


def test_application_list_queries_do_not_grow(api_client, salo_round):
    def count(user) -> int:
        api_client.force_authenticate(User.objects.get(pk=user.pk))  # as a request loads it: nothing cached
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(APPLICATIONS)
        assert response.status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for _ in range(n):
            application = grant_factories.application(salo_round["programme"], salo_round["org"], status=S.SUBMITTED)
            application.themes.set([factories.term("omaishoito")])
            application.other_funding.create(source="stea", amount=Decimal("100"), status="granted", year=2026)
        decided.grant(programme=salo_round["programme"], organisation=salo_round["org"], status=S.PAID)

    add(2)
    few = {"rep": count(salo_round["rep"]), "officer": count(salo_round["officer"])}
    add(8)
    assert {"rep": count(salo_round["rep"]), "officer": count(salo_round["officer"])} == few


# Decided grants (public) ------------------------------------------------------------------------------


def test_anyone_reads_decided_grants_without_personal_data(api_client, salo_round):
    granted = decided.grant(
        programme=salo_round["programme"], organisation=salo_round["org"], amount="2500.00", status=S.PAID
    )
    decided.grant(programme=salo_round["programme"], amount="0.00")  # declined: not a grant
    grant_factories.application(salo_round["programme"], salo_round["org"], status=S.SUBMITTED)
    grant_factories.application(salo_round["programme"], salo_round["org"], status=S.WITHDRAWN)

    data = api_client.get("/api/v1/grant-decisions/", {"body": "salo"}).json()
    assert [row["reference"] for row in data["results"]] == [granted.reference]
    row = data["results"][0]
    assert row["amount_granted"] == "2500.00"
    assert row["organisation"]["slug"] == salo_round["org"].slug
    assert row["meeting"]["section"] == "45"
    assert not {key for key in row if "contact" in key}
    assert "@" not in str(row)  # no e-mail address anywhere
    assert api_client.get(f"/api/v1/grant-decisions/{granted.reference}/").status_code == 200
    assert api_client.get("/api/v1/grant-decisions/", {"body": "tampere"}).json()["results"] == []


@pytest.mark.parametrize("params", [{"year": ""}, {"year": "x"}, {"year": "1800"}, {"programme": ""}])
def test_a_number_filter_without_a_whole_number_is_refused_by_name(api_client, params):
    response = api_client.get("/api/v1/grant-decisions/", params)
    assert response.status_code == 400
    assert list(response.json()) == list(params)


@pytest.mark.parametrize("value", ["", "x", "yes"])
def test_a_true_or_false_filter_without_true_or_false_is_refused_by_name(api_client, value):
    response = api_client.get("/api/v1/grant-programmes/", {"open": value})
    assert response.status_code == 400
    assert list(response.json()) == ["open"]
    assert api_client.get("/api/v1/grant-programmes/", {"open": "true"}).status_code == 200


def test_decision_list_queries_do_not_grow(api_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get("/api/v1/grant-decisions/").status_code == 200
        return len(queries)

    programme = grant_factories.programme(factories.salo())
    for _ in range(2):
        decided.grant(programme=programme, themes=["omaishoito"])
    few = count()
    for _ in range(8):
        decided.grant(programme=programme, themes=["vertaistuki"])
    assert count() == few


def test_schema_documents_the_grants_api(api_client):
    paths = api_client.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    assert {
        "/api/v1/grant-programmes/",
        "/api/v1/grant-applications/",
        "/api/v1/grant-applications/{id}/submit/",
        "/api/v1/grant-applications/{id}/withdraw/",
        "/api/v1/grant-applications/{id}/complete/",
        "/api/v1/grant-decisions/",
        "/api/v1/grant-decisions/{reference}/",
    } <= set(paths)
