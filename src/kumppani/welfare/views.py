"""The index pages: the public national table (and its files), a body's index with what would raise
its score most, and the coordinator's self-assessment of a criterion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kumppani.core import versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import AuditEntry, PublicBody
from kumppani.welfare import criteria as c
from kumppani.welfare import indicators, queries, services
from kumppani.welfare import reports as reports_service
from kumppani.welfare.forms import (
    ApproveForm,
    ChapterAddForm,
    ChapterForm,
    ReportForm,
    SelfAssessmentForm,
    TableFilterForm,
)
from kumppani.welfare.models import Chapter, IndexResult, ReportStatus, SelfAssessment, WelfareReport

PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request):
    years = queries.index_years() or [timezone.localdate().year]
    form = TableFilterForm(request.GET or None, years=years)
    year, county = years[0], None
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["vuosi"] or year
        county = form.cleaned_data["hyvinvointialue"]
    return form, year, county


def national_table(request):
    """Public: every body's index of a year, best first, with last year's score beside it."""
    form, year, county = _filters(request)
    page = Paginator(queries.national_results(year, county), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "welfare/national_table.html",
        {
            "form": form,
            "year": year,
            "county": county,
            "page": page,
            "rows": queries.with_previous(list(page.object_list), year),
            "dimensions": c.DIMENSIONS,
            "query": query.urlencode(),
        },
    )


def national_export(request, fmt):
    """Public: the national table of a year (and county) as CSV or XLSX, every criterion a column."""
    _form, year, county = _filters(request)
    results = queries.national_results(year, county)
    name = f"jarjestoystavallisyys-{year}" + (f"-{county.slug}" if county else "")
    if fmt == "csv":
        response = HttpResponse(queries.table_csv(results), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(queries.table_xlsx(results, year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def body_index(request, body):
    """Public: a body's index of a year: each dimension and criterion with its evidence, and what
    would raise the score most. Its coordinator also sees the links to self-assess and recompute."""
    body = get_object_or_404(PublicBody, slug=body)
    history = queries.body_history(body)
    years = [result.year for result in history]
    try:
        year = int(request.GET.get("vuosi", ""))
    except ValueError:
        year = None
    if year not in years:
        year = years[0] if years else timezone.localdate().year
    result = IndexResult.objects.filter(body=body, year=year).first() if years else None
    return render(
        request,
        "welfare/body_index.html",
        {
            "body": body,
            "year": year,
            "history": history,
            "index": queries.body_index(result) if result else None,
            "can_assess": request.user.has_perm("welfare.assess_index", body),
            "this_year": timezone.localdate().year,
        },
    )


@login_required
@require_POST
def recompute(request, body, year):
    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    try:
        services.index_compute(body=body, year=year, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The index has been computed from the current data."))
    return redirect(_body_url(body, year))


def _body_url(body: PublicBody, year: int) -> str:
    return reverse("welfare:body_index", args=[body.slug]) + f"?vuosi={year}"


@login_required
def self_assess(request, body, year, criterion):
    """The body's NGO coordinator assesses a criterion that the platform cannot compute."""
    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    target = c.BY_KEY.get(criterion)
    if target is None or target.is_computed:
        raise Http404
    existing = SelfAssessment.objects.filter(body=body, year=year, criterion=criterion).first()
    initial = {"status": existing.status, "justification": existing.justification} if existing else {}
    form = SelfAssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_save(
                body=body,
                year=year,
                criterion=criterion,
                status=form.cleaned_data["status"],
                justification=form.cleaned_data["justification"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your assessment has been saved and the index computed again."))
            return redirect(_body_url(body, year))
    return render(
        request,
        "welfare/self_assess.html",
        {"body": body, "year": year, "criterion": target, "form": form, "existing": existing},
    )


# Welfare reports --------------------------------------------------------------------------------


def reports(request, body):
    """Public: a body's approved welfare reports; its coordinators and the reports' editors also see
    the drafts."""
    body = get_object_or_404(PublicBody, slug=body)
    visible = [r for r in queries.body_reports(body) if request.user.has_perm("welfare.view_report", r)]
    return render(
        request,
        "welfare/reports.html",
        {"body": body, "reports": visible, "can_create": request.user.has_perm("welfare.create_report", body)},
    )


def report(request, pk):
    """An approved report is public; a draft is shown only to the body's coordinators and the
    report's editors (to others it does not exist)."""
    # The county too: a municipality's trends show its county beside it.
    item = get_object_or_404(WelfareReport.objects.select_related("body__county"), pk=pk)
    if not request.user.has_perm("welfare.view_report", item):
        raise Http404
    can_work = item.status != ReportStatus.APPROVED
    chapters = queries.report_chapters(item)
    followed = {i.pk: i for chapter in chapters for i in chapter.followed}
    trends = indicators.trends(followed.values(), item.body)
    return render(
        request,
        "welfare/report.html",
        {"report": item, "chapters": chapters, "trends": trends, "can_work": can_work},
    )


# Welfare reports: the working pages ---------------------------------------------------------------


@login_required
def report_new(request, body):
    """The body's NGO coordinator opens a term or a yearly report."""
    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("welfare.create_report", body):
        raise PermissionDenied
    year = timezone.localdate().year
    form = ReportForm(request.POST or None, initial={"kind": "yearly", "first_year": year})
    if request.method == "POST" and form.is_valid():
        try:
            item = reports_service.report_create(body=body, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report has been opened. Add its chapters and name their editors."))
            return redirect("welfare:report_work", item.pk)
    return render(request, "welfare/report_new.html", {"body": body, "form": form})


def _report_for_work(request, pk) -> WelfareReport:
    item = get_object_or_404(WelfareReport.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("welfare.view_report", item) or item.status == ReportStatus.APPROVED:
        raise Http404
    return item


@login_required
def report_work(request, pk):
    """The report's working page: its chapters in order with their editors and when they last
    changed; the coordinator orders them, adds chapters and moves the report through review."""
    item = _report_for_work(request, pk)
    can_manage = request.user.has_perm("welfare.manage_report", item)
    form = ChapterAddForm(request.POST or None, body=item.body) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                chapter = reports_service.chapter_add(report=item, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The chapter “%(title)s” has been added.") % {"title": chapter.title})
                return redirect("welfare:report_work", item.pk)
    chapters = queries.work_chapters(item)
    for chapter in chapters:
        chapter.can_write = can_manage or any(e.pk == request.user.pk for e in chapter.editors.all())
    return render(
        request,
        "welfare/report_work.html",
        {
            "report": item,
            "chapters": chapters,
            "can_manage": can_manage,
            "form": form,
        },
    )


@login_required
@require_POST
def chapter_move(request, pk):
    chapter = get_object_or_404(Chapter.objects.select_related("report__body"), pk=pk)
    if not request.user.has_perm("welfare.manage_report", chapter.report):
        raise PermissionDenied
    try:
        reports_service.chapter_move(chapter=chapter, up=request.POST.get("suunta") == "ylos", by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("welfare:report_work", args=[chapter.report_id]) + f"#chapter-{chapter.pk}")


@login_required
def chapter_edit(request, pk):
    """An editor of the chapter (or the body's coordinator) writes it while the report is a draft."""
    chapter = get_object_or_404(Chapter.objects.select_related("report__body", "theme"), pk=pk)
    if not request.user.has_perm("welfare.edit_chapter", chapter):
        raise PermissionDenied
    report = chapter.report
    if report.status == ReportStatus.APPROVED:
        messages.info(request, _("The report has been approved; its chapters no longer change."))
        return redirect("welfare:report", report.pk)
    initial = {
        "version": chapter.version,
        "title": chapter.title,
        "theme": chapter.theme,
        "situation": chapter.situation,
        "goals": chapter.goals,
        "measures": chapter.measures,
        "assessment": chapter.assessment,
        "responsible_sectors": list(chapter.responsible_sectors.all()),
        "responsible_organisations": list(chapter.responsible_organisations.all()),
        "indicators": list(chapter.indicators.all()),
        "editors": list(chapter.editors.all()),
    }
    can_manage = request.user.has_perm("welfare.manage_report", report)
    form = ChapterForm(request.POST or None, initial=initial, body=report.body, can_manage=can_manage)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reports_service.chapter_write(
                chapter=chapter,
                data={field: data[field] for field in reports_service.CHAPTER_TEXTS},
                theme=data["theme"],
                sectors=list(data["responsible_sectors"]),
                organisations=list(data["responsible_organisations"]),
                indicators=list(data["indicators"]),
                editors=list(data["editors"]) if can_manage else None,
                version=data["version"],
                by=request.user,
            )
        except ValidationError as error:
            if versioning.is_stale(error):
                versioning.keep_input(form, chapter, data["version"])
            add_service_errors(form, error)
        else:
            messages.success(request, _("The chapter has been saved."))
            return redirect(reverse("welfare:report_work", args=[report.pk]) + f"#chapter-{chapter.pk}")
    return render(request, "welfare/chapter_edit.html", {"chapter": chapter, "report": report, "form": form})


# What each move of the report is called in its address, and the service that makes it.
MOVES = {
    "arvioitavaksi": ("submit", reports_service.report_submit),
    "palauta": ("return", reports_service.report_return),
    "hyvaksy": ("approve", reports_service.report_approve),
}


@login_required
def report_move(request, pk, move):
    """The coordinator sends the report for review, returns it to the editors or records the council's
    approval (its date and §) — each after a confirmation page."""
    item = _report_for_work(request, pk)
    if move not in MOVES:
        raise Http404
    if not request.user.has_perm("welfare.manage_report", item):
        raise PermissionDenied
    name, service = MOVES[move]
    form = ApproveForm(request.POST or None) if name == "approve" else None
    errors: list[str] = []
    if request.method == "POST" and (form is None or form.is_valid()):
        extra = (
            {"decision_date": form.cleaned_data["decision_date"], "section": form.cleaned_data["section"]}
            if form
            else {}
        )
        try:
            service(report=item, by=request.user, **extra)
        except ValidationError as error:
            if form is not None:
                add_service_errors(form, error)
            else:
                errors = error.messages
            item.refresh_from_db()
        else:
            messages.success(request, str(MOVE_DONE[name]))
            if name == "approve":
                return redirect("welfare:report", item.pk)
            return redirect("welfare:report_work", item.pk)
    return render(
        request,
        "welfare/report_move.html",
        {"report": item, "move": move, "name": name, "form": form, "errors": errors},
    )


MOVE_DONE = {
    "submit": gettext_lazy("The report has been sent for review. Its chapters can still be corrected."),
    "return": gettext_lazy("The report has been returned to its editors."),
    "approve": gettext_lazy("The council's approval has been recorded. The report is now public."),
}


@login_required
def report_history(request, pk):
    """Who changed the report or one of its chapters, and when (newest first): the body's coordinators
    and the report's editors, while it is not public; the approved report's history stays theirs."""
    item = get_object_or_404(WelfareReport.objects.select_related("body"), pk=pk)
    if not (
        request.user.has_perm("welfare.manage_report", item) or item.chapters.filter(editors=request.user).exists()
    ):
        raise PermissionDenied
    chapter_ids = [str(pk) for pk in item.chapters.values_list("pk", flat=True)]
    entries = AuditEntry.objects.filter(
        Q(object_type="welfare.welfarereport", object_id=str(item.pk))
        | Q(object_type="welfare.chapter", object_id__in=chapter_ids)
    ).select_related("actor")
    page = Paginator(entries.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    for entry in page.object_list:
        if entry.object_type == "welfare.chapter" and not entry.message:
            entry.message = entry.object_repr  # which chapter (shown, not saved)
    back_url = reverse("welfare:report_work" if item.status != ReportStatus.APPROVED else "welfare:report", args=[pk])
    return render(request, "history.html", {"subject": item.title, "back_url": back_url, "page": page})


# The generated NGO chapter --------------------------------------------------------------------------


@login_required
@require_POST
def ngo_chapter_generate(request, pk):
    """The coordinator generates the report's NGO chapter from the platform's data, or refreshes it."""
    from kumppani.welfare import ngo_chapter

    item = get_object_or_404(WelfareReport.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("welfare.view_report", item):
        raise Http404
    url = reverse("welfare:report", args=[item.pk])
    try:
        chapter = ngo_chapter.generate(report=item, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(url)
    messages.success(request, _("The NGO chapter has been generated from the current data. Its texts can be edited."))
    return redirect(f"{url}#chapter-{chapter.pk}")


# Indicator values -------------------------------------------------------------------------------


@login_required
def indicator_values(request, body):
    """The body's NGO coordinator enters indicator values for the body's own area by hand, and sees
    the values entered so far."""
    from kumppani.welfare.indicator_forms import IndicatorValueForm
    from kumppani.welfare.models import IndicatorValue

    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    form = IndicatorValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_value_enter(
                body=body,
                indicator=form.cleaned_data["indicator"],
                year=form.cleaned_data["year"],
                value=form.cleaned_data["value"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The value has been saved."))
            return redirect("welfare:indicator_values", body=body.slug)
    entered = IndicatorValue.objects.filter(area=body, region__isnull=True).select_related("indicator")
    return render(
        request,
        "welfare/indicator_values.html",
        {
            "body": body,
            "form": form,
            "entered": entered.order_by("indicator__sotkanet_id", "-year"),
            "can_import": request.user.has_perm("welfare.import_indicators"),
        },
    )


@login_required
def indicator_import(request):
    """A coordinator or the platform's administrator imports a Sotkanet CSV or JSON file."""
    from kumppani.welfare.indicator_forms import IndicatorFileForm

    if not request.user.has_perm("welfare.import_indicators"):
        raise PermissionDenied
    form = IndicatorFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.indicator_values_import(content=upload.read(), filename=upload.name, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error, default_field="file")
        else:
            messages.success(request, _("%(count)s values imported.") % {"count": count})
            return redirect("welfare:indicator_import")
    return render(request, "welfare/indicator_import.html", {"form": form})


# The report as PDF and DOCX ---------------------------------------------------------------------

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_document(request, pk, lang, fmt):
    """The report as a PDF for the council or an editable DOCX, in Finnish or (for a bilingual body)
    in Swedish: public for an approved report, for the body's coordinators and the report's editors
    while it is a draft."""
    from kumppani.welfare import document

    item = get_object_or_404(WelfareReport.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("welfare.view_report", item) or lang not in document.languages(item.body):
        raise Http404
    doc = document.build(item, lang)
    if fmt == "pdf":
        from kumppani.welfare.pdf import report_pdf

        content = report_pdf(doc)
    else:
        from kumppani.welfare.docx import report_docx

        content = report_docx(doc)
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{doc.filename_stem}-{lang}.{fmt}"'
    if item.status != "approved":
        response["Cache-Control"] = "private, no-store"
    return response
