"""The public calendar (list, day, week and month), an event's page, its .ics, the calendar's
iCalendar and RSS feeds and the embed page. Anyone may read them, no sign-in."""

import datetime as dt
from dataclasses import replace
from html import escape
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from kumppani.core import pages as core_pages
from kumppani.core import search
from kumppani.core.chips import active_filters
from kumppani.core.slugs import page_addresses
from kumppani.events import ics, jsonld, queries
from kumppani.events.filters import CalendarFilterForm
from kumppani.events.models import HELSINKI, Event, EventStatus, ListingStatus

LIST_DAYS = 31
EMBED_COUNT = 30
SNIPPET_COUNT = 10
# Events shown on a day of each view; the rest are behind "+N more", which opens that day.
PER_DAY = {"month": 4, "week": 8, "list": 5, "day": 200}
FEED_DAYS = 365


def _today() -> dt.date:
    return timezone.localtime(timezone.now(), HELSINKI).date()


def _form(request) -> CalendarFilterForm:
    form = CalendarFilterForm(request.GET)
    form.is_valid()
    return form


def _filter_query(form, **changes) -> str:
    """The query string of the current filters with some changed, for the navigation links."""
    keep = {key: value for key, value in form.data.items() if key in form.fields and value not in ("", None)}
    keep.update({k: v for k, v in changes.items() if v is not None})
    return urlencode(keep)


def _span(view: str, day: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(first, last exclusive, previous, next) for a view around `day`."""
    if view == "day":
        return day, day + dt.timedelta(days=1), day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    if view == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=7), monday - dt.timedelta(days=7), monday + dt.timedelta(days=7)
    if view == "month":
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        return first, last, previous, last
    return (
        day,
        day + dt.timedelta(days=LIST_DAYS),
        day - dt.timedelta(days=LIST_DAYS),
        day + dt.timedelta(days=LIST_DAYS),
    )


def calendar(request):
    """The calendar of every body (or of one) with its filters. Filters that are not understood
    are shown as errors, and the page answers 400 so that no crawler keeps the link."""
    form = _form(request)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    view = data.get("view") or "list"
    day = data.get("date") or data.get("start") or _today()
    first, last, previous, following = _span(view, day)
    if view == "list" and data.get("end") and not data.get("date"):
        last = max(data["end"] + dt.timedelta(days=1), first + dt.timedelta(days=1))  # the chosen period
        following = last
    criteria = queries.Criteria.from_form(data)
    # Each view shows a bounded number of events a day, and "+N more" links to that day's view,
    # so that a busy calendar's page has a bounded size (the day view shows the most).
    days = queries.days_bounded(criteria, first, last, PER_DAY[view], detail=view != "month") if valid else []
    _label_items([item for cell in days for item in cell.items])
    _draw_lists(days, with_place=view != "month")
    for cell in days:
        cell.more_query = _filter_query(form, view="day", date=cell.date.isoformat(), start=None, end=None)
    count = sum(d.total for d in days)
    weeks = []
    if view == "month":
        cells = [None] * first.weekday() + days
        cells += [None] * (-len(cells) % 7)
        weeks = [cells[n : n + 7] for n in range(0, len(cells), 7)]
    feed_query = _filter_query(form, view=None, date=None)
    context = {
        "form": form,
        "view": view,
        "day": day,
        "first": first,
        "last": last - dt.timedelta(days=1),
        "days": days if view != "list" else [d for d in days if d.total],
        "weeks": weeks,
        "weekday_names": [_weekday(n) for n in range(7)],
        "count": count,
        "previous_query": _filter_query(form, view=view, date=previous.isoformat(), start=None),
        "next_query": _filter_query(form, view=view, date=following.isoformat(), start=None),
        "view_queries": [
            (value, label, _filter_query(form, view=value)) for value, label in form.fields["view"].choices
        ],
        "feed_query": feed_query,
        "deadline": queries.next_deadline(data.get("body")),
        "bulletin": queries.latest_bulletin(data["body"]) if data.get("body") else None,
        "today": _today(),
    }
    if valid and not count:
        context.update(_alternatives(request, form, criteria, first, last))
    return render(request, "events/calendar.html", context, status=200 if valid else 400)


def _alternatives(request, form, criteria: queries.Criteria, first: dt.date, last: dt.date) -> dict:
    """What to try when the calendar shows nothing: a spelling like a known word, removing each
    filter, the same search in the calendar of the body's wellbeing services county, and the same
    words among the activities and the NGOs (with how many each finds)."""
    params = request.GET.copy()
    suggestions = []
    for text in search.spelling_suggestions(criteria.q) if criteria.q else []:
        params["q"] = text
        suggestions.append((text, f"?{params.urlencode()}"))
    nearby = []
    body = criteria.body
    county = body.county if body is not None and body.county_id else None
    if county is not None:
        found = queries.calendar_days(replace(criteria, body=county), first, last).values("event_id").distinct().count()
        if found:
            params = request.GET.copy()
            params["body"] = county.slug
            label = ngettext(
                "%(count)s event in the calendar of %(area)s", "%(count)s events in the calendar of %(area)s", found
            ) % {"count": found, "area": county.name}
            nearby.append((label, f"?{params.urlencode()}"))
    return {
        "chips": active_filters(form, request.GET, skip=frozenset({"view", "date", "start", "end"})),
        "suggestions": suggestions,
        "nearby": nearby,
        "elsewhere": core_pages.found_elsewhere(criteria.q, exclude="events") if criteria.q else [],
    }


def _label_items(items: list[queries.Item]) -> None:
    """Each item's address, time and place as text, made here once rather than in the template
    (a month of a busy calendar draws over a hundred)."""
    page = page_addresses("events:detail")
    all_day, online = _("All day"), _("Online")
    for item in items:
        item.url = page(item.slug)
        item.when = all_day if item.all_day else f"{item.start:%H.%M}–{item.end:%H.%M}"
        if item.is_online and not item.street_address:
            place = online
        else:
            place = ", ".join(part for part in (item.space_name, item.municipality) if part)
        item.where = " · ".join(part for part in (place, item.organiser) if part)


def _draw_lists(days: list[queries.Day], *, with_place: bool) -> None:
    """Each day's events as the list the calendar shows (`cell.list_html`), written here rather than
    by the template: drawing a search's 155 dates took the template language 4 ms of the page's 45,
    plain string work 0.3 ms. The texts are escaped as the template would."""
    badges = {
        EventStatus.CANCELLED: f' <strong class="badge">{escape(pgettext("event", "Cancelled"))}</strong>',
        EventStatus.POSTPONED: f' <strong class="badge">{escape(pgettext("event", "Postponed"))}</strong>',
    }
    for cell in days:
        lines = []
        for item in cell.items:
            css = "event-item cancelled" if item.status == EventStatus.CANCELLED else "event-item"
            lang = f' lang="{item.name_language}"' if item.name_language else ""
            place = f' <span class="muted">{escape(item.where)}</span>' if with_place else ""
            lines.append(
                f'<li class="{css}"><span class="event-time">{escape(item.when)}</span> '
                f'<a href="{escape(item.url)}"{lang}>{escape(item.name)}</a>{badges.get(item.status, "")}{place}</li>'
            )
        cell.list_html = mark_safe(f'<ul class="event-list">{"".join(lines)}</ul>') if lines else ""


def _weekday(n: int) -> str:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")][n]


def _visible_event(request, slug) -> Event:
    event = get_object_or_404(
        Event.objects.select_related("organisation", "organiser_body", "municipality", "activity", "space"),
        slug=slug,
    )
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def detail(request, slug):
    event = _visible_event(request, slug)
    language = get_language()
    context = {
        "event": event,
        "jsonld": jsonld.event_jsonld(event, language),
        "occurrences": list(event.occurrences.filter(end__gt=timezone.now())[:12]),
        "cancelled": list(event.cancelled_dates.all()),
        "calendars": [
            listing.body for listing in event.listings.filter(status=ListingStatus.APPROVED).select_related("body")
        ],
        "can_change": request.user.has_perm("events.change_event", event),
        "is_public": event.is_public,
    }
    return render(request, "events/detail.html", context)


def event_ics(request, slug):
    event = _visible_event(request, slug)
    if not event.is_public:
        raise Http404
    body = ics.calendar(queries.feed_rows(Event.objects.filter(pk=event.pk)), name=event.name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _feed_form(request):
    form = CalendarFilterForm(request.GET)
    if not form.is_valid():
        return form, HttpResponseBadRequest(form.error_text(), content_type="text/plain; charset=utf-8")
    return form, None


def feed_ics(request):
    """The iCalendar feed of any filter combination, for a phone's or a web site's calendar: the
    events from 30 days ago (or the chosen start) for a year (or to the chosen end), at most
    queries.FEED_LIMIT (200) of them, the first first; a series is one event with its dates."""
    form, refusal = _feed_form(request)
    if refusal:
        return refusal
    first, last = form.range(_today() - dt.timedelta(days=30), FEED_DAYS)
    events = queries.feed_events(queries.Criteria.from_form(form.cleaned_data), first, last)
    body = form.cleaned_data.get("body")
    name = _("Events: %(name)s") % {"name": body.name} if body else _("Events")
    response = HttpResponse(ics.calendar(events, name=name), content_type="text/calendar; charset=utf-8")
    return response


class EventFeed(Feed):
    """RSS 2.0 of the coming events of a filter combination."""

    def get_object(self, request):
        return request._events_form

    def title(self, form):
        body = form.cleaned_data.get("body")
        return _("Events: %(name)s") % {"name": body.name} if body else _("Events")

    def link(self, form):
        return reverse("events:calendar") + ("?" + urlencode(_clean_query(form)) if _clean_query(form) else "")

    def description(self, form):
        return _("Events of NGOs and public bodies, free to announce.")

    def items(self, form):
        first, last = form.range(_today(), FEED_DAYS)
        return queries.feed_events(queries.Criteria.from_form(form.cleaned_data), first, last, limit=100)

    def item_title(self, item):
        when = item.start
        prefix = f"{item.get_status_display()}: " if item.status != EventStatus.PUBLISHED else ""
        return f"{prefix}{item.name} ({when.day}.{when.month}.{when.year})"

    def item_description(self, item):
        """When and where first (a reader shows only this), then the short description."""
        start = item.start
        when = f"{start.day}.{start.month}.{start.year}" + ("" if item.all_day else f" {start:%H.%M}")
        lead = " · ".join(p for p in (when, item.place) if p)
        return f"{lead}. {item.text}" if item.text else lead

    def item_link(self, item):
        return reverse("events:detail", kwargs={"slug": item.slug})

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False


def _clean_query(form) -> dict:
    return {key: value for key, value in form.data.items() if value not in ("", None)}


def feed_rss(request):
    form, refusal = _feed_form(request)
    if refusal:
        return refusal
    request._events_form = form
    return EventFeed()(request)


@xframe_options_exempt
def embed(request):
    """A small page of coming events for an iframe on an NGO's or a municipality's own site: the only
    page of Kumppani that another site may frame. It also shows the HTML of the script-free snippet
    to copy (see embed_snippet)."""
    form, refusal = _feed_form(request)
    if refusal:
        return refusal
    first, last = form.range(_today(), LIST_DAYS)
    items = queries.first_occurrences(queries.Criteria.from_form(form.cleaned_data), first, last, EMBED_COUNT)
    _label_items(items)
    query = urlencode(_clean_query(form))
    # The snippet's address has no language prefix: each visitor is sent on to their own language.
    neutral_path = request.path.removeprefix(f"/{get_language()}")
    snippet = _snippet(request, items[:SNIPPET_COUNT], query)
    snippet_url = reverse("events:embed_snippet") + (f"?{query}" if query else "")
    context = {
        "items": items,
        "query": query,
        "neutral_path": neutral_path,
        "snippet": snippet,
        "snippet_url": request.build_absolute_uri(snippet_url),
    }
    return render(request, "events/embed.html", context)


def embed_snippet(request):
    """The coming events as a small fragment of plain HTML, no script and no frame, for a site that
    takes only HTML (a municipality's publishing system, an NGO's newsletter): pasted as it is, in
    the language of the address (/fi/ or /sv/). Being static, it shows the events of the day it was
    copied; the iframe stays current."""
    form, refusal = _feed_form(request)
    if refusal:
        return refusal
    first, last = form.range(_today(), LIST_DAYS)
    items = queries.first_occurrences(queries.Criteria.from_form(form.cleaned_data), first, last, SNIPPET_COUNT)
    _label_items(items)
    snippet = _snippet(request, items, urlencode(_clean_query(form)))
    return HttpResponse(snippet, content_type="text/html; charset=utf-8")


def _snippet(request, items, query: str) -> str:
    site = f"{request.scheme}://{request.get_host()}"
    calendar_url = site + reverse("events:calendar") + (f"?{query}" if query else "")
    context = {"items": items, "site": site, "calendar_url": calendar_url}
    return render_to_string("events/embed_snippet.html", context, request=request).strip()
