"""The printable bulletin (kaupunkitiedote) of a body: its issues, each as HTML with print CSS
and as a PDF, in Finnish, in Swedish or both side by side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
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


def _issue(request, slug, pk) -> BulletinIssue:
    """A published issue is for everyone (it is printed for every household); a draft only for the
    body's coordinators. A draft is 404 to others, so its existence is not told either."""
    issue = get_object_or_404(BulletinIssue.objects.select_related("body"), pk=pk, body__slug=slug)
    if not issue.is_published and not request.user.has_perm("events.manage_calendar", issue.body):
        if not request.user.is_authenticated:
            return None
        raise PermissionDenied
    return issue


def issue(request, body, pk):
    found = _issue(request, body, pk)
    if found is None:
        return redirect_to_login(request.get_full_path())
    return HttpResponse(bulletin.html(found))


def issue_pdf(request, body, pk):
    found = _issue(request, body, pk)
    if found is None:
        return redirect_to_login(request.get_full_path())
    response = HttpResponse(bulletin.pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tiedote-{body}-{found.period_start:%Y-%m-%d}.pdf"'
    return response
