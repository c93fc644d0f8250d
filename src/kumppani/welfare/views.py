"""The index pages: the public national table (and its files), a body's index with what would raise
its score most, and the coordinator's self-assessment of a criterion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.welfare import criteria as c
from kumppani.welfare import queries, services
from kumppani.welfare.forms import SelfAssessmentForm, TableFilterForm
from kumppani.welfare.models import IndexResult, SelfAssessment, WelfareReport

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
    return render(request, "welfare/reports.html", {"body": body, "reports": visible})


def report(request, pk):
    """An approved report is public; a draft is shown only to the body's coordinators and the
    report's editors (to others it does not exist)."""
    item = get_object_or_404(WelfareReport.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("welfare.view_report", item):
        raise Http404
    return render(request, "welfare/report.html", {"report": item, "chapters": queries.report_chapters(item)})


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
