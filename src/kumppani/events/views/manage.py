"""The organiser's own events: an NGO's (under jarjestot/<slug>/tapahtumat/) or a public body's own
(under alueet/<slug>/omat-tapahtumat/): the list, adding and changing one, sending it to calendars,
cancelling or postponing it. The same views and templates serve both; `Owner` tells them apart."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import confirm
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.events import queries, services
from kumppani.events.forms import EventForm, StatusForm, SubmitForm, initial_from_booking
from kumppani.events.models import Event
from kumppani.organisations.models import Organisation
from kumppani.premises.models import Booking, BookingStatus


@dataclass
class Owner:
    """The organiser whose events the pages show, and the names of its pages."""

    obj: Organisation | PublicBody
    prefix: str  # "" for an NGO's pages, "body_" for a body's

    @property
    def organisation(self):
        return self.obj if isinstance(self.obj, Organisation) else None

    @property
    def body(self):
        return self.obj if isinstance(self.obj, PublicBody) else None

    def url(self, name: str, *args) -> str:
        return reverse(f"events:{self.prefix}{name}", args=[self.obj.slug, *args])

    @property
    def list_url(self) -> str:
        return self.url("manage")

    @property
    def create_url(self) -> str:
        return self.url("create")

    def events(self):
        return Event.objects.filter(
            **({"organisation": self.obj} if self.organisation else {"organiser_body": self.obj})
        )


def _owner(request, slug, *, body: bool) -> Owner:
    obj = get_object_or_404(PublicBody if body else Organisation, slug=slug)
    if not request.user.has_perm("events.change_event", obj):
        raise PermissionDenied
    return Owner(obj, "body_" if body else "")


def _event(request, owner: Owner, slug) -> Event:
    event = get_object_or_404(owner.events(), slug=slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    return event


def _render(request, template, owner, **context):
    return render(request, template, {"owner": owner, "organisation": owner.organisation, **context})


@login_required
def manage(request, slug, body=False):
    owner = _owner(request, slug, body=body)
    events = list(owner.events().prefetch_related("listings__body").order_by("-start"))
    for event in events:
        event.edit_url = owner.url("edit", event.slug)
        event.submit_url = owner.url("submit", event.slug)
        event.status_url = owner.url("set_status", event.slug)
    return _render(request, "events/manage/list.html", owner, events=events, deadline=queries.next_deadline(owner.body))


def _booking_initial(request, owner: Owner) -> dict:
    """ "Announce this as an event" on a booking's page opens the form with the booking's space and
    time. Only a confirmed booking of the NGO's own counts; any other number is ignored."""
    try:
        pk = int(request.GET.get("booking", ""))
    except ValueError:
        return {}
    if owner.organisation is None:
        return {}
    booking = (
        Booking.objects.filter(pk=pk, organisation=owner.organisation, status=BookingStatus.CONFIRMED)
        .select_related("space")
        .first()
    )
    return initial_from_booking(booking) if booking is not None else {}


@login_required
def create(request, slug, body=False):
    owner = _owner(request, slug, body=body)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        organisation=owner.organisation,
        body=owner.body,
        initial=_booking_initial(request, owner),
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                by=request.user,
                organisation=owner.organisation,
                body=owner.body,
                data=form.service_data(),
                cancelled_dates=form.cleaned_data["cancelled_dates"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The event is saved as a draft. Send it to the calendars when it is ready."))
            return redirect(owner.url("submit", event.slug))
    return _render(request, "events/manage/edit.html", owner, form=form, event=None)


@login_required
def edit(request, slug, event, body=False):
    owner = _owner(request, slug, body=body)
    event = _event(request, owner, event)
    form = EventForm(
        request.POST or None, request.FILES or None, organisation=owner.organisation, body=owner.body, event=event
    )
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
            return redirect(owner.list_url)
    return _render(request, "events/manage/edit.html", owner, form=form, event=event)


@login_required
def submit(request, slug, event, body=False):
    owner = _owner(request, slug, body=body)
    event = _event(request, owner, event)
    form = SubmitForm(request.POST or None, organisation=owner.organisation, body=owner.body)
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
            return redirect(owner.list_url)
    return _render(
        request, "events/manage/submit.html", owner, event=event, form=form, deadline=queries.next_deadline(owner.body)
    )


@login_required
@require_POST
def set_status(request, slug, event, body=False):
    owner = _owner(request, slug, body=body)
    event = _event(request, owner, event)
    form = StatusForm(request.POST)
    if form.is_valid() and form.cleaned_data["status"] == "cancelled" and not confirm.confirmed(request):
        # Everyone sees a cancelled event at once, so cancelling asks first.
        return confirm.ask(
            request,
            title=_("Cancel the event"),
            question=_("Cancel %(event)s?") % {"event": event},
            consequences=[_("The event is shown as cancelled to everyone, with the reason you gave.")],
            confirm_label=_("Yes, cancel the event"),
            cancel_url=owner.list_url,
        )
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
    return redirect(owner.list_url)
