"""Core's pages: the home page, the public bodies, a signed-in person's own page, their API key, the
e-mail outbox and the sign-in and password-reset pages (Django's own views, with the reset e-mail queued)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kumppani.core import pages, search, signin, tokens
from kumppani.core.collation import collated
from kumppani.core.models import BodyKind, OutboxMessage, PublicBody


def home(request):
    return render(request, "core/home.html")


# How many of each directory the front page's search shows; the rest are behind "Show all".
SEARCH_HITS = 4


def search_all(request):
    """The front page's search: the best activities, NGOs and coming events for the same words side
    by side, each with a link to all of them in its own directory (core.pages.search_everywhere)."""
    query = " ".join(request.GET.get("q", "").split())[:200]
    findings = pages.search_everywhere(query, limit=SEARCH_HITS) if query else []
    found = sum(finding.total for _area, finding, _url in findings)
    suggestions = search.spelling_suggestions(query) if query and not found else []
    return render(
        request,
        "core/search.html",
        {"query": query, "findings": findings, "found": found, "suggestions": suggestions},
    )


def body_list(request):
    from django.db import connection

    order = collated(f"name_{get_language()}", get_language(), connection.vendor)
    counties = (
        PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY])
        .order_by(order)
        .prefetch_related("municipalities")
    )
    others = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, county__isnull=True).order_by(order)
    return render(request, "core/body_list.html", {"counties": counties, "others": others})


def body_detail(request, slug):
    """A body's public page: who it is, and each app's section (its NGOs, service paths, …)."""
    body = get_object_or_404(PublicBody.objects.select_related("county"), slug=slug)
    return render(
        request,
        "core/body_detail.html",
        {
            "body": body,
            "municipalities": body.municipalities.all() if body.is_county else [],
            "sections": pages.body_sections(request, body),
        },
    )


@login_required
def dashboard(request):
    """A person's own page: the tasks of each of their roles, as panels from the apps."""
    cards = pages.role_cards(request)
    panels = pages.dashboard_panels(request)
    return render(request, "core/dashboard.html", {"cards": cards, "panels": panels})


@login_required
def outbox(request):
    if not request.user.has_perm("core.view_outbox"):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()
    messages = OutboxMessage.objects.all()
    if query:
        messages = messages.filter(Q(to__icontains=query) | Q(subject__icontains=query))
    page = Paginator(messages, 50).get_page(request.GET.get("page"))
    return render(request, "core/outbox.html", {"page": page, "query": query})


@login_required
def outbox_message(request, pk):
    if not request.user.has_perm("core.view_outbox"):
        raise PermissionDenied
    return render(request, "core/outbox_message.html", {"message": get_object_or_404(OutboxMessage, pk=pk)})


@login_required
def api_key(request):
    """The person's own API key: create (shown once, on this answer only), replace or revoke."""
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            if tokens.api_key_revoke(by=request.user):
                messages.success(request, _("Your API key has been revoked. It no longer works."))
            return redirect("core:api_key")
        new_key = tokens.api_key_create(by=request.user).key
    return render(request, "core/api_key.html", {"key": tokens.api_key_of(request.user), "new_key": new_key})


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset link through the task queue like every other e-mail."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from django.template import loader

        from kumppani.core.tasks import send_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(to=[to_email], subject=subject, body=body)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"

    def form_valid(self, form):
        # The owner proved who they are through the e-mail link: a sign-in lock no longer applies.
        signin.unlock(form.user.email)
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
