"""The accessibility statement, the privacy notices, and the feedback form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kumppani.about import services
from kumppani.about.defaults import notice_for
from kumppani.about.forms import FeedbackForm, PrivacyNoticeForm
from kumppani.about.models import PrivacyNotice
from kumppani.core import versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody


def accessibility(request):
    return render(request, "about/accessibility.html")


def privacy(request):
    """The platform's own notice, and the bodies that have written theirs."""
    bodies = PublicBody.objects.filter(privacy_notice__isnull=False).order_by("name")
    return render(request, "about/privacy.html", {"bodies": bodies})


def body_privacy(request, slug):
    body = get_object_or_404(PublicBody, slug=slug)
    notice = notice_for(body)
    can_edit = request.user.has_perm("about.change_privacy_notice", body)
    return render(request, "about/body_privacy.html", {"body": body, "notice": notice, "can_edit": can_edit})


@login_required
def body_privacy_edit(request, slug):
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("about.change_privacy_notice", body):
        raise PermissionDenied
    notice = notice_for(body)
    form = PrivacyNoticeForm(
        request.POST or None, instance=notice, initial={"version": notice.version if notice.pk else 0}
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.NOTICE_FIELDS}
        version = form.cleaned_data["version"]
        try:
            services.privacy_notice_save(body=body, values=values, version=version, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            if versioning.is_stale(error):
                versioning.keep_input(form, PrivacyNotice.objects.get(body=body), max(version, 1))
        else:
            messages.success(request, _("The privacy notice has been saved."))
            return redirect("about:body_privacy", slug=body.slug)
    return render(request, "about/body_privacy_edit.html", {"body": body, "form": form})


def feedback(request):
    page = request.GET.get("sivu") or request.POST.get("page") or ""
    if not url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()}):
        page = ""
    form = FeedbackForm(request.POST or None, initial={"topic": request.GET.get("aihe")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.feedback_send(
                topic=data["topic"],
                body=data["body"],
                message=data["message"],
                name=data["name"],
                email=data["email"],
                page=page,
                language=get_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(request, "about/feedback_sent.html")
    return render(request, "about/feedback.html", {"form": form, "page": page})
