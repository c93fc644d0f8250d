"""Every grants page below the top level shows where it sits: a breadcrumb trail from the front
page down to the page itself, each step a link except the last."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.grants.models import (
    ApplicationStatus,
    BoardMeeting,
    CompletionRequest,
    Decision,
    Instalment,
    InstalmentStatus,
    MeetingStatus,
    ReportStatus,
    ReviewAssignment,
    UsageReport,
)
from tests import factories
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def _meeting(programme, status, section, **fields):
    return BoardMeeting.objects.create(
        body=programme.body,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        board_name_en="Welfare Board",
        date=timezone.localdate() - dt.timedelta(days=3),
        section=section,
        status=status,
        **fields,
    )


@pytest.fixture
def world():
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo], association_id="123.456")
    people = {
        "rep": factories.representative(ngo),
        "officer": factories.official(salo, "official"),
        "coordinator": factories.official(salo, "coordinator"),
        "secretary": factories.official(salo, "board_secretary"),
        "reviewer": factories.official(salo, "official"),
        "anyone": None,
    }
    open_programme = grant_factories.programme(salo, "Yleisavustukset", year=2027)
    draft = grant_factories.application(open_programme, ngo, title="Vertaistukiryhmät")
    sent = grant_factories.application(open_programme, ngo, status=S.SUBMITTED, title="Kerhot")
    ReviewAssignment.objects.create(application=sent, reviewer=people["reviewer"])
    completing = grant_factories.application(open_programme, ngo, status=S.COMPLETION_REQUESTED, title="Retket")
    CompletionRequest.objects.create(
        application=completing, message="Talousarvio puuttuu.", deadline=timezone.now() + dt.timedelta(days=7)
    )
    proposing = grant_factories.programme(salo, "Kohdeavustukset", year=2027)
    proposed = grant_factories.application(proposing, ngo, status=S.PROPOSED, title="Leiri")
    proposed_meeting = _meeting(proposing, MeetingStatus.PROPOSED, "5")
    Decision.objects.create(application=proposed, meeting=proposed_meeting, proposed_amount=Decimal("1000"))
    paid_programme = grant_factories.programme(salo, "Toiminta-avustukset", year=2026)
    paid = grant_factories.application(paid_programme, ngo, status=S.REPORTED, title="Olohuone")
    notified = _meeting(paid_programme, MeetingStatus.DECIDED, "7", notified_at=timezone.localdate())
    Decision.objects.create(application=paid, meeting=notified, proposed_amount=Decimal("3000"), amount=3000)
    Instalment.objects.create(
        application=paid, due_date=timezone.localdate(), amount=3000, status=InstalmentStatus.PAID
    )
    UsageReport.objects.create(application=paid, due_date=dt.date(2027, 3, 31), status=ReportStatus.SUBMITTED)
    letters_programme = grant_factories.programme(salo, "Pienavustukset", year=2026)
    decided = grant_factories.application(letters_programme, ngo, status=S.DECIDED, title="Kuoro")
    letters = _meeting(letters_programme, MeetingStatus.DECIDED, "9")
    Decision.objects.create(application=decided, meeting=letters, proposed_amount=Decimal("500"), amount=500)
    return {
        **people,
        "salo": salo,
        "ngo": ngo,
        "open": open_programme,
        "proposing": proposing,
        "paid_programme": paid_programme,
        "draft": draft,
        "sent": sent,
        "completing": completing,
        "paid": paid,
        "proposed_meeting": proposed_meeting,
        "notified": notified,
        "letters": letters,
    }


# (name, user, url name, arguments from the world, the trail's labels after "Front page")
PAGES = [
    ("programme", "anyone", "grants:programme", ["open"], ["Grants", "Salo", "Yleisavustukset 2027"]),
    ("body grants", "officer", "grants:body_programmes", ["salo.slug"], ["Salo", "Grants"]),
    ("new programme", "officer", "grants:programme_create", ["salo.slug"], ["Salo", "Grants", "New grant programme"]),
    (
        "edit programme",
        "officer",
        "grants:programme_edit",
        ["open"],
        ["Salo", "Grants", "Yleisavustukset 2027", "Edit"],
    ),
    (
        "applications",
        "officer",
        "grants:programme_applications",
        ["open"],
        ["Grants", "Yleisavustukset 2027", "Applications"],
    ),
    ("our applications", "rep", "grants:my_applications", [], ["My page", "Our applications"]),
    ("apply", "rep", "grants:application_start", ["open"], ["Grants", "Yleisavustukset 2027", "Apply"]),
    (
        "application, applicant",
        "rep",
        "grants:application",
        ["draft"],
        ["My page", "Our applications", "Vertaistukiryhmät"],
    ),
    (
        "application, officer",
        "officer",
        "grants:application",
        ["sent"],
        ["Yleisavustukset 2027", "Applications", "Kerhot"],
    ),
    *[
        (
            f"step {n}",
            "rep",
            "grants:application_step",
            ["draft", n],
            ["Grants", "Yleisavustukset 2027", "Vertaistukiryhmät", step],
        )
        for n, step in enumerate(
            [
                "Basic information",
                "Target groups and outcomes",
                "Budget",
                "Questions",
                "Attachments",
                "Review and submit",
            ],
            start=1,
        )
    ],
    (
        "withdraw",
        "rep",
        "grants:application_withdraw",
        ["draft"],
        ["Grants", "Yleisavustukset 2027", "Vertaistukiryhmät", "Withdraw the application"],
    ),
    (
        "ask for completion",
        "officer",
        "grants:completion_request",
        ["sent"],
        ["Grants", "Yleisavustukset 2027", "Kerhot", "Ask for a completion"],
    ),
    (
        "complete",
        "rep",
        "grants:completion_submit",
        ["completing"],
        ["Grants", "Yleisavustukset 2027", "Retket", "Complete the application"],
    ),
    (
        "reviewers",
        "officer",
        "grants:assign_reviewers",
        ["sent"],
        ["Grants", "Yleisavustukset 2027", "Kerhot", "Reviewers"],
    ),
    ("review", "reviewer", "grants:review", ["sent"], ["My reviews", ("sent", "reference")]),
    ("my reviews", "reviewer", "grants:my_reviews", [], ["My page", "My reviews"]),
    ("summary", "officer", "grants:summary", ["open"], ["Grants", "Yleisavustukset 2027", "Programme summary"]),
    (
        "new meeting",
        "secretary",
        "grants:meeting_create",
        ["open"],
        ["Grants", "Yleisavustukset 2027", "Prepare a board meeting"],
    ),
    (
        "meeting",
        "secretary",
        "grants:meeting",
        ["proposed_meeting"],
        ["Grants", "Kohdeavustukset 2027", "Welfare Board § 5"],
    ),
    (
        "proposal",
        "secretary",
        "grants:proposal",
        ["proposed_meeting"],
        ["Grants", "Kohdeavustukset 2027", "Welfare Board § 5", "Proposal to the board"],
    ),
    (
        "board list",
        "secretary",
        "grants:board_list",
        ["proposed_meeting"],
        ["Grants", "Kohdeavustukset 2027", "Welfare Board § 5", "Board list"],
    ),
    (
        "record decision",
        "secretary",
        "grants:decision_record",
        ["proposed_meeting"],
        ["Grants", "Kohdeavustukset 2027", "Welfare Board § 5", "Record the board's decision"],
    ),
    (
        "send decisions",
        "secretary",
        "grants:decision_notify",
        ["letters"],
        ["Grants", "Pienavustukset 2026", "Welfare Board § 9", "Send the decisions to the applicants"],
    ),
    (
        "meeting decisions",
        "anyone",
        "grants:meeting_decisions",
        ["notified"],
        ["Grants", "Toiminta-avustukset 2026", "Grant decisions"],
    ),
    ("decision years", "anyone", "grants:public_decision_years", ["salo.slug"], ["Salo", "Grant decisions"]),
    (
        "decisions of a year",
        "anyone",
        "grants:public_decisions",
        ["salo.slug", 2026],
        ["Salo", "Grant decisions", "2026"],
    ),
    (
        "programme payments",
        "officer",
        "grants:programme_payments",
        ["paid_programme"],
        ["Grants", "Toiminta-avustukset 2026", "Payments"],
    ),
    (
        "application payments",
        "officer",
        "grants:application_payments",
        ["paid"],
        ["Grants", "Toiminta-avustukset 2026", "Olohuone", "Payments and usage report"],
    ),
    (
        "recovery",
        "officer",
        "grants:recovery",
        ["paid"],
        ["Grants", "Toiminta-avustukset 2026", "Olohuone", "Payments and usage report", "Recovery"],
    ),
    (
        "usage report",
        "rep",
        "grants:usage_report",
        ["paid"],
        ["Grants", "Toiminta-avustukset 2026", "Olohuone", "Usage report"],
    ),
    (
        "report review",
        "officer",
        "grants:usage_report_review",
        ["paid"],
        ["Grants", "Toiminta-avustukset 2026", "Olohuone", "Usage report"],
    ),
    ("body payments", "officer", "grants:payments", ["salo.slug"], ["Salo", "Grant payments"]),
    ("continuity", "coordinator", "grants:continuity", ["salo.slug"], ["Salo", "Continuity of NGO funding"]),
    ("grant history", "rep", "grants:grant_history", ["ngo.slug"], ["NGOs", "Salon Omaishoitajat ry", "Grants"]),
]


def _argument(world, name):
    if isinstance(name, int):
        return name
    item, _dot, attribute = name.partition(".")
    value = world[item]
    return getattr(value, attribute) if attribute else value.pk


def _trail(page: str) -> list[str]:
    match = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', page, re.S)
    assert match, "no breadcrumbs on the page"
    items = re.findall(r"<li[^>]*>(.*?)</li>", match.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


@pytest.mark.parametrize(("page", "who", "name", "arguments", "trail"), PAGES, ids=[p[0] for p in PAGES])
def test_every_grants_page_shows_its_place_in_a_breadcrumb_trail(client, world, page, who, name, arguments, trail):
    if world[who] is not None:
        client.force_login(world[who])
    with translation.override("en"):
        url = reverse(name, args=[_argument(world, a) for a in arguments])
    response = client.get(url)
    assert response.status_code == 200, url
    expected = [getattr(world[item[0]], item[1]) if isinstance(item, tuple) else item for item in trail]
    assert [html.unescape(label) for label in _trail(response.content.decode())] == ["Front page", *expected]
