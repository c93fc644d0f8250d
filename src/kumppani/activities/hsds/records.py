"""Open Referral HSDS 3.0 records of the public activities: services, organizations, locations,
services at locations, taxonomies and taxonomy terms.

One builder per HSDS object, each a plain function of rows already fetched: the querysets below
fetch every relation a record shows in a fixed number of queries, so a page of 200 records costs
what a page of 5 does. The API (hsds.views) and `kumppani export hsds` use the same builders, so
the files hold exactly what the API answers.

Identifiers are UUIDs that stay the same from one export to the next: activities, places and NGOs
have their own; everything else (taxonomy terms, schedules, addresses, …) gets a name-based UUID
(uuid5) from a fixed namespace and what it stands for.

Text is in one language (fi, sv or en; the active language), falling back to Finnish. Times of
day are local Finnish time (Europe/Helsinki): a fixed UTC offset would be wrong half of the year.

Only public data: activities that have not ended, of NGOs that are neither dissolved nor merged
into another. No named people: an activity's contact person and an NGO's contact persons stay out
of open data, which anyone may copy and keep.
"""

import contextlib
import functools
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kumppani.activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Frequency,
    Place,
    ScheduleKind,
    ScheduleRule,
)
from kumppani.activities.queries import published_activities
from kumppani.core.models import Language, PublicBody, Term, Vocabulary
from kumppani.core.related import attach_many
from kumppani.core.slugs import page_addresses
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import public_organisations

HSDS_VERSION = "3.0"
# No profile of our own: the records follow HSDS 3.0 as published.
PROFILE_URL = "https://docs.openreferral.org/en/v3.0/"
# The namespace of Kumppani's name-based identifiers. Never change it: every derived id would change.
NAMESPACE = uuid.UUID("324529c6-fa4e-482a-9a95-f753a12959bc")
_NAMESPACE_BYTES = NAMESPACE.bytes
YSO_URI = "http://www.yso.fi/onto/yso/"
ACTIVITY_TYPE = "activity_type"

# The three taxonomies: name, description and URI.
TAXONOMIES = {
    Vocabulary.THEME: (
        _("Themes"),
        _("Themes of NGO activities, each a concept of the General Finnish Ontology YSO."),
        YSO_URI,
    ),
    Vocabulary.TARGET_GROUP: (
        _("Target groups"),
        _("Whom NGO activities are for, each a concept of the General Finnish Ontology YSO."),
        YSO_URI,
    ),
    ACTIVITY_TYPE: (
        _("Types of activity"),
        _("Kinds of NGO activity, such as peer support groups, advice and meeting places."),
        "",
    ),
}
STATUS = {ActivityStatus.ACTIVE: "active", ActivityStatus.PAUSED: "temporarily closed"}
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def stable_id(*parts) -> str:
    """The same UUID for the same parts, in every export: uuid.uuid5(NAMESPACE, "part:part:…"),
    written out without making a UUID object, which was half of the cost (a page of 50 full
    services has 600 of these ids, and making them was a twelfth of its time)."""
    name = ":".join(map(str, parts)).encode()
    # SHA-1 because uuid5 is defined with it: a name's id, not a secret.
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name, usedforsecurity=False).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # the variant of RFC 4122
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# The vocabularies are small and every record names their terms: each term's id is worked out once.
@functools.cache
def term_id(vocabulary: str, code: str) -> str:
    return stable_id("taxonomy_term", vocabulary, code)


@functools.cache
def taxonomy_id(key: str) -> str:
    return stable_id("taxonomy", key)


# Everything the records show (which rows: queries.published_activities) -------------------------


# Lists are in the order the records were added: a harvester paging through while records are
# added misses none, and the order needs no sorting.
LIST_ORDER = "pk"


def with_places(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Each activity's places as `place_list` (every record that names a location reads them)."""
    return activities.prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("municipality"), to_attr="place_list")
    )


def with_service_relations(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """A full service record's NGO, places and times, each relation as a plain list (place_list,
    rule_list): a prefetch into the related managers builds a query set per activity and relation,
    each time a record reads it. full_services adds its terms, languages and areas."""
    return (
        with_places(activities)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "schedule_rules",
                queryset=ScheduleRule.objects.order_by("weekday", "start_time", "pk"),
                to_attr="rule_list",
            ),
        )
    )


def attach_service_lists(activities: Sequence[Activity]) -> None:
    """Each activity's theme_list, target_group_list, language_list and area_list, each term,
    language and body made once however many of the activities name it (core.related)."""
    attach_many(activities, "themes", Term.objects.order_by("position"), "theme_list")
    attach_many(activities, "target_groups", Term.objects.order_by("position"), "target_group_list")
    attach_many(activities, "languages", Language.objects.order_by("position"), "language_list")
    areas = PublicBody.objects.defer("introduction", "introduction_sv", "introduction_en")
    attach_many(activities, "areas", areas, "area_list")


def full_services(activities: QuerySet[Activity]) -> list[Activity]:
    """The activities with everything a full service record shows, in at most eleven queries
    whatever their number."""
    found = list(with_service_relations(activities))
    attach_service_lists(found)
    return found


def with_services(organisations: QuerySet[Organisation], *, full: bool) -> QuerySet[Organisation]:
    """Each NGO's public activities as `hsds_services`, with their NGO, places and times when
    `full` (organisations_with_services adds the rest)."""
    activities = published_activities().order_by(LIST_ORDER)
    activities = with_service_relations(activities) if full else with_places(activities)
    return organisations.prefetch_related(Prefetch("activities", queryset=activities, to_attr="hsds_services"))


def organisations_with_services(organisations: QuerySet[Organisation], *, full: bool) -> list[Organisation]:
    """The NGOs with their public activities as `hsds_services`, full services when `full`."""
    found = list(with_services(organisations, full=full))
    if full:
        attach_service_lists([activity for organisation in found for activity in organisation.hsds_services])
    return found


def modified_since(activities: QuerySet[Activity], moment) -> QuerySet[Activity]:
    return activities.filter(Q(updated_at__gte=moment) | Q(confirmed_at__gte=moment))


def with_taxonomy_term(activities: QuerySet[Activity], key: str, value) -> QuerySet[Activity]:
    """Activities with a term: `value` is a Term for themes and target groups, an ActivityType value
    for types of activity."""
    if key == ACTIVITY_TYPE:
        return activities.filter(kind=value)
    through = (Activity.themes if key == Vocabulary.THEME else Activity.target_groups).through
    return activities.filter(pk__in=through.objects.filter(term=value).values("activity_id"))


def with_taxonomy(activities: QuerySet[Activity], key: str) -> QuerySet[Activity]:
    """Activities with any term of a taxonomy (every activity has a type)."""
    if key == ACTIVITY_TYPE:
        return activities
    through = (Activity.themes if key == Vocabulary.THEME else Activity.target_groups).through
    return activities.filter(pk__in=through.objects.values("activity_id"))


def at_postcode(activities: QuerySet[Activity], postcode: str) -> QuerySet[Activity]:
    return activities.filter(pk__in=Place.objects.filter(postal_code=postcode).values("activity_id"))


# Small helpers -----------------------------------------------------------------------------------


def _language() -> str:
    return (translation.get_language() or "fi")[:2]


def _uri(value: str) -> str:
    """A URL as an ASCII URI (internationalised domain names in punycode), as HSDS's `uri` format asks."""
    if not value:
        return ""
    parts = urlsplit(value)
    if not parts.netloc.isascii():
        # Left as it is when not a valid domain name: iri_to_uri below still makes it ASCII.
        with contextlib.suppress(UnicodeError):
            parts = parts._replace(netloc=parts.netloc.encode("idna").decode("ascii"))
    return iri_to_uri(urlunsplit(parts))


def _site(path: str) -> str:
    return settings.SITE_URL + iri_to_uri(path)


def _page(view_name: str, slug: str) -> str:
    """The site's address of the page of `slug` (an activity's, an NGO's, a body's): each kind of
    address is reversed once per language, not for each of a page's 150 links (a tenth of it)."""
    return _site(_pages(view_name, translation.get_language(), get_script_prefix(), get_urlconf())(slug))


@functools.lru_cache(maxsize=64)
def _pages(view_name: str, language: str, script_prefix: str, urlconf) -> Callable[[str], str]:
    return page_addresses(view_name)  # the key: what the address depends on


def _compact(record: dict) -> dict:
    """Leave out empty optional values: HSDS validators read "" in a uri or email field as invalid."""
    return {key: value for key, value in record.items() if value not in ("", None)}


# Taxonomies and terms -----------------------------------------------------------------------------


def taxonomy_record(key: str) -> dict:
    name, description, uri = TAXONOMIES[key]
    return _compact({"id": taxonomy_id(key), "name": str(name), "description": str(description), "uri": uri})


def taxonomy_records() -> list[dict]:
    return [taxonomy_record(key) for key in TAXONOMIES]


def term_record(term: Term) -> dict:
    """A theme or a target group: its code and URI are those of its YSO concept."""
    return _term_record(term.vocabulary, term.slug, term.name, term.yso_id, term.yso_uri, _language())


# A page of 50 full services names the same few dozen terms some 250 times, and making each record
# again was a tenth of the page: a term's record is made once for what it shows (all of it in the
# key, so a renamed term gets a new one). The records are only ever written out, never changed.
@functools.lru_cache(maxsize=4096)
def _term_record(vocabulary: str, slug: str, name: str, yso_id: str, yso_uri: str, language: str) -> dict:
    return _compact(
        {
            "id": term_id(vocabulary, slug),
            "code": yso_id or slug,
            "name": name,
            "description": gettext("Concept %(code)s of the General Finnish Ontology YSO.") % {"code": yso_id}
            if yso_id
            else name,
            "taxonomy": "YSO",
            "taxonomy_id": taxonomy_id(vocabulary),
            "taxonomy_detail": taxonomy_record(vocabulary),
            "language": language,
            "term_uri": yso_uri,
        }
    )


def activity_type_record(kind: str) -> dict:
    return _activity_type_record(kind, _language())


@functools.lru_cache(maxsize=64)
def _activity_type_record(kind: str, language: str) -> dict:
    """A type of activity in the active language (`language`, its key)."""
    return {
        "id": term_id(ACTIVITY_TYPE, kind),
        "code": kind,
        "name": str(ActivityType(kind).label),
        "description": str(TAXONOMIES[ACTIVITY_TYPE][1]),
        "taxonomy": "Kumppani",
        "taxonomy_id": taxonomy_id(ACTIVITY_TYPE),
        "taxonomy_detail": taxonomy_record(ACTIVITY_TYPE),
        "language": language,
    }


def term_records(terms: Iterable[Term]) -> list[dict]:
    """Every taxonomy term: the themes and target groups given, then the types of activity."""
    return [term_record(term) for term in terms] + [activity_type_record(kind) for kind in ActivityType.values]


def terms_by_id() -> dict[str, tuple[str, object]]:
    """{term id: (taxonomy key, Term or ActivityType value)} of every taxonomy term (one query)."""
    found: dict[str, tuple[str, object]] = {
        term_id(term.vocabulary, term.slug): (term.vocabulary, term) for term in Term.objects.all()
    }
    found.update({term_id(ACTIVITY_TYPE, kind): (ACTIVITY_TYPE, kind) for kind in ActivityType.values})
    return found


def _attribute(link_id: str, link_type: str, term: dict) -> dict:
    return {
        "id": stable_id("attribute", link_id, term["id"]),
        "link_id": link_id,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


# Organizations ------------------------------------------------------------------------------------


def organization_summary(organisation: Organisation) -> dict:
    """The one-to-one fields of an NGO (the organization list and a service's `organization`)."""
    record = {
        "id": str(organisation.uuid),
        "name": organisation.name,
        # Required by HSDS, even when the NGO has not described itself.
        "description": organisation.description or organisation.short_description or "",
    }
    return record | _compact(
        {
            "email": organisation.email,
            "website": _uri(organisation.website),
            "tax_id": organisation.business_id,
            "year_incorporated": organisation.founded_year,
            "logo": _site(organisation.logo.url) if organisation.logo else "",
            "uri": _page("organisations:detail", organisation.slug),
        }
    )


def organization_identifiers(organisation: Organisation) -> list[dict]:
    """The business ID in org-id.guide's FI-PRO scheme, and the association register number."""
    org_id = str(organisation.uuid)
    identifiers = []
    if organisation.business_id:
        identifiers.append(
            {
                "id": stable_id("organization_identifier", org_id, "business_id"),
                "organization_id": org_id,
                "identifier_scheme": "FI-PRO",
                "identifier_type": gettext("Business ID"),
                "identifier": organisation.business_id,
            }
        )
    if organisation.association_id:
        identifiers.append(
            {
                "id": stable_id("organization_identifier", org_id, "association_id"),
                "organization_id": org_id,
                "identifier_type": gettext("Association register number"),
                "identifier": organisation.association_id,
            }
        )
    return identifiers


def organization_record(organisation: Organisation, *, full_service: bool = False) -> dict:
    """A fully nested organization; its public activities (`hsds_services`, see with_services) are
    listed by their one-to-one fields, or in full when `full_service`."""
    org_id = str(organisation.uuid)
    services = organisation.hsds_services
    record = organization_summary(organisation)
    record["organization_identifiers"] = organization_identifiers(organisation)
    record["phones"] = (
        [{"id": stable_id("phone", "organization", org_id), "organization_id": org_id, "number": organisation.phone}]
        if organisation.phone
        else []
    )
    record["contacts"] = []
    record["locations"] = [location for activity in services for location, _place in locations(activity)]
    record["services"] = [
        service_record(activity, with_organization=False)
        if full_service
        else service_summary(activity, with_organization=False)
        for activity in services
    ]
    return record


# Locations ----------------------------------------------------------------------------------------


def location_summary(activity: Activity, place: Place | None) -> dict:
    """The one-to-one fields of a place, or of the activity's online meeting place when `place` is None."""
    org_id = str(activity.organisation.uuid)
    if place is None:
        return _compact(
            {
                "id": stable_id("online", activity.uuid),
                "location_type": "virtual",
                "url": _uri(activity.online_url),
                "organization_id": org_id,
                "name": gettext("Online: %(name)s") % {"name": activity.name},
            }
        )
    return _compact(
        {
            "id": str(place.uuid),
            "location_type": "physical",
            "organization_id": org_id,
            "name": place.name or place.street_address,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
        }
    )


def location_record(activity: Activity, place: Place | None) -> dict:
    record = location_summary(activity, place)
    record["addresses"], record["accessibility"] = [], []
    if place is None:
        return record
    location_id = record["id"]
    record["addresses"].append(
        {
            "id": stable_id("address", location_id),
            "location_id": location_id,
            "address_1": place.street_address,
            "city": place.municipality.name,
            "region": place.municipality.region_name,
            "state_province": place.municipality.region_name,
            "postal_code": place.postal_code,
            "country": "FI",
            "address_type": "physical",
        }
    )
    if place.is_accessible or place.accessibility_details:
        record["accessibility"].append(
            _compact(
                {
                    "id": stable_id("accessibility", location_id),
                    "location_id": location_id,
                    "description": gettext("Accessible without steps") if place.is_accessible else "",
                    "details": place.accessibility_details,
                }
            )
        )
    return record


def locations(activity: Activity) -> list[tuple[dict, Place | None]]:
    """(full location record, place) of each place of the activity, and of its online meeting place."""
    found = [(location_record(activity, place), place) for place in activity.place_list]
    if activity.is_online:
        found.append((location_record(activity, None), None))
    return found


# Services -----------------------------------------------------------------------------------------


def _last_modified(activity: Activity):
    return max(activity.updated_at, activity.confirmed_at)


def service_summary(activity: Activity, *, with_organization: bool = True) -> dict:
    """The one-to-one fields of an activity (the service list), with its NGO's."""
    how_to_join = " ".join(
        part for part in (str(activity.get_join_method_display()) + ".", activity.how_to_join) if part
    )
    fees = activity.cost_description or (gettext("Free of charge") if activity.is_free else "")
    record = _compact(
        {
            "id": str(activity.uuid),
            "organization_id": str(activity.organisation.uuid),
            "name": activity.name,
            "description": activity.description or activity.short_description,
            # The activity's own web site, or else its page here.
            "url": _uri(activity.website) or _page("activities:detail", activity.slug),
            "email": activity.email,
            "status": STATUS.get(activity.status, "inactive"),
            "application_process": how_to_join,
            "fees_description": fees,
            "assured_date": timezone.localdate(activity.confirmed_at).isoformat(),
            "last_modified": _last_modified(activity).isoformat(),
        }
    )
    if with_organization:
        record["organization"] = organization_summary(activity.organisation)
    return record


def _schedule(activity: Activity, rule: ScheduleRule, places: dict[int, Place]) -> dict:
    """A regular time as an RFC 5545 rule: weekly, every other week or on a weekday of the month."""
    service_id = str(activity.uuid)
    record = {
        "id": stable_id("schedule", service_id, rule.pk),
        "service_id": service_id,
        "freq": "MONTHLY" if rule.frequency == Frequency.MONTHLY else "WEEKLY",
        "byday": WEEKDAYS[rule.weekday],
        "opens_at": f"{rule.start_time:%H:%M}",
        "closes_at": f"{rule.end_time:%H:%M}",
        "description": f"{rule.get_frequency_display()}: {rule}",
        "notes": activity.schedule_note,
    }
    if rule.frequency == Frequency.BIWEEKLY:
        record["interval"] = 2
        if rule.valid_from:
            record["dtstart"] = rule.valid_from.isoformat()
    if rule.frequency == Frequency.MONTHLY and rule.week_of_month:
        record["byday"] = f"{rule.week_of_month}{WEEKDAYS[rule.weekday]}"
    if rule.valid_from:
        record["valid_from"] = rule.valid_from.isoformat()
    if rule.valid_until:
        record["valid_to"] = rule.valid_until.isoformat()
        record["until"] = rule.valid_until.isoformat()
    place = places.get(rule.place_id)
    if place is not None:
        record["location_id"] = str(place.uuid)
        record["service_at_location_id"] = service_at_location_id(activity, place)
    return _compact(record)


def schedules(activity: Activity) -> list[dict]:
    if activity.schedule_kind == ScheduleKind.BY_APPOINTMENT:
        return [
            _compact(
                {
                    "id": stable_id("schedule", activity.uuid, "by_appointment"),
                    "service_id": str(activity.uuid),
                    "description": str(ScheduleKind.BY_APPOINTMENT.label),
                    "notes": activity.schedule_note,
                }
            )
        ]
    places = {place.pk: place for place in activity.place_list}
    return [_schedule(activity, rule, places) for rule in activity.rule_list]


def _terms(activity: Activity) -> list[tuple[str, dict]]:
    found = [(Vocabulary.THEME.value, term_record(term)) for term in activity.theme_list]
    found += [(Vocabulary.TARGET_GROUP.value, term_record(term)) for term in activity.target_group_list]
    found.append((ACTIVITY_TYPE, activity_type_record(activity.kind)))
    return found


def service_record(activity: Activity, *, with_organization: bool = True, with_locations: bool = True) -> dict:
    """A fully nested service (of full_services)."""
    service_id = str(activity.uuid)
    record = service_summary(activity, with_organization=with_organization)
    record["phones"] = (
        [{"id": stable_id("phone", "service", service_id), "service_id": service_id, "number": activity.phone}]
        if activity.phone
        else []
    )
    record["contacts"] = []
    record["schedules"] = schedules(activity)
    record["service_areas"] = [
        {
            "id": stable_id("service_area", service_id, area.kind, area.code),
            "service_id": service_id,
            "name": area.name,
            "description": str(area.get_kind_display()),
            "uri": _page("core:body", area.slug),
        }
        for area in activity.area_list
    ]
    record["languages"] = [
        {
            "id": stable_id("language", service_id, language.code),
            "service_id": service_id,
            "name": language.name,
            "code": language.code,
        }
        for language in activity.language_list
    ]
    record["cost_options"] = [_cost_option(activity)]
    record["attributes"] = [_attribute(service_id, link_type, term) for link_type, term in _terms(activity)]
    if with_locations:
        record["service_at_locations"] = [
            service_at_location_record(
                activity, location, place, with_service=False, every_schedule=record["schedules"]
            )
            for location, place in locations(activity)
        ]
    return record


def _cost_option(activity: Activity) -> dict:
    if activity.is_free:
        amount, option = 0, gettext("Free of charge")
    else:
        amount, option = activity.fee, ""
    return _compact(
        {
            "id": stable_id("cost_option", activity.uuid),
            "service_id": str(activity.uuid),
            "option": option,
            "currency": "EUR",
            "amount": float(amount) if amount is not None else None,
            "amount_description": activity.cost_description,
        }
    )


# Services at locations ----------------------------------------------------------------------------


# An activity at one of its places has the place's UUID with the bits of a fixed mask flipped; an
# activity meeting online, the activity's UUID with another mask. So each has a UUID of its own, the
# same in every export, that leads back to its row without a lookup table. The masks leave the
# version and variant bits of a UUID alone.
AT_PLACE_MASK = 0x6513270E269E0D3732A74DE452E6B438
ONLINE_MASK = 0xD23F0824128B0F330C5C7FD0A6A3A450


def _flip(value, mask: int) -> uuid.UUID:
    return uuid.UUID(int=uuid.UUID(str(value)).int ^ mask)


def service_at_location_id(activity: Activity, place: Place | None) -> str:
    return str(_flip(place.uuid, AT_PLACE_MASK) if place is not None else _flip(activity.uuid, ONLINE_MASK))


def service_at_location_sources(sal_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """(the UUID of the place, the UUID of the online activity) that `sal_id` may stand for."""
    return _flip(sal_id, AT_PLACE_MASK), _flip(sal_id, ONLINE_MASK)


def service_at_location_summary(activity: Activity, place: Place | None) -> dict:
    """The one-to-one fields of an activity at one of its places (or online), with both summaries."""
    location = location_summary(activity, place)
    return {
        "id": service_at_location_id(activity, place),
        "service_id": str(activity.uuid),
        "location_id": location["id"],
        "location": location,
        "service": service_summary(activity),
    }


def service_at_location_record(
    activity: Activity,
    location: dict,
    place: Place | None,
    *,
    with_service: bool = True,
    every_schedule: list[dict] | None = None,
) -> dict:
    """A fully nested service at a location; its schedules are those of the activity's times
    (`every_schedule`, when the caller has them already) at that place."""
    sal_id = service_at_location_id(activity, place)
    every_schedule = schedules(activity) if every_schedule is None else every_schedule
    record = {
        "id": sal_id,
        "service_id": str(activity.uuid),
        "location_id": location["id"],
        "contacts": [],
        "phones": [],
        "schedules": [s for s in every_schedule if s.get("service_at_location_id") == sal_id],
        "location": location,
    }
    if with_service:
        record["service"] = service_record(activity, with_locations=False)
    return record


def service_at_location_from_place(activity: Activity, place: Place | None) -> dict:
    return service_at_location_record(activity, location_record(activity, place), place)


# The export ---------------------------------------------------------------------------------------

CHUNK = 500


def _chunks(queryset: QuerySet, size: int = CHUNK) -> Iterator[list]:
    """The rows of `queryset` (with its prefetches) a chunk at a time, so memory stays bounded."""
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), size):
        chunk = pks[start : start + size]
        rows = {row.pk: row for row in queryset.filter(pk__in=chunk)}
        yield [rows[pk] for pk in chunk]


def _export_records() -> dict[str, Iterator[dict]]:
    """The records of each export file, as generators (in the active language)."""
    services = with_service_relations(published_activities().order_by(LIST_ORDER))

    def service_chunks():
        for chunk in _chunks(services):
            attach_service_lists(chunk)
            yield chunk

    def service_records():
        for chunk in service_chunks():
            yield from (service_record(activity) for activity in chunk)

    def location_records():
        for chunk in _chunks(services):  # locations name no terms, languages or areas
            yield from (location for activity in chunk for location, _place in locations(activity))

    def sal_records():
        for chunk in service_chunks():
            for activity in chunk:
                for location, place in locations(activity):
                    yield service_at_location_record(activity, location, place)

    def organization_records():
        organisations = with_services(public_organisations().order_by(LIST_ORDER), full=False)
        for chunk in _chunks(organisations):
            yield from (organization_record(organisation) for organisation in chunk)

    return {
        "services.json": service_records(),
        "organizations.json": organization_records(),
        "locations.json": location_records(),
        "service_at_locations.json": sal_records(),
        "taxonomies.json": iter(taxonomy_records()),
        "taxonomy_terms.json": iter(term_records(Term.objects.all())),
    }


def export(directory: Path, *, language: str = "fi") -> dict[str, int]:
    """Write every HSDS record as JSON arrays, one file per object type, each the records the API
    answers for its items. Each file is written beside its final name and moved into place when
    complete, so a failed export leaves no half-written file. Returns {file name: records}."""
    counts = {}
    with translation.override(language):
        for name, records in _export_records().items():
            target = directory / name
            partial = directory / f".{name}.partial"
            count = 0
            with partial.open("w", encoding="utf-8") as out:
                out.write("[")
                for record in records:
                    out.write(",\n" if count else "\n")
                    out.write(json.dumps(record, ensure_ascii=False))
                    count += 1
                out.write("\n]\n")
            partial.replace(target)
            counts[name] = count
    return counts
