"""Knowledge report pages: the public lists, an NGO's own reports, writing and sending one, and the
body acknowledging and answering it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.participation.knowledge import queries, services
from kumppani.participation.knowledge.forms import AnswerForm, ReportForm
from kumppani.participation.knowledge.models import KnowledgeReport

LIST_LIMIT = 100


def _report(pk) -> KnowledgeReport:
    return get_object_or_404(KnowledgeReport.objects.select_related("organisation", "body"), pk=pk)


def knowledge_list(request):
    reports = list(queries.public_reports()[:LIST_LIMIT])
    return render(request, "participation/knowledge/list.html", {"reports": reports, "body": None})


def knowledge_body(request, body):
    body = get_object_or_404(PublicBody, slug=body)
    reports = list(queries.public_reports(body=body)[:LIST_LIMIT])
    return render(request, "participation/knowledge/list.html", {"reports": reports, "body": body})


@login_required
def knowledge_ngo(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("participation.write_report", organisation):
        raise PermissionDenied
    return render(
        request,
        "participation/knowledge/ngo.html",
        {"organisation": organisation, "reports": queries.organisation_reports(organisation)},
    )


@login_required
def knowledge_create(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("participation.write_report", organisation):
        raise PermissionDenied
    form = ReportForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                organisation=organisation, body=form.cleaned_data["body"], by=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report was saved as a draft. Send it when it is ready."))
            return redirect(report)
    return render(request, "participation/knowledge/edit.html", {"organisation": organisation, "form": form})


@login_required
def knowledge_edit(request, pk):
    report = _report(pk)
    if not request.user.has_perm("participation.write_report", report):
        raise PermissionDenied
    initial = {name: getattr(report, name) for name in services.FIELDS}
    initial.update(
        body=report.body,
        themes=list(report.themes.all()),
        target_groups=list(report.target_groups.all()),
        quotes="\n\n".join(q.text for q in report.quotes.all()),
        quotes_consent=report.quotes.exists(),
    )
    form = ReportForm(request.POST or None, organisation=report.organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(report=report, by=request.user, **form.service_kwargs())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report was saved."))
            return redirect(report)
    return render(
        request,
        "participation/knowledge/edit.html",
        {"organisation": report.organisation, "report": report, "form": form},
    )


def knowledge_detail(request, pk):
    report = _report(pk)
    if not request.user.has_perm("participation.view_report", report):
        raise Http404
    return render(
        request,
        "participation/knowledge/detail.html",
        {
            "report": report,
            "quotes": list(report.quotes.all()),
            "in_full": request.user.has_perm("participation.view_report_in_full", report),
            "can_write": request.user.has_perm("participation.write_report", report),
            "can_handle": request.user.has_perm("participation.handle_report", report),
            "answer_form": AnswerForm(initial={"response": report.response}),
        },
    )


def _act(request, pk, perm, action, done):
    report = _report(pk)
    if not request.user.has_perm(perm, report):
        raise PermissionDenied
    try:
        action(report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(report)


@login_required
@require_POST
def knowledge_send(request, pk):
    return _act(
        request,
        pk,
        "participation.write_report",
        lambda report: services.report_send(report=report, by=request.user),
        _("The report was sent. Thank you for sharing what you have seen!"),
    )


@login_required
@require_POST
def knowledge_acknowledge(request, pk):
    return _act(
        request,
        pk,
        "participation.handle_report",
        lambda report: services.report_acknowledge(report=report, by=request.user),
        _("The NGO now sees that you have received the report."),
    )


@login_required
@require_POST
def knowledge_answer(request, pk):
    form = AnswerForm(request.POST)
    return _act(
        request,
        pk,
        "participation.handle_report",
        lambda report: services.report_answer(
            report=report, response=form.cleaned_data["response"] if form.is_valid() else "", by=request.user
        ),
        _("Your answer was published with the report."),
    )
