"""The demo's grants: consistent with the workflow, and what the demo accounts are told to try is there."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from kumppani.core.models import AuditEntry, User
from kumppani.demo import accounts, organisations
from kumppani.demo import grants as demo_grants
from kumppani.grants import uploads
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    Decision,
    GrantProgramme,
    InstalmentStatus,
    MeetingStatus,
    ReportStatus,
    UsageReport,
)
from kumppani.grants.workflow import MOVES

pytestmark = pytest.mark.django_db
S = ApplicationStatus
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's accounts, NGOs and grants (as `kumppani demo` loads them), once for this module,
    inside a transaction that is rolled back after it."""
    private = tmp_path_factory.mktemp("private")
    with django_db_blocker.unblock(), override_settings(PRIVATE_MEDIA_ROOT=private), transaction.atomic():
        users = accounts.create_users()
        organisations.load(accounts.verifiers(users))
        accounts.link(users)
        demo_grants.load(users)
        yield private
        transaction.set_rollback(True)


def test_salo_round_is_decided_by_the_board(demo):
    year = demo_grants.decided_year(timezone.localdate())
    programme = GrantProgramme.objects.get(body__slug="salo", year=year, kind="operating")
    applications = programme.applications.all()
    assert 25 <= applications.count() <= 35
    assert programme.closes_at.astimezone(HELSINKI).replace(tzinfo=None) == dt.datetime(year, 1, 31, 16, 15)
    assert not programme.is_open()

    meeting = programme.meetings.get()
    assert (meeting.date, meeting.section, meeting.status) == (dt.date(year, 3, 17), "42", MeetingStatus.DECIDED)
    assert meeting.secretary.email == "lautakunta.salo@demo.kumppani.fi"
    decisions = Decision.objects.filter(meeting=meeting)
    assert decisions.aggregate(total=Sum("amount"))["total"] <= programme.appropriation
    assert decisions.filter(amount=0).count() >= 2
    assert sum(1 for d in decisions if d.amount != d.proposed_amount) >= 2
    assert applications.filter(status=S.WITHDRAWN).exists()
    # Each application in the summary was scored by two officials (one declared a conflict instead).
    for application in applications.exclude(status=S.WITHDRAWN).prefetch_related("reviews__scores"):
        reviews = list(application.reviews.all())
        assert len(reviews) == 2
        for review in reviews:
            assert len(review.scores.all()) == (0 if review.has_conflict else programme.criteria.count())


def test_every_application_moved_only_as_the_workflow_allows(demo):
    moves: dict[str, list] = {}
    for entry in AuditEntry.objects.filter(object_type="grants.application", action="status_changed").order_by(
        "created_at", "id"
    ):
        moves.setdefault(entry.object_id, []).append(entry.changes["status"])
    applications = list(Application.objects.all())
    assert len(applications) > 40
    for application in applications:
        status = S.DRAFT
        for old, new in moves.get(str(application.pk), []):
            assert old == status and new in MOVES[old], (application.reference, old, new)
            status = new
        assert status == application.status, application.reference
        if application.status == S.DRAFT:
            assert application.reference.startswith("draft-") and application.submitted_at is None
        else:
            assert application.submitted_at is not None
            assert application.reference.endswith(f"-{application.programme.year}-{application.reference[-4:]}")


def test_payments_and_usage_reports_agree_with_the_statuses(demo):
    for application in Application.objects.filter(status__in=[S.PAID, S.REPORTED, S.APPROVED, S.CLOSED]):
        paid = application.instalments.filter(status=InstalmentStatus.PAID)
        assert paid.exists(), application.reference
        assert paid.aggregate(total=Sum("amount"))["total"] <= application.decision.amount
        assert sum(i.amount for i in application.instalments.all()) == application.decision.amount
        assert application.usage_report.due_date
    assert not UsageReport.objects.filter(application__status=S.DECIDED).exists()
    assert UsageReport.objects.filter(status=ReportStatus.SUBMITTED, application__status=S.REPORTED).exists()


def test_the_carers_representative_has_a_usage_report_due_soon(demo):
    timo = User.objects.get(email="omaishoitajat@demo.kumppani.fi")
    today = timezone.localdate()
    report = UsageReport.objects.get(
        application__organisation__slug="salon-seudun-omaishoitajat-ry",
        status=ReportStatus.DRAFT,
        due_date__range=(today, today + dt.timedelta(days=14)),
    )
    assert timo.has_perm("grants.view_application", report.application)
    assert timo.has_perm("grants.file_report", report.application)


def test_tampere_round_is_open_until_31_january_and_the_county_has_a_programme(demo):
    tampere = GrantProgramme.objects.get(body__slug="tampere")
    assert tampere.is_open()
    closes = tampere.closes_at.astimezone(HELSINKI)
    assert (closes.day, closes.month, closes.hour, closes.minute) == (31, 1, 16, 15)
    statuses = set(tampere.applications.values_list("status", flat=True))
    assert {S.DRAFT, S.SUBMITTED} <= statuses
    county = GrantProgramme.objects.get(body__slug="varsinais-suomen-hyvinvointialue")
    assert county.is_open() and county.applications.exists()


def test_demo_attachments_pass_the_upload_check(demo):
    application = Application.objects.filter(status=S.SUBMITTED).first()
    attachment = application.attachments.first()
    with open(demo / attachment.file.name, "rb") as handle:
        checked = uploads.check(File(handle), name=attachment.original_name)
    assert checked.content_type == "application/pdf"


def test_loading_again_adds_nothing(demo):
    count = Application.objects.count()
    users = {user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@demo.kumppani.fi")}
    assert demo_grants.load(users) == 0
    assert Application.objects.count() == count
