"""The premises manager's pages: the body's spaces and the bookings waiting for approval, a space's
editor with closed days and blocked times, and the hours and value of free use for the officials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.premises import calendar, queries, services
from kumppani.premises.forms import BlockForm, ClosedDayForm, PhotoForm, SpaceForm, today
from kumppani.premises.models import BookingStatus, Space, SpacePhoto


def _body(request, slug: str, perm: str) -> PublicBody:
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm(perm, body):
        raise PermissionDenied
    return body


def _space(request, slug: str) -> Space:
    space = get_object_or_404(Space.objects.select_related("body", "municipality"), slug=slug)
    if not request.user.has_perm("premises.change_space", space):
        raise PermissionDenied
    return space


@login_required
def manage(request, body):
    body = _body(request, body, "premises.add_space")
    spaces = body.spaces.select_related("municipality").order_by("name", "pk")
    waiting = queries.waiting_for(request.user).filter(space__body=body)[:100]
    return render(request, "premises/manage/list.html", {"body": body, "spaces": spaces, "waiting": waiting})


def _edit(request, body: PublicBody, space: Space | None):
    form = SpaceForm(request.POST or None, request.FILES or None, instance=space, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            space = services.space_save(by=request.user, body=body, space=space, **form.domain_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! “%(name)s” has been saved.") % {"name": space.name})
            return redirect("premises:edit", slug=space.slug)
    context = {"body": body, "space": space, "form": form}
    if space is not None:
        context.update(
            closed_days=space.closed_days.filter(date__gte=today()),
            closed_form=ClosedDayForm(),
            block_form=BlockForm(),
            blocks=space.bookings.filter(is_block=True, status=BookingStatus.CONFIRMED, end__gte=timezone.now()),
            photos=[(photo, PhotoForm(photo=photo)) for photo in space.photos.all()],
        )
    return render(request, "premises/manage/edit.html", context)


@login_required
def space_create(request, body):
    return _edit(request, _body(request, body, "premises.add_space"), None)


@login_required
def space_edit(request, slug):
    space = _space(request, slug)
    return _edit(request, space.body, space)


@login_required
@require_POST
def closed_day(request, slug):
    space = _space(request, slug)
    form = ClosedDayForm(request.POST)
    if form.is_valid():
        services.closed_day_set(by=request.user, space=space, **form.cleaned_data)
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Give the date."))
    return redirect("premises:edit", slug=space.slug)


@login_required
@require_POST
def block(request, slug):
    space = _space(request, slug)
    form = BlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date, the times and the reason."))
        return redirect("premises:edit", slug=space.slug)
    data = form.cleaned_data
    try:
        services.time_block(
            by=request.user,
            space=space,
            start=calendar.local(data["date"], data["start_time"]),
            end=calendar.local(data["date"], data["end_time"]),
            reason=data["reason"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The time is blocked."))
    return redirect("premises:edit", slug=space.slug)


@login_required
def usage(request, body):
    """Hours booked by NGOs per space in a year and the value of free use, for the welfare report."""
    body = _body(request, body, "premises.view_usage")
    try:
        year = int(request.GET.get("vuosi") or today().year)
    except ValueError:
        year = today().year
    rows = queries.usage(body, year)
    return render(
        request,
        "premises/manage/usage.html",
        {"body": body, "year": year, "rows": rows, "total": queries.usage_totals(rows)},
    )


@login_required
@require_POST
def photo(request, slug, pk):
    """Save a photo's descriptions and order, or take the photo off ("remove" in the POST)."""
    space = _space(request, slug)
    item = get_object_or_404(SpacePhoto, pk=pk, space=space)
    item.space = space
    if "remove" in request.POST:
        services.space_photo_remove(by=request.user, photo=item)
        messages.success(request, _("The photo is removed."))
        return redirect("premises:edit", slug=space.slug)
    form = PhotoForm(request.POST, photo=item)
    if not form.is_valid():
        messages.error(request, _("Describe the photo in Finnish and give its order as a number."))
        return redirect("premises:edit", slug=space.slug)
    try:
        services.space_photo_update(by=request.user, photo=item, alt=form.alt(), position=form.cleaned_data["position"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect("premises:edit", slug=space.slug)
