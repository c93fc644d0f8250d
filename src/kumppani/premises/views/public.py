"""Finding a space: the public list with filters, and a space's page with its week or month of
busy times. Anyone may read them; who booked is shown only to the space's managers."""

import calendar as month_calendar
import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import dateformat, formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from kumppani.premises import calendar, pages, queries
from kumppani.premises.forms import SearchForm, today
from kumppani.premises.models import Space

PAGE_SIZE = 20


def space_list(request):
    form = SearchForm(request.GET or None)
    criteria = form.criteria() if form.is_bound else queries.Criteria()
    # The matching spaces' ids in one pass (the count and the page of the same costly filter would
    # be two), then the page's spaces with their places.
    # (Without modeltranslation's rewriting, which builds two dicts for each of thousands of ids.)
    ids = list(queries.spaces_matching(criteria).rewrite(False).values_list("pk", flat=True))
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = queries.spaces_in_order(page.object_list)
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


def _hm(moment) -> str:
    local = moment.astimezone(calendar.HELSINKI) if isinstance(moment, dt.datetime) else moment
    return f"{local.hour:02d}.{local.minute:02d}"


_DATE_PARTS = {"j": "{0.day}", "n": "{0.month}", "Y": "{0.year}", "d": "{0.day:02d}", "m": "{0.month:02d}"}


def _short_date(day: dt.date, date_format: str) -> str:
    """The date in the language's SHORT_DATE_FORMAT (5.12.2026 in Finnish), without the general
    formatter's cost when the format has only days, months and years."""
    if not set(date_format) <= {*_DATE_PARTS, ".", "-", "/", " "}:
        return dateformat.format(day, date_format)
    return "".join(_DATE_PARTS.get(c, c) for c in date_format).format(day)


def _schedule(days: list[queries.Day], can_manage: bool) -> list[tuple[str, str]]:
    """(the day, what it holds as HTML) for each day of the calendar. Written here rather than in
    the template: a month is some thirty lines, and this is the page's largest cost."""
    words = {
        "closed": gettext("closed"),
        "not_open": gettext("not open"),
        "open": pgettext("opening hours", "open"),
        "busy": gettext("busy"),
        "free": gettext("all free"),
        "waiting": gettext("waiting"),
    }
    weekdays: dict[int, str] = {}
    date_format = formats.get_format("SHORT_DATE_FORMAT")
    lines = []
    for day in days:
        if day.date.weekday() not in weekdays:
            weekdays[day.date.weekday()] = dateformat.format(day.date, "D")
        label = f"{weekdays[day.date.weekday()]} {_short_date(day.date, date_format)}"
        if day.holiday:
            text = escape(gettext("closed, public holiday (%(name)s)") % {"name": day.holiday})
        elif day.closed:
            text = escape(words["closed"])
        elif not day.opening:
            text = escape(words["not_open"])
        else:
            hours = "".join(f"{_hm(h.opens)}–{_hm(h.closes)}" for h in day.opening)
            text = f"{escape(words['open'])} {hours}; "
            if day.busy:
                text += escape(words["busy"]) + " " + ", ".join(_busy(b, can_manage, words) for b in day.busy)
            else:
                text += escape(words["free"])
        lines.append((label, mark_safe(text)))  # every part above is escaped
    return lines


def _busy(busy: queries.Busy, can_manage: bool, words: dict) -> str:
    text = f"{_hm(busy.start)}–{_hm(busy.end)}"
    if not can_manage:
        return text
    if busy.is_block:
        return f"{text} ({escape(busy.purpose)})"
    url = reverse("premises:booking", args=[busy.pk])
    waiting = f", {escape(words['waiting'])}" if busy.status == "requested" else ""
    return f'{text} (<a href="{escape(url)}">{escape(busy.organisation_name)}</a>{waiting})'


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
            "schedule": _schedule(queries.days(space, first, last, names=can_manage), can_manage),
            "first": first,
            "last": last,
            "previous": previous,
            "following": following,
            "month_view": month_view,
            "can_manage": can_manage,
            "today": today(),
            "sections": pages.space_sections(request, space),
        },
    )
