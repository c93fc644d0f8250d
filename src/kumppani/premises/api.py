"""REST API of premises: /api/v1/spaces/ and /api/v1/bookings/.

Anyone reads the published spaces and their availability (busy times without who booked). A
person sees the bookings of the NGOs they represent and of the spaces they manage. Booking,
deciding and cancelling go through kumppani.premises.services, which check the permission and
every booking rule again, so the API and the pages follow the same rules.
"""

import datetime as dt

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.filters import IdFilter, StrictBooleanFilter, documented
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import membership_roles
from kumppani.premises import calendar, queries, services
from kumppani.premises.models import Booking, Equipment, OpeningHours, Space, SpacePhoto
from kumppani.premises.rules import managed_space_ids, premises_body_ids

MAX_AVAILABILITY_DAYS = 62

# Serializers ----------------------------------------------------------------------------------


class OpeningHoursSerializer(serializers.ModelSerializer):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes"]


class SpacePhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    alt_text = TranslatedField(
        base="alt", read_only=True, help_text="What the photo shows, by language (Finnish always)."
    )

    class Meta:
        model = SpacePhoto
        fields = ["url", "alt_text"]

    def get_url(self, photo) -> str:
        return self.context["request"].build_absolute_uri(photo.image.url)


class SpaceSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    description = TranslatedField()
    unit_name = TranslatedField()
    accessibility_details = TranslatedField()
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    equipment = serializers.ListField(child=serializers.ChoiceField(choices=Equipment.choices), read_only=True)
    opening_hours = OpeningHoursSerializer(many=True, read_only=True)
    photos = SpacePhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Space
        fields = [
            "slug",
            "name",
            "unit_name",
            "description",
            "body",
            "street_address",
            "postal_code",
            "municipality",
            "capacity",
            "is_accessible",
            "accessibility_details",
            "equipment",
            "opening_hours",
            "photos",
            "min_minutes",
            "max_minutes",
            "max_days_ahead",
            "buffer_minutes",
            "who_may_book",
            "price_own_ngos",
            "price_public",
            "needs_approval",
        ]


class BusySerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    opening_hours = OpeningHoursSerializer(many=True, source="opening")
    holiday = serializers.CharField(allow_null=True, help_text="The Finnish public holiday's name: closed.")
    closed = serializers.BooleanField(help_text="A closed day of the space.")
    busy = BusySerializer(many=True, help_text="Booked and blocked times; who booked is not shown.")

    def to_representation(self, day: queries.Day) -> dict:
        # The fields above are the schema. A month's answer is some hundred nested values, and
        # building them through the fields (copied and bound for each answer) cost half of its time;
        # the result is the same (tests/premises/test_api.py compares them): ISO 8601 in the
        # current time zone, as DRF's DateTimeField writes a time that is not in UTC.
        zone = timezone.get_current_timezone()
        return {
            "date": day.date.isoformat(),
            "opening_hours": [
                {"weekday": hours.weekday, "opens": hours.opens.isoformat(), "closes": hours.closes.isoformat()}
                for hours in day.opening
            ],
            "holiday": day.holiday,
            "closed": day.closed,
            "busy": [
                {"start": busy.start.astimezone(zone).isoformat(), "end": busy.end.astimezone(zone).isoformat()}
                for busy in day.busy
            ],
        }


class BookingSerializer(serializers.ModelSerializer):
    space = serializers.SlugRelatedField(slug_field="slug", queryset=Space.objects.filter(is_published=True))
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all())
    series = serializers.PrimaryKeyRelatedField(read_only=True)
    repeat_until = serializers.DateField(
        write_only=True, required=False, allow_null=True, help_text="Book every week up to this day."
    )

    class Meta:
        model = Booking
        fields = [
            "id",
            "space",
            "organisation",
            "series",
            "start",
            "end",
            "purpose",
            "people",
            "status",
            "reason",
            "hourly_price",
            "is_block",
            "repeat_until",
        ]
        read_only_fields = ["status", "reason", "hourly_price", "is_block"]


class DecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    whole_series = serializers.BooleanField(required=False, default=False)


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    whole_series = serializers.BooleanField(required=False, default=False)


# Spaces ---------------------------------------------------------------------------------------


class SpaceFilter(django_filters.FilterSet):
    municipality = documented(
        django_filters.ModelChoiceFilter(queryset=PublicBody.objects.all(), to_field_name="slug", method="keep"),
        "Slug of a municipality: the spaces there.",
    )
    people = IdFilter(method="keep", max_value=100_000, help_text="Spaces for at least this many people.")
    accessible = StrictBooleanFilter(method="keep", help_text="true: accessible spaces only.")
    equipment = django_filters.MultipleChoiceFilter(
        choices=Equipment.choices, method="keep", help_text="Equipment code; repeat for spaces with every one of them."
    )
    date = django_filters.DateFilter(method="keep", help_text="Spaces open and free on this day (Helsinki time).")
    start = django_filters.TimeFilter(method="keep", help_text="With `date`: free from this time.")
    end = django_filters.TimeFilter(method="keep", help_text="With `date`: free until this time.")

    class Meta:
        model = Space
        fields = ["municipality", "people", "accessible", "equipment", "date", "start", "end"]

    def keep(self, queryset, name, value):
        return queryset  # every filter is applied together by queries.spaces_matching

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        criteria = queries.Criteria(
            municipality=data.get("municipality"),
            people=int(data["people"]) if data.get("people") else None,
            accessible=bool(data.get("accessible")),
            equipment=list(data.get("equipment") or []),
            date=data.get("date"),
            start=data.get("start"),
            end=data.get("end"),
        )
        return queries.spaces_matching(criteria).prefetch_related("opening_hours", "photos")


@extend_schema_view(
    list=extend_schema(summary="Published spaces offered to NGOs, with filters"),
    retrieve=extend_schema(summary="One space with its booking rules and opening hours"),
)
class SpaceViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Spaces that municipalities and wellbeing services counties offer to NGOs."""

    serializer_class = SpaceSerializer
    filterset_class = SpaceFilter
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    queryset = (
        Space.objects.filter(is_published=True)
        .select_related("body", "municipality")
        .prefetch_related("opening_hours", "photos")
        .order_by("name", "pk")
    )

    @extend_schema(
        summary="Opening hours, holidays, closed days and busy times of each day from `from` to `to`",
        parameters=[
            OpenApiParameter("from", dt.date, required=True, description="First day (YYYY-MM-DD)."),
            OpenApiParameter(
                "to", dt.date, required=True, description=f"Last day; at most {MAX_AVAILABILITY_DAYS} days."
            ),
        ],
        responses={200: DaySerializer(many=True), 400: OpenApiResponse(description="Invalid days.")},
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def availability(self, request, slug=None):
        # The days need only the space's id and longest booking (the generic lookup through the
        # list's queryset and filters took a fifth of the answer's time).
        space = get_object_or_404(Space.objects.only("pk", "longest_minutes"), slug=slug, is_published=True)
        try:
            first = dt.date.fromisoformat(request.query_params.get("from", ""))
            last = dt.date.fromisoformat(request.query_params.get("to", ""))
        except ValueError as error:
            raise ValidationError({"from": ["Give the days as YYYY-MM-DD."]}, code="invalid") from error
        if last < first or (last - first).days >= MAX_AVAILABILITY_DAYS:
            raise ValidationError({"to": [f"Give 1–{MAX_AVAILABILITY_DAYS} days."]}, code="invalid")
        return Response(DaySerializer(queries.days(space, first, last), many=True).data)


# Bookings -------------------------------------------------------------------------------------

_ERRORS = {
    400: OpenApiResponse(description="A booking rule refused it: `{field or non_field_errors: [reason]}`."),
    403: OpenApiResponse(description='Not allowed: `{"detail": reason}`.'),
}


@extend_schema_view(
    list=extend_schema(summary="Bookings of the NGOs you represent and of the spaces you manage"),
    retrieve=extend_schema(summary="One booking"),
    create=extend_schema(
        summary="Book a space for your NGO, once or weekly up to `repeat_until`; answers every date booked",
        responses={201: BookingSerializer(many=True), **_ERRORS},
    ),
)
class BookingViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Bookings of spaces. Nothing is deleted: bookings are confirmed, rejected or cancelled."""

    serializer_class = BookingSerializer
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser]
    filterset_class = None

    def get_queryset(self):
        user = self.request.user
        if user.is_staff:
            scope = Q()
        else:
            scope = (
                Q(organisation_id__in=list(membership_roles(user)))
                | Q(space__body_id__in=premises_body_ids(user))
                | Q(space_id__in=managed_space_ids(user))
            )
        return Booking.objects.filter(scope).select_related("space", "organisation").order_by("start", "pk")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        bookings = services.booking_create(
            by=request.user,
            space=data["space"],
            organisation=data["organisation"],
            start=data["start"].astimezone(calendar.HELSINKI),
            end=data["end"].astimezone(calendar.HELSINKI),
            purpose=data["purpose"],
            people=data["people"],
            repeat_until=data.get("repeat_until"),
        )
        return Response(BookingSerializer(bookings, many=True).data, status=201)

    @extend_schema(
        summary="Approve or reject a waiting booking or every waiting date of its series (the space's managers)",
        request=DecisionSerializer,
        responses={200: BookingSerializer(many=True), **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        booking = self.get_object()
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decided = services.booking_decide(by=request.user, booking=booking, **serializer.validated_data)
        return Response(BookingSerializer(decided, many=True).data)

    @extend_schema(
        summary="Cancel a booking (or every coming date of its series) before it starts",
        request=CancelSerializer,
        responses={200: BookingSerializer(many=True), **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        booking = self.get_object()
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cancelled = services.booking_cancel(by=request.user, booking=booking, **serializer.validated_data)
        return Response(BookingSerializer(cancelled, many=True).data)
