"""Reading the activities for residents and professionals: the public set, the filters, facet counts
and ranking. Each function issues a fixed number of queries, whatever the number of activities."""

import array
import bisect
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from kumppani.activities.indexing import SEARCH_KIND
from kumppani.activities.models import (
    STALE_AFTER,
    Activity,
    ActivityStatus,
    Place,
    ScheduleException,
    ScheduleRule,
)
from kumppani.core import search
from kumppani.core.models import Language, PublicBody, Term
from kumppani.core.related import attach_many
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import hidden_organisations

# Times of day by the hours a meeting overlaps: a group from 16 to 18 is both afternoon and evening.
NOON, EVENING = dt.time(12), dt.time(17)
TIMES_OF_DAY = {
    "morning": Q(start_time__lt=NOON),
    "afternoon": Q(start_time__lt=EVENING, end_time__gt=NOON),
    "evening": Q(end_time__gt=EVENING),
}

# How alike two names must be (difflib's ratio) for a new activity to be asked "is this a different one?".
DUPLICATE_RATIO = 0.85

# How much a verified NGO and a recent confirmation lift a text match (multipliers of the text rank).
VERIFIED_BOOST = 0.3
FRESH_BOOST = 0.3


def stale_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Activities confirmed before this are stale: they leave the default results."""
    return (now or timezone.now()) - STALE_AFTER


# Which activities the public sees: three sets, each inside the one before. The NGOs come from
# organisations.queries (public_organisations); "not of a hidden NGO" is a subquery, not a join,
# so that a list is answered from the activity_listing_idx index alone and pages without sorting.


def public_activities() -> QuerySet[Activity]:
    """Every activity of a public NGO, whatever its status: its own page answers (a paused or an
    ended one with a notice, so that old links and printed lists lead somewhere)."""
    return Activity.objects.exclude(organisation_id__in=hidden_organisations().values("pk"))


def published_activities() -> QuerySet[Activity]:
    """The public activities in the open data (HSDS): those that have not ended."""
    return public_activities().exclude(status=ActivityStatus.ENDED)


def listed_activities() -> QuerySet[Activity]:
    """The public activities a resident can find and join: active ones (the directory with its
    filters, client lists, service paths)."""
    return public_activities().filter(status=ActivityStatus.ACTIVE)


def current_activities(now: dt.datetime | None = None) -> QuerySet[Activity]:
    """The listed activities in the default search results and on the NGO's profile: confirmed
    within a year (stale_cutoff)."""
    return listed_activities().filter(confirmed_at__gte=stale_cutoff(now))


def catalogue_version() -> str:
    """Changes whenever an activity or an NGO is added, changed, confirmed or removed (cache keys).

    One statement of separate subqueries: each count and maximum is then read from an index,
    where a single aggregate over both would scan the table."""
    activity, organisation = Activity._meta.db_table, Organisation._meta.db_table
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT COUNT(*) FROM {quote(activity)})",
        f"(SELECT MAX(updated_at) FROM {quote(activity)})",
        f"(SELECT MAX(confirmed_at) FROM {quote(activity)})",
        f"(SELECT COUNT(*) FROM {quote(organisation)})",
        f"(SELECT MAX(updated_at) FROM {quote(organisation)})",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return "-".join(str(value) for value in cursor.fetchone())


def open_to_residents_of(queryset: QuerySet[Activity], body: PublicBody) -> QuerySet[Activity]:
    """The activities a body's residents may join (PublicBody.area_body_ids): a municipality's own and
    its county's (a county-wide activity is open in each of its municipalities); for a county (or
    Helsinki, which is its own county) its own and those of all its municipalities."""
    return queryset.filter(
        pk__in=Activity.areas.through.objects.filter(publicbody_id__in=body.area_body_ids()).values("activity_id")
    )


@dataclass
class Criteria:
    """What a resident asked for. Within themes and target groups every chosen term must match;
    within types, languages, weekdays and times of day any of the chosen ones will do."""

    query: str = ""
    body: PublicBody | None = None
    themes: list[Term] = field(default_factory=list)
    target_groups: list[Term] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    weekdays: list[int] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    free: bool = False
    online: bool = False
    accessible: bool = False
    include_stale: bool = False
    # {activity id: text rank} of the search words, looked up once by look_up_words(); whether the
    # ranks are scores (else each match has the same rank: enough for any order but relevance).
    text_ranks: dict[int, search.Rank] | None = None
    text_ranked: bool = False


# Up to this many text matches are passed to the counts as a list of ids; more run the full-text
# search inside each count instead.
TEXT_MATCHES_AS_IDS = 2000


def look_up_words(criteria: Criteria, *, ranked: bool = True) -> Criteria:
    """Run the full-text search once: its ranks order the results, and when the matches are few
    their ids stand in for the full-text subquery in each of the facet counts. Not `ranked`: the
    matches without their scores, for results in another order (scoring was most of the match's time)."""
    if criteria.query and (criteria.text_ranks is None or (ranked and not criteria.text_ranked)):
        criteria.text_ranks = search.look_up(SEARCH_KIND, criteria.query, ranked=ranked) or {}
        criteria.text_ranked = ranked
    return criteria


def _rule_condition(criteria: Criteria, *, weekdays: bool = True, times: bool = True) -> Q:
    """Weekday and time of day apply to the same regular time: "Tuesday evening"."""
    condition = Q()
    if weekdays and criteria.weekdays:
        condition &= Q(weekday__in=criteria.weekdays)
    if times and criteria.times:
        any_time = Q()
        for name in criteria.times:
            any_time |= TIMES_OF_DAY[name]
        condition &= any_time
    return condition


def matching(criteria: Criteria, *, ignore: Collection[str] = (), now: dt.datetime | None = None) -> QuerySet[Activity]:
    """The listed activities that meet every criterion but those named in `ignore` ("kinds",
    "languages", "schedule", "stale"): a facet of alternatives counts what choosing one more
    alternative would add."""
    activities = listed_activities() if criteria.include_stale or "stale" in ignore else current_activities(now)
    if criteria.body is not None:
        activities = open_to_residents_of(activities, criteria.body)
    for term in criteria.themes:
        activities = activities.filter(pk__in=Activity.themes.through.objects.filter(term=term).values("activity_id"))
    for term in criteria.target_groups:
        activities = activities.filter(
            pk__in=Activity.target_groups.through.objects.filter(term=term).values("activity_id")
        )
    if criteria.kinds and "kinds" not in ignore:
        activities = activities.filter(kind__in=criteria.kinds)
    if criteria.languages and "languages" not in ignore:
        activities = activities.filter(
            pk__in=Activity.languages.through.objects.filter(language__in=criteria.languages).values("activity_id")
        )
    if (criteria.weekdays or criteria.times) and "schedule" not in ignore:
        activities = activities.filter(
            pk__in=ScheduleRule.objects.filter(_rule_condition(criteria)).values("activity_id")
        )
    if criteria.free:
        activities = activities.filter(is_free=True)
    if criteria.online:
        activities = activities.filter(is_online=True)
    if criteria.accessible:
        activities = activities.filter(is_accessible=True)
    if criteria.query:
        if criteria.text_ranks is not None and len(criteria.text_ranks) <= TEXT_MATCHES_AS_IDS:
            activities = activities.filter(pk__in=list(criteria.text_ranks))
        else:
            activities = search.filter_matching(activities, SEARCH_KIND, criteria.query)
    return activities


def facet_counts(criteria: Criteria, *, now: dt.datetime | None = None) -> dict:
    """How many matching activities each choice of the filters would show, in six aggregate queries.

    Themes, target groups and the yes/no filters count within the results; types, languages,
    weekdays and times of day count as if their own choice were not made yet, so that a second
    alternative can be added. `total` is the number of results, `stale` how many more there are
    that are hidden as unconfirmed.
    """
    now = now or timezone.now()
    results = matching(criteria, now=now).values("pk")
    # One pass per type over the results without the type and staleness filters gives the type
    # facet, the total, the hidden stale ones and the yes/no counts.
    shown = Q() if criteria.include_stale else Q(confirmed_at__gte=stale_cutoff(now))
    by_kind = {
        row["kind"]: row
        for row in matching(criteria, ignore={"kinds", "stale"}, now=now)
        .values("kind")
        .annotate(
            shown=Count("pk", filter=shown),
            stale=Count("pk", filter=Q(confirmed_at__lt=stale_cutoff(now))),
            free=Count("pk", filter=shown & Q(is_free=True)),
            online=Count("pk", filter=shown & Q(is_online=True)),
            accessible=Count("pk", filter=shown & Q(is_accessible=True)),
        )
        .order_by()
    }
    chosen = [row for kind, row in by_kind.items() if not criteria.kinds or kind in criteria.kinds]
    totals = {key: sum(row[key] for row in chosen) for key in ("shown", "stale", "free", "online", "accessible")}
    by_theme = Activity.themes.through.objects.filter(activity_id__in=results)
    by_target = Activity.target_groups.through.objects.filter(activity_id__in=results)
    language_base = matching(criteria, ignore={"languages"}, now=now).values("pk") if criteria.languages else results
    by_language = Activity.languages.through.objects.filter(activity_id__in=language_base)
    schedule_base = (
        matching(criteria, ignore={"schedule"}, now=now).values("pk")
        if criteria.weekdays or criteria.times
        else results
    )
    rules = ScheduleRule.objects.filter(activity_id__in=schedule_base)
    by_weekday = rules.filter(_rule_condition(criteria, weekdays=False))
    by_time = rules.filter(_rule_condition(criteria, times=False)).aggregate(
        **{name: Count("activity_id", distinct=True, filter=q) for name, q in TIMES_OF_DAY.items()}
    )
    return {
        "total": totals["shown"],
        "stale": 0 if criteria.include_stale else totals["stale"],
        "free": totals["free"],
        "online": totals["online"],
        "accessible": totals["accessible"],
        "kinds": {kind: row["shown"] for kind, row in by_kind.items()},
        "themes": dict(by_theme.values_list("term_id").annotate(n=Count("activity_id")).order_by()),
        "target_groups": dict(by_target.values_list("term_id").annotate(n=Count("activity_id")).order_by()),
        "languages": dict(by_language.values_list("language_id").annotate(n=Count("activity_id")).order_by()),
        "weekdays": dict(by_weekday.values_list("weekday").annotate(n=Count("activity_id", distinct=True)).order_by()),
        "times": by_time,
    }


# Facet counts from bit sets (core.search.to_bits): the same numbers as facet_counts() above, counted
# in memory, so that a search over thousands of matches does not run the search again in six
# aggregate queries. The results themselves are still read, ordered and paged in the database.

# (name, does a regular time of `start`–`end` fall in it), as TIMES_OF_DAY says it in SQL.
_TIME_TESTS = {
    "morning": lambda start, end: start < NOON,
    "afternoon": lambda start, end: start < EVENING and end > NOON,
    "evening": lambda start, end: end > EVENING,
}


@dataclass
class CatalogueIndex:
    """The listed activities as bit sets: who has each area, theme, target group, type, language,
    weekday and time of day; which are free, online and accessible; and when each was confirmed.
    The published ones too (paused ones with them), which the open data (HSDS) counts. A set of
    all activities with a value (an area, a theme, a type…) is meant to be narrowed to these."""

    published: int
    listed: int
    areas: dict[int, int]
    themes: dict[int, int]
    target_groups: dict[int, int]
    languages: dict[int, int]
    kinds: dict[str, int]
    free: int
    online: int
    accessible: int
    days: dict[int, int]  # a regular time on the weekday
    times: dict[str, int]  # a regular time in the time of day
    day_times: dict[tuple[int, str], int]  # both in the same regular time
    confirmed: list[tuple[dt.datetime, int]]  # (confirmed_at, id), oldest first
    # For ordering in memory (core.search.Order): each activity's confirmation in microseconds and
    # whether its NGO is verified, by id; and the orders of the pages in each language.
    confirmed_us: array.array
    verified: bytearray
    by_name: dict[str, search.Order]  # by name in the language, then id
    by_freshness: dict[str, search.Order]  # the most recently confirmed first, then by name
    _stale: dict[int, int] = field(default_factory=dict)

    def stale(self, cutoff: dt.datetime) -> int:
        """The listed activities confirmed before `cutoff`."""
        position = bisect.bisect_left(self.confirmed, (cutoff, -1))
        if position not in self._stale:
            self._stale = {position: search.to_bits(pk for _at, pk in self.confirmed[:position])}
        return self._stale[position]


def _grouped(rows) -> dict:
    groups: dict = {}
    for pk, value in rows:
        groups.setdefault(value, []).append(pk)
    return {value: search.to_bits(pks) for value, pks in groups.items()}


def _microseconds(moment: dt.datetime) -> int:
    return (moment - _EPOCH) // dt.timedelta(microseconds=1)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_LANGUAGES = ("fi", "sv", "en")


def _build_catalogue_index() -> CatalogueIndex:
    fields = ("pk", "kind", "is_free", "is_online", "is_accessible", "confirmed_at", "organisation__verified_at")
    sort_keys = [f"sort_key_{language}" for language in _LANGUAGES]
    published = list(published_activities().values_list(*fields, *sort_keys, "status"))
    rows = [row for row in published if row[-1] == ActivityStatus.ACTIVE]
    rules = list(ScheduleRule.objects.values_list("activity_id", "weekday", "start_time", "end_time"))
    size = max((row[0] for row in rows), default=0) + 1
    confirmed_us, verified = array.array("q", [0]) * size, bytearray(size)
    for row in rows:
        confirmed_us[row[0]] = _microseconds(row[5])
        verified[row[0]] = row[6] is not None
    by_name, by_freshness = {}, {}
    for n, language in enumerate(_LANGUAGES):
        named = sorted(rows, key=lambda row: (row[7 + n], row[0]))
        by_name[language] = search.Order([row[0] for row in named])
        # A stable sort keeps the name order among activities confirmed at the same moment.
        by_freshness[language] = search.Order([row[0] for row in sorted(named, key=lambda row: row[5], reverse=True)])
    return CatalogueIndex(
        published=search.to_bits(row[0] for row in published),
        listed=search.to_bits(row[0] for row in rows),
        areas=_grouped(Activity.areas.through.objects.values_list("activity_id", "publicbody_id")),
        themes=_grouped(Activity.themes.through.objects.values_list("activity_id", "term_id")),
        target_groups=_grouped(Activity.target_groups.through.objects.values_list("activity_id", "term_id")),
        languages=_grouped(Activity.languages.through.objects.values_list("activity_id", "language_id")),
        kinds=_grouped((row[0], row[1]) for row in published),
        free=search.to_bits(row[0] for row in rows if row[2]),
        online=search.to_bits(row[0] for row in rows if row[3]),
        accessible=search.to_bits(row[0] for row in rows if row[4]),
        days=_grouped((pk, weekday) for pk, weekday, _start, _end in rules),
        times=_grouped(
            (pk, name) for pk, _day, start, end in rules for name, test in _TIME_TESTS.items() if test(start, end)
        ),
        day_times=_grouped(
            (pk, (day, name)) for pk, day, start, end in rules for name, test in _TIME_TESTS.items() if test(start, end)
        ),
        confirmed=sorted((row[5], row[0]) for row in rows),
        confirmed_us=confirmed_us,
        verified=verified,
        by_name=by_name,
        by_freshness=by_freshness,
    )


def catalogue_index(version: str | None = None) -> CatalogueIndex:
    """The catalogue's bit sets, read again whenever an activity or an NGO changes (seven queries
    then, one otherwise; none when the caller has just read the `version`)."""
    return search.versioned_index("activities", version or catalogue_version(), _build_catalogue_index)


def _schedule_bits(index: CatalogueIndex, weekdays, times) -> int:
    """The activities with a regular time on one of `weekdays` in one of `times` (either may be empty)."""
    if weekdays and times:
        return search.union(index.day_times.get((day, name), 0) for day in weekdays for name in times)
    if weekdays:
        return search.union(index.days.get(day, 0) for day in weekdays)
    return search.union(index.times.get(name, 0) for name in times)


def _area_bits(index: CatalogueIndex, body: PublicBody) -> int:
    """The activities open to the body's residents (open_to_residents_of)."""
    ids = body.area_body_ids()  # a county's is a subquery
    ids = ids.values_list("pk", flat=True) if isinstance(ids, QuerySet) else ids
    return search.union(index.areas.get(pk, 0) for pk in ids)


def matching_bits(
    index: CatalogueIndex,
    criteria: Criteria,
    *,
    ignore: Collection[str] = (),
    now: dt.datetime | None = None,
    area: int | None = None,
) -> int:
    """matching() as a bit set, without a query but those of look_up_words(). `area` is
    _area_bits() of the criteria's body, when already known."""
    found = index.listed
    if not (criteria.include_stale or "stale" in ignore):
        found &= ~index.stale(stale_cutoff(now))
    if criteria.body is not None:
        found &= _area_bits(index, criteria.body) if area is None else area
    for term in criteria.themes:
        found &= index.themes.get(term.pk, 0)
    for term in criteria.target_groups:
        found &= index.target_groups.get(term.pk, 0)
    if criteria.kinds and "kinds" not in ignore:
        found &= search.union(index.kinds.get(kind, 0) for kind in criteria.kinds)
    if criteria.languages and "languages" not in ignore:
        found &= search.union(index.languages.get(language.pk, 0) for language in criteria.languages)
    if (criteria.weekdays or criteria.times) and "schedule" not in ignore:
        found &= _schedule_bits(index, criteria.weekdays, criteria.times)
    if criteria.free:
        found &= index.free
    if criteria.online:
        found &= index.online
    if criteria.accessible:
        found &= index.accessible
    if criteria.query:
        found &= search.to_bits(look_up_words(criteria, ranked=False).text_ranks or {})
    return found


def counted_facets(
    criteria: Criteria, *, now: dt.datetime | None = None, index: CatalogueIndex | None = None
) -> tuple[dict, int]:
    """(facet_counts(), the bit set of the results), counted from the catalogue's bit sets."""
    now = now or timezone.now()
    index = index or catalogue_index()
    area = _area_bits(index, criteria.body) if criteria.body is not None else None

    def count(bits: int) -> int:
        return bits.bit_count()

    def without(*ignore: str) -> int:
        return matching_bits(index, criteria, ignore=ignore, now=now, area=area)

    results = without()
    stale = index.stale(stale_cutoff(now))
    shown = index.listed if criteria.include_stale else index.listed & ~stale
    by_kind_base = without("kinds", "stale")
    by_kind = {}
    for kind, bits in index.kinds.items():
        of_kind = by_kind_base & bits
        if of_kind:
            shown_of_kind = of_kind & shown
            by_kind[kind] = {
                "shown": count(shown_of_kind),
                "stale": count(of_kind & stale),
                "free": count(shown_of_kind & index.free),
                "online": count(shown_of_kind & index.online),
                "accessible": count(shown_of_kind & index.accessible),
            }
    chosen = [row for kind, row in by_kind.items() if not criteria.kinds or kind in criteria.kinds]
    totals = {key: sum(row[key] for row in chosen) for key in ("shown", "stale", "free", "online", "accessible")}
    language_base = without("languages") if criteria.languages else results
    schedule_base = without("schedule") if criteria.weekdays or criteria.times else results

    def counts(groups: dict, base: int) -> dict:
        return {value: n for value, bits in groups.items() if (n := count(base & bits))}

    weekdays = {
        day: n for day in index.days if (n := count(schedule_base & _schedule_bits(index, [day], criteria.times)))
    }
    times = {name: count(schedule_base & _schedule_bits(index, criteria.weekdays, [name])) for name in TIMES_OF_DAY}
    facets = {
        "total": totals["shown"],
        "stale": 0 if criteria.include_stale else totals["stale"],
        "free": totals["free"],
        "online": totals["online"],
        "accessible": totals["accessible"],
        "kinds": {kind: row["shown"] for kind, row in by_kind.items()},
        "themes": counts(index.themes, results),
        "target_groups": counts(index.target_groups, results),
        "languages": counts(index.languages, language_base),
        "weekdays": weekdays,
        "times": times,
    }
    return facets, results


def name_order(language: str | None) -> str:
    """ORDER BY field for activity names in a language (å, ä and ö after z)."""
    return f"sort_key_{language if language in ('fi', 'sv', 'en') else 'fi'}"


def ranked_pks(
    index: CatalogueIndex, results: int, criteria: Criteria, *, language: str, now: dt.datetime | None = None
) -> list[int]:
    """The activities of the bit set `results` best first: the text match, lifted for an NGO the
    coordinator has verified and for an activity confirmed recently (fully at once, nothing after a
    year), then by name. In memory, after look_up_words()."""
    now_us = _microseconds(now or timezone.now())
    year_us = STALE_AFTER // dt.timedelta(microseconds=1)
    ranks = look_up_words(criteria).text_ranks or {}
    places, confirmed, verified = index.by_name[_language(language)].places, index.confirmed_us, index.verified

    def order(pk):
        freshness = max(0.0, 1 - (now_us - confirmed[pk]) / year_us)
        boost = 1 + (VERIFIED_BOOST if verified[pk] else 0) + FRESH_BOOST * freshness
        own_words, score = ranks.get(pk, search.NO_MATCH)
        return (not own_words, -score * boost, places[pk])

    return sorted(search.members(results), key=order)


def ordered(index: CatalogueIndex, results: int, sort: str, *, language: str) -> search.Ordered:
    """The activities of the bit set `results` by name ("name") or the most recently confirmed
    first ("fresh"), then by name, for a paginator."""
    orders = index.by_name if sort == "name" else index.by_freshness
    return search.Ordered(orders[_language(language)], results, results.bit_count())


def _language(language: str | None) -> str:
    return language if language in _LANGUAGES else "fi"


def listing(queryset: QuerySet[Activity], ids: list[int]) -> list[Activity]:
    """The activities of `ids` in `queryset`, in that order, with everything a result row shows, in
    a fixed number of queries. The languages as `language_list`, each language made once
    (core.related): Django's prefetch made one for every activity that speaks it."""
    found = search.in_order(
        queryset.select_related("organisation").prefetch_related(
            Prefetch("places", queryset=Place.objects.select_related("municipality")),
            Prefetch("schedule_rules", queryset=ScheduleRule.objects.order_by("weekday", "start_time", "pk")),
        ),
        ids,
    )
    attach_many(found, "languages", Language.objects.order_by("position"), "language_list")
    return found


def with_detail_relations(queryset: QuerySet[Activity], *, today: dt.date | None = None) -> QuerySet[Activity]:
    """Everything the activity's own page shows: also each time's place, themes, target groups,
    areas and the coming breaks."""
    today = today or timezone.localdate()
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("municipality")),
        Prefetch(
            "schedule_rules",
            queryset=ScheduleRule.objects.select_related("place").order_by("weekday", "start_time", "pk"),
        ),
        Prefetch("languages", queryset=Language.objects.order_by("position")),
        Prefetch("themes", queryset=Term.objects.order_by("position")),
        Prefetch("target_groups", queryset=Term.objects.order_by("position")),
        Prefetch("areas", queryset=PublicBody.objects.order_by("kind", "name")),
        Prefetch(
            "schedule_exceptions",
            queryset=ScheduleException.objects.filter(Q(date__gte=today) | Q(until__gte=today)).order_by("date"),
            to_attr="coming_breaks",
        ),
    )


def likely_duplicates(organisation: Organisation, name: str, *, limit: int = 3) -> list[Activity]:
    """The NGO's activities (not ended) whose Finnish name is the same as `name` or nearly so: a new
    activity of that name is probably one the NGO already has. One query; an NGO has few activities."""
    wanted = " ".join(name.casefold().split())
    if not wanted:
        return []
    found = []
    for activity in organisation.activities.exclude(status=ActivityStatus.ENDED).only("pk", "slug", "name_fi"):
        existing = " ".join((activity.name_fi or "").casefold().split())
        if existing and (existing == wanted or SequenceMatcher(None, existing, wanted).ratio() >= DUPLICATE_RATIO):
            found.append(activity)
    return found[:limit]


def search_found(
    query: str, limit: int, *, language: str, now: dt.datetime | None = None
) -> tuple[int, list[Activity]]:
    """The current activities whose texts match `query`, as the directory finds them without
    filters: how many, and the best `limit` in its order with their NGOs. Two queries with the
    catalogue's bit sets built (its version and the words), two more with activities to show."""
    if not search.query_groups(query):
        return 0, []
    now = now or timezone.now()
    criteria = look_up_words(Criteria(query=query), ranked=bool(limit))  # only the count: the matches unranked
    index = catalogue_index()
    found = matching_bits(index, criteria, now=now)
    total = found.bit_count()
    if not limit or not total:
        return total, []
    pks = ranked_pks(index, found, criteria, language=language, now=now)[:limit]
    return total, search.in_order(Activity.objects.select_related("organisation"), pks)
