"""An NGO's own events: the list, adding and changing one, sending it to calendars, cancelling it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.events import queries, services
from kumppani.events.forms import EventForm, StatusForm, SubmitForm
from kumppani.events.models import Event
from kumppani.organisations.models import Organisation


def _organisation(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("events.change_event", organisation):
        raise PermissionDenied
    return organisation


def _event(request, organisation, slug) -> Event:
    event = get_object_or_404(Event, organisation=organisation, slug=slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    return event


@login_required
def manage(request, slug):
    organisation = _organisation(request, slug)
    events = organisation.events.prefetch_related("listings__body").order_by("-start")
    return render(
        request,
        "events/manage/list.html",
        {"organisation": organisation, "events": events, "deadline": queries.next_deadline()},
    )


@login_required
def create(request, slug):
    organisation = _organisation(request, slug)
    form = EventForm(request.POST or None, request.FILES or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                by=request.user,
                organisation=organisation,
                data=form.service_data(),
                cancelled_dates=form.cleaned_data["cancelled_dates"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The event is saved as a draft. Send it to the calendars when it is ready."))
            return redirect("events:submit", organisation.slug, event.slug)
    return render(request, "events/manage/edit.html", {"organisation": organisation, "form": form, "event": None})


@login_required
def edit(request, slug, event):
    organisation = _organisation(request, slug)
    event = _event(request, organisation, event)
    form = EventForm(request.POST or None, request.FILES or None, organisation=organisation, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                by=request.user,
                event=event,
                data=form.service_data(),
                cancelled_dates=form.cleaned_data["cancelled_dates"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("events:manage", organisation.slug)
    return render(request, "events/manage/edit.html", {"organisation": organisation, "form": form, "event": event})


@login_required
def submit(request, slug, event):
    organisation = _organisation(request, slug)
    event = _event(request, organisation, event)
    form = SubmitForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_submit(by=request.user, event=event, bodies=list(form.cleaned_data["bodies"]))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            event.refresh_from_db()
            messages.success(
                request,
                _("The event is published.")
                if event.is_public
                else _("The event is sent. The calendars' editors will look at it soon."),
            )
            return redirect("events:manage", organisation.slug)
    return render(
        request,
        "events/manage/submit.html",
        {"organisation": organisation, "event": event, "form": form, "deadline": queries.next_deadline()},
    )


@login_required
@require_POST
def set_status(request, slug, event):
    organisation = _organisation(request, slug)
    event = _event(request, organisation, event)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.event_set_status(
                by=request.user, event=event, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The status of the event is changed."))
    else:
        messages.error(request, _("Choose the new status."))
    return redirect("events:manage", organisation.slug)
