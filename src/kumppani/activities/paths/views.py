"""Service path pages: the public paths of a body, and the coordinator's editor.

Public: a body's published paths and one path. Everything else is for the body's NGO
coordinator (and platform admins): `activities.manage_paths` on the body, checked here and
again in activities.paths.services.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.activities.indexing import SEARCH_KIND
from kumppani.activities.models import Activity, PathStep, ServicePath, StepKind
from kumppani.activities.paths import queries as path_queries
from kumppani.activities.paths import services as paths
from kumppani.activities.paths.forms import ActivitySearchForm, PathForm, StepForm
from kumppani.core import audit, search, versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody

SEARCH_PAGE_SIZE = 20


def _managed_body(request, slug: str) -> PublicBody:
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("activities.manage_paths", body):
        raise PermissionDenied
    return body


def _managed_path(request, body_slug: str, slug: str) -> ServicePath:
    body = _managed_body(request, body_slug)
    return get_object_or_404(ServicePath.objects.select_related("body"), body=body, slug=slug)


def _managed_step(request, body_slug: str, slug: str, pk: int) -> PathStep:
    path = _managed_path(request, body_slug, slug)
    step = get_object_or_404(PathStep, path=path, pk=pk)
    step.path = path
    return step


def _editor(path: ServicePath):
    return redirect("activities:path_edit", body=path.body.slug, slug=path.slug)


# Public pages


def path_list(request, body):
    """The body's published service paths."""
    body = get_object_or_404(PublicBody, slug=body)
    return render(
        request,
        "activities/paths/list.html",
        {
            "body": body,
            "paths": path_queries.body_paths(body),
            "can_manage": request.user.has_perm("activities.manage_paths", body),
        },
    )


def path_detail(request, body, slug):
    """One path as a numbered list of steps. An unpublished path is shown only to its coordinator,
    as a preview."""
    path = get_object_or_404(ServicePath.objects.select_related("body"), body__slug=body, slug=slug)
    can_manage = request.user.has_perm("activities.manage_paths", path.body)
    if not path.is_published and not can_manage:
        raise Http404
    return render(
        request,
        "activities/paths/detail.html",
        {"path": path, "body": path.body, "steps": path_queries.steps_of(path), "can_manage": can_manage},
    )


# The coordinator's pages


@login_required
def manage(request, body):
    """All the body's paths, published or not."""
    body = _managed_body(request, body)
    return render(
        request,
        "activities/paths/manage.html",
        {"body": body, "paths": path_queries.body_paths(body, published_only=False)},
    )


@login_required
def path_create(request, body):
    body = _managed_body(request, body)
    form = PathForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            path = paths.path_create(body=body, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The path was created. Now add its steps."))
            return _editor(path)
    return render(request, "activities/paths/path_form.html", {"body": body, "form": form})


@login_required
def path_edit(request, body, slug):
    """The steps editor: every step in order, with buttons to move, change and remove it."""
    path = _managed_path(request, body, slug)
    return render(
        request,
        "activities/paths/editor.html",
        {
            "path": path,
            "body": path.body,
            "steps": path_queries.steps_of(path, active_only=False),
            "step_form": StepForm(),
        },
    )


@login_required
def path_history(request, body, slug):
    """Who changed the path and its steps, and when: newest first."""
    path = _managed_path(request, body, slug)
    page = Paginator(audit.history_for(path), 50).get_page(request.GET.get("page"))
    back_url = reverse("activities:path_edit", kwargs={"body": path.body.slug, "slug": path.slug})
    return render(request, "history.html", {"subject": path.name, "back_url": back_url, "page": page})


@login_required
def path_update(request, body, slug):
    path = _managed_path(request, body, slug)
    form = PathForm(request.POST or None, instance=path)
    if request.method == "POST" and form.is_valid():
        try:
            version = form.cleaned_data.pop("version")
            paths.path_update(path=path, by=request.user, data=form.cleaned_data, version=version)
        except ValidationError as error:
            add_service_errors(form, error)
            if versioning.is_stale(error):
                versioning.keep_input(form, path, version)
        else:
            messages.success(request, _("Saved."))
            return _editor(path)
    return render(request, "activities/paths/path_form.html", {"body": path.body, "path": path, "form": form})


@login_required
@require_POST
def path_publish(request, body, slug):
    path = _managed_path(request, body, slug)
    try:
        if request.POST.get("publish") == "1":
            paths.path_publish(path=path, by=request.user)
            messages.success(request, _("The path is now public."))
        else:
            paths.path_unpublish(path=path, by=request.user)
            messages.success(request, _("The path is no longer public."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _editor(path)


@login_required
def path_delete(request, body, slug):
    path = _managed_path(request, body, slug)
    if request.method == "POST":
        paths.path_delete(path=path, by=request.user)
        messages.success(request, _("The path was removed."))
        return redirect("activities:manage_paths", body=path.body.slug)
    return render(request, "activities/paths/confirm_delete.html", {"path": path, "body": path.body})


@login_required
def step_create(request, body, slug):
    path = _managed_path(request, body, slug)
    form = StepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            step = paths.step_add(path=path, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The step was added."))
            if step.kind == StepKind.NGO:
                return redirect("activities:step_activities", body=path.body.slug, slug=path.slug, pk=step.pk)
            return _editor(path)
    return render(request, "activities/paths/step_form.html", {"path": path, "body": path.body, "form": form})


@login_required
def step_update(request, body, slug, pk):
    step = _managed_step(request, body, slug, pk)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        try:
            paths.step_update(step=step, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _editor(step.path)
    return render(
        request,
        "activities/paths/step_form.html",
        {"path": step.path, "body": step.path.body, "step": step, "form": form},
    )


@login_required
@require_POST
def step_move(request, body, slug, pk):
    step = _managed_step(request, body, slug, pk)
    try:
        paths.step_move(step=step, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    response = _editor(step.path)
    response["Location"] += f"#step-{step.pk}"  # keeps the moved step in view
    return response


@login_required
def step_delete(request, body, slug, pk):
    step = _managed_step(request, body, slug, pk)
    if request.method == "POST":
        paths.step_remove(step=step, by=request.user)
        messages.success(request, _("The step was removed."))
        return _editor(step.path)
    return render(
        request, "activities/paths/confirm_delete.html", {"path": step.path, "body": step.path.body, "step": step}
    )


@login_required
def step_activities(request, body, slug, pk):
    """Find the activities offered to the body's residents and add them to an NGO step."""
    step = _managed_step(request, body, slug, pk)
    path = step.path
    if request.method == "POST":
        activity = get_object_or_404(Activity, pk=request.POST.get("activity") or 0)
        try:
            if request.POST.get("action") == "detach":
                paths.activity_detach(step=step, by=request.user, activity=activity)
                messages.success(request, _("“%(name)s” was removed from the step.") % {"name": activity.name})
            else:
                paths.activity_attach(step=step, by=request.user, activity=activity)
                messages.success(request, _("“%(name)s” was added to the step.") % {"name": activity.name})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        # Back to the same search results, so that several activities can be added in a row.
        response = redirect("activities:step_activities", body=path.body.slug, slug=path.slug, pk=step.pk)
        kept = {key: request.POST[key] for key in ("q", "page") if request.POST.get(key)}
        if kept:
            response["Location"] += "?" + urlencode(kept)
        return response
    attached = list(path_queries.with_row_relations(step.activities.order_by(path_queries.sort_field(), "pk")))
    form = ActivitySearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = None
    if step.kind == StepKind.NGO:
        candidates = paths.attachable_activities(path.body).exclude(pk__in=[a.pk for a in attached])
        if query:
            candidates = search.filter_matching(candidates, SEARCH_KIND, query)
            pks = search.ranked_pks(candidates, SEARCH_KIND, query, tiebreak=path_queries.sort_field())
            page = Paginator(pks, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
            page.object_list = search.in_order(
                path_queries.with_row_relations(Activity.objects.all()), page.object_list
            )
        else:
            candidates = path_queries.with_row_relations(candidates.order_by(path_queries.sort_field(), "pk"))
            page = Paginator(candidates, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/paths/step_activities.html",
        {
            "path": path,
            "body": path.body,
            "step": step,
            "attached": attached,
            "form": form,
            "query": query,
            "page": page,
        },
    )
