"""Applying for a grant: the whole walk through the pages, the rules of the draft, submission at
the deadline in Helsinki time (around the daylight saving changes), completion and withdrawal."""

import datetime as dt
import io
import zipfile
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import AuditEntry
from kumppani.grants.forms.programmes import ProgrammeForm
from kumppani.grants.models import Application, ApplicationStatus, CompletionRequest
from kumppani.grants.queries import applying as reads
from kumppani.grants.services import applying as services
from tests import factories
from tests.grants import factories as grants
from tests.grants.refusals import codes, field_codes

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def helsinki(*args) -> dt.datetime:
    """An aware Helsinki time; fold=1 picks the second of a repeated autumn hour."""
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def salo():
    return factories.salo()


@pytest.fixture
def ngo(salo):
    return factories.organisation("Salon Omaishoitajat ry", areas=[salo], association_id="123.456")


@pytest.fixture
def rep(ngo):
    return factories.representative(ngo, name="Riitta Edustaja", email="riitta@example.org")


@pytest.fixture
def officer(salo):
    return factories.official(salo, "official", email="virkailija@salo.example")


def _version(application) -> int:
    return Application.objects.get(pk=application.pk).version


def _complete_draft(application, by):
    """Fill every step through the domain functions (the page walk is tested separately)."""
    programme = application.programme
    services.application_save(
        application=application,
        by=by,
        version=_version(application),
        data={
            "title": "Vertaistukiryhmät omaishoitajille",
            "purpose": "Kaksi vertaistukiryhmää viikoittain.",
            "amount_requested": Decimal("2500.00"),
            "expected_outcomes": "Omaishoitajat jaksavat paremmin.",
            "bank_account": "fi2112345600000785",
        },
    )
    services.budget_replace(
        application=application,
        by=by,
        version=_version(application),
        lines=[{"kind": "expense", "description": "Tilavuokra", "amount": Decimal("3000")}],
    )
    answers = {q.pk: "Kerromme kirjastossa ja terveysasemalla." for q in programme.questions.all()}
    services.answers_save(application=application, by=by, version=_version(application), answers=answers)
    for kind in programme.required_attachments:
        services.attachment_add(application=application, by=by, file=ContentFile(PDF, name=f"{kind}.pdf"), kind=kind)
    application.refresh_from_db()
    return application


# The walk through the pages ------------------------------------------------------------------


def _formset(prefix: str, rows: list[dict], total: int = 3) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def test_an_ngo_applies_through_the_pages_and_gets_a_receipt(client, salo, ngo, rep, officer, mailoutbox):
    programme = grants.programme(salo, "Yleisavustus", required_attachments=["rules", "budget"])
    client.force_login(rep)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("grants:application_start", args=[programme.pk]) in page

    start = client.post(reverse("grants:application_start", args=[programme.pk]), {"organisation": ngo.pk})
    application = Application.objects.get(organisation=ngo)
    assert start["Location"] == reverse("grants:application_step", args=[application.pk, 1])
    assert application.status == ApplicationStatus.DRAFT
    step = lambda n: reverse("grants:application_step", args=[application.pk, n])  # noqa: E731

    response = client.post(
        step(1),
        {
            "version": _version(application),
            "title": "Vertaistukiryhmät omaishoitajille",
            "purpose": "Kaksi vertaistukiryhmää viikoittain Salon keskustassa.",
            "amount_requested": "2 500,00",
            "contact_name": "Riitta Edustaja",
            "contact_email": "riitta@example.org",
            "bank_account": "FI21 1234 5600 0007 85",
            "go": "next",
        },
    )
    assert response["Location"] == step(2)
    response = client.post(
        step(2),
        {
            "version": _version(application),
            "target_groups": [factories.term("nuoret").pk],
            "expected_outcomes": "Omaishoitajat jaksavat paremmin.",
            "go": "next",
        },
    )
    assert response["Location"] == step(3)
    budget = {
        "version": _version(application),
        **_formset(
            "expense", [{"description": "Tilavuokra", "amount": "1800"}, {"description": "Kahvit", "amount": "700,50"}]
        ),
        **_formset("income", [{"description": "Salon avustus", "amount": "2500"}]),
        **_formset(
            "funding", [{"source": "stea", "funder": "STEA", "amount": "10000", "status": "granted", "year": "2026"}], 2
        ),
        "go": "next",
    }
    assert client.post(step(3), budget)["Location"] == step(4)
    assert client.get(step(3)).context["totals"] == {
        "income": Decimal("2500.00"),
        "expense": Decimal("2500.50"),
        "difference": Decimal("-0.50"),
    }
    question = programme.questions.get()
    response = client.post(
        step(4), {"version": _version(application), f"q{question.pk}": "Kirjaston ilmoitustaululla.", "go": "next"}
    )
    assert response["Location"] == step(5)
    for kind, name, content in (("rules", "saannot.pdf", PDF), ("budget", "talousarvio.docx", docx_bytes())):
        upload = ContentFile(content, name=name)
        assert client.post(step(5), {"kind": kind, "file": upload, "go": "stay"})["Location"] == step(5)
    assert client.post(step(5), {"go": "next"})["Location"] == step(6)

    review = client.get(step(6))
    assert review.context["missing"] == []
    response = client.post(
        reverse("grants:application_submit", args=[application.pk]), {"version": _version(application)}
    )
    application.refresh_from_db()
    assert response["Location"] == application.get_absolute_url()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.reference == f"SALO-{programme.year}-0001"
    assert application.amount_requested == Decimal("2500.00")
    assert application.budget_lines.count() == 3
    assert application.other_funding.get().amount == Decimal("10000")
    assert [a.content_type for a in application.attachments.order_by("kind")] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
    ]
    receipt = mailoutbox[-1]
    assert receipt.to == ["riitta@example.org"]
    assert application.reference in receipt.subject and application.reference in receipt.body
    # Once submitted, the form cannot be changed any more.
    assert client.get(step(1))["Location"] == application.get_absolute_url()
    assert client.post(step(1), {"version": _version(application), "title": "Muutettu"}).status_code == 302
    application.refresh_from_db()
    assert application.title == "Vertaistukiryhmät omaishoitajille"

    # The officer asks for a completion; the NGO completes with an attachment and a reply.
    client.force_login(officer)
    deadline = (timezone.localtime() + dt.timedelta(days=7)).strftime("%Y-%m-%dT16:00")
    response = client.post(
        reverse("grants:completion_request", args=[application.pk]),
        {"message": "Lisätkää toimintakertomus.", "deadline": deadline},
    )
    assert response["Location"] == application.get_absolute_url()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.COMPLETION_REQUESTED
    assert "Lisätkää toimintakertomus." in mailoutbox[-1].body and mailoutbox[-1].to == ["riitta@example.org"]

    client.force_login(rep)
    completion = reverse("grants:completion_submit", args=[application.pk])
    upload = ContentFile(PDF, name="toimintakertomus.pdf")
    assert client.post(completion, {"upload": "1", "kind": "annual_report", "file": upload})["Location"] == completion
    response = client.post(completion, {"reply": "1", "response": "Toimintakertomus on nyt liitteenä."})
    assert response["Location"] == application.get_absolute_url()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.attachments.get(kind="annual_report").stage == "completion"
    assert CompletionRequest.objects.get().response == "Toimintakertomus on nyt liitteenä."
    assert mailoutbox[-1].to == ["virkailija@salo.example"]

    detail = client.get(application.get_absolute_url()).content.decode()
    assert "Lisätkää toimintakertomus." in detail and "toimintakertomus.pdf" in detail

    # Finally the NGO withdraws, after a confirmation page.
    withdraw = reverse("grants:application_withdraw", args=[application.pk])
    assert client.get(withdraw).status_code == 200
    assert client.post(withdraw, {"reason": "Saimme rahoituksen muualta."})["Location"] == reverse(
        "grants:my_applications"
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    history = AuditEntry.objects.filter(
        object_type="grants.application", object_id=str(application.pk), action="status_changed"
    ).order_by("pk")
    statuses = [entry.changes["status"] for entry in history]
    assert statuses == [
        ["draft", "submitted"],
        ["submitted", "completion_requested"],
        ["completion_requested", "submitted"],
        ["submitted", "withdrawn"],
    ]


def test_a_step_with_errors_keeps_what_was_typed_and_saves_nothing(client, salo, ngo, rep):
    programme = grants.programme(salo, max_amount=Decimal("2000"))
    application = services.application_start(programme=programme, organisation=ngo, by=rep)
    client.force_login(rep)
    url = reverse("grants:application_step", args=[application.pk, 1])
    response = client.post(
        url,
        {
            "version": application.version,
            "title": "Kerhot",
            "purpose": "Kerhotoimintaa.",
            "amount_requested": "5000",
            "contact_name": "Riitta",
            "contact_email": "riitta@example.org",
            "go": "next",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["amount_requested"]
    assert 'value="Kerhot"' in response.content.decode()
    application.refresh_from_db()
    assert (application.title, application.version) == ("", 1)
    response = client.post(url, {"version": application.version, "title": "x", "amount_requested": "paljon"})
    assert "amount_requested" in response.context["form"].errors


def test_a_budget_with_a_line_without_an_amount_is_refused(client, salo, ngo, rep):
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    client.force_login(rep)
    data = {
        "version": application.version,
        **_formset("expense", [{"description": "Tilavuokra", "amount": ""}]),
        **_formset("income", []),
        **_formset("funding", [], 2),
    }
    response = client.post(reverse("grants:application_step", args=[application.pk, 3]), data)
    assert response.status_code == 200
    assert application.budget_lines.count() == 0


# Rules of the draft -------------------------------------------------------------------------


def test_eligibility_is_explained(salo):
    programme = grants.programme(salo)
    programme.eligible_themes.set([factories.term("mielenterveys")])
    unregistered = factories.organisation("Rekisteröimätön porukka", areas=[factories.tampere()])
    with translation.override("en"):
        problems = reads.eligibility_problems(programme, unregistered)
    assert len(problems) == 3
    assert "registered associations" in problems[0]
    assert "Salo" in problems[1]
    assert "themes" in problems[2]
    person = factories.representative(unregistered)
    with pytest.raises(ValidationError) as refused:
        services.application_start(programme=programme, organisation=unregistered, by=person)
    assert codes(refused.value) == ["not_eligible"] * 3
    assert not Application.objects.exists()


def test_an_ngo_of_the_whole_county_may_apply_to_a_municipality(salo):
    county_ngo = factories.organisation("Varsinais-Suomen Omaiset ry", areas=[salo.county], association_id="234.567")
    assert reads.eligibility_problems(grants.programme(salo), county_ngo) == []


def test_only_the_ngos_representative_may_start(salo, ngo):
    outsider = factories.representative(factories.organisation("Muu ry", areas=[salo]))
    with pytest.raises(PermissionDenied):
        services.application_start(programme=grants.programme(salo), organisation=ngo, by=outsider)


def test_a_stale_form_is_refused_and_overwrites_nothing(salo, ngo, rep):
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    colleague = factories.representative(ngo)
    services.application_save(application=application, by=colleague, version=1, data={"title": "Kollegan otsikko"})
    with pytest.raises(ValidationError) as refused:
        services.application_save(application=application, by=rep, version=1, data={"title": "Vanha lomake"})
    assert refused.value.code == "stale"
    with pytest.raises(ValidationError) as refused:
        services.budget_replace(
            application=application,
            by=rep,
            version=1,
            lines=[{"kind": "expense", "description": "Vuokra", "amount": Decimal("10")}],
        )
    assert refused.value.code == "stale"
    application.refresh_from_db()
    assert application.title == "Kollegan otsikko"
    assert application.version == 2
    assert application.budget_lines.count() == 0


def test_submission_lists_everything_missing(salo, ngo, rep):
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.application_submit(application=application, by=rep)
    assert set(codes(refused.value)) == {"incomplete"}
    text = " ".join(refused.value.messages)
    for expected in (
        "purpose",
        "expected outcomes",
        "expense",
        "Miten toiminta",
        "Rules of the association",
        "Budget",
        "bank account (IBAN)",
    ):
        assert expected in text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and application.submitted_at is None


def test_references_run_per_body_and_year(salo, ngo, rep):
    first, second = grants.programme(salo, year=2027), grants.programme(salo, "Kohdeavustus", year=2027)
    tampere_ngo = factories.organisation("Tampereen Omaiset ry", areas=[factories.tampere()], association_id="345.678")
    tampere_rep = factories.representative(tampere_ngo)
    other = grants.programme(factories.tampere(), year=2027)
    references = []
    for programme, org, person in ((first, ngo, rep), (second, ngo, rep), (other, tampere_ngo, tampere_rep)):
        application = _complete_draft(
            services.application_start(programme=programme, organisation=org, by=person), person
        )
        references.append(services.application_submit(application=application, by=person).reference)
    assert references == ["SALO-2027-0001", "SALO-2027-0002", "TAMPERE-2027-0001"]


# The deadline in Helsinki time ---------------------------------------------------------------


def _submit_at(programme, ngo, rep, now):
    application = _complete_draft(
        services.application_start(programme=programme, organisation=ngo, by=rep, now=now - dt.timedelta(days=1)),
        rep,
    )
    return services.application_submit(application=application, by=rep, now=now)


@pytest.mark.parametrize(
    ("closes", "last_second", "first_refused"),
    [
        # Closes at 16.15 on the day summer time starts (UTC+3 from 04.00 that morning).
        (helsinki(2026, 3, 29, 16, 15), helsinki(2026, 3, 29, 16, 14, 59), helsinki(2026, 3, 29, 16, 15)),
        # Closes at 16.15 on the day summer time ends (UTC+2 again from 04.00 that morning).
        (helsinki(2026, 10, 25, 16, 15), helsinki(2026, 10, 25, 16, 14, 59), helsinki(2026, 10, 25, 16, 15)),
        # Closes at 04.00 right after the clocks jumped: 02.59.59 was still in time, one real second earlier.
        (helsinki(2026, 3, 29, 4, 0), helsinki(2026, 3, 29, 2, 59, 59), helsinki(2026, 3, 29, 4, 0)),
        # Closes at 16.15 on 31.1.2027, winter time.
        (helsinki(2027, 1, 31, 16, 15), helsinki(2027, 1, 31, 16, 14, 59), helsinki(2027, 1, 31, 16, 15)),
    ],
)
def test_submission_until_the_closing_second_in_helsinki_time(salo, ngo, rep, closes, last_second, first_refused):
    opens = closes - dt.timedelta(days=60)
    assert first_refused.astimezone(dt.UTC) - last_second.astimezone(dt.UTC) == dt.timedelta(seconds=1)
    on_time = grants.programme(salo, opens_at=opens, closes_at=closes)
    assert _submit_at(on_time, ngo, rep, last_second).status == ApplicationStatus.SUBMITTED
    late = grants.programme(salo, "Myöhäinen", opens_at=opens, closes_at=closes)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        _submit_at(late, ngo, rep, first_refused)
    local = closes.astimezone(HELSINKI)
    expected = f"closed on {local.day}.{local.month}.{local.year} at {local.hour}.{local.minute:02d}"
    assert expected in refused.value.messages[0]
    assert refused.value.code == "closed"
    assert not Application.objects.filter(programme=late).exclude(status=ApplicationStatus.DRAFT).exists()


def test_the_refusal_names_the_closing_time_in_finnish(salo, ngo, rep):
    programme = grants.programme(salo, opens_at=helsinki(2026, 12, 1, 8, 0), closes_at=helsinki(2027, 1, 31, 16, 15))
    with translation.override("fi"), pytest.raises(ValidationError) as refused:
        _submit_at(programme, ngo, rep, helsinki(2027, 1, 31, 16, 15))
    assert "Haku sulkeutui 31.1.2027 klo 16.15" in refused.value.messages[0]


def test_a_closing_time_is_read_as_helsinki_time():
    form = ProgrammeForm(
        {
            "name_fi": "Kohdeavustus",
            "kind": "project",
            "year": "2026",
            "appropriation": "10 000",
            "opens_at": "2026-03-01T08:00",
            "closes_at": "2026-03-29T16:15",
            "requires_registered": "on",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["closes_at"] == dt.datetime(2026, 3, 29, 13, 15, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "words"),
    [("2026-03-29T03:30", "does not exist"), ("2026-10-25T03:30", "happens twice")],
)
def test_a_time_skipped_or_repeated_at_the_clock_change_is_refused(value, words):
    with translation.override("en"):
        form = ProgrammeForm(
            {
                "name_fi": "X",
                "kind": "project",
                "year": "2026",
                "appropriation": "100",
                "opens_at": "2026-01-01T08:00",
                "closes_at": value,
            }
        )
        assert not form.is_valid()
        assert words in form.errors["closes_at"][0]


# Completion and withdrawal -------------------------------------------------------------------


def _submitted(salo, ngo, rep):
    application = _complete_draft(
        services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep), rep
    )
    return services.application_submit(application=application, by=rep)


def test_a_completion_after_its_deadline_is_refused(salo, ngo, rep, officer):
    application = _submitted(salo, ngo, rep)
    deadline = timezone.now() + dt.timedelta(days=3)
    services.completion_request(application=application, by=officer, message="Puuttuu budjetti.", deadline=deadline)
    with pytest.raises(ValidationError) as refused:
        services.completion_submit(
            application=application, by=rep, response="Tässä.", now=deadline + dt.timedelta(seconds=1)
        )
    assert refused.value.code == "late"
    services.completion_submit(application=application, by=rep, response="Tässä.", now=deadline)
    assert application.status == ApplicationStatus.SUBMITTED


def test_only_the_bodys_officer_may_ask_for_a_completion(salo, ngo, rep):
    application = _submitted(salo, ngo, rep)
    deadline = timezone.now() + dt.timedelta(days=3)
    for outsider in (rep, factories.official(factories.tampere(), "official")):
        with pytest.raises(PermissionDenied):
            services.completion_request(application=application, by=outsider, message="x", deadline=deadline)
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_completion_deadline_in_the_past_is_refused(salo, ngo, rep, officer):
    application = _submitted(salo, ngo, rep)
    with pytest.raises(ValidationError) as refused:
        services.completion_request(
            application=application, by=officer, message="x", deadline=timezone.now() - dt.timedelta(minutes=1)
        )
    assert field_codes(refused.value) == {"deadline": ["deadline_past"]}
    assert not CompletionRequest.objects.exists()


def test_a_withdrawn_application_cannot_be_withdrawn_or_submitted_again(salo, ngo, rep):
    application = _submitted(salo, ngo, rep)
    services.application_withdraw(application=application, by=rep)
    with pytest.raises(ValidationError) as refused:
        services.application_withdraw(application=application, by=rep)
    assert refused.value.code == "already_withdrawn"
    with pytest.raises(ValidationError) as refused:
        services.application_submit(application=application, by=rep)
    assert refused.value.code == "not_editable"
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN


def test_our_applications_lists_the_drafts_and_submissions(client, salo, ngo, rep):
    draft = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    submitted = _submitted(salo, ngo, rep)
    client.force_login(rep)
    response = client.get(reverse("grants:my_applications"))
    assert set(response.context["page"].object_list) == {draft, submitted}
    assert submitted.reference in response.content.decode()


def test_the_bank_account_is_checked_kept_in_standard_form_and_offered_next_year(salo, ngo, rep, client):
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    client.force_login(rep)
    url = reverse("grants:application_step", args=[application.pk, 1])
    data = {
        "version": application.version,
        "title": "Kerhot",
        "purpose": "Kerhotoimintaa.",
        "amount_requested": "500",
        "contact_name": "Riitta",
        "contact_email": "riitta@example.org",
        "bank_account": "FI21 1234 5600 0007 86",  # one digit wrong: the check digits do not match
        "go": "stay",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "ei ole oikea tilinumero" in response.content.decode()
    application.refresh_from_db()
    assert (application.title, application.bank_account) == ("", "")
    client.post(url, {**data, "bank_account": "fi2112345600000785"})
    application.refresh_from_db()
    assert application.bank_account == "FI21 1234 5600 0007 85"
    # Through the API's path too (the domain function), a wrong number changes nothing.
    with pytest.raises(ValidationError) as refused:
        services.application_save(
            application=application, by=rep, version=application.version, data={"bank_account": "FI00 1234"}
        )
    assert codes(refused.value) == ["invalid_iban"]
    application.refresh_from_db()
    assert application.bank_account == "FI21 1234 5600 0007 85"
    # The NGO's next application starts with the same account.
    following = services.application_start(programme=grants.programme(salo, "Kohdeavustus"), organisation=ngo, by=rep)
    assert following.bank_account == "FI21 1234 5600 0007 85"


def test_saving_the_draft_returns_to_the_part_of_the_step_the_person_was_in(client, salo, ngo, rep):
    application = services.application_start(programme=grants.programme(salo), organisation=ngo, by=rep)
    client.force_login(rep)
    url = reverse("grants:application_step", args=[application.pk, 1])
    data = {
        "version": application.version,
        "title": "Kerhot",
        "purpose": "Kerhotoimintaa.",
        "amount_requested": "1000",
        "contact_name": "Riitta",
        "contact_email": "riitta@example.org",
        "contact_phone": "040 123 4567",
        "go": "stay",
        "return_to": "contact",
    }
    assert client.post(url, data)["Location"] == f"{url}#part-contact"
    assert 'id="part-contact"' in client.get(url).content.decode()
    application.refresh_from_db()
    # An unknown part, or none (no JavaScript), returns to the top of the step.
    assert client.post(url, {**data, "version": application.version, "return_to": "x"})["Location"] == url
