"""A grant's whole journey in Chromium, each person signing in through the login page, with axe-core
on every page visited: an NGO applies (with a real PDF attachment) → the officer asks for a
completion → the NGO completes → the officer assigns a reviewer → the reviewer scores → the board
secretary prepares the proposal, records the decision and opens the letter → the officer records
a payment → the NGO files the usage report → the officer approves it."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse as django_reverse
from django.utils import translation
from playwright.sync_api import expect

from kumppani.core import audit
from kumppani.demo.grants import tiny_pdf
from kumppani.grants.models import Application, ApplicationStatus, MeetingStatus, ReportStatus
from tests import factories
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.browser
S = ApplicationStatus


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Grant attachments in a temporary directory."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def people():
    salo = factories.salo()
    programme = grant_factories.programme(
        salo, "Sosiaali- ja terveyslautakunnan yleisavustukset", required_attachments=["rules"]
    )
    org = factories.organisation("Salon Omaishoitajat ry", association_id="123.456", areas=[salo])
    return {
        "programme": programme,
        "org": org,
        "ngo": factories.representative(org, email="sihteeri@omaishoitajat.example", name="Sanna Sihteeri"),
        "officer": factories.official(salo, "official", email="virkailija@salo.example", name="Mikko Virtanen"),
        "reviewer": factories.official(salo, "official", email="arvioija@salo.example", name="Sari Aaltonen"),
        "secretary": factories.official(salo, "board_secretary", email="lautakunta@salo.example", name="Riitta Mäkelä"),
    }


def reverse(name: str, args=()) -> str:
    """The Finnish address of a page, as the links on the Finnish pages give it."""
    with translation.override("fi"):
        return django_reverse(name, args=args)


def visit(page, axe_check, url: str) -> None:
    page.goto(url)
    axe_check(page)


def sent_pk(people) -> int:
    return application(people).pk


def application(people) -> Application:
    return Application.objects.get(organisation=people["org"])


def test_a_grant_from_application_to_approved_usage_report(page, axe_check, people, tmp_path, sign_in, submit):
    programme = people["programme"]
    question = programme.questions.get()
    criteria = list(programme.criteria.all())
    rules_pdf = tmp_path / "saannot.pdf"
    rules_pdf.write_bytes(tiny_pdf("Salon Omaishoitajat ry: säännöt", "Yhdistyksen säännöt"))

    # 1. The NGO applies: six steps, an attachment, a receipt.
    sign_in(people["ngo"])
    axe_check(page)
    visit(page, axe_check, programme.get_absolute_url())
    submit(page.locator(f"main a[href$='{reverse('grants:application_start', args=[programme.pk])}']"))
    submit(page.get_by_role("button", name=re.compile("Salon Omaishoitajat ry")))
    expect(page).to_have_url(re.compile(r"/vaihe/1/$"))
    page.fill("#id_title", "Omaishoitajien vertaisryhmät")
    page.fill("#id_purpose", "Vertaisryhmä kahdesti kuussa Salon keskustassa ja Perniössä.")
    page.fill("#id_amount_requested", "2 500")
    page.fill("#id_bank_account", "FI21 1234 5600 0007 85")
    next_step = "button[name=go][value=next]"
    submit(page.locator(next_step))
    page.fill("#id_expected_outcomes", "Noin 40 omaishoitajaa saa vertaistukea ja jaksaa paremmin.")
    submit(page.locator(next_step))
    page.fill("#id_expense-0-description", "Tilavuokrat")
    page.fill("#id_expense-0-amount", "1 800")
    page.fill("#id_expense-1-description", "Ohjaajien palkkiot")
    page.fill("#id_expense-1-amount", "900")
    page.fill("#id_income-0-description", "Haettava avustus")
    page.fill("#id_income-0-amount", "2 500")
    submit(page.locator(next_step))
    page.fill(f"#id_q{question.pk}", "Ilmoitamme kirjastossa, terveyskeskuksessa ja kaupunkitiedotteessa.")
    submit(page.locator(next_step))
    page.select_option("#id_kind", "rules")
    page.set_input_files("#id_file", str(rules_pdf))
    submit(page.locator("button[name=go][value=stay]"))
    expect(page.locator("main")).to_contain_text("saannot.pdf")
    submit(page.locator(next_step))
    expect(page).to_have_url(re.compile(r"/vaihe/6/$"))
    submit(
        page.locator(f"form[action$='{reverse('grants:application_submit', args=[sent_pk(people)])}'] button"),
    )
    sent = application(people)
    assert sent.status == S.SUBMITTED and sent.reference == f"SALO-{programme.year}-0001"
    assert sent.attachments.get().content_type == "application/pdf"
    expect(page.locator("main")).to_contain_text(sent.reference)

    # 2. The officer asks for a completion (the deadline is filled in: two weeks at 16.00).
    sign_in(people["officer"])
    visit(page, axe_check, sent.get_absolute_url())
    submit(page.locator(f"main a[href$='{reverse('grants:completion_request', args=[sent.pk])}']"))
    page.fill("#id_message", "Kertokaa vielä, montako vapaaehtoista ryhmissä on mukana.")
    submit(page.locator("main form button[type=submit]"))
    assert application(people).status == S.COMPLETION_REQUESTED

    # 3. The NGO completes.
    sign_in(people["ngo"])
    visit(page, axe_check, sent.get_absolute_url())
    expect(page.locator("main")).to_contain_text("montako vapaaehtoista")
    submit(page.locator(f"main a[href$='{reverse('grants:completion_submit', args=[sent.pk])}']"))
    page.fill("#id_response", "Ryhmissä on mukana kuusi koulutettua vapaaehtoista.")
    submit(page.locator("button[name=reply]"))
    assert application(people).status == S.SUBMITTED

    # 4. The officer assigns a reviewer.
    sign_in(people["officer"])
    visit(page, axe_check, reverse("grants:assign_reviewers", args=[sent.pk]))
    page.check(f"input[name=reviewers][value='{people['reviewer'].pk}']")
    submit(page.locator("form:has(input[name=reviewers]) button[type=submit]"))
    assert application(people).status == S.IN_REVIEW

    # 5. The reviewer scores every criterion and proposes an amount.
    sign_in(people["reviewer"])
    visit(page, axe_check, reverse("grants:my_reviews"))
    submit(page.locator(f"main a[href$='{reverse('grants:review', args=[sent.pk])}']"))
    for criterion in criteria:
        page.check(f"input[name=score_{criterion.pk}][value='4']")
    page.fill("#id_comment", "Tarpeellista ja hyvin suunniteltua toimintaa.")
    page.fill("#id_proposed_amount", "2 000")
    submit(page.locator("button[name=complete]"))
    assert sent.reviews.get().completed_at is not None

    # 6. The board secretary: the meeting, the proposal, the decision and the letter.
    sign_in(people["secretary"])
    visit(page, axe_check, reverse("grants:summary", args=[programme.pk]))
    submit(page.locator(f"main a[href$='{reverse('grants:meeting_create', args=[programme.pk])}']"))
    page.fill("#id_board_name_fi", "Sosiaali- ja terveyslautakunta")
    page.fill("#id_date", "2026-03-17")
    page.fill("#id_section", "42")
    page.fill("#id_rectification_address", "Salon kaupungin kirjaamo, PL 77, 24101 Salo, kirjaamo@salo.fi")
    submit(page.locator("main form button[type=submit]"))
    meeting = programme.meetings.get()
    page.fill(f"#id_a{sent.pk}-amount", "2 000")
    page.fill(f"#id_a{sent.pk}-reasoning", "Toiminta tavoittaa omaishoitajat, joita palvelut eivät tavoita.")
    submit(page.locator("main form button[type=submit]").first)
    assert application(people).status == S.PROPOSED
    submit(page.locator(f"form[action$='{reverse('grants:proposal_ready', args=[meeting.pk])}'] button"))
    pdf = page.request.get(reverse("grants:board_list_pdf", args=[meeting.pk]))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    submit(page.locator(f"main a[href$='{reverse('grants:decision_record', args=[meeting.pk])}']"))
    decision = sent.decision
    page.fill(f"#id_d{decision.pk}-amount", "2 200")
    page.fill(f"#id_d{decision.pk}-reasoning", "Lautakunta korotti avustusta vapaaehtoisten koulutukseen.")
    page.check("#id_confirm")
    submit(page.locator("main form button[type=submit]").first)
    meeting.refresh_from_db()
    decision.refresh_from_db()
    assert meeting.status == MeetingStatus.DECIDED
    assert (decision.proposed_amount, decision.amount) == (Decimal("2000.00"), Decimal("2200.00"))
    letter_url = reverse("grants:decision_letter", args=[sent.pk])
    submit(page.locator(f"main a[href$='{reverse('grants:decision_notify', args=[meeting.pk])}']"))
    submit(page.locator("main form button[type=submit]"))
    letter = page.request.get(letter_url)
    assert letter.ok and letter.headers["content-type"] == "application/pdf"
    assert letter.body().startswith(b"%PDF")
    expect(page.locator(f"main a[href$='{letter_url}']")).to_be_visible()

    # 7. The officer plans the payment in one instalment and marks it paid.
    sign_in(people["officer"])
    visit(page, axe_check, reverse("grants:application_payments", args=[sent.pk]))
    page.fill("#id_inst-0-due_date", "2026-04-15")
    page.fill("#id_inst-0-amount", "2 200")
    submit(page.locator("form:has(input[name^='inst-']) button[type=submit]"))
    submit(page.locator("form[action$='/maksettu/'] button").first)
    assert application(people).status == S.PAID

    # 8. The NGO opens its decision letter and files the usage report.
    sign_in(people["ngo"])
    assert page.request.get(letter_url).body().startswith(b"%PDF")
    visit(page, axe_check, reverse("grants:usage_report", args=[sent.pk]))
    page.fill("#id_achievements", "Vertaisryhmä kokoontui 20 kertaa, ja mukana oli 38 omaishoitajaa.")
    page.fill("#id_participants", "38")
    for line in sent.budget_lines.all():
        page.fill(f"#id_actual_{line.pk}", str(line.amount).replace(".", ","))
    submit(page.locator("button[name=action][value=submit]"))
    assert application(people).status == S.REPORTED

    # 9. The officer approves it.
    sign_in(people["officer"])
    visit(page, axe_check, reverse("grants:usage_report_review", args=[sent.pk]))
    page.fill("#id_comment", "Kiitos selvityksestä!")
    submit(page.locator("button[name=action][value=approve]"))
    final = application(people)
    assert final.status == S.APPROVED
    assert final.usage_report.status == ReportStatus.APPROVED
    assert [
        entry.changes["status"][1] for entry in audit.history_for(final).filter(action="status_changed").reverse()
    ] == [
        S.SUBMITTED,
        S.COMPLETION_REQUESTED,
        S.SUBMITTED,
        S.IN_REVIEW,
        S.PROPOSED,
        S.DECIDED,
        S.PAID,
        S.REPORTED,
        S.APPROVED,
    ]
