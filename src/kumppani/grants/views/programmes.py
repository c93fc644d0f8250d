"""Grant programme pages: the public list and programme page, a body's grants page, and the
grant officer's pages to create, edit and publish a programme and to list its applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import audit, versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles
from kumppani.grants.forms.programmes import (
    CriterionFormSet,
    ProgrammeForm,
    QuestionFormSet,
    criteria_initial,
    questions_initial,
    rows,
)
from kumppani.grants.models import ApplicationStatus, AttachmentKind, GrantProgramme
from kumppani.grants.queries.applications import readable_applications
from kumppani.grants.queries.published import bodies_with_public_decisions
from kumppani.grants.rules import OFFICER_ROLES
from kumppani.grants.services import programmes as services
from kumppani.organisations.rules import membership_roles

PAGE_SIZE = 20


def programme_list(request):
    """Published programmes open now or opening later (or, with ?show=closed, the closed ones)."""
    now = timezone.now()
    programmes = GrantProgramme.objects.filter(is_published=True).select_related("body")
    body = None
    if request.GET.get("body"):
        body = PublicBody.objects.filter(slug=request.GET["body"]).first()
        programmes = programmes.filter(body=body)
    show_closed = request.GET.get("show") == "closed"
    if show_closed:
        programmes = programmes.filter(closes_at__lte=now).order_by("-closes_at", "pk")
    else:
        programmes = programmes.filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now)).order_by(
            F("closes_at").asc(nulls_last=True), "pk"
        )
    page = Paginator(programmes, PAGE_SIZE).get_page(request.GET.get("page"))
    officer_bodies = [pk for pk, roles in body_roles(request.user).items() if roles & OFFICER_ROLES]
    return render(
        request,
        "grants/programmes/list.html",
        {
            "page": page,
            "now": now,
            "body": body,
            "show_closed": show_closed,
            "is_representative": bool(membership_roles(request.user)),
            "officer_bodies": PublicBody.objects.filter(pk__in=officer_bodies).order_by("name")
            if officer_bodies
            else [],
            "decision_bodies": bodies_with_public_decisions().filter(pk=body.pk)
            if body
            else bodies_with_public_decisions().only("slug", "name"),
        },
    )


def _visible_programme(request, pk) -> GrantProgramme:
    """A published programme, or an unpublished one for the body's grant officers."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    if not programme.is_published and not request.user.has_perm("grants.manage_programme", programme):
        raise Http404
    return programme


def programme_detail(request, pk):
    """The public programme page: principles, criteria, who may apply, attachments, deadline."""
    programme = _visible_programme(request, pk)
    criteria = list(programme.criteria.all())
    total_weight = sum(c.weight for c in criteria) or 1
    can_manage = request.user.has_perm("grants.manage_programme", programme)
    can_prepare = request.user.has_perm("grants.prepare_decision", programme)
    counts = None
    if can_manage or can_prepare:
        counts = readable_applications(request.user, programme=programme, as_staff=True).aggregate(
            n=Count("pk"), total=Sum("amount_requested")
        )
    return render(
        request,
        "grants/programmes/detail.html",
        {
            "programme": programme,
            "criteria": [(c, round(100 * c.weight / total_weight)) for c in criteria],
            "questions": programme.questions.all(),
            "themes": programme.eligible_themes.all(),
            "attachments": [AttachmentKind(kind).label for kind in programme.required_attachments or []],
            "is_open": programme.is_open(),
            "has_opened": programme.opens_at <= timezone.now(),
            "can_manage": can_manage,
            "can_prepare": can_prepare,
            "counts": counts,
        },
    )


def body_programmes(request, slug):
    """A body's grants page: its published programmes; its grant officers also see drafts."""
    body = get_object_or_404(PublicBody, slug=slug)
    can_manage = request.user.has_perm("grants.manage_programme", body)
    programmes = body.grant_programmes.all() if can_manage else body.grant_programmes.filter(is_published=True)
    page = Paginator(programmes.order_by("-year", "name_fi", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "grants/programmes/body.html",
        {
            "body": body,
            "page": page,
            "now": timezone.now(),
            "can_manage": can_manage,
            "is_staff": _may_list_applications(request.user, body),
        },
    )


def _programme_form(request, body: PublicBody, programme: GrantProgramme | None):
    form = ProgrammeForm(request.POST or None, instance=programme or GrantProgramme(body=body))
    criteria = CriterionFormSet(request.POST or None, initial=criteria_initial(programme), prefix="criteria")
    questions = QuestionFormSet(request.POST or None, initial=questions_initial(programme), prefix="questions")
    if request.method == "POST" and form.is_valid() and criteria.is_valid() and questions.is_valid():
        arguments = {
            "by": request.user,
            "data": form.domain_data(),
            "criteria": rows(criteria, "name_fi"),
            "questions": rows(questions, "text_fi"),
        }
        try:
            if programme is None:
                programme = services.programme_create(body=body, **arguments)
            else:
                programme = services.programme_update(
                    programme=programme, version=form.cleaned_data["version"], **arguments
                )
        except ValidationError as error:
            add_service_errors(form, error)
            if programme is not None and versioning.is_stale(error):
                versioning.keep_input(form, programme, form.cleaned_data["version"])
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect(programme)
    return render(
        request,
        "grants/programmes/form.html",
        {"form": form, "criteria": criteria, "questions": questions, "body": body, "programme": programme},
    )


@login_required
def programme_create(request, slug):
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("grants.manage_programme", body):
        raise PermissionDenied
    return _programme_form(request, body, None)


@login_required
def programme_history(request, pk):
    """Who changed the programme and what, newest first: for those who may manage it."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("grants.manage_programme", programme):
        raise PermissionDenied
    page = Paginator(audit.history_for(programme), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"subject": programme.name, "back_url": programme.get_absolute_url(), "page": page}
    return render(request, "history.html", context)


@login_required
def programme_edit(request, pk):
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("grants.manage_programme", programme):
        raise PermissionDenied
    return _programme_form(request, programme.body, programme)


@login_required
@require_POST
def programme_publish(request, pk):
    programme = get_object_or_404(GrantProgramme, pk=pk)
    try:
        services.programme_publish(programme=programme, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The programme is now published on the grants pages."))
    return redirect(programme)


def _may_list_applications(user, programme_or_body) -> bool:
    """The grant officers and board secretaries work from the list of a programme's applications
    (a body's viewers and premises managers have no reason to read applications)."""
    return user.has_perm("grants.handle_application", programme_or_body) or user.has_perm(
        "grants.prepare_decision", programme_or_body
    )


@login_required
def programme_applications(request, pk):
    """The programme's sent applications with their status and amount, only those the reader may
    read (grants.queries.applications.readable_applications, as the API lists them): all of them
    for its grant officers, those on a meeting's list for the board secretary, the assigned ones
    for a reviewer; none that the reader declared a conflict of interest on."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    applications = readable_applications(request.user, programme=programme, as_staff=True)
    if not (_may_list_applications(request.user, programme) or applications.exists()):
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    totals = applications.aggregate(n=Count("pk"), total=Sum("amount_requested"))
    applications = applications.select_related("organisation").order_by("reference")
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    statuses = [(value, label) for value, label in ApplicationStatus.choices if value != ApplicationStatus.DRAFT]
    return render(
        request,
        "grants/programmes/applications.html",
        {"programme": programme, "page": page, "totals": totals, "status": status, "statuses": statuses},
    )
