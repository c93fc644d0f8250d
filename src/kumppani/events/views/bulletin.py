"""The printable bulletin (kaupunkitiedote) of a body: its issues, each as HTML with print CSS
and as a PDF, in Finnish, in Swedish or both side by side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.events import bulletin, services
from kumppani.events.forms import BulletinIssueForm
from kumppani.events.models import BulletinIssue


def _body(request, slug) -> PublicBody:
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("events.manage_calendar", body):
        raise PermissionDenied
    return body


@login_required
def issues(request, body):
    body = _body(request, body)
    form = BulletinIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bulletin_issue_save(by=request.user, body=body, data=form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The issue is saved."))
            return redirect("events:bulletin", body.slug)
    return render(
        request,
        "events/bulletin/issues.html",
        {"body": body, "issues": body.bulletin_issues.order_by("-period_start"), "form": form},
    )


@login_required
def issue(request, body, pk):
    body = _body(request, body)
    issue = get_object_or_404(BulletinIssue, pk=pk, body=body)
    return HttpResponse(bulletin.html(issue))


@login_required
def issue_pdf(request, body, pk):
    body = _body(request, body)
    issue = get_object_or_404(BulletinIssue, pk=pk, body=body)
    response = HttpResponse(bulletin.pdf(issue), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tiedote-{body.slug}-{issue.period_start:%Y-%m-%d}.pdf"'
    return response
