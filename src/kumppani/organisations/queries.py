"""Reading the register: public lists, a body's NGOs, facets. Each returns a queryset or a fixed
number of queries, whatever the size of the register."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet

from kumppani.core import search
from kumppani.core.models import Language, PublicBody, Term
from kumppani.organisations.models import Membership, MembershipRequest, Organisation, OrganisationStatus


def name_order(language: str | None, *, descending: bool = False) -> str:
    """ORDER BY field for NGO names in a language: å, ä and ö after z, Finnish where no translation."""
    field = f"sort_key_{language if language in ('fi', 'sv', 'en') else 'fi'}"
    return f"-{field}" if descending else field


def register_version() -> str:
    """Changes whenever any NGO is added, changed or removed: the count and the last change.

    One statement of two subqueries, each answered from an index alone, where a single aggregate
    of both would read the whole table on PostgreSQL."""
    table = connection.ops.quote_name(Organisation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT COUNT(*) FROM {table}), (SELECT MAX(updated_at) FROM {table})")
        return "-".join(str(value) for value in cursor.fetchone())


# Which NGOs the public sees. The one definition: every public list, page and open data file, the
# activities of the public NGOs included, is read through these three.


def public_organisations() -> QuerySet[Organisation]:
    """NGOs shown to the public (directory, API list, open data): not merged away, not dissolved."""
    return Organisation.objects.filter(merged_into__isnull=True).exclude(status=OrganisationStatus.DISSOLVED)


def hidden_organisations() -> QuerySet[Organisation]:
    """The NGOs public_organisations() leaves out: merged into another or dissolved.

    A short list, so "not of a hidden NGO" is a cheap subquery for the lists of activities, where a
    join to the NGOs would make the database read every activity before it can page."""
    return Organisation.objects.filter(Q(merged_into__isnull=False) | Q(status=OrganisationStatus.DISSOLVED))


def unmerged_organisations() -> QuerySet[Organisation]:
    """NGOs that are entries of their own, dissolved ones included: a merged NGO is only a pointer
    to the one it was merged into. An NGO's own address, its representatives' pages and the
    coordinators' lists keep a dissolved NGO (its status tells)."""
    return Organisation.objects.filter(merged_into__isnull=True)


def serving_body(queryset: QuerySet[Organisation], body: PublicBody) -> QuerySet[Organisation]:
    """NGOs that serve the body's residents (PublicBody.area_body_ids: a municipality's residents are
    also served by NGOs working for its whole county; a county's by NGOs working in any of its
    municipalities)."""
    return queryset.filter(
        pk__in=Organisation.areas.through.objects.filter(publicbody_id__in=body.area_body_ids()).values(
            "organisation_id"
        )
    )


def _listing_prefetches(*, as_lists: bool, languages: bool = True) -> list[Prefetch]:
    """What a list row shows: into the related managers, or (as_lists) as plain lists theme_list,
    target_group_list, area_list and language_list."""

    def prefetch(relation: str, queryset, attr: str) -> Prefetch:
        return Prefetch(relation, queryset=queryset, to_attr=attr if as_lists else None)

    areas = PublicBody.objects.only("id", "slug", "name", "name_fi", "name_sv", "name_en", "kind", "county_id")
    found = [
        prefetch("themes", Term.objects.order_by("position"), "theme_list"),
        prefetch("target_groups", Term.objects.order_by("position"), "target_group_list"),
        prefetch("areas", areas, "area_list"),
    ]
    if languages:
        found.append(prefetch("languages", Language.objects.order_by("position"), "language_list"))
    return found


def with_listing_relations(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Everything a list row shows, fetched in a fixed number of queries."""
    return queryset.prefetch_related(*_listing_prefetches(as_lists=False))


def with_listing_lists(queryset: QuerySet[Organisation], *, languages: bool = True) -> QuerySet[Organisation]:
    """As with_listing_relations, but each relation as a plain list (theme_list, target_group_list,
    area_list and, unless left out, language_list): a prefetch into the related managers builds a
    query set per NGO and relation, a large part of a list's time."""
    return queryset.prefetch_related(*_listing_prefetches(as_lists=True, languages=languages))


def facet_counts(queryset: QuerySet[Organisation]) -> dict[str, dict[int, int]]:
    """How many of the matching NGOs have each theme, target group and language (three queries)."""
    ids = queryset.values("pk")
    through_theme = Organisation.themes.through.objects.filter(organisation_id__in=ids)
    through_target = Organisation.target_groups.through.objects.filter(organisation_id__in=ids)
    through_language = Organisation.languages.through.objects.filter(organisation_id__in=ids)
    return {
        "themes": dict(through_theme.values_list("term_id").annotate(n=Count("organisation_id")).order_by()),
        "target_groups": dict(through_target.values_list("term_id").annotate(n=Count("organisation_id")).order_by()),
        "languages": dict(through_language.values_list("language_id").annotate(n=Count("organisation_id")).order_by()),
    }


@dataclass(frozen=True)
class RegisterIndex:
    """The public NGOs as bit sets (core.search.to_bits): who they are, which are active, and who has
    each area, theme, target group and language; and the orders its lists offer."""

    public: int
    active: int
    statuses: dict[str, int]
    verified: int
    areas: dict[int, int]
    themes: dict[int, int]
    target_groups: dict[int, int]
    languages: dict[int, int]
    # The public NGOs in each order the lists offer, by its ORDER BY field ("sort_key_fi",
    # "-sort_key_sv", "-updated_at", …; then by id), so that a page of any matches comes without a query.
    orders: dict[str, search.Order]


def _grouped(rows) -> dict[int, int]:
    groups: dict[int, list[int]] = {}
    for pk, value in rows:
        groups.setdefault(value, []).append(pk)
    return {value: search.to_bits(pks) for value, pks in groups.items()}


ORDER_FIELDS = ("sort_key_fi", "sort_key_sv", "sort_key_en", "updated_at")


def _orders(rows: list[tuple]) -> dict[str, search.Order]:
    """{field and -field of ORDER_FIELDS: the Order of `rows` (id first, then those fields) by it, then by id}."""
    by_id = sorted(rows)
    orders = {}
    for n, name in enumerate(ORDER_FIELDS, start=1):
        # Stable sorts: NGOs of the same name (or moment) stay in the order of their ids either way.
        orders[name] = search.Order([row[0] for row in sorted(by_id, key=lambda row: row[n])])
        orders[f"-{name}"] = search.Order([row[0] for row in sorted(by_id, key=lambda row: row[n], reverse=True)])
    return orders


def _build_register_index() -> RegisterIndex:
    rows = list(public_organisations().values_list("pk", "status", "verified_at", *ORDER_FIELDS))
    through = Organisation.themes.through.objects
    return RegisterIndex(
        public=search.to_bits(row[0] for row in rows),
        active=search.to_bits(row[0] for row in rows if row[1] == OrganisationStatus.ACTIVE),
        statuses=_grouped((row[0], row[1]) for row in rows),
        verified=search.to_bits(row[0] for row in rows if row[2] is not None),
        areas=_grouped(Organisation.areas.through.objects.values_list("organisation_id", "publicbody_id")),
        themes=_grouped(through.values_list("organisation_id", "term_id")),
        target_groups=_grouped(Organisation.target_groups.through.objects.values_list("organisation_id", "term_id")),
        languages=_grouped(Organisation.languages.through.objects.values_list("organisation_id", "language_id")),
        orders=_orders([(row[0], *row[3:]) for row in rows]),
    )


def register_index() -> RegisterIndex:
    """The register's bit sets, read again whenever an NGO is added, changed or removed (six queries
    then, one otherwise)."""
    return search.versioned_index("organisations", register_version(), _build_register_index)


def directory_matches(
    index: RegisterIndex,
    *,
    include_dormant: bool = False,
    body: PublicBody | None = None,
    themes=(),
    target_groups=(),
    languages=(),
    ranks: dict | None = None,
) -> int:
    """The bit set of the public NGOs that meet the directory's filters: active ones (dormant too
    with `include_dormant`), serving the body's residents (serving_body), with every chosen theme,
    target group and language, and among the search matches `ranks` (core.search.relevance)."""
    matches = index.public if include_dormant else index.active
    if body is not None:
        ids = body.area_body_ids()  # a county's is a subquery
        ids = ids.values_list("pk", flat=True) if isinstance(ids, QuerySet) else ids
        matches &= search.union(index.areas.get(pk, 0) for pk in ids)
    for term in themes:
        matches &= index.themes.get(term.pk, 0)
    for term in target_groups:
        matches &= index.target_groups.get(term.pk, 0)
    for language in languages:
        matches &= index.languages.get(language.pk, 0)
    if ranks is not None:
        matches &= search.to_bits(ranks)
    return matches


def api_matches(index: RegisterIndex, data: dict, ranks: dict | None) -> int:
    """The bit set of the NGOs the API list's filters (organisations.api.OrganisationFilter, its
    cleaned data) choose from the public ones: dormant ones too, unless a status is chosen."""
    matches = directory_matches(
        index,
        include_dormant=True,
        body=data.get("body"),
        themes=data.get("theme") or (),
        target_groups=data.get("target_group") or (),
        languages=data.get("language") or (),
        ranks=ranks,
    )
    if data.get("status"):
        matches &= index.statuses.get(data["status"], 0)
    if data.get("verified") is not None:
        matches &= index.verified if data["verified"] else ~index.verified
    return matches


def facet_counts_of(index: RegisterIndex, matches: int) -> dict[str, dict[int, int]]:
    """facet_counts() of the NGOs in the bit set `matches`, without a query."""
    return {
        name: {pk: n for pk, bits in getattr(index, name).items() if (n := (matches & bits).bit_count())}
        for name in ("themes", "target_groups", "languages")
    }


def ranked(index: RegisterIndex, matches: int, ranks: dict, *, tiebreak: str) -> list[int]:
    """The NGOs of `matches` best match first, then by `tiebreak` (a sort key field): the order of
    core.search.ranked_pks, without a query."""
    places = index.orders[tiebreak].places

    def order(pk):
        return (*search.sort_key(ranks.get(pk, search.NO_MATCH)), places[pk])

    return sorted(search.members(matches), key=order)


def ordered(index: RegisterIndex, matches: int, field: str) -> search.Ordered:
    """The NGOs of `matches` ordered by `field` (one of ORDER_FIELDS, "-" before it for the
    reverse), then by id, for a paginator."""
    return search.Ordered(index.orders[field], matches, matches.bit_count())


def in_care_of(bodies) -> QuerySet[Organisation]:
    """The unmerged NGOs in the care of any of `bodies`: those with an area for which one of them
    is responsible (PublicBody.responsible_body_ids: the area itself or its county). So a county's
    officials care for the NGOs of its municipalities, a municipality's not for county-wide ones."""
    ids = [body.pk for body in bodies]
    areas = PublicBody.objects.filter(Q(pk__in=ids) | Q(county_id__in=ids)).values("pk")
    return unmerged_organisations().filter(
        pk__in=Organisation.areas.through.objects.filter(publicbody_id__in=areas).values("organisation_id"),
    )


def coordinator_overview(user) -> list[dict]:
    """For each body the user coordinates: NGOs to verify, pending requests, recent changes and counts."""
    from kumppani.core.rules import coordinated_body_ids

    bodies = PublicBody.objects.filter(pk__in=coordinated_body_ids(user)).order_by("name")
    overview = []
    for body in bodies:
        organisations = in_care_of([body])
        counts = organisations.aggregate(
            total=Count("pk"),
            active=Count("pk", filter=Q(status=OrganisationStatus.ACTIVE)),
            dormant=Count("pk", filter=Q(status=OrganisationStatus.DORMANT)),
            unverified=Count("pk", filter=Q(verified_at__isnull=True) & ~Q(status=OrganisationStatus.DISSOLVED)),
        )
        overview.append(
            {
                "body": body,
                "counts": counts,
                "to_verify": organisations.filter(verified_at__isnull=True)
                .exclude(status=OrganisationStatus.DISSOLVED)
                .order_by("-created_at")[:20],
                "recent": organisations.order_by("-updated_at")[:10],
                "requests": MembershipRequest.objects.filter(status="pending", organisation__in=organisations)
                .select_related("user", "organisation")
                .order_by("created_at"),
            }
        )
    return overview


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__full_name")


def search_found(query: str, limit: int, *, language: str | None) -> tuple[int, list[Organisation]]:
    """The active public NGOs whose texts match `query`, as the directory finds them: how many, and
    the best `limit` in the directory's order with their areas. Two queries with the register's
    bit sets built (its version and the words), two more with NGOs to show."""
    from kumppani.organisations.services import SEARCH_KIND

    if not search.query_groups(query):
        return 0, []
    ranks = search.look_up(SEARCH_KIND, query, ranked=bool(limit))  # only the count needs no order
    index = register_index()
    matches = directory_matches(index, ranks=ranks)
    total = matches.bit_count()
    if not limit or not total:
        return total, []
    pks = ranked(index, matches, ranks, tiebreak=name_order(language))[:limit]
    return total, search.in_order(Organisation.objects.prefetch_related("areas"), pks)
