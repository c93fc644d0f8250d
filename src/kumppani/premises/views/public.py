"""Finding a space: the public list with filters, and a space's page with its week or month of
busy times. Anyone may read them; who booked is shown only to the space's managers."""

import calendar as month_calendar
import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from kumppani.premises import queries
from kumppani.premises.forms import SearchForm, today
from kumppani.premises.models import Space

PAGE_SIZE = 20


def space_list(request):
    form = SearchForm(request.GET or None)
    criteria = form.criteria() if form.is_bound else queries.Criteria()
    page = Paginator(queries.spaces_matching(criteria), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "premises/list.html",
        {"form": form, "page": page, "criteria": criteria, "query": query.urlencode()},
    )


def _day(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else today()
    except ValueError:
        return today()


def space_detail(request, slug):
    """The space and its calendar: a week (default) or a month (?nakyma=kuukausi), from ?paiva=."""
    space = get_object_or_404(Space.objects.select_related("municipality", "body"), slug=slug)
    can_manage = request.user.has_perm("premises.manage_bookings", space)
    if not space.is_published and not can_manage:
        raise Http404
    day = _day(request.GET.get("paiva"))
    month_view = request.GET.get("nakyma") == "kuukausi"
    if month_view:
        first = day.replace(day=1)
        last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
        previous, following = (first - dt.timedelta(days=1)).replace(day=1), last + dt.timedelta(days=1)
    else:
        first = day - dt.timedelta(days=day.weekday())
        last = first + dt.timedelta(days=6)
        previous, following = first - dt.timedelta(days=7), first + dt.timedelta(days=7)
    return render(
        request,
        "premises/detail.html",
        {
            "space": space,
            "photos": list(space.photos.all()),
            "days": queries.days(space, first, last),
            "first": first,
            "last": last,
            "previous": previous,
            "following": following,
            "month_view": month_view,
            "can_manage": can_manage,
            "today": today(),
        },
    )
