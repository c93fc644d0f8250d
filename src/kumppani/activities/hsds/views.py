"""The Open Referral HSDS 3.0 API under /api/hsds/: public activities as HSDS records.

Read-only and public: every endpoint answers GET (and HEAD) to anyone, account or not, and shows
the same public records to everyone (hsds.records decides what is public); any other
method is 405. Parameters follow the HSDS API reference (data/hsds-openapi.json); a bad value is 400
naming the parameter, in the request's language; an unknown or malformed id is 404.

Records of services, organizations and services at locations are cached, keyed by the data's
version (queries.catalogue_version, as the activity directory's), so a change to any activity or
NGO shows at once; the ETag lets a harvester ask again for free.
"""

import json
import math
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from kumppani.activities import indexing, queries
from kumppani.activities.hsds import records as hsds
from kumppani.activities.models import Activity, Place
from kumppani.core import pagecache, search
from kumppani.core.api.pagination import MAX_PAGE
from kumppani.core.models import Term, Vocabulary
from kumppani.organisations import services as organisation_services
from kumppani.organisations.queries import public_organisations

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
OPENAPI = Path(__file__).resolve().parent.parent / "data" / "hsds-openapi.json"
TRUE_FALSE = [("true", "true"), ("false", "false")]


# Parameters ---------------------------------------------------------------------------------------


def _flag():
    return forms.TypedChoiceField(choices=TRUE_FALSE, coerce=lambda value: value == "true", required=False)


class ListParams(forms.Form):
    # No list has a millionth page; a larger number (9223372036854775807) is a probe, and its
    # offset would not fit the database's integer.
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    search = forms.CharField(max_length=200, required=False)
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    format = forms.ChoiceField(choices=[("json", "json")], required=False)


class ServiceParams(ListParams):
    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    organization_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)
    postcode = forms.RegexField(regex=r"^\d{5}$", required=False)
    full = _flag()

    def clean_taxonomy_term_id(self):
        value = self.cleaned_data["taxonomy_term_id"]
        if value is None:
            return None
        found = hsds.terms_by_id().get(str(value))
        if found is None:
            raise forms.ValidationError(gettext("No taxonomy term has this id."))
        return found

    def clean_taxonomy_id(self):
        value = self.cleaned_data["taxonomy_id"]
        if value is None:
            return None
        keys = {hsds.taxonomy_id(key): key for key in hsds.TAXONOMIES}
        if str(value) not in keys:
            raise forms.ValidationError(gettext("No taxonomy has this id."))
        return keys[str(value)]

    def clean_organization_id(self):
        value = self.cleaned_data["organization_id"]
        if value is not None and not public_organisations().filter(uuid=value).exists():
            raise forms.ValidationError(gettext("No organization has this id."))
        return value


class OrganizationParams(ListParams):
    full = _flag()
    full_service = _flag()


class TermParams(ListParams):
    taxonomy_id = forms.UUIDField(required=False)
    parent_id = forms.UUIDField(required=False)
    top_only = _flag()


class DetailParams(forms.Form):
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    full_service = _flag()


def _parse(form_class, request):
    """(cleaned parameters, None), or (None, a 400 answer naming each bad parameter)."""
    form = form_class(request.GET)
    if form.is_valid():
        return form.cleaned_data, None
    errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
    return None, JsonResponse(errors, status=400)


def _not_found() -> JsonResponse:
    return JsonResponse({"detail": gettext("Not found.")}, status=404)


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# Answers ------------------------------------------------------------------------------------------


def _json(data) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: lists run to 100 kB
    return HttpResponse(body, content_type="application/json")


def _cached(request, build):
    """The answer of `build(version)` for this URL at the data's current version: from the cache
    when there (for everyone: the answers depend on no session), 304 when the client already has
    it. (The version is read once: on PostgreSQL its counts take a few milliseconds.)"""
    version = queries.catalogue_version()
    digest = pagecache.digest(request, version)
    etag = f'"{digest[:32]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    content = pagecache.cached_content(f"kumppani:hsds:{digest}", lambda: build(version))
    if isinstance(content, HttpResponse):
        return content  # an error, not kept
    response = HttpResponse(content, content_type="application/json")
    response["ETag"] = etag
    return response


def _page(params: dict) -> tuple[int, int, int]:
    """(page number, page size, offset) of the requested page."""
    number, size = params.get("page") or 1, params.get("per_page") or DEFAULT_PER_PAGE
    return number, size, (number - 1) * size


def _envelope(number: int, size: int, total: int, contents: list) -> dict:
    """HSDS's pagination: total_items, total_pages, page_number, size (records on this page), …"""
    total_pages = math.ceil(total / size)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _language(params: dict) -> str:
    return params.get("lang") or "fi"


def _filtered_activities(params: dict):
    activities = queries.published_activities()
    if params.get("search"):
        activities = search.filter_matching(activities, indexing.SEARCH_KIND, params["search"])
    if params.get("taxonomy_term_id"):
        activities = hsds.with_taxonomy_term(activities, *params["taxonomy_term_id"])
    if params.get("taxonomy_id"):
        activities = hsds.with_taxonomy(activities, params["taxonomy_id"])
    if params.get("organization_id"):
        activities = activities.filter(organisation__uuid=params["organization_id"])
    if params.get("modified_after"):
        activities = hsds.modified_since(activities, params["modified_after"])
    if params.get("postcode"):
        activities = hsds.at_postcode(activities, params["postcode"])
    return activities


def _found(params: dict, version: str) -> int | None:
    """The services the filters choose as a bit set of the catalogue (queries.catalogue_index) when
    it holds every filter given (search words, a taxonomy or one of its terms), else None. Counting
    the 50,000 published activities took a quarter of a list's time, and on PostgreSQL paging the
    matches of common words in the database took a quarter of a second."""
    if any(params.get(name) for name in ("organization_id", "modified_after", "postcode")):
        return None
    index = queries.catalogue_index(version)
    found = index.published
    words = params.get("search")
    if words and search.query_groups(words):  # words without letters narrow nothing (filter_matching)
        found &= search.to_bits(search.unranked(indexing.SEARCH_KIND, words))
    if params.get("taxonomy_term_id"):
        key, value = params["taxonomy_term_id"]
        found &= _taxonomy_bits(index, key).get(value if key == hsds.ACTIVITY_TYPE else value.pk, 0)
    if params.get("taxonomy_id") and params["taxonomy_id"] != hsds.ACTIVITY_TYPE:  # every activity has a type
        found &= search.union(_taxonomy_bits(index, params["taxonomy_id"]).values())
    return found


def _taxonomy_bits(index: queries.CatalogueIndex, key: str) -> dict:
    if key == hsds.ACTIVITY_TYPE:
        return index.kinds
    return index.themes if key == Vocabulary.THEME else index.target_groups


# Endpoints ----------------------------------------------------------------------------------------


@require_safe
def root(request):
    """What this API is: HSDS version, profile and the OpenAPI document."""
    return JsonResponse(
        {
            "version": hsds.HSDS_VERSION,
            "profile": hsds.PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("api-hsds-openapi")),
        }
    )


@require_safe
def openapi(request):
    """The API's OpenAPI 3.1 document, adapted from Open Referral's HSDS 3.0 API reference."""
    document = json.loads(OPENAPI.read_text(encoding="utf-8"))
    document["servers"] = [{"url": request.build_absolute_uri(reverse("api-hsds-root")).rstrip("/")}]
    return _json(document)


@require_safe
def service_list(request):
    return _cached(request, lambda version: _service_list(request, version))


def _service_list(request, version: str):
    params, error = _parse(ServiceParams, request)
    if error:
        return error
    language = _language(params)
    number, size, offset = _page(params)
    found = _found(params, version)
    if found is None:
        activities = _filtered_activities(params)
        total = activities.count()
        rows = activities.order_by(hsds.LIST_ORDER)[offset : offset + size]
    else:  # the page's ids from the bit set, smallest first (LIST_ORDER)
        total = found.bit_count()
        rows = Activity.objects.filter(pk__in=search.members(found, offset + size)[offset:]).order_by(hsds.LIST_ORDER)
    with translation.override(language):
        if params.get("full"):
            contents = [hsds.service_record(a) for a in hsds.full_services(rows)]
        else:
            contents = [hsds.service_summary(a) for a in rows.select_related("organisation")]
    return _json(_envelope(number, size, total, contents))


@require_safe
def service_detail(request, id):
    return _cached(request, lambda _version: _service_detail(request, id))


def _service_detail(request, id):
    params, error = _parse(DetailParams, request)
    if error:
        return error
    found = _uuid(id) and hsds.full_services(queries.published_activities().filter(uuid=id))
    activity = found[0] if found else None
    if not activity:
        return _not_found()
    with translation.override(_language(params)):
        return _json(hsds.service_record(activity))


@require_safe
def organization_list(request):
    return _cached(request, lambda _version: _organization_list(request))


def _organization_list(request):
    params, error = _parse(OrganizationParams, request)
    if error:
        return error
    language = _language(params)
    organisations = public_organisations()
    if params.get("search"):
        organisations = search.filter_matching(organisations, organisation_services.SEARCH_KIND, params["search"])
    number, size, offset = _page(params)
    total = organisations.count()
    rows = organisations.order_by(hsds.LIST_ORDER)[offset : offset + size]
    with translation.override(language):
        if params.get("full") or params.get("full_service"):
            rows = hsds.organisations_with_services(rows, full=bool(params.get("full_service")))
            contents = [hsds.organization_record(o, full_service=bool(params.get("full_service"))) for o in rows]
        else:
            contents = [hsds.organization_summary(o) for o in rows]
    return _json(_envelope(number, size, total, contents))


@require_safe
def organization_detail(request, id):
    return _cached(request, lambda _version: _organization_detail(request, id))


def _organization_detail(request, id):
    params, error = _parse(DetailParams, request)
    if error:
        return error
    full_service = bool(params.get("full_service"))
    found = _uuid(id) and hsds.organisations_with_services(public_organisations().filter(uuid=id), full=full_service)
    organisation = found[0] if found else None
    if not organisation:
        return _not_found()
    with translation.override(_language(params)):
        return _json(hsds.organization_record(organisation, full_service=full_service))


@require_safe
def service_at_location_list(request):
    """Each activity at each of its places, then the activities that also meet online."""
    return _cached(request, lambda _version: _service_at_location_list(request))


def _service_at_location_list(request):
    params, error = _parse(ServiceParams, request)
    if error:
        return error
    language = _language(params)
    activities = _filtered_activities(params)
    places = Place.objects.filter(activity__in=activities)
    if params.get("postcode"):
        places = places.filter(postal_code=params["postcode"])
        online = Activity.objects.none()
    else:
        online = activities.filter(is_online=True)
    number, size, offset = _page(params)
    place_total, online_total = places.count(), online.count()
    # One page across two lists: the places first, then the online meetings.
    entries = [
        (a, p) for p, a in places.order_by("activity_id", "pk").values_list("pk", "activity_id")[offset : offset + size]
    ]
    if len(entries) < size:
        start = max(0, offset - place_total)
        online_rows = online.order_by(hsds.LIST_ORDER)[start : start + size - len(entries)]
        entries += [(pk, None) for pk in online_rows.values_list("pk", flat=True)]
    chosen = Activity.objects.filter(pk__in={a for a, _p in entries})
    if params.get("full"):
        chosen = hsds.full_services(chosen)
    else:
        chosen = hsds.with_places(chosen.select_related("organisation"))
    by_pk = {activity.pk: activity for activity in chosen}
    contents = []
    with translation.override(language):
        for activity_pk, place_pk in entries:
            activity = by_pk[activity_pk]
            place = next((p for p in activity.place_list if p.pk == place_pk), None)
            if params.get("full"):
                contents.append(hsds.service_at_location_from_place(activity, place))
            else:
                contents.append(hsds.service_at_location_summary(activity, place))
    return _json(_envelope(number, size, place_total + online_total, contents))


@require_safe
def service_at_location_detail(request, id):
    return _cached(request, lambda _version: _service_at_location_detail(request, id))


def _service_at_location_detail(request, id):
    params, error = _parse(DetailParams, request)
    if error:
        return error
    sal_id = _uuid(id)
    if sal_id is None:
        return _not_found()
    place_uuid, online_uuid = hsds.service_at_location_sources(sal_id)
    activities = queries.published_activities().order_by(hsds.LIST_ORDER)
    found = hsds.full_services(activities.filter(places__uuid=place_uuid)[:1])
    activity = found[0] if found else None
    place = next((p for p in activity.place_list if p.uuid == place_uuid), None) if activity else None
    if activity is None:
        found = hsds.full_services(activities.filter(uuid=online_uuid, is_online=True)[:1])
        activity = found[0] if found else None
    if activity is None:
        return _not_found()
    with translation.override(_language(params)):
        return _json(hsds.service_at_location_from_place(activity, place))


@require_safe
def taxonomy_list(request):
    params, error = _parse(ListParams, request)
    if error:
        return error
    with translation.override(_language(params)):
        records = hsds.taxonomy_records()
    return _json(_static_page(params, records))


@require_safe
def taxonomy_detail(request, id):
    params, error = _parse(DetailParams, request)
    if error:
        return error
    with translation.override(_language(params)):
        found = [record for record in hsds.taxonomy_records() if record["id"] == id]
    return _json(found[0]) if found else _not_found()


@require_safe
def taxonomy_term_list(request):
    params, error = _parse(TermParams, request)
    if error:
        return error
    with translation.override(_language(params)):
        records = hsds.term_records(Term.objects.all())
    if params.get("taxonomy_id"):
        records = [r for r in records if r["taxonomy_id"] == str(params["taxonomy_id"])]
    if params.get("parent_id"):
        records = []  # the vocabularies are flat: no term has a parent
    return _json(_static_page(params, records))


@require_safe
def taxonomy_term_detail(request, id):
    params, error = _parse(DetailParams, request)
    if error:
        return error
    found = hsds.terms_by_id().get(id)
    if found is None:
        return _not_found()
    key, term = found
    with translation.override(_language(params)):
        return _json(hsds.activity_type_record(term) if key == hsds.ACTIVITY_TYPE else hsds.term_record(term))


def _static_page(params: dict, records: list[dict]) -> dict:
    """A page of a short list built in memory; `search` looks in the names."""
    if params.get("search"):
        words = params["search"].casefold()
        records = [r for r in records if words in r["name"].casefold()]
    number, size, offset = _page(params)
    return _envelope(number, size, len(records), records[offset : offset + size])
