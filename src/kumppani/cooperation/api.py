"""REST API of the cooperation record: /api/v1/cooperation/sectors/, …/forms/ and …/coordinators/.

Everyone reads the sectors, the coordinators' public contact details and the public parts of the
agreed forms of cooperation (title, category, kind, sector, NGOs, period and the realisation
outcomes). The body's officials and the NGO's representatives also get the description, the
responsible official, the contact person and both sides' notes. Every change goes through
kumppani.cooperation.services, which checks the permission, so the API follows the pages' rules.
"""

import django_filters
from django.db.models import Q
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.cooperation import services
from kumppani.cooperation.models import (
    Category,
    CooperationForm,
    Kind,
    Outcome,
    Realisation,
    ReviewPeriod,
    Sector,
    Side,
    Status,
)
from kumppani.cooperation.queries import PUBLIC_STATUSES
from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.filters import documented
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import BodyRole, BodyRoleKind, PublicBody, User
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import membership_roles

_ERRORS = {
    400: OpenApiResponse(description="A rule refused it: `{field or non_field_errors: [reason]}`."),
    403: OpenApiResponse(description='Not allowed: `{"detail": reason}`.'),
}

# Serializers ----------------------------------------------------------------------------------


class SectorSerializer(serializers.ModelSerializer):
    name = TranslatedField(required_languages=("fi",))
    body = serializers.SlugRelatedField(slug_field="slug", queryset=PublicBody.objects.all())

    class Meta:
        model = Sector
        fields = ["id", "body", "slug", "name"]
        read_only_fields = ["slug"]


class RealisationSerializer(serializers.ModelSerializer):
    body_note = serializers.CharField(read_only=True, allow_null=True, help_text="Only for the two sides.")
    ngo_note = serializers.CharField(read_only=True, allow_null=True, help_text="Only for the two sides.")

    class Meta:
        model = Realisation
        fields = ["period_start", "period_end", "outcome", "ngo_outcome", "body_note", "ngo_note"]


class FormSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sector = serializers.PrimaryKeyRelatedField(read_only=True)
    organisations = serializers.SerializerMethodField()
    title = TranslatedField()
    description = TranslatedField(help_text="Only for the two sides; null for others.")
    responsible = serializers.SerializerMethodField(help_text="Only for the two sides.")
    realisations = RealisationSerializer(many=True, read_only=True)

    class Meta:
        model = CooperationForm
        fields = [
            "uuid",
            "body",
            "sector",
            "organisations",
            "category",
            "kind",
            "title",
            "description",
            "responsible",
            "starts_on",
            "ends_on",
            "frequency",
            "review_period",
            "status",
            "realisations",
        ]

    def get_organisations(self, form) -> list[str]:
        return [partner.organisation.slug for partner in form.partners.all()]

    def get_responsible(self, form) -> str | None:
        return form.responsible.full_name if self._full(form) else None

    def _full(self, form) -> bool:
        request = self.context.get("request")
        return bool(request and request.user.has_perm("cooperation.view_form", form))

    def to_representation(self, form):
        data = super().to_representation(form)
        if not self._full(form):
            data["description"] = None
            for realisation in data["realisations"]:
                realisation["body_note"] = realisation["ngo_note"] = None
        return data


class FormCreateSerializer(serializers.Serializer):
    sector = serializers.PrimaryKeyRelatedField(queryset=Sector.objects.all())
    organisations = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), many=True, allow_empty=False
    )
    category = serializers.ChoiceField(choices=Category.choices)
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField(max_length=200, help_text="In Finnish.")
    title_sv = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    description_sv = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    responsible = serializers.SlugRelatedField(
        slug_field="email", queryset=User.objects.all(), required=False, help_text="E-mail; you by default."
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    frequency = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    review_period = serializers.ChoiceField(choices=ReviewPeriod.choices, default=ReviewPeriod.YEAR)


class ConfirmSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all())


class DecideSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


class MarkSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    side = serializers.ChoiceField(choices=Side.choices)


class CoordinatorSerializer(serializers.Serializer):
    body = serializers.CharField(help_text="The body's slug.")
    body_name = serializers.CharField()
    name = serializers.CharField()
    title = serializers.CharField(allow_null=True)
    phone = serializers.CharField(allow_null=True)
    email = serializers.CharField(allow_null=True, help_text="The public e-mail the coordinator gave.")


# Views ----------------------------------------------------------------------------------------


class SectorFilter(django_filters.FilterSet):
    body = documented(
        django_filters.ModelChoiceFilter(queryset=PublicBody.objects.all(), to_field_name="slug"),
        "Slug of a public body: its sectors.",
    )

    class Meta:
        model = Sector
        fields = ["body"]


@extend_schema_view(
    list=extend_schema(summary="Sectors of the public bodies"),
    retrieve=extend_schema(summary="One sector"),
    create=extend_schema(
        summary="Add a sector to a body (its NGO coordinator)", responses={201: SectorSerializer, **_ERRORS}
    ),
)
class SectorViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SectorSerializer
    filterset_class = SectorFilter
    parser_classes = [JSONParser]
    queryset = Sector.objects.select_related("body").order_by("body__name", "name_fi", "pk")

    def get_permissions(self):
        return [permissions.IsAuthenticated()] if self.action == "create" else [permissions.AllowAny()]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        sector = services.sector_save(
            body=data["body"],
            name_fi=data.get("name_fi") or "",
            name_sv=data.get("name_sv") or "",
            name_en=data.get("name_en") or "",
            by=request.user,
        )
        return Response(SectorSerializer(sector).data, status=201)


class FormFilter(django_filters.FilterSet):
    body = documented(
        django_filters.ModelChoiceFilter(queryset=PublicBody.objects.all(), to_field_name="slug"),
        "Slug of a public body: its forms of cooperation.",
    )
    organisation = documented(
        django_filters.ModelChoiceFilter(
            queryset=Organisation.objects.all(), to_field_name="slug", field_name="partners__organisation"
        ),
        "Slug of an NGO: its forms of cooperation.",
    )
    status = django_filters.ChoiceFilter(choices=Status.choices)
    category = django_filters.ChoiceFilter(choices=Category.choices)

    class Meta:
        model = CooperationForm
        fields = ["body", "organisation", "status", "category"]


@extend_schema_view(
    list=extend_schema(summary="Forms of cooperation: the agreed ones for everyone, proposals for the two sides"),
    retrieve=extend_schema(summary="One form of cooperation with its realisation"),
    create=extend_schema(
        summary="Record a form of cooperation (a sector's official or the body's coordinator)",
        request=FormCreateSerializer,
        responses={201: FormSerializer, **_ERRORS},
    ),
)
class FormViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = FormSerializer
    filterset_class = FormFilter
    parser_classes = [JSONParser]
    lookup_field = "uuid"

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def get_queryset(self):
        user = self.request.user
        scope = Q(status__in=PUBLIC_STATUSES)
        if is_platform_admin(user):
            scope = Q()
        elif getattr(user, "is_authenticated", False):
            scope |= Q(body_id__in=list(body_roles(user))) | Q(
                partners__organisation_id__in=list(membership_roles(user))
            )
        ids = CooperationForm.objects.filter(scope).values("pk")
        return (
            CooperationForm.objects.filter(pk__in=ids)
            .select_related("body", "responsible")
            .prefetch_related(
                "partners__organisation",
                "realisations",
            )
            .order_by("-starts_on", "pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = FormCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.setdefault("responsible", request.user)
        sector = data.pop("sector")
        form = services.form_create(body=sector.body, sector=sector, by=request.user, **data)
        return Response(FormSerializer(self.get_queryset().get(pk=form.pk), context={"request": request}).data, 201)

    def _answer(self, form):
        return Response(FormSerializer(self.get_queryset().get(pk=form.pk), context={"request": self.request}).data)

    @extend_schema(
        summary="Confirm the form for an NGO you represent",
        request=ConfirmSerializer,
        responses={200: FormSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, uuid=None):
        form = self.get_object()
        serializer = ConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.form_confirm(form=form, by=request.user, **serializer.validated_data)
        return self._answer(form)

    @extend_schema(
        summary="Accept or decline an NGO's proposal (a reason is needed to decline)",
        request=DecideSerializer,
        responses={200: FormSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, uuid=None):
        form = self.get_object()
        serializer = DecideSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.form_decide(form=form, by=request.user, **serializer.validated_data)
        return self._answer(form)

    @extend_schema(
        summary="Mark one side's realisation of a period (body: its officials; ngo: its representatives)",
        request=MarkSerializer,
        responses={200: FormSerializer, **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def realisation(self, request, uuid=None):
        form = self.get_object()
        serializer = MarkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.realisation_mark(form=form, by=request.user, **serializer.validated_data)
        return self._answer(form)


@extend_schema_view(list=extend_schema(summary="The NGO coordinators of every public body with their public contacts"))
class CoordinatorViewSet(ApiViewMixin, viewsets.GenericViewSet, mixins.ListModelMixin):
    serializer_class = CoordinatorSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = None
    queryset = BodyRole.objects.none()

    def list(self, request, *args, **kwargs):
        roles = (
            BodyRole.objects.filter(role=BodyRoleKind.COORDINATOR)
            .select_related("body", "user")
            .order_by("body__name", "user__full_name", "pk")
        )
        page = self.paginate_queryset(roles)
        contacts = {(c.body_id, c.user_id): c for c in self._contacts([(role.body_id, role.user_id) for role in page])}
        rows = []
        for role in page:
            contact = contacts.get((role.body_id, role.user_id))
            rows.append(
                {
                    "body": role.body.slug,
                    "body_name": role.body.name,
                    "name": role.user.full_name,
                    "title": (contact.title or None) if contact else None,
                    "phone": (contact.phone or None) if contact else None,
                    "email": (contact.email or None) if contact else None,
                }
            )
        return self.get_paginated_response(CoordinatorSerializer(rows, many=True).data)

    def _contacts(self, pairs):
        from kumppani.cooperation.models import CoordinatorContact

        if not pairs:
            return []
        return CoordinatorContact.objects.filter(body_id__in={b for b, _u in pairs}, user_id__in={u for _b, u in pairs})
