"""Every change of a welfare report: creating it, its chapters and their editors, writing a chapter,
and the moves draft → review → approved (with the council's decision date and section). An
approved report is public and fixed: nothing in it changes any more."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, versioning
from kumppani.core.models import BodyRole, PublicBody
from kumppani.organisations.models import Organisation
from kumppani.welfare import ngo_chapter
from kumppani.welfare.models import Chapter, ReportKind, ReportStatus, WelfareReport

CHAPTER_TEXTS = ("title", "situation", "goals", "measures", "assessment")
CHAPTER_FIELDS = [*CHAPTER_TEXTS, "responsible_sectors", "responsible_organisations", "indicators", "editors"]
# chapter_write's theme when the caller leaves it as it is (None removes the theme).
UNCHANGED = object()
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
        audit.record(
            actor=by,
            obj=report,
            action="welfare_report_created",
            changes={"title": [None, report.title], "kind": [None, report.kind], "first_year": [None, first_year]},
        )
    return report


def _check_editors(report: WelfareReport, editors) -> None:
    allowed = set(BodyRole.objects.filter(body=report.body).values_list("user_id", flat=True))
    if any(editor.pk not in allowed for editor in editors):
        raise _error("editors", _("Editors must work in the body."), "editor_outside_body")


def chapter_add(*, report: WelfareReport, title: str, editors=(), theme=None, by) -> Chapter:
    """The coordinator adds a chapter and names its editors: people with a role in the body."""
    _require(by, "welfare.manage_report", report)
    _not_approved(report)
    _check_editors(report, editors)
    last = report.chapters.aggregate(last=Max("position"))["last"] or 0
    chapter = Chapter(report=report, title=(title or "").strip(), theme=theme, position=last + 1)
    if not chapter.title:
        raise _error("title", _("Give the chapter a title."), "required")
    with transaction.atomic():
        chapter.full_clean()
        chapter.save()
        chapter.editors.set(editors)
        audit.record(
            actor=by,
            obj=chapter,
            action="welfare_chapter_added",
            changes={
                "title": [None, chapter.title],
                "theme": [None, str(theme) if theme else None],
                "editors": [[], sorted(str(editor) for editor in editors)],
            },
        )
    return chapter


def chapter_write(
    *,
    chapter: Chapter,
    data: dict,
    theme=UNCHANGED,
    sectors=None,
    organisations=None,
    indicators=None,
    editors=None,
    version: int | None = None,
    by,
) -> Chapter:
    """An editor (or the coordinator) writes the chapter while the report is not approved: its texts,
    its theme, the sectors and NGOs responsible for its measures (the body's own sectors and the NGOs
    of its area) and the Sotkanet indicators it follows. `version` is the one the editor's page was
    made from: a save over a colleague's newer one is refused, naming what they changed. Only the
    coordinator changes the chapter's `editors` (people with a role in the body)."""
    _require(by, "welfare.edit_chapter", chapter)
    _not_approved(chapter.report)
    if editors is not None:
        _require(by, "welfare.manage_report", chapter.report)
        _check_editors(chapter.report, editors)
    unknown = set(data) - set(CHAPTER_TEXTS)
    if unknown:
        raise ValueError(f"Not editable chapter fields: {sorted(unknown)}")
    body = chapter.report.body
    if sectors is not None and any(sector.body_id != body.pk for sector in sectors):
        raise _error("responsible_sectors", _("Choose the body's own sectors."), "sector_outside_body")
    if organisations is not None:
        wanted = {organisation.pk for organisation in organisations}
        known = set(
            Organisation.objects.filter(pk__in=wanted, areas__in=body.area_body_ids()).values_list("pk", flat=True)
        )
        if wanted - known:
            raise _error(
                "responsible_organisations", _("Choose NGOs that work in the body's area."), "ngo_outside_area"
            )
    with transaction.atomic():
        versioning.check(chapter, version)
        before = audit.snapshot(chapter, CHAPTER_FIELDS)
        theme_before = str(chapter.theme) if chapter.theme_id else None
        for field, value in data.items():
            setattr(chapter, field, (value or "").strip())
        if theme is not UNCHANGED:
            chapter.theme = theme
        if not chapter.title:
            raise _error("title", _("Give the chapter a title."), "required")
        chapter.full_clean()
        chapter.save()
        for name, values in (
            ("responsible_sectors", sectors),
            ("responsible_organisations", organisations),
            ("indicators", indicators),
            ("editors", editors),
        ):
            if values is not None:
                getattr(chapter, name).set(values)
        changes = audit.diff(before, audit.snapshot(chapter, CHAPTER_FIELDS))
        theme_after = str(chapter.theme) if chapter.theme_id else None
        if theme_after != theme_before:
            changes["theme"] = [theme_before, theme_after]
        changes = versioning.claim(chapter, changes)
        if changes:
            chapter.updated_at = timezone.now()
            chapter.save(update_fields=["updated_at"])
            audit.record(actor=by, obj=chapter, action="welfare_chapter_written", changes=changes)
    return chapter


def chapter_move(*, chapter: Chapter, up: bool, by) -> Chapter:
    """The coordinator moves a chapter one place up or down in the report (the first stays first)."""
    report = chapter.report
    _require(by, "welfare.manage_report", report)
    _not_approved(report)
    with transaction.atomic():
        chapters = list(report.chapters.select_for_update().order_by("position", "pk"))
        index = next(i for i, c in enumerate(chapters) if c.pk == chapter.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(chapters):
            return chapter
        chapters[index], chapters[other] = chapters[other], chapters[index]
        for position, item in enumerate(chapters, start=1):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
        chapter.position = other + 1
        audit.record(
            actor=by,
            obj=report,
            action="welfare_chapters_ordered",
            changes={"chapters": [None, [c.title for c in chapters]]},
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
        recorded = {"status": [before, to]}
        for field, value in changes.items():
            if field != "approved_by":
                shown = f"{value.day}.{value.month}.{value.year}" if isinstance(value, dt.date) else str(value)
                recorded[field] = [None, shown]
        audit.record(actor=by, obj=report, action="welfare_report_moved", changes=recorded)
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
