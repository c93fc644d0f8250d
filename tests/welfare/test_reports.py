"""A welfare report moves draft → review → approved: the coordinator assembles it, the sector's
editor writes their chapter, the council's decision is recorded, and the approved report is public
and fixed. Drafts are visible to the body's coordinators and the report's editors only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.welfare import reports
from kumppani.welfare.models import ReportStatus, WelfareReport
from tests import factories

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def report_world():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    editor = factories.official(salo, "official", name="Eeva Editori")
    report = reports.report_create(
        body=salo, kind="term", first_year=2025, title="Salon laaja hyvinvointikertomus 2025–2028", by=coordinator
    )
    chapter = reports.chapter_add(report=report, title="Yksinäisyys", editors=[editor], by=coordinator)
    return {"salo": salo, "coordinator": coordinator, "editor": editor, "report": report, "chapter": chapter}


def codes(error: ValidationError) -> list[str]:
    return [e.code for errors in error.error_dict.values() for e in errors]


def test_a_report_goes_from_draft_through_review_to_approved(report_world):
    w = report_world
    assert (w["report"].first_year, w["report"].last_year) == (2025, 2028)
    reports.chapter_write(
        chapter=w["chapter"],
        data={"situation": "Yksinäisyyttä kokee joka kymmenes.", "goals": "Yksinäisyys vähenee."},
        by=w["editor"],
    )
    reports.report_submit(report=w["report"], by=w["coordinator"])
    reports.report_return(report=w["report"], by=w["coordinator"])
    reports.report_submit(report=w["report"], by=w["coordinator"])
    reports.report_approve(report=w["report"], decision_date=dt.date(YEAR, 6, 10), section="87", by=w["coordinator"])
    report = WelfareReport.objects.get()
    assert (report.status, report.council_decision_date, report.council_section) == (
        ReportStatus.APPROVED,
        dt.date(YEAR, 6, 10),
        "87",
    )
    assert AuditEntry.objects.filter(action="welfare_report_moved").count() == 4
    # Approved: public, and nothing in it changes any more.
    assert factories.user().has_perm("welfare.view_report", report)
    with pytest.raises(ValidationError) as error:
        reports.chapter_write(chapter=w["chapter"], data={"goals": "Muutettu jälkikäteen."}, by=w["coordinator"])
    assert codes(error.value) == ["approved"]
    with pytest.raises(ValidationError):
        reports.report_return(report=report, by=w["coordinator"])


def test_a_draft_is_for_the_coordinator_and_the_editors_only(report_world):
    w = report_world
    report = w["report"]
    assert w["coordinator"].has_perm("welfare.view_report", report)
    assert w["editor"].has_perm("welfare.view_report", report)
    other_official = factories.official(w["salo"], "official")
    assert not other_official.has_perm("welfare.view_report", report)
    assert not factories.official(factories.tampere(), "coordinator").has_perm("welfare.view_report", report)
    assert not factories.user().has_perm("welfare.view_report", report)


def test_only_the_chapters_editors_and_the_coordinator_write_it(report_world):
    w = report_world
    outsiders = [
        factories.official(w["salo"], "official"),
        factories.official(factories.tampere(), "coordinator"),
        factories.representative(factories.organisation()),
    ]
    for person in outsiders:
        with pytest.raises(PermissionDenied):
            reports.chapter_write(chapter=w["chapter"], data={"goals": "Kaapattu."}, by=person)
        with pytest.raises(PermissionDenied):
            reports.report_submit(report=w["report"], by=person)
    # An editor writes, but does not move the report.
    with pytest.raises(PermissionDenied):
        reports.report_submit(report=w["report"], by=w["editor"])
    w["chapter"].refresh_from_db()
    assert w["chapter"].goals == ""


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (
            lambda w: reports.report_approve(
                report=w["report"], decision_date=dt.date(YEAR, 1, 1), section="1", by=w["coordinator"]
            ),
            "invalid_move",
        ),
        (
            lambda w: reports.report_create(
                body=w["salo"], kind="term", first_year=2025, title="Toinen", by=w["coordinator"]
            ),
            "duplicate",
        ),
        (
            lambda w: reports.report_create(
                body=w["salo"], kind="weekly", first_year=2025, title="X", by=w["coordinator"]
            ),
            "bad_kind",
        ),
        (
            lambda w: reports.report_create(
                body=w["salo"], kind="yearly", first_year=1990, title="X", by=w["coordinator"]
            ),
            "bad_year",
        ),
        (
            lambda w: reports.chapter_add(
                report=w["report"],
                title="Nuoret",
                editors=[factories.official(factories.tampere())],
                by=w["coordinator"],
            ),
            "editor_outside_body",
        ),
        (lambda w: reports.chapter_write(chapter=w["chapter"], data={"title": "  "}, by=w["editor"]), "required"),
    ],
)
def test_bad_moves_and_input_are_refused(report_world, call, code):
    before = (WelfareReport.objects.values().get(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as error:
        call(report_world)
    assert codes(error.value) == [code]
    assert (WelfareReport.objects.values().get(), AuditEntry.objects.count()) == before


def test_the_council_decision_needs_a_past_date_and_a_section(report_world):
    w = report_world
    reports.report_submit(report=w["report"], by=w["coordinator"])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for date, section, code in [
        (tomorrow, "5", "bad_date"),
        (None, "5", "bad_date"),
        (dt.date(YEAR, 1, 2), " ", "required"),
    ]:
        with pytest.raises(ValidationError) as error:
            reports.report_approve(report=w["report"], decision_date=date, section=section, by=w["coordinator"])
        assert codes(error.value) == [code]
    assert WelfareReport.objects.get().status == ReportStatus.REVIEW


def test_a_report_without_chapters_is_not_sent_to_review(report_world):
    w = report_world
    yearly = reports.report_create(
        body=w["salo"], kind="yearly", first_year=YEAR, title="Vuosiraportti", by=w["coordinator"]
    )
    assert yearly.last_year == YEAR
    with pytest.raises(ValidationError) as error:
        reports.report_submit(report=yearly, by=w["coordinator"])
    assert codes(error.value) == ["no_chapters"]
