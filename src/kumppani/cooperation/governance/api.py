"""REST API of governance under /api/v1/cooperation/: councils and working groups with who holds
the NGO seats, NGO networks, nomination requests (send, nominate, confirm), partnership meetings
(agenda and minutes), action items (yours, mark done), expert requests (ask, answer) and the yearly
negotiations. Each object carries its `version` (core.versioning): a change sent with an older one
is refused with 409 Conflict listing what changed meanwhile.

Who represents NGOs where, the networks, the expert requests and the agreed negotiations are
public; the rest is limited as on the pages, and every change goes through the same services.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.cooperation.governance import queries, services
from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    Meeting,
    Negotiation,
    NegotiationMeasure,
    NegotiationStatus,
    NgoNetwork,
    NominationRequest,
    Seat,
    WorkingGroup,
)
from kumppani.cooperation.governance.rules import run_network_ids
from kumppani.cooperation.models import Sector
from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import PublicBody, Term
from kumppani.core.rules import body_roles
from kumppani.core.versioning import version_serializer_field
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import membership_roles

_ERRORS = {
    400: OpenApiResponse(description="A rule refused it: `{field or non_field_errors: [reason]}`."),
    403: OpenApiResponse(description='Not allowed: `{"detail": reason}`.'),
}
_CONFLICT = {
    409: OpenApiResponse(
        description="Conflict: someone else changed it after the `version` you sent; "
        '`{"version": [what changed meanwhile]}`.'
    )
}


def _version():
    return version_serializer_field(read_only=True)


class BodyFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=PublicBody.objects.all(), to_field_name="slug", help_text="Slug of a public body."
    )


# Groups and networks --------------------------------------------------------------------------


class SeatSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    deputy_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Seat
        fields = ["name", "organisation", "deputy_name", "deputy_organisation", "term_start", "term_end"]


class GroupSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    description = TranslatedField()
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    seats = SeatSerializer(many=True, read_only=True, source="current_seats")
    version = _version()

    class Meta:
        model = WorkingGroup
        fields = ["id", "body", "kind", "name", "description", "ngo_seats", "is_active", "seats", "version"]


@extend_schema_view(
    list=extend_schema(summary="Councils and working groups with their current NGO representatives"),
    retrieve=extend_schema(summary="One council or working group"),
)
class GroupViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """A body's councils, working groups and steering groups, and who represents NGOs in them."""

    serializer_class = GroupSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = BodyFilter

    def get_queryset(self):
        from django.db.models import Prefetch

        return (
            WorkingGroup.objects.select_related("body")
            .prefetch_related(Prefetch("seats", queryset=queries.current_seats(), to_attr="current_seats"))
            .order_by("body__name", "name", "pk")
        )


class NetworkSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    description = TranslatedField()
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    chair = serializers.CharField(source="chair.full_name", read_only=True)
    members = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    version = _version()

    class Meta:
        model = NgoNetwork
        fields = ["slug", "name", "description", "area", "parent", "chair", "members", "version"]


@extend_schema_view(
    list=extend_schema(summary="NGO networks with their chair and member NGOs"),
    retrieve=extend_schema(summary="One NGO network"),
)
class NetworkViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Networks of the NGOs of an area (JANE-style) that nominate NGO representatives."""

    serializer_class = NetworkSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    filterset_class = None
    queryset = (
        NgoNetwork.objects.select_related("area", "parent", "chair").prefetch_related("members").order_by("name", "pk")
    )


# Nominations ----------------------------------------------------------------------------------


class NomineeSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all())
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    deputy_organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True, default=None
    )
    deputy_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    deputy_email = serializers.EmailField(required=False, allow_blank=True)


class NominateSerializer(serializers.Serializer):
    nominees = NomineeSerializer(many=True)


class NominationRequestSerializer(serializers.ModelSerializer):
    group = serializers.PrimaryKeyRelatedField(queryset=WorkingGroup.objects.all())
    network = serializers.SlugRelatedField(slug_field="slug", queryset=NgoNetwork.objects.all())
    nominations = NomineeSerializer(many=True, read_only=True)

    class Meta:
        model = NominationRequest
        fields = [
            "id",
            "group",
            "network",
            "seats",
            "deputies",
            "deadline",
            "term_start",
            "term_end",
            "message",
            "status",
            "nominations",
        ]
        read_only_fields = ["status"]


@extend_schema_view(
    list=extend_schema(summary="Nomination requests of the bodies you work for and to the networks you run"),
    retrieve=extend_schema(summary="One nomination request with its nominees"),
    create=extend_schema(
        summary="Ask a network to nominate representatives to a group (the body's coordinators)",
        responses={201: NominationRequestSerializer, **_ERRORS},
    ),
)
class NominationRequestViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = NominationRequestSerializer
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser]
    filterset_class = None

    def get_queryset(self):
        user = self.request.user
        scope = (
            Q()
            if user.is_staff
            else Q(group__body_id__in=list(body_roles(user))) | Q(network_id__in=run_network_ids(user))
        )
        return (
            NominationRequest.objects.filter(scope)
            .select_related("group", "network")
            .prefetch_related("nominations__organisation", "nominations__deputy_organisation")
            .order_by("-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.nomination_request_create(by=request.user, **serializer.validated_data)
        return Response(NominationRequestSerializer(created).data, status=201)

    @extend_schema(
        summary="Nominate the representatives and deputies (the network's chair and coordinators)",
        request=NominateSerializer,
        responses={200: NominationRequestSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def nominate(self, request, pk=None):
        nomination_request = self.get_object()
        serializer = NominateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.nomination_submit(
            by=request.user, request=nomination_request, nominees=serializer.validated_data["nominees"]
        )
        return Response(NominationRequestSerializer(self.get_object()).data)

    @extend_schema(
        summary="Confirm the nominees: they get their seats (the body's coordinators)",
        request=None,
        responses={200: NominationRequestSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        nomination_request = self.get_object()
        services.nomination_confirm(by=request.user, request=nomination_request)
        return Response(NominationRequestSerializer(self.get_object()).data)


# Meetings -------------------------------------------------------------------------------------


class MeetingSerializer(serializers.ModelSerializer):
    """A partnership table or network meeting. The minutes are shown once approved (to the body's
    officials also as a draft); a PATCH changes the agenda, the draft minutes or the details."""

    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    minutes = serializers.CharField(
        required=False, allow_blank=True, max_length=20000, help_text="Null until approved, except for the officials."
    )
    agenda = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    version = version_serializer_field()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "kind",
            "title",
            "starts_at",
            "place",
            "agenda",
            "minutes",
            "minutes_approved_at",
            "organisations",
            "version",
        ]
        read_only_fields = ["minutes_approved_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if not instance.minutes_approved_at and not (
            request and request.user.has_perm("cooperation.change_meeting", instance)
        ):
            data["minutes"] = None
        return data


@extend_schema_view(
    list=extend_schema(summary="Partnership table and network meetings with their agendas"),
    retrieve=extend_schema(summary="One meeting"),
    partial_update=extend_schema(
        summary="Change a meeting's agenda, draft minutes or details (the body's officials)",
        responses={200: MeetingSerializer, **_ERRORS},
    ),
)
class MeetingViewSet(ApiViewMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    parser_classes = [JSONParser]
    filterset_class = BodyFilter
    http_method_names = ["get", "patch", "head", "options"]
    queryset = Meeting.objects.select_related("body").prefetch_related("organisations").order_by("-starts_at", "-pk")

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def partial_update(self, request, *args, **kwargs):
        meeting = self.get_object()
        if not request.user.has_perm("cooperation.change_meeting", meeting):
            raise PermissionDenied
        serializer = self.get_serializer(meeting, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        services.meeting_save(
            by=request.user,
            meeting=meeting,
            data=data,
            officials=list(meeting.officials.all()),
            organisations=list(meeting.organisations.all()),
            version=version,
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=meeting.pk)).data)


# Action items ---------------------------------------------------------------------------------


class ActionItemSerializer(serializers.ModelSerializer):
    meeting = serializers.CharField(source="meeting.title", read_only=True)
    owner_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    version = _version()

    class Meta:
        model = ActionItem
        fields = ["id", "title", "meeting", "owner_organisation", "due_on", "done_at", "version"]


class ActionDoneSerializer(serializers.Serializer):
    version = version_serializer_field()


@extend_schema_view(
    list=extend_schema(summary="Your open action items and those of the NGOs you represent"),
    retrieve=extend_schema(summary="One of your action items"),
)
class ActionItemViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionItemSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ActionItem.objects.none()
        return queries.open_actions_for(self.request.user)

    @extend_schema(
        summary="Mark the action item done",
        request=ActionDoneSerializer,
        responses={200: ActionItemSerializer, **_ERRORS, **_CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        item = self.get_object()
        serializer = ActionDoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.action_item_done(by=request.user, item=item, version=serializer.validated_data.get("version"))
        item.refresh_from_db()
        return Response(ActionItemSerializer(item).data)


# Expert requests ------------------------------------------------------------------------------


class ExpertRequestSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", queryset=PublicBody.objects.all())
    sector = serializers.PrimaryKeyRelatedField(queryset=Sector.objects.all())
    themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=Term.objects.filter(vocabulary="theme")
    )
    version = _version()

    class Meta:
        model = ExpertRequest
        fields = ["id", "body", "sector", "topic", "needed", "purpose", "deadline", "themes", "status", "version"]
        read_only_fields = ["status"]


class ExpertAnswerSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all())
    text = serializers.CharField(max_length=5000)
    contact_email = serializers.EmailField(required=False, allow_blank=True)


@extend_schema_view(
    list=extend_schema(summary="Requests for expert help from NGOs"),
    retrieve=extend_schema(summary="One request for expert help"),
    create=extend_schema(
        summary="Ask the NGOs of the area for expert help (the body's officials)",
        responses={201: ExpertRequestSerializer, **_ERRORS},
    ),
)
class ExpertRequestViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ExpertRequestSerializer
    parser_classes = [JSONParser]
    filterset_class = BodyFilter
    queryset = ExpertRequest.objects.select_related("body").prefetch_related("themes").order_by("-created_at", "-pk")

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["themes"] = list(data.get("themes", []))
        created = services.expert_request_create(by=request.user, **data)
        return Response(ExpertRequestSerializer(created).data, status=201)

    @extend_schema(
        summary="Offer your NGO's expertise (its representatives)",
        request=ExpertAnswerSerializer,
        responses={201: ExpertAnswerSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        expert = self.get_object()
        serializer = ExpertAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = services.expert_answer_submit(by=request.user, request=expert, **serializer.validated_data)
        return Response(
            ExpertAnswerSerializer(
                {"organisation": answer.organisation, "text": answer.text, "contact_email": answer.contact_email}
            ).data,
            status=201,
        )


# Yearly negotiations --------------------------------------------------------------------------


class MeasureSerializer(serializers.ModelSerializer):
    sectors = serializers.StringRelatedField(many=True)
    organisations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    version = _version()

    class Meta:
        model = NegotiationMeasure
        fields = [
            "goal",
            "measure",
            "sectors",
            "organisations",
            "indicator",
            "monitoring_on",
            "status",
            "follow_up",
            "version",
        ]


class NegotiationSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)
    version = _version()

    class Meta:
        model = Negotiation
        fields = ["id", "body", "year", "status", "held_on", "place", "summary", "organisations", "measures", "version"]


@extend_schema_view(
    list=extend_schema(summary="Agreed yearly negotiations (and those being prepared, for the body's officials)"),
    retrieve=extend_schema(summary="One yearly negotiation with its goals, measures and follow-up"),
)
class NegotiationViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = NegotiationSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = BodyFilter

    def get_queryset(self):
        user = self.request.user
        scope = Q(status=NegotiationStatus.AGREED)
        if user.is_authenticated:
            scope |= Q(body_id__in=list(body_roles(user))) | Q(organisations__in=list(membership_roles(user)))
            if user.is_staff:
                scope = Q()
        return (
            Negotiation.objects.filter(scope)
            .distinct()
            .select_related("body")
            .prefetch_related("organisations", "measures__sectors", "measures__organisations")
            .order_by("-year", "pk")
        )


__all__ = [
    "ActionItemViewSet",
    "ExpertRequestViewSet",
    "GroupViewSet",
    "MeetingViewSet",
    "NegotiationViewSet",
    "NetworkViewSet",
    "NominationRequestViewSet",
]
