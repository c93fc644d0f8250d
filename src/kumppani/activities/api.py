"""REST API of NGO activities: /api/v1/activities/.

Anyone reads what residents see: active activities of NGOs that are not dissolved, confirmed within
a year (`include_stale=true` adds the out-of-date ones, `status` lists paused or ended ones). An
activity's own address answers whatever its status. Writing needs `activities.change_activity` on
the NGO (its representatives and coordinators) and goes through kumppani.activities.services, which
checks the permission again, validates the whole activity, records the history and reindexes it.

DELETE does not delete: it ends the activity (status `ended`), so that links, client lists and the
history keep working; PATCH `{"status": "active"}` starts it again.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.activities import queries, services
from kumppani.activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Place,
    ScheduleException,
    ScheduleRule,
)
from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.filters import StrictBooleanFilter, documented, term_filter
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import BodyKind, Language, PublicBody, Term, Vocabulary
from kumppani.core.versioning import version_serializer_field
from kumppani.organisations.queries import unmerged_organisations

CHANGE = "activities.change_activity"

# Serializers ----------------------------------------------------------------------------------


def _problems(problems: dict[str, str]) -> None:
    if problems:
        raise serializers.ValidationError({field: [message] for field, message in problems.items()})


class PlaceSerializer(serializers.ModelSerializer):
    uuid = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="The place's identifier. When writing, give it to keep (and update) an existing place; "
        "leave it out for a new place.",
    )
    name = TranslatedField(required=False)
    accessibility_details = TranslatedField(required=False)
    municipality = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=PublicBody.objects.filter(kind__in=[BodyKind.MUNICIPALITY, BodyKind.CITY_COUNTY]),
        help_text="Slug of a municipality in /api/v1/bodies/.",
    )

    class Meta:
        model = Place
        fields = [
            "uuid",
            "name",
            "street_address",
            "postal_code",
            "municipality",
            "latitude",
            "longitude",
            "is_accessible",
            "accessibility_details",
        ]

    def validate(self, attrs):
        _problems(services.place_problems(attrs))
        return attrs


class TimeSerializer(serializers.ModelSerializer):
    week_of_month = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=-1,
        max_value=4,
        help_text="For a monthly time: which weekday of the month, 1–4, or -1 for the last one.",
    )
    place = serializers.UUIDField(
        source="place.uuid", read_only=True, allow_null=True, help_text="The uuid of the place, if the time has one."
    )
    place_index = serializers.IntegerField(
        write_only=True,
        required=False,
        allow_null=True,
        min_value=0,
        help_text="The time's place: its position in `places` of the same request (0 = the first), or in "
        "the activity's current places when `places` is not sent. Leave out for none.",
    )

    class Meta:
        model = ScheduleRule
        fields = [
            "frequency",
            "weekday",
            "week_of_month",
            "start_time",
            "end_time",
            "valid_from",
            "valid_until",
            "place",
            "place_index",
        ]

    def validate(self, attrs):
        _problems(services.time_problems(attrs))
        return attrs


class ExceptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScheduleException
        fields = ["date", "until", "note"]

    def validate(self, attrs):
        _problems(services.exception_problems(attrs))
        return attrs


def _terms(vocabulary: str, help_text: str):
    return serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        required=False,
        queryset=Term.objects.filter(vocabulary=vocabulary),
        help_text=help_text,
    )


class ActivitySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The activity's page on the web site.")
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=unmerged_organisations(),
        help_text="Slug of the NGO in /api/v1/organisations/. Set when the activity is added.",
    )
    name = TranslatedField(required_languages=("fi",))
    short_description = TranslatedField(required=False)
    description = TranslatedField(required=False)
    cost_description = TranslatedField(required=False)
    how_to_join = TranslatedField(required=False)
    themes = _terms(Vocabulary.THEME, "Slugs of /api/v1/themes/.")
    target_groups = _terms(Vocabulary.TARGET_GROUP, "Slugs of /api/v1/target-groups/.")
    languages = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        required=False,
        queryset=Language.objects.all(),
        help_text="Codes of /api/v1/languages/.",
    )
    areas = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        queryset=PublicBody.objects.all(),
        help_text="Whose residents may take part: slugs of municipalities or counties in /api/v1/bodies/.",
    )
    online_url = serializers.URLField(required=False, allow_blank=True, max_length=200)
    website = serializers.URLField(required=False, allow_blank=True, max_length=200)
    places = PlaceSerializer(
        many=True, required=False, help_text="Where the activity meets. Writing replaces the list."
    )
    times = TimeSerializer(
        source="schedule_rules", many=True, required=False, help_text="Regular times. Writing replaces the list."
    )
    exceptions = ExceptionSerializer(
        source="schedule_exceptions",
        many=True,
        required=False,
        help_text="Days the activity does not meet. Writing replaces the list.",
    )
    is_stale = serializers.BooleanField(
        read_only=True, help_text="Not confirmed for a year: possibly out of date, left out of default results."
    )
    needs_confirmation = serializers.BooleanField(
        read_only=True, help_text="Not confirmed for six months: the NGO is asked to confirm it."
    )
    version = version_serializer_field()

    class Meta:
        model = Activity
        fields = [
            "url",
            "uuid",
            "slug",
            "organisation",
            "name",
            "short_description",
            "description",
            "kind",
            "themes",
            "target_groups",
            "languages",
            "areas",
            "places",
            "is_online",
            "online_url",
            "schedule_kind",
            "schedule_note",
            "times",
            "exceptions",
            "is_free",
            "fee",
            "cost_description",
            "join_method",
            "how_to_join",
            "contact_name",
            "email",
            "phone",
            "website",
            "status",
            "is_accessible",
            "confirmed_at",
            "is_stale",
            "needs_confirmation",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["uuid", "slug", "is_accessible", "confirmed_at", "created_at", "updated_at"]
        extra_kwargs = {"status": {"required": False}}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, activity) -> str:
        return self.context["request"].build_absolute_uri(activity.get_absolute_url())

    def validate_organisation(self, organisation):
        """Only those who may change the NGO's activities may add one; an activity stays with its NGO."""
        if self.instance is not None:
            if organisation.pk != self.instance.organisation_id:
                raise serializers.ValidationError(_("An activity cannot be moved to another NGO."))
        elif not self.context["request"].user.has_perm(CHANGE, organisation):
            raise PermissionDenied
        return organisation

    def validate(self, attrs):
        # A PUT replaces everything, so it must say which version it replaces.
        if self.instance is not None and not self.partial and "version" not in attrs:
            raise serializers.ValidationError({"version": [serializers.Field.default_error_messages["required"]]})
        return attrs

    @staticmethod
    def _rows(validated_data) -> dict:
        rows = {
            "places": validated_data.pop("places", None),
            "times": validated_data.pop("schedule_rules", None),
            "exceptions": validated_data.pop("schedule_exceptions", None),
        }
        for time in rows["times"] or []:
            time["place"] = time.pop("place_index", None)
        return rows

    def create(self, validated_data):
        user = self.context["request"].user
        organisation = validated_data.pop("organisation")
        status = validated_data.pop("status", None)
        validated_data.pop("version", None)
        rows = {key: value or [] for key, value in self._rows(validated_data).items()}
        with transaction.atomic():
            activity = services.activity_create(by=user, organisation=organisation, data=validated_data, **rows)
            if status and status != activity.status:
                services.activity_set_status(by=user, activity=activity, status=status)
        return activity

    def update(self, activity, validated_data):
        user = self.context["request"].user
        validated_data.pop("organisation", None)
        status = validated_data.pop("status", None)
        version = validated_data.pop("version", None)
        rows = self._rows(validated_data)
        with transaction.atomic():
            # A change of status alone is not an edit (and does not confirm the information).
            if validated_data or any(value is not None for value in rows.values()):
                activity = services.activity_update(
                    by=user, activity=activity, data=validated_data, version=version, **rows
                )
                version = None  # checked, and the activity is the one just saved
            if status and status != activity.status:
                services.activity_set_status(by=user, activity=activity, status=status, version=version)
        return activity


# Filters --------------------------------------------------------------------------------------


class ActivityFilter(django_filters.FilterSet):
    organisation = documented(
        django_filters.CharFilter(field_name="organisation__slug"), "Slug of an NGO: its activities."
    )
    municipality = documented(
        django_filters.ModelChoiceFilter(
            queryset=PublicBody.objects.all(), to_field_name="slug", method="filter_municipality"
        ),
        "Slug of a municipality or county: activities its residents may join.",
    )
    theme = term_filter("themes", Vocabulary.THEME, "Theme slug; repeat for activities with every one of them.")
    target_group = term_filter(
        "target_groups", Vocabulary.TARGET_GROUP, "Target group slug; repeat for activities with every one of them."
    )
    type = documented(
        django_filters.MultipleChoiceFilter(field_name="kind", choices=ActivityType.choices),
        "Type of activity (e.g. peer_support); repeat for any of several.",
    )
    status = django_filters.ChoiceFilter(
        choices=ActivityStatus.choices, method="filter_nothing", help_text="Active unless given."
    )
    include_stale = StrictBooleanFilter(
        method="filter_nothing", help_text="true: include activities not confirmed for a year."
    )

    class Meta:
        model = Activity
        fields = ["organisation", "municipality", "theme", "target_group", "type", "status", "include_stale"]

    def filter_municipality(self, queryset, name, body):
        return queries.open_to_residents_of(queryset, body)

    def filter_nothing(self, queryset, name, value):
        return queryset  # status and include_stale choose the base set, in filter_queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        queryset = queryset.filter(status=data.get("status") or ActivityStatus.ACTIVE)
        if not data.get("include_stale"):
            queryset = queryset.filter(confirmed_at__gte=queries.stale_cutoff())
        return super().filter_queryset(queryset)


# Views ----------------------------------------------------------------------------------------


class ActivityPermission(permissions.BasePermission):
    """Deny by default. Anyone reads; adding needs a signed-in user (the serializer then checks
    `activities.change_activity` on the NGO named); changing, confirming and ending need it on the
    activity."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.method.lower() not in view.http_method_names:
            return True  # answered with 405 Method Not Allowed
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.user.has_perm(CHANGE, obj)


_ERRORS = {
    400: OpenApiResponse(
        description="Invalid data: an object whose keys are the invalid fields (`places`, `times` and "
        "`exceptions` hold an object keyed by the position of each invalid row) and whose values are lists of reasons, in the "
        "language of the request (Accept-Language)."
    ),
    403: OpenApiResponse(description='Not signed in, or not allowed to do this: `{"detail": reason}`.'),
}


@extend_schema_view(
    list=extend_schema(summary="List the activities residents see (active, confirmed within a year)"),
    retrieve=extend_schema(summary="One activity, whatever its status"),
    create=extend_schema(
        summary="Publish an activity (the NGO's representatives and coordinators)",
        responses={201: ActivitySerializer, **_ERRORS},
    ),
    update=extend_schema(
        summary="Change an activity; lists left out stay as they are. Also confirms it as current.",
        responses={200: ActivitySerializer, **_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some of an activity's information. Also confirms it as current.",
        responses={200: ActivitySerializer, **_ERRORS},
    ),
    destroy=extend_schema(
        summary="End an activity (status `ended`); nothing is deleted",
        responses={204: None, 403: _ERRORS[403]},
    ),
)
class ActivityViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """NGO activities: peer support groups, advice, meeting places, clubs …"""

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    permission_classes = [ActivityPermission]
    lookup_field = "slug"
    parser_classes = [JSONParser]

    def get_queryset(self):
        if self.action == "list":
            # The filters choose the status (active unless asked) and leave out the stale ones.
            activities = queries.public_activities()
        else:
            # An activity's own address answers while its NGO is an entry of its own, dissolved or not.
            activities = Activity.objects.filter(organisation__in=unmerged_organisations())
        return self.with_relations(activities).order_by(queries.name_order(get_language()), "pk")

    def filter_queryset(self, queryset):
        # Only the list is filtered: an activity's own address answers whatever its status.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    @staticmethod
    def with_relations(activities):
        """Everything the serializer shows, in a fixed number of queries."""
        return activities.select_related("organisation").prefetch_related(
            Prefetch("themes", queryset=Term.objects.order_by("position")),
            Prefetch("target_groups", queryset=Term.objects.order_by("position")),
            Prefetch("languages", queryset=Language.objects.order_by("position")),
            Prefetch("areas", queryset=PublicBody.objects.only("id", "slug")),
            Prefetch("places", queryset=Place.objects.select_related("municipality")),
            Prefetch("schedule_rules", queryset=ScheduleRule.objects.select_related("place")),
            "schedule_exceptions",
        )

    def _reloaded(self, activity: Activity) -> Activity:
        return self.with_relations(Activity.objects.filter(pk=activity.pk)).get()

    def perform_create(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def perform_destroy(self, activity):
        services.activity_set_status(by=self.request.user, activity=activity, status=ActivityStatus.ENDED)

    @extend_schema(
        summary="Confirm that the activity is still current",
        request=None,
        responses={200: ActivitySerializer, 400: _ERRORS[400], 403: _ERRORS[403]},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, slug=None):
        activity = self.get_object()
        services.activity_confirm(by=request.user, activity=activity)
        return Response(self.get_serializer(self._reloaded(activity)).data)
