"""The public activity directory and an activity's own page. Anyone may read them, no sign-in."""

import dataclasses

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from kumppani.activities import jsonld, queries
from kumppani.activities.client_lists import services as client_lists
from kumppani.activities.filters import TIME_OF_DAY_CHOICES, ActivityFilterForm
from kumppani.activities.models import Activity, ActivityStatus, ActivityType, Weekday
from kumppani.core import pagecache, search
from kumppani.core import pages as core_pages
from kumppani.core.chips import active_filters
from kumppani.core.models import Language, Term, Vocabulary
from kumppani.organisations.forms import body_options_html

PAGE_SIZE = 20


def directory(request):
    """The activity directory. Identical searches by visitors without a session come from the cache,
    keyed by the activities' and the NGOs' version, so a change shows at once."""
    return pagecache.cached_page(
        request, name="activities", version=queries.catalogue_version, build=lambda **kw: _directory(request, **kw)
    )


def _directory(request, csrf_token=None):
    """Search words, filters with counts, ordering and pages."""
    form = ActivityFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        messages.warning(request, _("Some of the filters were not understood and were left out."))
    data = form.cleaned_data if form.is_bound else {}
    criteria = form.criteria() if form.is_bound else queries.Criteria()
    sort = data.get("sort") or ("relevance" if criteria.query else "fresh")
    if sort == "relevance" and not criteria.query:
        sort = "fresh"
    criteria = queries.look_up_words(criteria, ranked=sort == "relevance")
    language = get_language()
    now = timezone.now()
    # The counts, the results' set and their order from the catalogue's bit sets; the page from the database.
    index = queries.catalogue_index()
    facets, results = queries.counted_facets(criteria, now=now, index=index)
    if sort == "relevance":
        found = queries.ranked_pks(index, results, criteria, language=language, now=now)
    else:
        found = queries.ordered(index, results, sort, language=language)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = queries.listing(Activity.objects.all(), page.object_list)
    collected = client_lists.collected_ids(request.session) if request.session.session_key else []
    context = {
        "form": form,
        "page": page,
        "query": criteria.query,
        "sort": sort,
        "facets": facets,
        "body_options": body_options_html(data.get("body", "")),
        "theme_facets": _term_facets(Vocabulary.THEME, facets["themes"]),
        "target_facets": _term_facets(Vocabulary.TARGET_GROUP, facets["target_groups"]),
        "language_facets": [(lang, facets["languages"].get(lang.pk, 0)) for lang in Language.objects.all()],
        "kind_facets": [(value, label, facets["kinds"].get(value, 0)) for value, label in ActivityType.choices],
        "weekday_facets": [(value, label, facets["weekdays"].get(value, 0)) for value, label in Weekday.choices],
        "time_facets": [(value, label, facets["times"].get(value, 0)) for value, label in TIME_OF_DAY_CHOICES],
        "selected": {
            "theme": {t.slug for t in criteria.themes},
            "target": {t.slug for t in criteria.target_groups},
            "language": {lang.code for lang in criteria.languages},
            "kind": set(criteria.kinds),
            "weekday": set(criteria.weekdays),
            "time": set(criteria.times),
        },
        "collected": set(collected),
        "collected_count": len(collected),
        "next_url": request.get_full_path(),
    }
    nearby = _nearby(request, criteria, now) if not facets["total"] else []
    context.update(_filters_and_alternatives(request, form, criteria.query, page.paginator.count, nearby))
    if csrf_token is not None:
        context["csrf_token"] = csrf_token
    return render(request, "activities/search/directory.html", context)


def _filters_and_alternatives(request, form, query: str, count: int, nearby: list | None = None) -> dict:
    """The active filters as chips and, when nothing was found, what to try instead: spellings like
    known words, the same words in the other directories (with how many each finds), the
    neighbouring area and removing each filter; the filters' own boxes are left out, empty."""
    chips = active_filters(form, request.GET)
    if count:
        return {"chips": chips, "show_filters": True}
    params = request.GET.copy()
    params.pop("page", None)
    suggestions = []
    for text in search.spelling_suggestions(query) if query else []:
        params["q"] = text
        suggestions.append((text, f"?{params.urlencode()}"))
    if query:
        elsewhere = core_pages.found_elsewhere(query, exclude="activities")
    else:
        elsewhere = [(_("All NGOs"), reverse("organisations:directory"))]
    kept = [
        (name, value)
        for name in request.GET
        if name not in ("q", "body", "page", "sort")
        for value in request.GET.getlist(name)
        if value
    ]
    return {
        "chips": chips,
        "suggestions": suggestions,
        "elsewhere": elsewhere,
        "nearby": nearby or [],
        "show_filters": False,
        "kept_filters": kept,
    }


def _nearby(request, criteria: queries.Criteria, now) -> list[tuple[str, str]]:
    """The same search in the chosen municipality's wellbeing services county, when it finds something there."""
    body = criteria.body
    county = body.county if body is not None and body.county_id else None
    if county is None:
        return []
    wider = dataclasses.replace(criteria, body=county)
    found = queries.matching_bits(queries.catalogue_index(), wider, now=now).bit_count()
    if not found:
        return []
    params = request.GET.copy()
    params.pop("page", None)
    params["body"] = county.slug
    label = ngettext("%(count)s activity in %(area)s", "%(count)s activities in %(area)s", found) % {
        "count": found,
        "area": county.name,
    }
    return [(label, f"?{params.urlencode()}")]


def _term_facets(vocabulary: str, counts: dict[int, int]) -> list[tuple[Term, int]]:
    return [(term, counts.get(term.pk, 0)) for term in Term.objects.filter(vocabulary=vocabulary)]


def detail(request, slug):
    """Everything about one activity. Paused and ended activities still answer, with a notice, so
    that old links and printed lists lead somewhere; those of a merged or dissolved NGO do not."""
    activity = queries.with_detail_relations(queries.public_activities().filter(slug=slug)).first()
    if activity is None:
        raise Http404
    collected = client_lists.collected_ids(request.session) if request.session.session_key else []
    return render(
        request,
        "activities/search/detail.html",
        {
            "activity": activity,
            "is_active": activity.status == ActivityStatus.ACTIVE,
            "collected": set(collected),
            "collected_count": len(collected),
            "next_url": request.get_full_path(),
            "can_edit": request.user.is_authenticated and request.user.has_perm("activities.change_activity", activity),
            "jsonld": jsonld.activity(request, activity),
        },
    )
