"""Every change of a welfare report: creating it, its chapters and their editors, writing a chapter,
and the moves draft → review → approved (with the council's decision date and section). An
approved report is public and fixed: nothing in it changes any more."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core.models import BodyRole, PublicBody
from kumppani.welfare import ngo_chapter
from kumppani.welfare.models import Chapter, ReportKind, ReportStatus, WelfareReport

CHAPTER_TEXTS = ("title", "situation", "goals", "measures", "assessment")
MOVES = {
    ReportStatus.DRAFT: {ReportStatus.REVIEW},
    ReportStatus.REVIEW: {ReportStatus.DRAFT, ReportStatus.APPROVED},
    ReportStatus.APPROVED: set(),
}


def _require(user, perm: str, obj) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def _not_approved(report: WelfareReport) -> None:
    if report.status == ReportStatus.APPROVED:
        raise _error("status", _("An approved report no longer changes."), "approved")


def report_create(*, body: PublicBody, kind: str, first_year: int, title: str, by) -> WelfareReport:
    """The coordinator opens a report: a term report covers four years from `first_year`, a yearly
    report one year. One report of each kind per body and starting year."""
    _require(by, "welfare.create_report", body)
    if kind not in ReportKind.values:
        raise _error("kind", _("Choose the term report or the yearly report."), "bad_kind")
    this_year = timezone.localdate().year
    if not 2017 <= first_year <= this_year + 1:
        raise _error(
            "first_year",
            _("The report's first year must be %(first)s–%(last)s."),
            "bad_year",
            first=2017,
            last=this_year + 1,
        )
    if WelfareReport.objects.filter(body=body, kind=kind, first_year=first_year).exists():
        raise _error("first_year", _("The body already has this report for that year."), "duplicate")
    report = WelfareReport(
        body=body,
        kind=kind,
        first_year=first_year,
        last_year=first_year + (3 if kind == ReportKind.TERM else 0),
        title=(title or "").strip(),
        created_by=by,
    )
    if not report.title:
        raise _error("title", _("Give the report a title."), "required")
    with transaction.atomic():
        report.full_clean()
        report.save()
        audit.record(actor=by, obj=report, action="welfare_report_created")
    return report


def chapter_add(*, report: WelfareReport, title: str, editors=(), theme=None, by) -> Chapter:
    """The coordinator adds a chapter and names its editors: people with a role in the body."""
    _require(by, "welfare.manage_report", report)
    _not_approved(report)
    allowed = set(BodyRole.objects.filter(body=report.body).values_list("user_id", flat=True))
    if any(editor.pk not in allowed for editor in editors):
        raise _error("editors", _("Editors must work in the body."), "editor_outside_body")
    chapter = Chapter(report=report, title=(title or "").strip(), theme=theme, position=report.chapters.count() + 1)
    if not chapter.title:
        raise _error("title", _("Give the chapter a title."), "required")
    with transaction.atomic():
        chapter.full_clean()
        chapter.save()
        chapter.editors.set(editors)
        audit.record(actor=by, obj=chapter, action="welfare_chapter_added")
    return chapter


def chapter_write(*, chapter: Chapter, data: dict, by) -> Chapter:
    """An editor (or the coordinator) writes the chapter's texts while the report is not approved."""
    _require(by, "welfare.edit_chapter", chapter)
    _not_approved(chapter.report)
    unknown = set(data) - set(CHAPTER_TEXTS)
    if unknown:
        raise ValueError(f"Not editable chapter fields: {sorted(unknown)}")
    before = audit.snapshot(chapter, list(CHAPTER_TEXTS))
    for field, value in data.items():
        setattr(chapter, field, (value or "").strip())
    if not chapter.title:
        raise _error("title", _("Give the chapter a title."), "required")
    with transaction.atomic():
        chapter.full_clean()
        chapter.updated_at = timezone.now()
        chapter.save()
        audit.record(
            actor=by,
            obj=chapter,
            action="welfare_chapter_written",
            changes=audit.diff(before, audit.snapshot(chapter, list(CHAPTER_TEXTS))),
        )
    return chapter


def _move(report: WelfareReport, to: str, *, by, **changes) -> WelfareReport:
    if to not in MOVES[report.status]:
        raise _error(
            "status",
            _("A report that is “%(status)s” cannot become “%(to)s”."),
            "invalid_move",
            status=report.get_status_display(),
            to=ReportStatus(to).label,
        )
    with transaction.atomic():
        before = report.status
        for field, value in changes.items():
            setattr(report, field, value)
        report.status = to
        report.save()
        audit.record(actor=by, obj=report, action="welfare_report_moved", changes={"status": [before, to]})
    return report


def report_submit(*, report: WelfareReport, by) -> WelfareReport:
    """The coordinator sends the assembled draft for review; a report without chapters is not sent."""
    _require(by, "welfare.manage_report", report)
    if not report.chapters.exists():
        raise _error("status", _("Add at least one chapter before the review."), "no_chapters")
    return _move(report, ReportStatus.REVIEW, by=by)


def report_return(*, report: WelfareReport, by) -> WelfareReport:
    """Back from review to the editors."""
    _require(by, "welfare.manage_report", report)
    return _move(report, ReportStatus.DRAFT, by=by)


def report_approve(*, report: WelfareReport, decision_date: dt.date | None, section: str, by) -> WelfareReport:
    """Record the council's approval: its decision date (not in the future) and section (§)."""
    _require(by, "welfare.manage_report", report)
    section = (section or "").strip()
    if decision_date is None or decision_date > timezone.localdate():
        raise _error("council_decision_date", _("Give the date the council decided, not a future one."), "bad_date")
    if not section or len(section) > 20:
        raise _error("council_section", _("Give the section (§) of the council's minutes."), "required")
    return _move(
        ngo_chapter.freeze(report),  # the figures and evidence as approved (ignored unless the move succeeds)
        ReportStatus.APPROVED,
        by=by,
        council_decision_date=decision_date,
        council_section=section,
        approved_by=by,
    )
