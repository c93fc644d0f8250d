"""What the board decided reaches the right people and reads right: the applicant sees the decision,
the amount granted and the payments on the application's own page; the decision letter names the
bank account the grant is paid to; a programme whose name already says its year never shows it
twice; the "decision recorded" e-mail goes to the programme's officials, not to every coordinator;
the grants pages link to the public grant decisions."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.grants import pdf
from kumppani.grants.models import Decision, GrantProgramme
from kumppani.grants.services import decisions as services
from kumppani.grants.services import reporting
from tests import factories
from tests.grants import factories as grants
from tests.grants.test_decisions import _decided, _pdf_text, _proposed

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """The world of tests/grants/test_decisions.py: a Salo programme with a Finnish and a Swedish
    NGO's applications in review, and the body's board secretary."""
    salo = factories.salo()
    programme = grants.programme(salo, appropriation=Decimal("10000.00"))
    omaishoitajat = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    pensionarer = factories.organisation("Salon Ruotsinkieliset Eläkeläiset ry", areas=[salo])
    return {
        "salo": salo,
        "programme": programme,
        "secretary": factories.official(salo, "board_secretary", name="Sanna Sihteeri"),
        "fi_rep": factories.representative(omaishoitajat, language="fi"),
        "fi_app": grants.application(programme, omaishoitajat, status="in_review", amount="4000.00"),
        "sv_app": grants.application(programme, pensionarer, status="in_review", amount="3000.00"),
    }


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(re.sub(r"[ \t\r\n]+", " ", response.content.decode()))


def _notified(world):
    meeting = _decided(world)
    services.decision_notify(meeting=meeting, by=world["secretary"], today=timezone.localdate())
    return meeting


def test_the_applicant_sees_the_decision_the_amount_and_the_payments_on_the_application(client, world):
    _notified(world)
    application = world["fi_app"]
    officer = factories.official(world["salo"], "official")
    reporting.instalments_plan(
        application=application,
        by=officer,
        rows=[(dt.date(2027, 4, 15), Decimal("1200")), (dt.date(2027, 9, 15), Decimal("800"))],
    )
    client.force_login(world["fi_rep"])
    with translation.override("en"):
        url = reverse("grants:application", args=[application.pk])
    page = _text(client.get(url))
    assert "The board's decision" in page
    assert "Sosiaali- ja terveyslautakunta" in page and "§ 45" in page
    assert "2\xa0000\xa0€" in page or "2\xa0000,00\xa0€" in page
    assert "Lautakunta myönsi vähemmän." in page
    assert "15.4.2027" in page and "1\xa0200" in page
    assert "15.9.2027" in page and "800" in page
    assert "FI21 1234 5600 0007 85" in page


def test_the_applicant_does_not_see_the_decision_before_it_has_been_sent(client, world):
    _decided(world)
    client.force_login(world["fi_rep"])
    with translation.override("en"):
        url = reverse("grants:application", args=[world["fi_app"].pk])
    assert "The board's decision" not in _text(client.get(url))


def test_the_decision_letter_names_the_bank_account_the_grant_is_paid_to(client, world):
    _notified(world)
    decision = Decision.objects.select_related("meeting").get(application=world["fi_app"])
    letter = pdf.decision_letter_html(decision)
    assert "FI21 1234 5600 0007 85" in letter
    client.force_login(world["fi_rep"])
    response = client.get(reverse("grants:decision_letter", args=[world["fi_app"].pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_a_name_that_says_its_year_is_never_doubled_on_the_board_pages_and_letters(client, world):
    year = world["programme"].year
    GrantProgramme.objects.filter(pk=world["programme"].pk).update(name_fi=f"Kesäavustukset {year}")
    meeting = _notified(world)
    client.force_login(world["secretary"])
    doubled = f"{year} {year}"
    for name in ("grants:meeting", "grants:board_list", "grants:meeting_decisions"):
        page = _text(client.get(reverse(name, args=[meeting.pk])))
        assert f"Kesäavustukset {year}" in page and doubled not in page, name
    page = _text(client.get(reverse("grants:public_decisions", args=[world["salo"].slug, year])))
    assert doubled not in page
    decision = Decision.objects.select_related("meeting").get(application=world["fi_app"])
    letter = html.unescape(pdf.decision_letter_html(decision))
    assert f"Kesäavustukset {year}" in letter and doubled not in letter
    with translation.override("fi"):
        board_list = _pdf_text(pdf.board_list_pdf(meeting))
    assert doubled not in board_list


def test_the_decision_recorded_e_mail_goes_to_the_programmes_officials_not_every_coordinator(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    officer = factories.official(world["salo"], "official", email="ohjelman.vastaava@salo.example")
    bystander = factories.official(world["salo"], "coordinator", email="muu.koordinaattori@salo.example")
    GrantProgramme.objects.filter(pk=world["programme"].pk).update(created_by=officer)
    world["programme"].refresh_from_db()
    meeting = _proposed(world)
    services.proposal_mark_ready(meeting=meeting, by=world["secretary"])
    mailoutbox.clear()
    decisions = {d.application_id: d for d in meeting.decisions.all()}
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            meeting=meeting,
            by=world["secretary"],
            rows=[
                services.DecisionRow(decisions[world["fi_app"].pk], Decimal("2000"), "Hyvä."),
                services.DecisionRow(decisions[world["sv_app"].pk], Decimal("0"), "Ei rahaa."),
            ],
        )
    recipients = {address for message in mailoutbox for address in message.to}
    assert officer.email in recipients
    assert bystander.email not in recipients and world["secretary"].email not in recipients


def test_the_grants_pages_link_to_the_public_grant_decisions(client, world):
    decisions_url = reverse("grants:public_decision_years", args=[world["salo"].slug])
    assert decisions_url not in _text(client.get(reverse("grants:programme_list")))
    _notified(world)
    assert decisions_url in _text(client.get(reverse("grants:programme_list")))
    assert decisions_url in _text(client.get(reverse("grants:programme_list") + f"?body={world['salo'].slug}"))
    assert decisions_url in _text(client.get(reverse("grants:body_programmes", args=[world["salo"].slug])))
    assert decisions_url in _text(client.get(world["salo"].get_absolute_url()))
