"""Booking a space, one booking's page (the NGO's and the manager's), its calendar file, cancelling
and deciding. The services check every permission again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kumppani.core import confirm
from kumppani.core.forms import add_service_errors
from kumppani.organisations.models import Organisation
from kumppani.premises import calendar, pages, services
from kumppani.premises.forms import BookingForm, CancelForm, DecisionForm
from kumppani.premises.models import ACTIVE_STATUSES, Booking, BookingStatus, Space

PAGE_SIZE = 50


def _booking(request, pk: int, perm: str = "premises.view_booking") -> Booking:
    booking = get_object_or_404(
        Booking.objects.select_related("space__municipality", "space__body", "organisation", "series", "booked_by"),
        pk=pk,
    )
    if not request.user.has_perm(perm, booking):
        raise PermissionDenied
    return booking


def _preview(space: Space, arguments: dict) -> list[dict]:
    """Each date of the booking with what stands in its way, before anything is saved."""
    start, end = arguments["start"], arguments["end"]
    local_start = start.astimezone(calendar.HELSINKI)
    if arguments["repeat_until"]:
        days, skipped = services.series_dates(space, local_start.date(), arguments["repeat_until"])
    else:
        days, skipped = [local_start.date()], []
    duration = end - start
    slots = [(calendar.local(d, local_start.time()), calendar.local(d, local_start.time()) + duration) for d in days]
    clashes = dict(services.conflicts(space, slots))
    now = timezone.now()
    rows = []
    for slot_start, slot_end in slots:
        problem = services.slot_problem(space, slot_start, slot_end, now=now)
        if problem is not None:
            text = problem.messages[0]
        elif slot_start in clashes:
            text = _("Already booked") if clashes[slot_start] == "conflict" else _("Too close to another booking")
        else:
            text = ""
        rows.append({"date": calendar.local_date(slot_start), "problem": text})
    rows += [{"date": d, "problem": "", "skipped": True} for d in skipped]
    return sorted(rows, key=lambda row: row["date"])


@login_required
def book(request, slug):
    space = get_object_or_404(Space.objects.select_related("municipality", "body"), slug=slug, is_published=True)
    organisations = list(
        Organisation.objects.filter(memberships__user=request.user, merged_into__isnull=True)
        .prefetch_related("areas")
        .order_by("name")
    )
    organisations = [o for o in organisations if services.may_book(space, o)]
    if not organisations:
        raise PermissionDenied
    form = BookingForm(request.POST or None, organisations=organisations, initial={"people": 1})
    preview = None
    if request.method == "POST" and form.is_valid():
        arguments = form.domain_arguments()
        if "check" in request.POST:
            preview = _preview(space, arguments)
        else:
            try:
                bookings = services.booking_create(by=request.user, space=space, **arguments)
            except ValidationError as error:
                add_service_errors(form, error)
                preview = _preview(space, arguments)
            else:
                if bookings[0].status == BookingStatus.CONFIRMED:
                    messages.success(request, _("Thank you! The booking is confirmed."))
                else:
                    messages.success(request, _("Thank you! The booking waits for the manager's approval."))
                return redirect("premises:booking", pk=bookings[0].pk)
    return render(request, "premises/book.html", {"space": space, "form": form, "preview": preview})


@login_required
def booking_detail(request, pk):
    booking = _booking(request, pk)
    series = []
    if booking.series_id:
        series = list(booking.series.bookings.order_by("start"))
    return render(
        request,
        "premises/booking.html",
        {
            "booking": booking,
            "series": series,
            "can_manage": request.user.has_perm("premises.manage_bookings", booking),
            "can_cancel": booking.status in ACTIVE_STATUSES
            and booking.start > timezone.now()
            and request.user.has_perm("premises.cancel_booking", booking),
            "actions": pages.booking_actions(request, booking),
            "decision_form": DecisionForm(),
            "cancel_form": CancelForm(),
        },
    )


@login_required
def booking_ics(request, pk):
    """The booking (all the dates of its series) as an iCalendar file."""
    booking = _booking(request, pk)
    bookings = (
        list(booking.series.bookings.filter(status__in=ACTIVE_STATUSES).select_related("space__municipality"))
        if booking.series_id
        else [booking]
    )
    response = HttpResponse(calendar.ics(bookings), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="varaus-{booking.pk}.ics"'
    return response


def _when(booking: Booking) -> str:
    return dateformat.format(timezone.localtime(booking.start), "j.n.Y H.i")


@login_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request, pk):
    """Cancelling asks first: the NGO (or the manager) loses the time, and the other side is told."""
    booking = _booking(request, pk, "premises.cancel_booking")
    form = CancelForm(request.POST if request.method == "POST" else None)
    data = form.cleaned_data if form.is_valid() else {}
    whole_series = bool(data.get("whole_series")) and booking.series_id is not None
    if not confirm.confirmed(request):
        return confirm.ask(
            request,
            title=_("Cancel the booking"),
            question=(
                _("Cancel every coming date of the weekly booking of %(space)s?")
                if whole_series
                else _("Cancel the booking of %(space)s on %(when)s?")
            )
            % {"space": booking.space.name, "when": _when(booking)},
            consequences=[_("The time becomes free for others."), _("This cannot be undone.")],
            confirm_label=_("Yes, cancel the booking"),
            cancel_url=reverse("premises:booking", args=[booking.pk]),
        )
    try:
        services.booking_cancel(
            by=request.user,
            booking=booking,
            whole_series=data.get("whole_series", False),
            reason=data.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The booking is cancelled."))
    return redirect("premises:booking", pk=booking.pk)


@login_required
@require_http_methods(["GET", "POST"])
def booking_decide(request, pk):
    """A rejection asks first, since the NGO is told at once; an approval is saved straight away."""
    booking = _booking(request, pk, "premises.manage_bookings")
    form = DecisionForm(request.POST or None)
    if not form.is_valid():
        if request.method == "POST":
            messages.error(request, _("Choose whether to approve or reject."))
        return redirect("premises:booking", pk=booking.pk)
    if not form.cleaned_data["approve"] and not confirm.confirmed(request):
        return confirm.ask(
            request,
            title=_("Reject the booking"),
            question=_("Reject the booking of %(space)s on %(when)s by %(ngo)s?")
            % {
                "space": booking.space.name,
                "when": _when(booking),
                "ngo": booking.organisation.name if booking.organisation else "",
            },
            consequences=[_("The NGO is told by e-mail, with the reason you gave."), _("This cannot be undone.")],
            confirm_label=_("Yes, reject the booking"),
            cancel_url=reverse("premises:booking", args=[booking.pk]),
        )
    try:
        services.booking_decide(by=request.user, booking=booking, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if form.cleaned_data["approve"]:
            messages.success(request, _("The booking is confirmed. The NGO gets the calendar file by e-mail."))
        else:
            messages.success(request, _("The booking is rejected. The NGO is told the reason."))
    return redirect("premises:booking", pk=booking.pk)


@login_required
def ngo_bookings(request, slug):
    """An NGO's bookings, the coming ones first."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("premises.book_for", organisation):
        raise PermissionDenied
    bookings = organisation.space_bookings.select_related("space").order_by("-start", "-pk")
    page = Paginator(bookings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "premises/ngo_bookings.html", {"organisation": organisation, "page": page})
