"""The grants permission matrix by staff role: every grant page and API endpoint tried as each
role a body's staff can hold, conflicts of interest included (tests/grants/matrix.py says who may
open what). Refused means 403 or 404 and nothing changed; allowed means the page answers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.test import APIClient

from kumppani.core.models import AuditEntry
from kumppani.grants.models import (
    ApplicationStatus,
    Attachment,
    BoardMeeting,
    Decision,
    Instalment,
    MeetingStatus,
    UsageReport,
)
from kumppani.grants.services import review as review_services
from tests import factories
from tests.grants import factories as grants
from tests.grants.matrix import STAFF_MATRIX, STAFF_ROLES, URL_NAMES

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world():
    """Salo's programme with an application on a decided meeting's list (Anna reviews it; Olli, an
    official, and Risto, a viewer, declared a conflict on it) and one in review on no list."""
    salo = factories.salo()
    programme = grants.programme(salo)
    ngo = factories.organisation("Matriisiyhdistys ry", areas=[salo])
    factories.representative(ngo)
    coordinator = factories.official(salo, "coordinator")
    listed = grants.application(programme, ngo, status=ApplicationStatus.SUBMITTED)
    people = {
        "coordinator": coordinator,
        "official": factories.official(salo, "official"),
        "board secretary": factories.official(salo, "board_secretary"),
        "viewer": factories.official(salo, "viewer"),
        "premises manager": factories.official(salo, "premises_manager"),
        "reviewer": factories.official(salo, "viewer", name="Anna Arvioija"),
        "official with a conflict": factories.official(salo, "official", name="Olli Esteellinen"),
        "reviewer with a conflict": factories.official(salo, "viewer", name="Risto Esteellinen"),
    }
    assert set(people) == set(STAFF_ROLES)
    review_services.assign_reviewers(
        application=listed,
        reviewers=[people["reviewer"], people["official with a conflict"], people["reviewer with a conflict"]],
        by=coordinator,
    )
    for role in ("official with a conflict", "reviewer with a conflict"):
        review_services.declare_conflict(application=listed, by=people[role], reason="Olen yhdistyksen jäsen.")
    meeting = BoardMeeting.objects.create(
        body=salo,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=dt.date(programme.year, 3, 15),
        section="45",
        status=MeetingStatus.DECIDED,
        notified_at=dt.date(programme.year, 3, 16),
    )
    Decision.objects.create(
        application=listed, meeting=meeting, proposed_amount=Decimal("2000"), amount=Decimal("2000"), reasoning="Hyvä."
    )
    listed.status = ApplicationStatus.DECIDED
    listed.save()
    attachment = Attachment(
        application=listed, kind="rules", original_name="saannot.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("saannot.pdf", ContentFile(PDF), save=False)
    attachment.save()
    instalment = Instalment.objects.create(application=listed, due_date=meeting.date, amount=Decimal("2000"))
    UsageReport.objects.create(application=listed, due_date=dt.date(programme.year + 1, 3, 31))
    pending = grants.application(
        programme, factories.organisation("Odottava ry", areas=[salo]), status=ApplicationStatus.IN_REVIEW
    )
    return {
        "salo": salo,
        "programme": programme,
        "ngo": ngo,
        "listed": listed,
        "pending": pending,
        "meeting": meeting,
        "attachment": attachment,
        "instalment": instalment,
        "people": people,
    }


def requests(world):
    """(matrix key, method, url) for every grant page and endpoint that is not public."""
    p, a, m = world["programme"].pk, world["listed"].pk, world["meeting"].pk
    body, ngo = world["salo"].slug, world["ngo"].slug
    api = "/api/v1/grant-applications/"
    return [
        ("grants:programme", "get", reverse("grants:programme", args=[p])),
        ("grants:programme_edit", "get", reverse("grants:programme_edit", args=[p])),
        ("grants:programme_history", "get", reverse("grants:programme_history", args=[p])),
        ("grants:programme_publish", "post", reverse("grants:programme_publish", args=[p])),
        ("grants:programme_applications", "get", reverse("grants:programme_applications", args=[p])),
        ("grants:body_programmes", "get", reverse("grants:body_programmes", args=[body])),
        ("grants:programme_create", "get", reverse("grants:programme_create", args=[body])),
        ("grants:my_applications", "get", reverse("grants:my_applications")),
        ("grants:application_start", "get", reverse("grants:application_start", args=[p])),
        ("grants:application", "get", reverse("grants:application", args=[a])),
        ("grants:application (not on a list)", "get", reverse("grants:application", args=[world["pending"].pk])),
        ("grants:application_step", "get", reverse("grants:application_step", args=[a, 1])),
        ("grants:application_submit", "post", reverse("grants:application_submit", args=[a])),
        ("grants:attachment_download", "get", reverse("grants:attachment_download", args=[a, world["attachment"].pk])),
        ("grants:attachment_remove", "post", reverse("grants:attachment_remove", args=[a, world["attachment"].pk])),
        ("grants:completion_request", "get", reverse("grants:completion_request", args=[a])),
        ("grants:completion_submit", "get", reverse("grants:completion_submit", args=[a])),
        ("grants:application_withdraw", "get", reverse("grants:application_withdraw", args=[a])),
        ("grants:assign_reviewers", "get", reverse("grants:assign_reviewers", args=[a])),
        ("grants:review", "get", reverse("grants:review", args=[a])),
        ("grants:declare_conflict", "post", reverse("grants:declare_conflict", args=[a])),
        ("grants:my_reviews", "get", reverse("grants:my_reviews")),
        ("grants:summary", "get", reverse("grants:summary", args=[p])),
        ("grants:meeting_create", "get", reverse("grants:meeting_create", args=[p])),
        ("grants:meeting", "get", reverse("grants:meeting", args=[m])),
        ("grants:proposal", "get", reverse("grants:proposal", args=[m])),
        ("grants:proposal_ready", "post", reverse("grants:proposal_ready", args=[m])),
        ("grants:board_list", "get", reverse("grants:board_list", args=[m])),
        ("grants:board_list_pdf", "get", reverse("grants:board_list_pdf", args=[m])),
        ("grants:decision_record", "get", reverse("grants:decision_record", args=[m])),
        ("grants:decision_notify", "post", reverse("grants:decision_notify", args=[m])),
        ("grants:meeting_decisions", "get", reverse("grants:meeting_decisions", args=[m])),
        ("grants:decision_letter", "get", reverse("grants:decision_letter", args=[a])),
        ("grants:programme_payments", "get", reverse("grants:programme_payments", args=[p])),
        ("grants:programme_export", "get", reverse("grants:programme_export", args=[p, "csv"])),
        ("grants:application_payments", "get", reverse("grants:application_payments", args=[a])),
        ("grants:instalment_paid", "post", reverse("grants:instalment_paid", args=[world["instalment"].pk])),
        ("grants:report_due", "post", reverse("grants:report_due", args=[a])),
        ("grants:recovery", "get", reverse("grants:recovery", args=[a])),
        ("grants:close", "post", reverse("grants:close", args=[a])),
        ("grants:usage_report", "get", reverse("grants:usage_report", args=[a])),
        ("grants:usage_report_review", "get", reverse("grants:usage_report_review", args=[a])),
        ("grants:payments", "get", reverse("grants:payments", args=[body])),
        ("grants:payments_csv", "get", reverse("grants:payments_csv", args=[body])),
        ("grants:continuity", "get", reverse("grants:continuity", args=[body])),
        ("grants:grant_history", "get", reverse("grants:grant_history", args=[ngo])),
        ("grants:programme_list", "get", reverse("grants:programme_list")),
        ("grants:public_decision_years", "get", reverse("grants:public_decision_years", args=[body])),
        ("grants:public_decisions", "get", reverse("grants:public_decisions", args=[body, world["programme"].year])),
        ("grants:giving360", "get", reverse("grants:giving360", args=[body, world["programme"].year])),
        ("api-grant-application-list", "api", api),
        ("api-grant-application-detail", "get", f"{api}{a}/"),
        ("api-grant-application-submit", "api post", f"{api}{a}/submit/"),
        ("api-grant-application-withdraw", "api post", f"{api}{a}/withdraw/"),
        ("api-grant-application-complete", "api post", f"{api}{a}/complete/"),
    ]


def test_every_grant_page_and_endpoint_is_in_the_staff_matrix(world):
    keys = {key for key, _method, _url in requests(world)}
    assert set(STAFF_MATRIX) == keys
    assert {key.split(" ")[0] for key in keys} >= {name for name in URL_NAMES if name.startswith("grants:")}


def _outcome(client, world, method: str, url: str) -> bool:
    """True when the page or endpoint let the person in."""
    if method == "api":
        listed = {row["id"] for row in client.get(url).json()["results"]}
        return world["listed"].pk in listed
    if method == "api post":
        response = client.post(url, {"version": 1, "reason": "Testi", "response": "Testi"}, format="json")
    else:
        response = getattr(client, method)(url, {} if method == "post" else None)
    return response.status_code not in (403, 404)


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_staff_role_opens_exactly_what_the_matrix_allows(world, role):
    client = APIClient()
    client.force_login(world["people"][role])
    before = AuditEntry.objects.exclude(action="attachment_read").count()
    wrong = []
    for key, method, url in requests(world):
        allowed = role in STAFF_MATRIX[key]
        if method.endswith("post") and allowed:
            continue  # what an allowed person's post does is tested with the page itself
        if _outcome(client, world, method, url) != allowed:
            wrong.append((key, "should be allowed" if allowed else "should be refused"))
    assert wrong == []
    assert AuditEntry.objects.exclude(action="attachment_read").count() == before
