"""The pages where an NGO publishes its activities and keeps them current, and the coordinator's
view of what is out of date. Every page needs `activities.change_activity` on the NGO, or
`activities.view_stale_report` on the body; the domain functions check it again."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.activities import freshness, queries, services
from kumppani.activities.forms import ActivityEditor, StatusForm
from kumppani.activities.models import Activity, ActivityStatus, Place
from kumppani.core import audit, versioning
from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import unmerged_organisations

CHANGE = "activities.change_activity"
PAGE_SIZE = 50


def _organisation(request, slug: str) -> Organisation:
    organisation = get_object_or_404(unmerged_organisations(), slug=slug)
    if not request.user.has_perm(CHANGE, organisation):
        raise PermissionDenied
    return organisation


def _activity(organisation: Organisation, slug: str) -> Activity:
    activity = get_object_or_404(Activity, organisation=organisation, slug=slug)
    activity.organisation = organisation  # the permission was checked on this very object
    return activity


@login_required
def manage(request, slug):
    """ "Our activities": every activity of the NGO, the current ones first, with what needs confirming."""
    organisation = _organisation(request, slug)
    ended_last = Case(When(status=ActivityStatus.ENDED, then=Value(1)), default=Value(0), output_field=IntegerField())
    activities = (
        organisation.activities.order_by(ended_last, queries.name_order(get_language()), "pk")
        .select_related("confirmed_by")
        .prefetch_related("schedule_rules", Prefetch("places", queryset=Place.objects.select_related("municipality")))
    )
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    to_confirm = freshness.needing_confirmation(organisation.activities.all()).count()
    return render(
        request,
        "activities/manage/list.html",
        {"organisation": organisation, "page": page, "to_confirm": to_confirm},
    )


def _edit(request, organisation: Organisation, activity: Activity | None):
    editor = ActivityEditor(request.POST or None, organisation=organisation, activity=activity)
    duplicates = []
    if request.method == "POST" and editor.is_valid() and activity is None:
        cleaned = editor.form.cleaned_data
        submission = cleaned.get("submission")
        saved = (
            Activity.objects.filter(organisation=organisation, submission=submission).first() if submission else None
        )
        if saved is not None:
            # The same page sent again (a double click, or back and send): nothing new is made.
            messages.info(request, _("“%(name)s” was already saved; it was not saved twice.") % {"name": saved.name})
            return redirect("activities:manage", slug=organisation.slug)
        if not cleaned.get("not_a_duplicate"):
            duplicates = queries.likely_duplicates(organisation, cleaned.get("name_fi") or "")
    if request.method == "POST" and editor.is_valid() and not duplicates:
        try:
            if activity is None:
                activity = services.activity_create(
                    by=request.user,
                    organisation=organisation,
                    submission=editor.form.cleaned_data.get("submission"),
                    **editor.domain_arguments(),
                )
            else:
                activity = services.activity_update(
                    by=request.user,
                    activity=activity,
                    version=editor.form.cleaned_data["version"],
                    **editor.domain_arguments(),
                )
        except ValidationError as error:
            editor.add_error(error)
            if activity is not None and versioning.is_stale(error):
                versioning.keep_input(editor.form, activity, editor.form.cleaned_data["version"])
        else:
            messages.success(request, _("Thank you! “%(name)s” has been saved.") % {"name": activity.name})
            return redirect("activities:manage", slug=organisation.slug)
    return render(
        request,
        "activities/manage/edit.html",
        {
            "organisation": organisation,
            "activity": activity,
            "editor": editor,
            "form": editor.form,
            "duplicates": duplicates,
            "map_tiles": {"url": settings.MAP_TILES_URL, "attribution": settings.MAP_TILES_ATTRIBUTION},
        },
    )


@login_required
def create(request, slug):
    return _edit(request, _organisation(request, slug), None)


@login_required
def edit(request, slug, activity):
    organisation = _organisation(request, slug)
    return _edit(request, organisation, _activity(organisation, activity))


@login_required
def history(request, slug, activity):
    """Who changed the activity and what, newest first: for the NGO's people and its coordinators,
    the same people who may edit it."""
    organisation = _organisation(request, slug)
    activity = _activity(organisation, activity)
    page = Paginator(audit.history_for(activity), PAGE_SIZE).get_page(request.GET.get("page"))
    back_url = reverse("activities:edit", kwargs={"slug": organisation.slug, "activity": activity.slug})
    return render(request, "history.html", {"subject": activity.name, "back_url": back_url, "page": page})


@login_required
def confirm(request, slug, activity):
    """The page the reminder e-mail links to: is this still as described? One button confirms it."""
    organisation = _organisation(request, slug)
    activity = _activity(organisation, activity)
    if request.method == "POST":
        try:
            services.activity_confirm(by=request.user, activity=activity)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you! “%(name)s” is marked as current.") % {"name": activity.name})
        return redirect("activities:manage", slug=organisation.slug)
    return render(request, "activities/manage/confirm.html", {"organisation": organisation, "activity": activity})


@login_required
@require_POST
def confirm_all(request, slug):
    organisation = _organisation(request, slug)
    count = services.activities_confirm_all(by=request.user, organisation=organisation)
    messages.success(
        request,
        ngettext(
            "Thank you! %(count)s activity is marked as current.",
            "Thank you! %(count)s activities are marked as current.",
            count,
        )
        % {"count": count},
    )
    return redirect("activities:manage", slug=organisation.slug)


@login_required
@require_POST
def set_status(request, slug, activity):
    organisation = _organisation(request, slug)
    activity = _activity(organisation, activity)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        services.activity_set_status(by=request.user, activity=activity, status=form.cleaned_data["status"])
        messages.success(
            request,
            _("“%(name)s” is now: %(status)s.") % {"name": activity.name, "status": activity.get_status_display()},
        )
    return redirect("activities:manage", slug=organisation.slug)


@login_required
def stale_report(request, body):
    """For a body's coordinator: activities not confirmed for six months or a year, per NGO."""
    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("activities.view_stale_report", body):
        raise PermissionDenied
    report = freshness.stale_report(body, request.GET.get("page"))
    return render(request, "activities/manage/stale_report.html", {"body": body, "report": report})
