"""Payments and usage reports: instalments that add up to the decided amount exactly, the payments
file for the finance system, the usage report walked through the pages (file → return → refile →
approve), the reminders, recovery, and who may do what."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.grants import exports
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    Attachment,
    BudgetLine,
    Instalment,
    InstalmentStatus,
    ReportStatus,
    UsageReport,
)
from kumppani.grants.services import reporting
from kumppani.grants.tasks import send_report_reminders
from tests import factories
from tests.grants import decided

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world():
    salo = factories.salo()
    org = factories.organisation("Salon Omaishoitajat ry", areas=[salo], business_id="0737546-2")
    rep = factories.representative(org, email="edustaja@example.org", name="Reija Edustaja")
    grant = decided.grant(salo, organisation=org, amount="3000.00", contact_email="hakija@example.org")
    return {
        "salo": salo,
        "org": org,
        "rep": rep,
        "grant": grant,
        "officer": factories.official(salo, "official", name="Olli Viranhaltija"),
    }


def _paid(world, amount="3000.00") -> Application:
    """The grant planned in one instalment and paid, so the usage report is open."""
    grant = world["grant"]
    (instalment,) = reporting.instalments_plan(
        application=grant, by=world["officer"], rows=[(timezone.localdate(), Decimal(amount))]
    )
    reporting.instalment_mark_paid(instalment=instalment, by=world["officer"])
    grant.refresh_from_db()
    return grant


# --- Instalments -------------------------------------------------------------------------------


def test_an_even_split_adds_up_to_the_cent():
    parts = reporting.split_evenly(Decimal("1000.00"), 3)
    assert parts == [Decimal("333.34"), Decimal("333.33"), Decimal("333.33")]
    assert sum(parts) == Decimal("1000.00")
    assert reporting.monthly_dates(dt.date(2026, 1, 31), 3, 1) == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
    ]


def test_instalments_must_add_up_to_the_decided_amount_exactly(world):
    grant, officer = world["grant"], world["officer"]
    with pytest.raises(ValidationError) as error:
        reporting.instalments_plan(
            application=grant,
            by=officer,
            rows=[(dt.date(2026, 2, 1), Decimal("1500.00")), (dt.date(2026, 6, 1), Decimal("1499.99"))],
        )
    assert error.value.code == "instalments_mismatch"
    assert "3" in " ".join(error.value.messages) and not grant.instalments.exists()
    reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 6, 1), Decimal("1000.00")), (dt.date(2026, 2, 1), Decimal("2000.00"))],
    )
    assert [(i.due_date, i.amount) for i in grant.instalments.all()] == [
        (dt.date(2026, 2, 1), Decimal("2000.00")),
        (dt.date(2026, 6, 1), Decimal("1000.00")),
    ]
    assert AuditEntry.objects.filter(action="instalments_planned", object_id=str(grant.pk)).count() == 1


def test_replanning_keeps_what_was_paid_and_counts_it(world):
    grant, officer = world["grant"], world["officer"]
    first, _second = reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 2, 1), Decimal("1000.00")), (dt.date(2026, 6, 1), Decimal("2000.00"))],
    )
    reporting.instalment_mark_paid(instalment=first, by=officer, paid_at=dt.date(2026, 2, 3))
    with pytest.raises(ValidationError) as error:  # 1000 paid + 2500 ≠ 3000
        reporting.instalments_plan(application=grant, by=officer, rows=[(dt.date(2026, 9, 1), Decimal("2500.00"))])
    assert error.value.code == "instalments_mismatch"
    reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 9, 1), Decimal("1000.00")), (dt.date(2026, 12, 1), Decimal("1000.00"))],
    )
    assert [(i.status, i.amount) for i in grant.instalments.all()] == [
        ("paid", Decimal("1000.00")),
        ("planned", Decimal("1000.00")),
        ("planned", Decimal("1000.00")),
    ]


def test_first_payment_moves_the_grant_to_paid_and_opens_the_report(world, mailoutbox):
    world["grant"].programme.report_due = dt.date(2027, 2, 28)
    world["grant"].programme.save()
    grant = _paid(world)
    assert grant.status == ApplicationStatus.PAID
    report = UsageReport.objects.get(application=grant)
    assert report.due_date == dt.date(2027, 2, 28) and report.status == ReportStatus.DRAFT
    (message,) = mailoutbox
    assert set(message.to) == {"hakija@example.org", "edustaja@example.org"}
    assert "28.2.2027" in message.body and "3\xa0000,00\xa0€" in message.body
    assert reverse("grants:usage_report", args=[grant.pk]) in message.body


def test_a_report_without_a_programme_date_is_due_at_the_end_of_march_next_year(world):
    grant = _paid(world)
    assert grant.usage_report.due_date == dt.date(grant.programme.year + 1, 3, 31)


def test_an_instalment_is_paid_only_once(world):
    grant = _paid(world)
    instalment = grant.instalments.get()
    with pytest.raises(ValidationError) as error:
        reporting.instalment_mark_paid(instalment=instalment, by=world["officer"])
    assert error.value.code == "not_planned"


def test_officer_plans_and_pays_through_the_page(client, world):
    client.force_login(world["officer"])
    url = reverse("grants:application_payments", args=[world["grant"].pk])
    page = client.get(url, {"parts": "2", "first": "2026-02-01", "months": "4"}).content.decode()
    assert 'value="1500,00"' in page and 'value="2026-06-01"' in page
    data = {
        "inst-TOTAL_FORMS": "3",
        "inst-INITIAL_FORMS": "0",
        "inst-0-due_date": "2026-02-01",
        "inst-0-amount": "1 500,00",
        "inst-1-due_date": "2026-06-01",
        "inst-1-amount": "1500",
        "inst-2-due_date": "",
        "inst-2-amount": "",
    }
    assert client.post(url, data).status_code == 302
    first = world["grant"].instalments.first()
    response = client.post(reverse("grants:instalment_paid", args=[first.pk]), {"paid_at": "2026-02-02"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == InstalmentStatus.PAID and first.paid_at == dt.date(2026, 2, 2)
    page = client.get(url).content.decode()
    assert "1\xa0500,00\xa0€" in page


def test_a_plan_that_does_not_add_up_says_so_on_the_page_and_saves_nothing(client, world):
    client.force_login(world["officer"])
    url = reverse("grants:application_payments", args=[world["grant"].pk])
    data = {
        "inst-TOTAL_FORMS": "1",
        "inst-INITIAL_FORMS": "0",
        "inst-0-due_date": "2026-02-01",
        "inst-0-amount": "2999",
    }
    response = client.post(url, data, follow=True)
    assert "2\xa0999,00\xa0€" in response.content.decode()  # the message says what the rows add up to
    assert not world["grant"].instalments.exists()
    data["inst-0-amount"] = "kolme tonnia"
    response = client.post(url, data)
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not world["grant"].instalments.exists()


# --- Payments file -----------------------------------------------------------------------------


def test_payments_csv_is_what_finnish_finance_systems_import(client, world):
    officer, salo = world["officer"], world["salo"]
    reporting.instalments_plan(
        application=world["grant"],
        by=officer,
        rows=[(dt.date(2026, 2, 10), Decimal("1234.50")), (dt.date(2026, 8, 10), Decimal("1765.50"))],
    )
    other = decided.grant(factories.tampere(), amount="900.00")  # another body's grant is not in Salo's file
    Instalment.objects.create(application=other, due_date=dt.date(2026, 2, 10), amount=Decimal("900.00"))
    client.force_login(officer)
    response = client.get(
        reverse("grants:payments_csv", args=[salo.slug]), {"start": "2026-02-01", "end": "2026-02-28", "status": ""}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == exports.PAYMENT_COLUMNS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Viite"] == world["grant"].reference
    assert row["Saaja"] == "Salon Omaishoitajat ry" and row["Y-tunnus"] == "0737546-2"
    assert row["Summa"] == "1234,50" and row["Eräpäivä"] == "10.2.2026" and row["Tila"] == "maksamatta"
    assert row["Päätös"].startswith("Hyvinvointilautakunta") and "§ 45" in row["Päätös"]


def test_payments_page_lists_the_period_and_refuses_a_reversed_range(client, world):
    reporting.instalments_plan(
        application=world["grant"], by=world["officer"], rows=[(dt.date(2026, 2, 10), Decimal("3000.00"))]
    )
    client.force_login(world["officer"])
    url = reverse("grants:payments", args=[world["salo"].slug])
    page = client.get(url, {"start": "2026-02-01", "end": "2026-02-28"}).content.decode()
    assert world["grant"].reference in page and "3\xa0000,00\xa0€" in page
    page = client.get(url, {"start": "2026-03-01", "end": "2026-02-01"}).content.decode()
    assert "errorlist nonfield" in page and world["grant"].reference not in page
    response = client.get(reverse("grants:payments_csv", args=[world["salo"].slug]), {"start": "x", "end": "y"})
    assert response.status_code == 302


# --- Usage report through the pages ------------------------------------------------------------


def _report_data(grant, *, achievements="Vertaistukiryhmä kokoontui 40 kertaa.", actual="2950,00", **extra) -> dict:
    data = {"achievements": achievements, "participants": "35", "attachment_kind": "financial_statements"}
    for line in grant.budget_lines.all():
        data[f"actual_{line.pk}"] = actual if line.kind == "expense" else "3000"
    return {**data, **extra}


def test_usage_report_file_return_refile_approve(client, world, mailoutbox):
    grant = _paid(world)
    mailoutbox.clear()
    rep, officer = world["rep"], world["officer"]
    report_url = reverse("grants:usage_report", args=[grant.pk])
    review_url = reverse("grants:usage_report_review", args=[grant.pk])

    # The NGO saves a draft, then tries to send it unfinished: told what is missing, nothing changes.
    client.force_login(rep)
    page = client.get(report_url).content.decode()
    assert "Tilavuokrat" in page and "Avustus" in page
    draft = _report_data(grant, achievements="", action="save")
    assert client.post(report_url, draft).status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.PAID
    assert grant.budget_lines.get(kind="expense").actual_amount == Decimal("2950.00")
    incomplete = _report_data(grant, achievements="", action="submit")
    incomplete[f"actual_{grant.budget_lines.get(kind='income').pk}"] = ""
    response = client.post(report_url, incomplete)
    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.PAID
    assert grant.budget_lines.get(kind="income").actual_amount == Decimal("3000.00")  # the saved draft stays

    # It sends the report with an attachment.
    upload = SimpleUploadedFile("tilinpaatos.pdf", PDF, content_type="application/pdf")
    response = client.post(report_url, _report_data(grant, action="submit", attachment=upload))
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.REPORTED and grant.usage_report.status == ReportStatus.SUBMITTED
    attachment = Attachment.objects.get(application=grant, stage="usage_report")
    assert attachment.original_name == "tilinpaatos.pdf"
    assert "edustaja@example.org" in mailoutbox[-1].to
    assert client.post(report_url, _report_data(grant, action="save")).status_code == 200  # read-only now
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.REPORTED

    # The officer reads it (actual against the budget, with the difference) and returns it.
    client.force_login(officer)
    page = client.get(review_url).content.decode()
    assert "2\xa0950,00\xa0€" in page and "−50,00\xa0€" in page and "tilinpaatos.pdf" in page
    download = client.get(reverse("grants:attachment_download", args=[grant.pk, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    response = client.post(review_url, {"action": "return", "comment": ""})
    assert response.status_code == 200  # a return needs a comment
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.REPORTED
    mailoutbox.clear()
    comment = "Liitä mukaan tilintarkastajan lausunto."
    assert client.post(review_url, {"action": "return", "comment": comment}).status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.PAID and grant.usage_report.status == ReportStatus.RETURNED
    (message,) = mailoutbox
    assert comment in message.body and report_url in message.body

    # The NGO sees the comment, adds the statement and sends again.
    client.force_login(rep)
    assert comment in client.get(report_url).content.decode()
    upload = SimpleUploadedFile("lausunto.pdf", PDF, content_type="application/pdf")
    data = _report_data(grant, action="submit", attachment=upload, attachment_kind="audit_report")
    assert client.post(report_url, data).status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.REPORTED

    # The officer approves it and closes the grant.
    client.force_login(officer)
    response = client.post(review_url, {"action": "approve", "comment": "Kiitos!", "close": "on"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.CLOSED and grant.usage_report.status == ReportStatus.APPROVED
    assert grant.attachments.filter(stage="usage_report").count() == 2
    statuses = [
        entry.changes["status"][1]
        for entry in AuditEntry.objects.filter(object_id=str(grant.pk), action="status_changed").order_by("id")
    ]
    assert statuses == ["paid", "reported", "paid", "reported", "approved", "closed"]


def test_a_refused_attachment_is_explained_and_nothing_is_saved(client, world):
    grant = _paid(world)
    client.force_login(world["rep"])
    upload = SimpleUploadedFile("ohjelma.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("grants:usage_report", args=[grant.pk]), _report_data(grant, action="submit", attachment=upload)
    )
    assert response.status_code == 200 and "ohjelma.pdf" in response.content.decode()
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.PAID
    assert not Attachment.objects.filter(application=grant).exists()
    assert grant.budget_lines.get(kind="expense").actual_amount is None


def test_the_ngo_removes_an_attachment_of_its_draft(client, world):
    grant = _paid(world)
    client.force_login(world["rep"])
    url = reverse("grants:usage_report", args=[grant.pk])
    upload = SimpleUploadedFile("kuitit.pdf", PDF, content_type="application/pdf")
    client.post(url, _report_data(grant, action="save", attachment=upload))
    attachment = Attachment.objects.get(application=grant)
    assert client.post(url, {"remove_attachment": attachment.pk}).status_code == 302
    assert not Attachment.objects.filter(application=grant).exists()


def test_approving_with_close_needs_every_instalment_paid(world):
    grant, officer = world["grant"], world["officer"]
    first, _second = reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 2, 1), Decimal("2000.00")), (dt.date(2026, 12, 1), Decimal("1000.00"))],
    )
    reporting.instalment_mark_paid(instalment=first, by=officer)
    report = UsageReport.objects.get(application=grant)
    grant.budget_lines.update(actual_amount=Decimal("3000.00"))
    reporting.usage_report_submit(
        report=report, by=world["rep"], achievements="Tehtiin.", participants=None, actuals={}
    )
    with pytest.raises(ValidationError) as error:
        reporting.usage_report_approve(report=report, by=officer, close=True)
    assert error.value.code == "instalments_unpaid"
    reporting.usage_report_approve(report=report, by=officer)
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.APPROVED
    with pytest.raises(ValidationError) as error:
        reporting.application_close(application=grant, by=officer)
    assert error.value.code == "instalments_unpaid"
    reporting.instalment_mark_paid(instalment=grant.instalments.get(status="planned"), by=officer)
    reporting.application_close(application=grant, by=officer)
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.CLOSED


# --- Reminders ---------------------------------------------------------------------------------


def test_reminders_go_once_before_and_once_after_the_due_date(world, mailoutbox):
    grant = _paid(world)
    report = grant.usage_report
    today = timezone.localdate()
    mailoutbox.clear()

    report.due_date = today + dt.timedelta(days=20)  # not yet
    report.save()
    assert send_report_reminders.call() == 0

    report.due_date = today + dt.timedelta(days=14)  # two weeks before
    report.save()
    assert send_report_reminders.call() == 1
    assert send_report_reminders.call() == 0
    (message,) = mailoutbox
    assert set(message.to) == {"hakija@example.org", "edustaja@example.org"}
    assert report.due_date.strftime("%-d.%-m.%Y") in message.subject

    report.due_date = today  # the due day itself: nothing new
    report.save(update_fields=["due_date"])
    assert send_report_reminders.call() == 0

    report.due_date = today - dt.timedelta(days=1)  # the day after
    report.save(update_fields=["due_date"])
    assert send_report_reminders.call() == 1
    assert send_report_reminders.call() == 0
    assert len(mailoutbox) == 2 and grant.reference in mailoutbox[1].subject


def test_no_reminder_for_a_report_that_has_been_sent(world, mailoutbox):
    grant = _paid(world)
    grant.budget_lines.update(actual_amount=Decimal("3000.00"))
    reporting.usage_report_submit(
        report=grant.usage_report, by=world["rep"], achievements="Tehtiin.", participants=10, actuals={}
    )
    UsageReport.objects.filter(pk=grant.usage_report.pk).update(due_date=timezone.localdate() - dt.timedelta(days=3))
    mailoutbox.clear()
    assert send_report_reminders.call() == 0 and mailoutbox == []


def test_moving_the_due_date_sends_the_reminders_again(client, world):
    grant = _paid(world)
    UsageReport.objects.filter(pk=grant.usage_report.pk).update(due_date=timezone.localdate() + dt.timedelta(days=3))
    assert send_report_reminders.call() == 1
    client.force_login(world["officer"])
    new_due = timezone.localdate() + dt.timedelta(days=10)
    response = client.post(reverse("grants:report_due", args=[grant.pk]), {"due_date": new_due.isoformat()})
    assert response.status_code == 302
    report = UsageReport.objects.get(pk=grant.usage_report.pk)
    assert report.due_date == new_due and report.reminder_before_sent_at is None
    assert send_report_reminders.call() == 1


def test_the_reminder_job_is_scheduled():
    from kumppani.core.schedule import JOBS

    assert "kumppani.grants.tasks.send_report_reminders" in [job.task for job in JOBS]


# --- Recovery ----------------------------------------------------------------------------------


def test_recovery_through_the_page(client, world, mailoutbox):
    grant, officer = world["grant"], world["officer"]
    first, _second = reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 2, 1), Decimal("2000.00")), (dt.date(2026, 12, 1), Decimal("1000.00"))],
    )
    reporting.instalment_mark_paid(instalment=first, by=officer)
    mailoutbox.clear()
    client.force_login(officer)
    url = reverse("grants:recovery", args=[grant.pk])
    assert 'value="2000,00"' in client.get(url).content.decode()
    response = client.post(url, {"amount": "2500", "reason": "Toimintaa ei järjestetty."})
    assert response.status_code == 200 and "2\xa0000,00\xa0€" in response.content.decode()
    response = client.post(url, {"amount": "2000", "reason": ""})
    assert response.status_code == 200
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.PAID and grant.recovery_amount is None
    response = client.post(url, {"amount": "1 800,00", "reason": "Toimintaa ei järjestetty syksyllä."})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.RECOVERY
    assert grant.recovery_amount == Decimal("1800.00") and "syksyllä" in grant.recovery_reason
    assert grant.instalments.get(due_date=dt.date(2026, 12, 1)).status == InstalmentStatus.CANCELLED
    (message,) = mailoutbox
    assert "1\xa0800,00\xa0€" in message.body and "syksyllä" in message.body
    page = client.get(reverse("grants:application_payments", args=[grant.pk])).content.decode()
    assert "syksyllä" in page
    assert client.post(reverse("grants:close", args=[grant.pk])).status_code == 302
    grant.refresh_from_db()
    assert grant.status == ApplicationStatus.CLOSED


def test_an_approved_grant_cannot_be_marked_for_recovery(world):
    grant = world["grant"]
    Application.objects.filter(pk=grant.pk).update(status=ApplicationStatus.APPROVED)
    grant.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        reporting.recovery_mark(application=grant, by=world["officer"], amount=Decimal("0"), reason="x")
    assert error.value.code == "not_recoverable"


# --- Officer's lists and exports ---------------------------------------------------------------


def _programme_page_queries(client, programme, count: int) -> int:
    existing = programme.applications.count()
    for n in range(existing, count):
        grant = decided.grant(programme=programme, amount="1000.00")
        Instalment.objects.create(application=grant, due_date=dt.date(2026, 3, 1), amount=Decimal("400.00"))
        paid = Instalment.objects.create(
            application=grant, due_date=dt.date(2026, 1, 1), amount=Decimal("600.00"), status="paid"
        )
        if n % 2:
            UsageReport.objects.create(application=grant, due_date=paid.due_date)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("grants:programme_payments", args=[programme.pk]))
    assert response.status_code == 200
    return len(queries)


def test_programme_payments_query_count_does_not_grow(client, world):
    client.force_login(world["officer"])
    programme = world["grant"].programme
    assert _programme_page_queries(client, programme, 5) == _programme_page_queries(client, programme, 40)


def test_programme_payments_filters_reports_to_check(client, world):
    grant = _paid(world)
    other = decided.grant(programme=grant.programme, amount="500.00")
    grant.budget_lines.update(actual_amount=Decimal("3000.00"))
    reporting.usage_report_submit(
        report=grant.usage_report, by=world["rep"], achievements="Ok", participants=1, actuals={}
    )
    client.force_login(world["officer"])
    url = reverse("grants:programme_payments", args=[grant.programme.pk])
    page = client.get(url, {"show": "to_check"}).content.decode()
    assert grant.reference in page and other.reference not in page
    page = client.get(url).content.decode()
    assert grant.reference in page and other.reference in page


def test_body_payments_query_count_does_not_grow(client, world):
    client.force_login(world["officer"])
    url = reverse("grants:payments", args=[world["salo"].slug])
    params = {"start": "2026-01-01", "end": "2026-12-31"}

    def queries(count):
        for _n in range(Instalment.objects.count(), count):
            grant = decided.grant(programme=world["grant"].programme, amount="100.00")
            Instalment.objects.create(application=grant, due_date=dt.date(2026, 5, 1), amount=Decimal("100.00"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured)

    assert queries(5) == queries(40)


# --- Who may do what ---------------------------------------------------------------------------


@pytest.fixture
def outsiders():
    other_org = factories.organisation("Toinen ry", areas=[factories.tampere()])
    return {
        "anonymous": None,
        "representative of another NGO": factories.representative(other_org),
        "official of another body": factories.official(factories.tampere(), "coordinator"),
    }


def _protected(world, grant):
    instalment = grant.instalments.first()
    programme, slug = grant.programme, world["salo"].slug
    return [
        ("get", reverse("grants:application_payments", args=[grant.pk])),
        ("post", reverse("grants:application_payments", args=[grant.pk])),
        ("post", reverse("grants:instalment_paid", args=[instalment.pk])),
        ("post", reverse("grants:report_due", args=[grant.pk])),
        ("get", reverse("grants:recovery", args=[grant.pk])),
        ("post", reverse("grants:recovery", args=[grant.pk])),
        ("post", reverse("grants:close", args=[grant.pk])),
        ("get", reverse("grants:usage_report", args=[grant.pk])),
        ("post", reverse("grants:usage_report", args=[grant.pk])),
        ("get", reverse("grants:usage_report_review", args=[grant.pk])),
        ("post", reverse("grants:usage_report_review", args=[grant.pk])),
        ("get", reverse("grants:programme_payments", args=[programme.pk])),
        ("get", reverse("grants:programme_export", args=[programme.pk, "xlsx"])),
        ("get", reverse("grants:programme_export", args=[programme.pk, "csv"])),
        ("get", reverse("grants:payments", args=[slug])),
        ("get", reverse("grants:payments_csv", args=[slug])),
    ]


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "official of another body"])
def test_outsiders_are_refused_and_nothing_changes(client, world, outsiders, actor):
    grant = world["grant"]
    reporting.instalments_plan(
        application=grant,
        by=world["officer"],
        rows=[(dt.date(2026, 2, 1), Decimal("1000.00")), (dt.date(2026, 6, 1), Decimal("2000.00"))],
    )
    reporting.instalment_mark_paid(instalment=grant.instalments.first(), by=world["officer"])
    person = outsiders[actor]
    if person is not None:
        client.force_login(person)
    before = (
        AuditEntry.objects.count(),
        list(Application.objects.values("status", "recovery_amount")),
        list(Instalment.objects.values("status", "amount", "due_date")),
        list(UsageReport.objects.values("status", "due_date", "achievements")),
        list(BudgetLine.objects.values("actual_amount")),
    )
    data = {
        "paid_at": "2026-03-01",
        "due_date": "2030-01-01",
        "amount": "3000",
        "reason": "Kaapattu",
        "action": "approve",
        "achievements": "Kaapattu",
        "inst-TOTAL_FORMS": "1",
        "inst-INITIAL_FORMS": "0",
        "inst-0-due_date": "2026-01-01",
        "inst-0-amount": "2000",
    }
    for method, url in _protected(world, grant):
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], (method, url)
        else:
            assert response.status_code in (403, 404), (method, url, response.status_code)
    after = (
        AuditEntry.objects.count(),
        list(Application.objects.values("status", "recovery_amount")),
        list(Instalment.objects.values("status", "amount", "due_date")),
        list(UsageReport.objects.values("status", "due_date", "achievements")),
        list(BudgetLine.objects.values("actual_amount")),
    )
    assert after == before


def test_the_ngo_cannot_pay_itself_and_the_officer_cannot_file_its_report(client, world):
    grant = _paid(world)
    with pytest.raises(PermissionDenied):
        reporting.instalments_plan(application=grant, by=world["rep"], rows=[(dt.date(2026, 1, 1), Decimal("1"))])
    with pytest.raises(PermissionDenied):
        reporting.usage_report_save(
            report=grant.usage_report, by=world["officer"], achievements="x", participants=None, actuals={}
        )
    client.force_login(world["rep"])
    assert client.get(reverse("grants:application_payments", args=[grant.pk])).status_code == 403
    assert client.get(reverse("grants:usage_report_review", args=[grant.pk])).status_code == 403
    client.force_login(world["officer"])
    assert client.get(reverse("grants:usage_report", args=[grant.pk])).status_code == 403


def test_before_payment_the_ngo_is_told_the_report_opens_later(client, world):
    client.force_login(world["rep"])
    response = client.get(reverse("grants:usage_report", args=[world["grant"].pk]))
    assert response.status_code == 200 and not UsageReport.objects.exists()
