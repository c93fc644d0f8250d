"""The board stage: the secretary walks from the proposal to the decision and the letters; the
board may differ from the proposal; the letter carries the rectification instructions in the
applicant's language; the public sees the decisions only once they are sent, never the proposals."""

import base64
import datetime as dt
import re
import zlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import AuditEntry
from kumppani.grants import pdf
from kumppani.grants.models import ApplicationStatus, BoardMeeting, Decision, MeetingStatus
from kumppani.grants.services import decisions as services
from tests import factories
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db

ADDRESS = "Salon kaupungin kirjaamo, PL 77, 24101 Salo, kirjaamo@salo.fi"


@pytest.fixture
def world():
    salo = factories.salo()
    programme = grants.programme(
        salo,
        appropriation=Decimal("10000.00"),
        conditions_fi="Avustus käytetään vuoden loppuun mennessä.",
        conditions_sv="Understödet används före årets slut.",
    )
    omaishoitajat = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    pensionarer = factories.organisation(
        "Salon Ruotsinkieliset Eläkeläiset ry", name_sv="Salo svenska pensionärer rf", areas=[salo]
    )
    return {
        "salo": salo,
        "programme": programme,
        "secretary": factories.official(salo, "board_secretary", name="Sanna Sihteeri"),
        "fi_rep": factories.representative(omaishoitajat, language="fi"),
        "sv_rep": factories.representative(pensionarer, language="sv"),
        "fi_app": grants.application(
            programme,
            omaishoitajat,
            status=ApplicationStatus.IN_REVIEW,
            amount="4000.00",
            contact_email="yhteys@omaishoitajat.example",
            contact_name="Kaisa Yhteyshenkilö",
        ),
        "sv_app": grants.application(programme, pensionarer, status=ApplicationStatus.IN_REVIEW, amount="3000.00"),
    }


def _version(meeting: BoardMeeting) -> int:
    """The meeting's version as a freshly opened proposal form carries it."""
    return BoardMeeting.objects.values_list("version", flat=True).get(pk=meeting.pk)


def _meeting(world, **extra) -> BoardMeeting:
    return services.meeting_create(
        programme=world["programme"],
        by=world["secretary"],
        board_name_fi="Sosiaali- ja terveyslautakunta",
        board_name_sv="Social- och hälsovårdsnämnden",
        date=timezone.localdate(),
        section="45",
        rectification_address=ADDRESS,
        **extra,
    )


def _proposed(world, amounts=("3000", "2500")) -> BoardMeeting:
    meeting = _meeting(world)
    services.proposal_set(
        meeting=meeting,
        by=world["secretary"],
        rows=[
            services.ProposalRow(world["fi_app"], Decimal(amounts[0]), "Toiminta tavoittaa omaishoitajat."),
            services.ProposalRow(world["sv_app"], Decimal(amounts[1]), "Kohtaamispaikka ruotsiksi."),
        ],
    )
    return meeting


def _decided(world) -> BoardMeeting:
    meeting = _proposed(world)
    services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    decisions = {d.application_id: d for d in meeting.decisions.all()}
    services.decision_record(
        meeting=meeting,
        by=world["secretary"],
        rows=[
            services.DecisionRow(decisions[world["fi_app"].pk], Decimal("2000"), "Lautakunta myönsi vähemmän."),
            services.DecisionRow(decisions[world["sv_app"].pk], Decimal("0"), "Määräraha ei riitä."),
        ],
    )
    meeting.refresh_from_db()
    return meeting


def test_meeting_e_mails_go_to_who_runs_the_programme_not_to_every_coordinator(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    officer = factories.official(world["salo"], "official", email="ohjelman.vastaava@salo.example")
    bystander = factories.official(world["salo"], "coordinator", email="muu.koordinaattori@salo.example")
    GrantProgramme = type(world["programme"])
    GrantProgramme.objects.filter(pk=world["programme"].pk).update(created_by=officer)
    world["programme"].refresh_from_db()
    colleague = factories.official(world["salo"], "board_secretary", email="toinen.sihteeri@salo.example")
    meeting = _proposed(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    recipients = {address for message in mailoutbox for address in message.to}
    assert {officer.email, colleague.email} <= recipients
    assert bystander.email not in recipients and world["secretary"].email not in recipients


def test_a_decision_cannot_be_recorded_before_the_meeting_is_held(world):
    meeting = _proposed(world)
    BoardMeeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate() + dt.timedelta(days=1))
    meeting.refresh_from_db()
    services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    decisions = list(meeting.decisions.all())
    with pytest.raises(ValidationError) as refused:
        services.decision_record(
            meeting=meeting,
            by=world["secretary"],
            rows=[services.DecisionRow(d, Decimal("100"), "Perusteltu.") for d in decisions],
        )
    assert refused.value.code == "meeting_not_held"
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED
    assert not meeting.decisions.filter(amount__isnull=False).exists()


def test_secretary_walks_from_proposal_to_decision_and_letters(client, world, mailoutbox):
    fi_app, sv_app = world["fi_app"], world["sv_app"]
    client.force_login(world["secretary"])

    # The meeting.
    create_url = reverse("grants:meeting_create", args=[world["programme"].pk])
    assert client.get(create_url).status_code == 200
    response = client.post(
        create_url,
        {
            "board_name_fi": "Sosiaali- ja terveyslautakunta",
            "board_name_sv": "Social- och hälsovårdsnämnden",
            "date": "2026-03-17",
            "section": "§ 45",
            "rectification_address": ADDRESS,
        },
    )
    meeting = BoardMeeting.objects.get()
    assert response["Location"] == reverse("grants:proposal", args=[meeting.pk])
    assert (meeting.section, meeting.date, meeting.secretary) == ("45", dt.date(2026, 3, 17), world["secretary"])

    # The proposal: one form with a row per application.
    page = client.get(reverse("grants:proposal", args=[meeting.pk])).content.decode()
    assert "Salon Omaishoitajat ry" in page and fi_app.reference in page and sv_app.reference in page
    response = client.post(
        reverse("grants:proposal", args=[meeting.pk]),
        {
            "version": _version(meeting),
            f"a{fi_app.pk}-amount": "3 000",
            f"a{fi_app.pk}-reasoning": "Toiminta tavoittaa omaishoitajat.",
            f"a{sv_app.pk}-amount": "2500,00",
            f"a{sv_app.pk}-reasoning": "Kohtaamispaikka ruotsiksi.",
        },
    )
    assert response["Location"] == reverse("grants:meeting", args=[meeting.pk])
    fi_app.refresh_from_db()
    assert fi_app.status == ApplicationStatus.PROPOSED
    assert fi_app.decision.proposed_amount == Decimal("3000.00")

    client.post(reverse("grants:proposal_ready", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED

    # The board list, on screen and as PDF.
    page = client.get(reverse("grants:board_list", args=[meeting.pk])).content.decode()
    assert "Toiminta tavoittaa omaishoitajat." in page
    assert "5\xa0500,00\xa0€" in page  # proposed in total
    assert "Yhteistyökirjauksia ei ole vielä." in page
    response = client.get(reverse("grants:board_list_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content)
    assert "Salon Omaishoitajat ry" in text and "Toiminta tavoittaa omaishoitajat." in text
    assert "5 500,00 €" in text  # proposed in total (ReportLab writes no-break spaces as spaces)

    # The board's decision: less for one than proposed, nothing for the other.
    record_url = reverse("grants:decision_record", args=[meeting.pk])
    form = client.get(record_url).content.decode()
    assert "Avustus käytetään vuoden loppuun mennessä." in form  # Finnish conditions for the Finnish NGO
    assert "Understödet används före årets slut." in form  # and Swedish for the Swedish one
    d_fi, d_sv = fi_app.decision, Decision.objects.get(application=sv_app)
    response = client.post(
        record_url,
        {
            f"d{d_fi.pk}-amount": "2000",
            f"d{d_fi.pk}-reasoning": "Lautakunta myönsi vähemmän kuin esitettiin.",
            f"d{d_fi.pk}-conditions": "Avustus käytetään vuoden loppuun mennessä.",
            f"d{d_sv.pk}-amount": "0",
            f"d{d_sv.pk}-reasoning": "Määräraha ei riitä.",
            f"d{d_sv.pk}-conditions": "",
            "confirm": "on",
        },
    )
    assert response["Location"] == reverse("grants:meeting", args=[meeting.pk])
    d_fi.refresh_from_db()
    d_sv.refresh_from_db()
    assert (d_fi.proposed_amount, d_fi.amount) == (Decimal("3000.00"), Decimal("2000.00"))
    assert d_fi.conditions == "Avustus käytetään vuoden loppuun mennessä."
    assert (d_sv.amount, d_sv.conditions) == (Decimal("0.00"), "")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DECIDED and meeting.decided_at is not None
    assert set(type(fi_app).objects.filter(pk__in=[fi_app.pk, sv_app.pk]).values_list("status", flat=True)) == {
        ApplicationStatus.DECIDED
    }
    assert AuditEntry.objects.get(
        action="decision_recorded", object_type="grants.application", object_id=str(fi_app.pk)
    ).changes == {"amount": ["3000.00", "2000.00"]}

    # Before the letters go out, the applicant cannot open its letter; the staff can.
    letter_url = reverse("grants:decision_letter", args=[fi_app.pk])
    assert client.get(letter_url).content.startswith(b"%PDF-")
    client.force_login(world["fi_rep"])
    assert client.get(letter_url).status_code == 403
    assert client.get(reverse("grants:meeting_decisions", args=[meeting.pk])).status_code == 404

    # Sending the decisions.
    client.force_login(world["secretary"])
    mailoutbox.clear()
    client.post(reverse("grants:decision_notify", args=[meeting.pk]), {"confirm": "yes"})
    meeting.refresh_from_db()
    assert meeting.notified_at == timezone.localdate()
    by_address = {address: m for m in mailoutbox for address in m.to}
    assert "2\xa0000,00\xa0€" in by_address["yhteys@omaishoitajat.example"].body
    assert letter_url in by_address[world["fi_rep"].email].body
    assert "omprövning" in by_address[world["sv_rep"].email].body  # in Swedish

    client.force_login(world["fi_rep"])
    response = client.get(letter_url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    client.force_login(world["sv_rep"])
    assert client.get(letter_url).status_code == 403  # another NGO's letter

    # The public list: who got how much, nothing about persons.
    client.logout()
    page = client.get(reverse("grants:meeting_decisions", args=[meeting.pk])).content.decode()
    assert "Salon Omaishoitajat ry" in page and "2\xa0000,00\xa0€" in page
    assert "Lautakunta myönsi vähemmän" not in page
    assert "Kaisa Yhteyshenkilö" not in page and "yhteys@omaishoitajat.example" not in page


def _pdf_text(content: bytes) -> str:
    """The text drawn on the pages of the board list PDF: each page stream (ASCII85 and Flate, as
    ReportLab writes them) inflated, and its string literals decoded from WinAnsi."""
    strings = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.DOTALL):
        try:
            data = zlib.decompress(base64.a85decode(stream.strip().removesuffix(b"~>")))
        except (ValueError, zlib.error):
            continue  # not a compressed page stream
        for literal in re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", data, re.DOTALL):
            raw = re.sub(rb"\\([0-7]{3}|.)", lambda m: bytes([int(m[1], 8)]) if len(m[1]) == 3 else m[1], literal)
            strings.append(raw.decode("cp1252"))
    return "\n".join(strings)


def test_the_board_list_pdf_shows_every_application_the_amounts_and_the_totals(world):
    meeting = _decided(world)
    with translation.override("fi"):
        content = pdf.board_list_pdf(meeting)
    assert content.startswith(b"%PDF-")
    text = _pdf_text(content)
    assert "Sosiaali- ja terveyslautakunta" in text and "PÄÄTÖKSET" in text
    assert f"{meeting.date.day}.{meeting.date.month}.{meeting.date.year} § 45" in text
    assert "Salon Omaishoitajat ry" in text and "Salon Ruotsinkieliset Eläkeläiset ry" in text
    assert "Lautakunta: Lautakunta myönsi vähemmän." in text  # the board's own reasoning
    assert "Ei avustusta" in text  # the Swedish NGO got nothing
    assert "Yhteistyökirjauksia ei ole vielä." in text  # the cooperation-record slot
    for total in ("7 000,00 €", "5 500,00 €", "2 000,00 €"):  # applied, proposed, decided (no-break spaces)
        assert total in text
    assert "1 / 1" in text  # the page number in the footer


def test_the_letter_carries_the_rectification_instructions_in_finnish(world):
    meeting = _decided(world)
    services.decision_notify(meeting=meeting, by=world["secretary"], today=dt.date(2026, 3, 20))
    decision = Decision.objects.select_related("meeting").get(application=world["fi_app"])
    html = pdf.decision_letter_html(decision)
    assert 'lang="fi"' in html
    assert "Oikaisuvaatimusohje" in html
    assert "14 päivän kuluessa" in html
    assert "kolmantena päivänä" in html and "seitsemäntenä päivänä" in html
    assert "kuntalaki" in html.lower() and "134 §" in html
    assert "23.3.2026" in html and "6.4.2026" in html  # deemed received, last day for the request
    assert ADDRESS in html and "Sosiaali- ja terveyslautakunta" in html and "§ 45" in html
    assert "4\xa0000,00\xa0€" in html and "2\xa0000,00\xa0€" in html
    assert "Avustus käytetään vuoden loppuun mennessä." in html
    assert world["fi_app"].reference in html
    assert pdf.decision_letter_pdf(decision).startswith(b"%PDF-")


def test_a_swedish_applicant_gets_a_swedish_letter_for_a_negative_decision(world):
    meeting = _decided(world)
    decision = Decision.objects.select_related("meeting").get(application=world["sv_app"])
    html = pdf.decision_letter_html(decision)
    assert 'lang="sv"' in html
    assert "Salo svenska pensionärer rf" in html and "Social- och hälsovårdsnämnden" in html
    assert "omprövning" in html and "14 dagar" in html
    assert "Inget understöd" in html
    assert "Understödet används" not in html  # no conditions for a negative decision
    assert meeting.status == MeetingStatus.DECIDED


def test_a_county_letter_names_the_act_on_wellbeing_services_counties(world):
    county = world["salo"].county
    programme = grants.programme(county)
    org = factories.organisation(areas=[county])
    application = grants.application(programme, org, status=ApplicationStatus.IN_REVIEW)
    secretary = factories.official(county, "board_secretary")
    meeting = services.meeting_create(
        programme=programme, by=secretary, board_name_fi="Aluehallitus", date=timezone.localdate(), section="7"
    )
    services.proposal_set(meeting=meeting, by=secretary, rows=[services.ProposalRow(application, Decimal("100"), "")])
    services.proposal_mark_ready(meeting=meeting, by=secretary)
    services.decision_record(
        meeting=meeting,
        by=secretary,
        rows=[services.DecisionRow(meeting.decisions.get(), Decimal("100"), "Myönnetään.")],
    )
    html = pdf.decision_letter_html(Decision.objects.get(application=application))
    assert "611/2021" in html and "hyvinvointialueen jäsen" in html
    assert "kirjaamo" in html  # no address given: the registry of the body


def test_proposal_over_the_appropriation_warns_but_saves(client, world):
    meeting = _meeting(world)
    client.force_login(world["secretary"])
    response = client.post(
        reverse("grants:proposal", args=[meeting.pk]),
        {
            "version": _version(meeting),
            f"a{world['fi_app'].pk}-amount": "4000",
            f"a{world['sv_app'].pk}-amount": "3000",
        },
        follow=True,
    )
    result = services.allocation(meeting)
    assert result.meeting_total == Decimal("7000.00") and not result.over
    world["programme"].appropriation = Decimal("6000.00")
    world["programme"].save()
    response = client.post(
        reverse("grants:proposal", args=[meeting.pk]),
        {
            "version": _version(meeting),
            f"a{world['fi_app'].pk}-amount": "4000",
            f"a{world['sv_app'].pk}-amount": "3000",
        },
        follow=True,
    )
    assert "1\xa0000,00\xa0€" in response.content.decode()  # the excess, in the warning
    assert services.allocation(meeting).over


def test_a_proposal_above_the_amount_applied_for_saves_nothing(client, world):
    meeting = _meeting(world)
    client.force_login(world["secretary"])
    response = client.post(
        reverse("grants:proposal", args=[meeting.pk]),
        {
            "version": _version(meeting),
            f"a{world['fi_app'].pk}-amount": "1000",
            f"a{world['sv_app'].pk}-amount": "3000,01",
        },
    )
    assert response.status_code == 200
    assert not Decision.objects.exists()
    world["fi_app"].refresh_from_db()
    assert world["fi_app"].status == ApplicationStatus.IN_REVIEW
    response = client.post(
        reverse("grants:proposal", args=[meeting.pk]),
        {"version": _version(meeting), f"a{world['fi_app'].pk}-amount": "paljon"},
    )
    assert response.status_code == 200 and not Decision.objects.exists()


def test_an_empty_amount_takes_an_application_off_the_proposal(world):
    meeting = _proposed(world)
    services.proposal_set(
        meeting=meeting, by=world["secretary"], rows=[services.ProposalRow(world["sv_app"], None, "")]
    )
    world["sv_app"].refresh_from_db()
    assert world["sv_app"].status == ApplicationStatus.IN_REVIEW
    assert list(meeting.decisions.values_list("application_id", flat=True)) == [world["fi_app"].pk]


def test_a_decision_needs_its_reasons_and_saves_nothing_without(client, world):
    meeting = _proposed(world)
    services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    d_fi = Decision.objects.get(application=world["fi_app"])
    d_sv = Decision.objects.get(application=world["sv_app"])
    client.force_login(world["secretary"])
    response = client.post(
        reverse("grants:decision_record", args=[meeting.pk]),
        {f"d{d_fi.pk}-amount": "2000", f"d{d_fi.pk}-reasoning": "Perustelu.", f"d{d_sv.pk}-amount": "100"},
    )
    assert response.status_code == 200
    d_fi.refresh_from_db()
    meeting.refresh_from_db()
    assert d_fi.amount is None and meeting.status == MeetingStatus.PROPOSED
    world["fi_app"].refresh_from_db()
    assert world["fi_app"].status == ApplicationStatus.PROPOSED


def test_recording_the_decision_asks_for_confirmation_and_saves_nothing_without_it(client, world):
    meeting = _proposed(world)
    services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    d_fi = Decision.objects.get(application=world["fi_app"])
    d_sv = Decision.objects.get(application=world["sv_app"])
    client.force_login(world["secretary"])
    url = reverse("grants:decision_record", args=[meeting.pk])
    rows = {
        f"d{d_fi.pk}-amount": "2000",
        f"d{d_fi.pk}-reasoning": "Perustelu.",
        f"d{d_sv.pk}-amount": "0",
        f"d{d_sv.pk}-reasoning": "Määräraha ei riitä.",
    }
    response = client.post(url, rows)
    assert response.status_code == 200
    assert "Vahvista rastittamalla" in response.content.decode()
    meeting.refresh_from_db()
    d_fi.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED and d_fi.amount is None
    assert client.post(url, {**rows, "confirm": "on"})["Location"] == reverse("grants:meeting", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DECIDED


def test_sending_the_letters_shows_what_goes_to_whom_and_sends_only_when_confirmed(client, world, mailoutbox):
    meeting = _decided(world)
    client.force_login(world["secretary"])
    url = reverse("grants:decision_notify", args=[meeting.pk])
    meeting_page = client.get(reverse("grants:meeting", args=[meeting.pk])).content.decode()
    assert f'href="{url}"' in meeting_page
    page = client.get(url).content.decode()
    assert "Päätökset lähtevät 2 hakijalle: 1 sai avustusta, yhteensä 2\xa0000,00\xa0€." in page
    assert "Salon Omaishoitajat ry" in page
    client.post(url)  # a POST that is not the confirmation page's own button sends nothing
    meeting.refresh_from_db()
    assert meeting.notified_at is None and mailoutbox == []
    client.post(url, {"confirm": "yes"})
    meeting.refresh_from_db()
    assert meeting.notified_at is not None and len(mailoutbox) >= 2
    # Once sent, the page no longer offers to send them again.
    assert client.get(url)["Location"] == reverse("grants:meeting", args=[meeting.pk])


def test_the_board_list_shows_earlier_grants_from_any_body(client, world):
    tampere = factories.tampere()
    earlier = grants.programme(tampere, "Kohdeavustus", year=world["programme"].year - 1)
    old = grants.application(earlier, world["fi_app"].organisation, status=ApplicationStatus.IN_REVIEW)
    secretary = factories.official(tampere, "board_secretary")
    old_meeting = services.meeting_create(
        programme=earlier, by=secretary, board_name_fi="Hyvinvointilautakunta", date=timezone.localdate(), section="3"
    )
    services.proposal_set(meeting=old_meeting, by=secretary, rows=[services.ProposalRow(old, Decimal("1234.50"), "")])
    services.proposal_mark_ready(meeting=old_meeting, by=secretary)
    services.decision_record(
        meeting=old_meeting, by=secretary, rows=[services.DecisionRow(old.decision, Decimal("1234.50"), "Kyllä.")]
    )
    meeting = _proposed(world)
    client.force_login(world["secretary"])
    page = client.get(reverse("grants:board_list", args=[meeting.pk])).content.decode()
    assert f"{earlier.year} Tampere: 1\xa0234,50\xa0€" in page
    assert "Ei avustuksia kolmen edellisen vuoden aikana." in page  # the Swedish NGO has none


def _board_list_queries(client, world, count: int) -> tuple[int, int]:
    meeting = BoardMeeting.objects.first() or _meeting(world)
    programme, existing = world["programme"], world["programme"].applications.count()
    rows = []
    for n in range(existing, count):
        org = factories.organisation(f"Yhdistys {n} ry", areas=[world["salo"]])
        factories.representative(org)
        application = grants.application(programme, org, status=ApplicationStatus.IN_REVIEW)
        rows.append(services.ProposalRow(application, Decimal("100"), "Perustelu."))
    services.proposal_set(meeting=meeting, by=world["secretary"], rows=rows)
    client.force_login(world["secretary"])
    counts = []
    for name in ("grants:board_list", "grants:meeting"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name, args=[meeting.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    return tuple(counts)


def test_board_list_query_count_does_not_grow_with_applications(client, world):
    assert _board_list_queries(client, world, 5) == _board_list_queries(client, world, 40)


def test_public_list_query_count_does_not_grow(client, world):
    meeting = _decided(world)
    services.decision_notify(meeting=meeting, by=world["secretary"])
    url = reverse("grants:meeting_decisions", args=[meeting.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(10):
        application = grants.application(
            world["programme"], factories.organisation(f"Lisä {n} ry"), status=ApplicationStatus.DECIDED
        )
        Decision.objects.create(application=application, meeting=meeting, proposed_amount=1, amount=1, reasoning="x")
    with CaptureQueriesContext(connection) as large:
        assert "Lisä 9 ry" in client.get(url).content.decode()
    assert len(small) == len(large)


def _all_requests(world, meeting):
    pk, application = meeting.pk, world["fi_app"].pk
    return [
        ("get", reverse("grants:meeting_create", args=[world["programme"].pk])),
        ("post", reverse("grants:meeting_create", args=[world["programme"].pk])),
        ("get", reverse("grants:meeting", args=[pk])),
        ("get", reverse("grants:proposal", args=[pk])),
        ("post", reverse("grants:proposal", args=[pk])),
        ("post", reverse("grants:proposal_ready", args=[pk])),
        ("get", reverse("grants:board_list", args=[pk])),
        ("get", reverse("grants:board_list_pdf", args=[pk])),
        ("get", reverse("grants:decision_record", args=[pk])),
        ("post", reverse("grants:decision_record", args=[pk])),
        ("post", reverse("grants:decision_notify", args=[pk])),
        ("get", reverse("grants:decision_letter", args=[application])),
    ]


@pytest.mark.parametrize(
    "actor", ["anonymous", "applicant", "representative of another NGO", "official of another body"]
)
def test_outsiders_cannot_see_proposals_or_change_anything(client, world, actor):
    meeting = _proposed(world)
    person = {
        "anonymous": None,
        "applicant": world["fi_rep"],
        "representative of another NGO": factories.representative(factories.organisation("Muu ry")),
        "official of another body": factories.official(factories.tampere(), "board_secretary"),
    }[actor]
    if person:
        client.force_login(person)
    data = {
        "board_name_fi": "X",
        "date": "2026-01-01",
        "section": "1",
        f"a{world['fi_app'].pk}-amount": "4000",
        f"a{world['sv_app'].pk}-amount": "3000",
        "confirm": "yes",
    }
    before = (AuditEntry.objects.count(), BoardMeeting.objects.count(), list(Decision.objects.values()))
    for method, url in _all_requests(world, meeting):
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    assert (AuditEntry.objects.count(), BoardMeeting.objects.count(), list(Decision.objects.values())) == before
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PREPARING
    # The public list of decisions does not exist before the decisions are sent.
    assert client.get(reverse("grants:meeting_decisions", args=[meeting.pk])).status_code == 404


def test_notifying_twice_is_refused(client, world, mailoutbox):
    meeting = _decided(world)
    client.force_login(world["secretary"])
    client.post(reverse("grants:decision_notify", args=[meeting.pk]), {"confirm": "yes"})
    sent = len(mailoutbox)
    assert sent >= 2
    client.post(reverse("grants:decision_notify", args=[meeting.pk]), {"confirm": "yes"})
    assert len(mailoutbox) == sent


def test_the_cached_summary_follows_every_change(client, world):
    """The summary is cached under the programme's data version: a repeated visit reads less, and a
    new proposal, a changed proposal and an NGO's new name each show at once."""
    client.force_login(world["secretary"])
    url = reverse("grants:summary", args=[world["programme"].pk])

    def read() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        return page, len(queries)

    page, first = read()
    assert "4\xa0000,00\xa0€" in page and "Salon Omaishoitajat ry" in page
    page, again = read()
    assert again < first

    meeting = _proposed(world)
    page, _ = read()
    assert "5\xa0500,00\xa0€" in page  # 3 000 + 2 500 proposed

    services.proposal_set(
        meeting=meeting,
        by=world["secretary"],
        rows=[services.ProposalRow(world["fi_app"], Decimal("2800"), "Toiminta tavoittaa omaishoitajat.")],
    )
    page, _ = read()
    assert "5\xa0300,00\xa0€" in page and "5\xa0500,00\xa0€" not in page

    organisation = world["fi_app"].organisation
    organisation.name_fi, organisation.updated_at = "Salon Seudun Omaishoitajat ry", timezone.now()
    organisation.save(update_fields=["name_fi", "updated_at"])
    page, _ = read()
    assert "Salon Seudun Omaishoitajat ry" in page
