"""REST API of events: /api/v1/events/, /api/v1/event-places/ and /api/v1/keywords/.

The JSON follows Helsinki's Linked Events where its field names fit (name, short_description and
description as language maps; start_time, end_time, event_status, offers, keywords, location,
in_language, images), so that a Linked Events client needs little change.

Anyone reads what residents see: published, cancelled and postponed events approved in some
body's calendar. An event's own address answers also its NGO and the editors it was sent to.
Writing needs `events.change_event` and goes through kumppani.events.services, the same functions
as the pages: POST adds a draft (and with `submit_to` sends it to calendars), PATCH changes it.
Nothing is deleted: DELETE is not offered; an event is cancelled with PATCH `{"status": "cancelled"}`.
"""

from functools import partial

import django_filters
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import DateTimeField, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.parsers import JSONParser

from kumppani.core.api.fields import LANGUAGES, PrefetchedManyField, TranslatedField
from kumppani.core.api.filters import TermsFilter, documented
from kumppani.core.api.pagination import MAX_PAGE, Pagination
from kumppani.core.api.plain import datetime_writer, grouped, texts
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import BodyKind, Language, PublicBody, Term, Vocabulary
from kumppani.core.slugs import page_addresses
from kumppani.events import queries, services
from kumppani.events.models import (
    PUBLIC_STATUSES,
    CalendarDay,
    CancelledDate,
    Event,
    EventStatus,
    Listing,
    ListingStatus,
)
from kumppani.organisations.models import Organisation
from kumppani.premises.models import Space

CHANGE = "events.change_event"
BODY_LIST_LIMIT = 8000  # a body's events at most read from its listings and sorted (see filter_body)
_EVENT_STATUS = {
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}


def _lang_map(obj, base: str) -> dict:
    return {language: getattr(obj, f"{base}_{language}", None) or None for language in LANGUAGES}


class KeywordSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="slug", read_only=True, help_text="The keyword's identifier (slug).")
    name = TranslatedField(read_only=True)
    vocabulary = serializers.CharField(read_only=True, help_text="theme or target_group")
    yso_id = serializers.CharField(read_only=True, help_text="The YSO concept, e.g. yso:p1234, if any.")

    class Meta:
        model = Term
        fields = ["id", "name", "vocabulary", "yso_id"]


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "is_free": {"type": "boolean"},
                "price": {
                    "type": "object",
                    "nullable": True,
                    "properties": {lang: {"type": "string"} for lang in LANGUAGES},
                },
            },
        },
    }
)
class OffersField(serializers.Field):
    """[{"is_free": bool, "price": {fi, sv, en}}], as in Linked Events."""

    def to_representation(self, event):
        return [{"is_free": event.is_free, "price": None if event.is_free else _lang_map(event, "price")}]

    def to_internal_value(self, data):
        if not isinstance(data, list) or len(data) != 1 or not isinstance(data[0], dict):
            raise serializers.ValidationError('Give one offer: [{"is_free": true}] or with a price.')
        offer = data[0]
        is_free, price = offer.get("is_free", True), offer.get("price") or {}
        if not isinstance(is_free, bool) or not isinstance(price, dict):
            raise serializers.ValidationError('Give "is_free" as true or false and "price" as {"fi": "…", "sv": "…"}.')
        values = {"is_free": is_free}
        for language, text in price.items():
            if language not in LANGUAGES:
                raise serializers.ValidationError(f"Unknown language: {language}")
            if text is not None and not isinstance(text, str):
                raise serializers.ValidationError(f"The price in {language} must be text.")
            values[f"price_{language}"] = text or ""
        return values


class LocationSerializer(serializers.Serializer):
    """A street address with its municipality, or a booked space (its name and address are then the
    place's); `null` for an online-only event."""

    space = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Space.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of a space in /api/v1/spaces/ that the NGO has a confirmed booking of at the event's "
        "time. Its name, street address and municipality become the place.",
    )
    name = TranslatedField(base="place_name", required=False)
    street_address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=5, required=False, allow_blank=True)
    municipality = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=PublicBody.objects.filter(kind__in=[BodyKind.MUNICIPALITY, BodyKind.CITY_COUNTY]),
        required=False,
        help_text="Slug of a municipality in /api/v1/bodies/. Not needed with a space.",
    )
    address_locality = serializers.SerializerMethodField(help_text="The municipality's name in each language.")

    @extend_schema_field({"type": "object", "properties": {lang: {"type": "string"} for lang in LANGUAGES}})
    def get_address_locality(self, event) -> dict:
        return _lang_map(event.municipality, "name") if event.municipality_id else {}


def _terms(vocabulary: str, help_text: str):
    """Terms of a vocabulary as their slugs, read from the event's prefetched list (see with_relations)."""
    return PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(
            slug_field="slug", queryset=Term.objects.filter(vocabulary=vocabulary)
        ),
        prefetched="theme_list" if vocabulary == Vocabulary.THEME else "target_group_list",
        required=False,
        help_text=help_text,
    )


class EventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    url = serializers.SerializerMethodField(help_text="The event's page on the web site.")
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.filter(merged_into__isnull=True),
        required=False,
        allow_null=True,
        help_text="Slug of the organising NGO in /api/v1/organisations/.",
    )
    organiser_body = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=PublicBody.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the organising public body, for a body's own event.",
    )
    name = TranslatedField(required_languages=("fi",))
    short_description = TranslatedField(required=False)
    description = TranslatedField(required=False)
    start_time = serializers.DateTimeField(source="start")
    end_time = serializers.DateTimeField(source="end")
    event_status = serializers.SerializerMethodField(
        help_text="schema.org: EventScheduled, EventCancelled, EventPostponed or EventRescheduled."
    )
    location = serializers.SerializerMethodField()
    location_input = LocationSerializer(
        write_only=True, required=False, allow_null=True, help_text="Write the place here; read it from `location`."
    )
    offers = OffersField(source="*", required=False)
    themes = _terms(Vocabulary.THEME, "Slugs of /api/v1/keywords/ (themes).")
    target_groups = _terms(Vocabulary.TARGET_GROUP, "Slugs of /api/v1/keywords/ (target groups).")
    keywords = serializers.SerializerMethodField(help_text="Themes and target groups together, as in Linked Events.")
    in_language = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(slug_field="code", queryset=Language.objects.all()),
        source="languages",
        prefetched="language_list",
        required=False,
    )
    accessibility_info = TranslatedField(required=False)
    images = serializers.SerializerMethodField()
    cancelled_dates = serializers.ListField(
        child=serializers.DateField(),
        required=False,
        write_only=True,
        help_text="Dates of the series that do not take place.",
    )
    exdates = serializers.SerializerMethodField(
        help_text="Dates of the series that do not take place (iCalendar EXDATE)."
    )
    submit_to = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=PublicBody.objects.all(),
        many=True,
        required=False,
        write_only=True,
        help_text="On create: slugs of the bodies whose calendars the event is sent to.",
    )
    maximum_attendee_capacity = serializers.IntegerField(
        source="capacity", required=False, allow_null=True, min_value=0
    )
    last_modified_time = serializers.DateTimeField(source="updated_at", read_only=True)
    created_time = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "slug",
            "organisation",
            "organiser_body",
            "name",
            "short_description",
            "description",
            "start_time",
            "end_time",
            "all_day",
            "recurrence",
            "recurrence_until",
            "exdates",
            "cancelled_dates",
            "event_status",
            "status",
            "status_reason",
            "location",
            "location_input",
            "is_online",
            "online_url",
            "offers",
            "keywords",
            "themes",
            "target_groups",
            "in_language",
            "registration",
            "registration_url",
            "registration_email",
            "registration_phone",
            "maximum_attendee_capacity",
            "is_accessible",
            "accessibility_info",
            "images",
            "contact_name",
            "contact_email",
            "contact_phone",
            "submit_to",
            "created_time",
            "last_modified_time",
        ]
        read_only_fields = ["slug", "status_reason"]
        extra_kwargs = {
            "status": {
                "required": False,
                "help_text": "draft, submitted, published, rejected, cancelled or postponed. Write cancelled, postponed or published to change a published event's status.",
            }
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, event) -> str:
        return self.context["request"].build_absolute_uri(event.get_absolute_url())

    def get_event_status(self, event) -> str:
        status = _EVENT_STATUS.get(event.status)
        return status or ("EventRescheduled" if event.previous_start else "EventScheduled")

    @extend_schema_field(LocationSerializer(allow_null=True))
    def get_location(self, event):
        if not event.street_address:
            return None
        return {
            "space": event.space.slug if event.space_id else None,
            "name": _lang_map(event, "place_name"),
            "street_address": event.street_address,
            "postal_code": event.postal_code,
            "municipality": event.municipality.slug if event.municipality_id else None,
            "address_locality": _lang_map(event.municipality, "name") if event.municipality_id else {},
        }

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_keywords(self, event) -> list[str]:
        return [term.slug for term in [*event.theme_list, *event.target_group_list]]

    @extend_schema_field({"type": "array", "items": {"type": "string", "format": "date"}})
    def get_exdates(self, event) -> list[str]:
        return [d.date.isoformat() for d in event.cancelled_list]

    @extend_schema_field(
        {
            "type": "array",
            "items": {"type": "object", "properties": {"url": {"type": "string"}, "alt_text": {"type": "object"}}},
        }
    )
    def get_images(self, event) -> list[dict]:
        if not event.image:
            return []
        return [
            {
                "url": self.context["request"].build_absolute_uri(event.image.url),
                "alt_text": _lang_map(event, "image_alt"),
            }
        ]

    def validate(self, attrs):
        if self.instance is None and not attrs.get("organisation") and not attrs.get("organiser_body"):
            raise serializers.ValidationError({"organisation": ["Give the organising NGO or body."]})
        return attrs

    def _service_data(self, validated: dict) -> dict:
        data = dict(validated)
        location = data.pop("location_input", "missing")
        if location is None:
            data.update({"space": None, "street_address": "", "postal_code": "", "municipality": None})
        elif location != "missing":
            data["space"] = location.get("space")
            data.update({k: v for k, v in location.items() if k in ("street_address", "postal_code", "municipality")})
            data.update({k: v for k, v in location.items() if k.startswith("place_name_")})
        for key in ("organisation", "organiser_body", "status", "submit_to", "cancelled_dates"):
            data.pop(key, None)
        return data

    def create(self, validated_data):
        user = self.context["request"].user
        organisation, body = validated_data.get("organisation"), validated_data.get("organiser_body")
        bodies = validated_data.get("submit_to") or []
        with transaction.atomic():
            event = services.event_create(
                by=user,
                organisation=organisation,
                body=None if organisation else body,
                data=self._service_data(validated_data),
                cancelled_dates=validated_data.get("cancelled_dates") or [],
            )
            if bodies:
                services.event_submit(by=user, event=event, bodies=bodies)
        return event

    def update(self, event, validated_data):
        user = self.context["request"].user
        status = validated_data.get("status")
        data = self._service_data(validated_data)
        with transaction.atomic():
            if data or "cancelled_dates" in validated_data:
                event = services.event_update(
                    by=user, event=event, data=data, cancelled_dates=validated_data.get("cancelled_dates")
                )
            if status and status != event.status:
                services.event_set_status(by=user, event=event, status=status)
            if validated_data.get("submit_to"):
                services.event_submit(by=user, event=event, bodies=validated_data["submit_to"])
        return event


class EventFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(method="filter_start", help_text="Events that end on or after this day.")
    end = django_filters.DateFilter(method="filter_end", help_text="Events that start on or before this day.")
    body = documented(
        django_filters.CharFilter(method="filter_body"), "Slug of a public body: the events of its calendar."
    )
    theme = documented(
        TermsFilter(
            queryset=Term.objects.filter(vocabulary=Vocabulary.THEME), to_field_name="slug", method="filter_terms"
        ),
        "Theme slug; repeat for events with every one of them.",
    )
    target_group = documented(
        TermsFilter(
            queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
            to_field_name="slug",
            method="filter_terms",
        ),
        "Target group slug; repeat for every one.",
    )
    organisation = documented(django_filters.CharFilter(field_name="organisation__slug"), "Slug of the organising NGO.")
    status = django_filters.MultipleChoiceFilter(
        choices=[(s.value, s.label) for s in PUBLIC_STATUSES], help_text="published, cancelled or postponed."
    )

    class Meta:
        model = Event
        fields = ["start", "end", "body", "theme", "target_group", "organisation", "status"]

    def filter_start(self, queryset, name, value):
        """Events whose (first) date ends on or after the day: those that start on it or later, and
        the few whose first date began earlier and spans the day, which the calendar's days of that
        day name. The list is then a range of the (start, id) index from the earliest of them,
        rather than a scan of every event before the day."""
        begin, _end = queries.day_bounds(value, value)
        spanning = CalendarDay.objects.filter(body__isnull=True, day=value, start__lt=begin)
        earliest = Subquery(
            Event.objects.filter(pk__in=spanning.values("event_id")).order_by("start").values("start")[:1]
        )
        return queryset.filter(
            Q(start__gte=begin) | Q(pk__in=spanning.values("event_id"), end__gte=begin),
            start__gte=Coalesce(earliest, Value(begin, output_field=DateTimeField())),
        )

    def filter_end(self, queryset, name, value):
        import datetime as dt

        _begin, end = queries.day_bounds(value, value + dt.timedelta(days=1))
        return queryset.filter(start__lt=end)

    def filter_terms(self, queryset, name, value):
        """Every one of the terms, each as `id IN (its events)`: a join would need DISTINCT over the
        whole list, which made a theme's list slow."""
        through = Event.themes.through if name == "theme" else Event.target_groups.through
        for term in value:
            queryset = queryset.filter(Exists(through.objects.filter(event_id=OuterRef("pk"), term=term)))
        return queryset

    def filter_queryset(self, queryset):
        """The chosen events among those approved in some calendar: in the chosen body's (see
        filter_body), or else in any. (Testing both for each event of a large body's list, read in
        time order, took three times as long as testing the body's alone.)"""
        events = super().filter_queryset(queryset)
        return events if self.form.cleaned_data.get("body") else events.filter(queries.approved_somewhere())

    def filter_body(self, queryset, name, value):
        """A small body's events come from its listings (an index) and are sorted; a large body's
        (over BODY_LIST_LIMIT) are read in time order, each checked against its listings, which
        finds a page long before sorting tens of thousands would."""
        approved = Listing.objects.filter(body__slug=value, status=ListingStatus.APPROVED)
        if approved.order_by()[:BODY_LIST_LIMIT].count() < BODY_LIST_LIMIT:
            return queryset.filter(pk__in=approved.values("event_id"))
        return queryset.filter(Exists(approved.filter(event_id=OuterRef("pk"))))


class BoundedPaginator(Paginator):
    """A paginator over at most the first `limit` ids of a list, read in one query in the list's
    order, then counted and paged in memory: the exact number of 465,000 public events took
    seconds, and no one pages through them all (`start` and `end` narrow a list). Counting the
    rows and reading the page were two walks over the same rows; the ids are one."""

    def __init__(self, ids: QuerySet, *args, limit: int, **kwargs):
        super().__init__(list(ids[:limit]), *args, **kwargs)


class EventPagination(Pagination):
    """Pages as in the other lists (?page=N&page_size=M), but `count` is exact only up to two pages
    past the page asked for; beyond that it says that many and `count_is_exact` is false, and
    `next` leads on as long as there are events. (Counting is reading: every page counted ahead
    costs as much as the page itself.) It pages the list's ids; the view reads the page's events."""

    LOOKAHEAD_PAGES = 2

    def paginate_queryset(self, queryset, request, view=None):
        self._checked(request, self.page_query_param, MAX_PAGE)
        self._checked(request, self.page_size_query_param, self.max_page_size)
        number = int(request.query_params.get(self.page_query_param) or 1)
        size = self.get_page_size(request)
        self.limit = (number + self.LOOKAHEAD_PAGES) * size + 1
        self.django_paginator_class = partial(BoundedPaginator, limit=self.limit)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        count = self.page.paginator.count
        response.data["count_is_exact"] = count < self.limit
        if count >= self.limit:
            response.data["count"] = count - 1
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_is_exact"] = {
            "type": "boolean",
            "description": "False when there are more events than `count` (counted up to two pages ahead).",
        }
        return schema


# EventSerializer's fields that are written as the model keeps them, and those in every language.
_AS_THEY_ARE = (
    "all_day",
    "recurrence",
    "status",
    "status_reason",
    "is_online",
    "online_url",
    "registration",
    "registration_url",
    "registration_email",
    "registration_phone",
    "is_accessible",
    "contact_name",
    "contact_email",
    "contact_phone",
)
_TRANSLATED = ("name", "short_description", "description", "place_name", "price", "accessibility_info", "image_alt")


def list_json(ids: list[int], request) -> list[dict]:
    """The events of `ids`, in that order, as EventSerializer writes them: five queries of plain
    values. Building each of a page's 50 events with its NGO, body, municipality, space and keywords
    as model instances, and DRF writing them field by field, was half of the answer's time.
    (tests/events/test_api.py holds each item of the list to the event's own answer.)"""
    columns = [f"{base}_{language}" for base in _TRANSLATED for language in LANGUAGES]
    columns += [f"municipality__name_{language}" for language in LANGUAGES]
    rows = Event.objects.filter(pk__in=ids).values(
        "pk",
        "uuid",
        "slug",
        "organisation__slug",
        "organiser_body__slug",
        "start",
        "end",
        "recurrence_until",
        "previous_start",
        "street_address",
        "postal_code",
        "space__slug",
        "municipality__slug",
        "is_free",
        "capacity",
        "image",
        "created_at",
        "updated_at",
        *_AS_THEY_ARE,
        *columns,
    )
    events = {row["pk"]: row for row in rows}
    positions = ("term__position", "term_id")
    themes = grouped(
        Event.themes.through.objects.filter(event_id__in=ids).order_by(*positions).values_list("event_id", "term__slug")
    )
    targets = grouped(
        Event.target_groups.through.objects.filter(event_id__in=ids)
        .order_by(*positions)
        .values_list("event_id", "term__slug")
    )
    languages = grouped(
        Event.languages.through.objects.filter(event_id__in=ids)
        .order_by("language__position", "language_id")
        .values_list("event_id", "language__code")
    )
    exdates = grouped(CancelledDate.objects.filter(event_id__in=ids).order_by("date").values_list("event_id", "date"))
    origin, page = request.build_absolute_uri("/").removesuffix("/"), page_addresses("events:detail")
    image_storage = Event._meta.get_field("image").storage
    datetime_text = datetime_writer()

    found = []
    for pk in ids:
        row = events.get(pk)
        if row is None:  # gone since the page's ids were read
            continue
        status = row["status"]
        location = None
        if row["street_address"]:
            location = {
                "space": row["space__slug"],
                "name": texts(row, "place_name"),
                "street_address": row["street_address"],
                "postal_code": row["postal_code"],
                "municipality": row["municipality__slug"],
                "address_locality": texts(row, "municipality__name") if row["municipality__slug"] else {},
            }
        event_themes, event_targets = themes.get(pk, []), targets.get(pk, [])
        image = row["image"]
        found.append(
            {
                "id": str(row["uuid"]),
                "url": origin + page(row["slug"]),
                "slug": row["slug"],
                "organisation": row["organisation__slug"],
                "organiser_body": row["organiser_body__slug"],
                "name": texts(row, "name"),
                "short_description": texts(row, "short_description"),
                "description": texts(row, "description"),
                "start_time": datetime_text(row["start"]),
                "end_time": datetime_text(row["end"]),
                "all_day": row["all_day"],
                "recurrence": row["recurrence"],
                "recurrence_until": row["recurrence_until"].isoformat() if row["recurrence_until"] else None,
                "exdates": [day.isoformat() for day in exdates.get(pk, [])],
                "event_status": _EVENT_STATUS.get(status)
                or ("EventRescheduled" if row["previous_start"] else "EventScheduled"),
                "status": status,
                "status_reason": row["status_reason"],
                "location": location,
                "is_online": row["is_online"],
                "online_url": row["online_url"],
                "offers": [{"is_free": row["is_free"], "price": None if row["is_free"] else texts(row, "price")}],
                "keywords": event_themes + event_targets,
                "themes": event_themes,
                "target_groups": event_targets,
                "in_language": languages.get(pk, []),
                "registration": row["registration"],
                "registration_url": row["registration_url"],
                "registration_email": row["registration_email"],
                "registration_phone": row["registration_phone"],
                "maximum_attendee_capacity": row["capacity"],
                "is_accessible": row["is_accessible"],
                "accessibility_info": texts(row, "accessibility_info"),
                "images": [
                    {"url": request.build_absolute_uri(image_storage.url(image)), "alt_text": texts(row, "image_alt")}
                ]
                if image
                else [],
                "contact_name": row["contact_name"],
                "contact_email": row["contact_email"],
                "contact_phone": row["contact_phone"],
                "created_time": datetime_text(row["created_at"]),
                "last_modified_time": datetime_text(row["updated_at"]),
            }
        )
    return found


class EventPermission(permissions.BasePermission):
    """Deny by default. Anyone reads; writing needs a signed-in user with `events.change_event`
    (the services check it again on the NGO or body named)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.method.lower() not in view.http_method_names:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            if not request.user.has_perm("events.view_event", obj):
                from django.http import Http404

                raise Http404
            return True
        return request.user.has_perm(CHANGE, obj)


_ERRORS = {
    400: OpenApiResponse(description="Invalid data: an object keyed by the invalid fields, with lists of reasons."),
    403: OpenApiResponse(description='Not signed in, or not allowed to do this: `{"detail": reason}`.'),
}


@extend_schema_view(
    list=extend_schema(summary="List the events residents see (published, cancelled or postponed)"),
    retrieve=extend_schema(summary="One event (a draft only to its NGO and the calendars' editors)"),
    create=extend_schema(
        summary="Add an event as a draft, optionally sending it to calendars",
        responses={201: EventSerializer, **_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change an event, or cancel or postpone it", responses={200: EventSerializer, **_ERRORS}
    ),
)
class EventViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Events of NGOs and public bodies."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    pagination_class = EventPagination
    permission_classes = [EventPermission]
    lookup_field = "slug"
    parser_classes = [JSONParser]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        if self.action == "list":
            # Of the public statuses; EventFilter keeps those approved in a calendar, and the page's
            # events are read as plain values in list().
            return Event.objects.filter(status__in=PUBLIC_STATUSES).order_by("start", "pk")
        return self.with_relations(Event.objects.all())

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def list(self, request, *args, **kwargs):
        """The page of the list's ids (see BoundedPaginator), then its events as JSON (list_json)."""
        ids = self.paginate_queryset(self.filter_queryset(self.get_queryset()).values_list("pk", flat=True))
        return self.get_paginated_response(list_json(ids, request))

    @staticmethod
    def with_relations(events):
        # Each as a plain list (to_attr): a prefetch into the related managers builds a query set per
        # event and relation, which took a third of a page's time.
        return events.select_related("organisation", "organiser_body", "municipality", "space").prefetch_related(
            Prefetch("themes", queryset=Term.objects.order_by("position"), to_attr="theme_list"),
            Prefetch("target_groups", queryset=Term.objects.order_by("position"), to_attr="target_group_list"),
            Prefetch("languages", queryset=Language.objects.order_by("position"), to_attr="language_list"),
            Prefetch("cancelled_dates", to_attr="cancelled_list"),
        )

    def _reloaded(self, event):
        return self.with_relations(Event.objects.filter(pk=event.pk)).get()

    def perform_create(self, serializer):
        organisation = serializer.validated_data.get("organisation") or serializer.validated_data.get("organiser_body")
        if not self.request.user.has_perm(CHANGE, organisation):
            raise PermissionDenied
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)


class EventPlaceSerializer(serializers.Serializer):
    space = serializers.CharField(
        source="space__slug", allow_null=True, help_text="Slug of the space in /api/v1/spaces/, if the place is one."
    )
    name = serializers.SerializerMethodField()
    street_address = serializers.CharField()
    postal_code = serializers.CharField()
    municipality = serializers.CharField(source="municipality__slug")

    @extend_schema_field({"type": "object", "properties": {lang: {"type": "string"} for lang in LANGUAGES}})
    def get_name(self, row) -> dict:
        return {language: row.get(f"place_name_{language}") or None for language in LANGUAGES}


@extend_schema_view(list=extend_schema(summary="The places of the events residents see, each once"))
class EventPlaceViewSet(ApiViewMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Places where public events take place: street addresses and the booked spaces among them."""

    serializer_class = EventPlaceSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return (
            queries.public_events()
            .exclude(street_address="")
            .values(
                "space__slug",
                "place_name_fi",
                "place_name_sv",
                "place_name_en",
                "street_address",
                "postal_code",
                "municipality__slug",
            )
            .distinct()
            .order_by("municipality__slug", "street_address", "place_name_fi")
        )


@extend_schema_view(list=extend_schema(summary="Keywords: the themes and target groups events are tagged with"))
class KeywordViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = KeywordSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    queryset = Term.objects.order_by("vocabulary", "position", "slug")
