"""REST API of consultations under /api/v1/participation/: consultations (published ones for everyone,
drafts for the body's preparers) with their sections and published response, and statements (public
ones after closing; sent ones for the body's preparers; an NGO's own, drafts included, for its people)."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.filters import IdFilter
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles
from kumppani.organisations.rules import membership_roles
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationResponse,
    ConsultationSection,
    ConsultationStatus,
    ResponseLink,
    Statement,
    StatementAnswer,
    StatementStatus,
)
from kumppani.participation.consultations.queries import PREPARERS

PAST_CLOSING = (ConsultationStatus.CLOSED, ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED)


def _preparer_body_ids(user) -> list[int]:
    return [body_id for body_id, roles in body_roles(user).items() if roles & set(PREPARERS)]


class ConsultationBodyFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=PublicBody.objects.all(), to_field_name="slug", help_text="Slug of a public body."
    )


class ConsultationSectionSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    text = TranslatedField()
    question = TranslatedField()

    class Meta:
        model = ConsultationSection
        fields = ["id", "position", "title", "text", "question", "required"]


class ConsultationResponseLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResponseLink
        fields = ["statement", "what_changed"]


class ConsultationResponseSerializer(serializers.ModelSerializer):
    links = ConsultationResponseLinkSerializer(many=True, read_only=True)

    class Meta:
        model = ConsultationResponse
        fields = ["heard", "changed", "published_at", "links"]


class ConsultationSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = TranslatedField()
    summary = TranslatedField()
    phase = serializers.CharField(
        read_only=True, help_text="draft, upcoming, open, pending (closed, no response yet), responded or finished."
    )
    sections = ConsultationSectionSerializer(many=True, read_only=True)
    response = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "id",
            "body",
            "sector",
            "title",
            "summary",
            "status",
            "phase",
            "opens_at",
            "closes_at",
            "residents",
            "councils",
            "sections",
            "response",
        ]

    @extend_schema_field(ConsultationResponseSerializer(allow_null=True))
    def get_response(self, obj):
        """The response once published (null before)."""
        responses = getattr(obj, "published_responses", [])
        return ConsultationResponseSerializer(responses[0]).data if responses else None


@extend_schema_view(
    list=extend_schema(summary="Consultations: published ones, and drafts for the body's officials"),
    retrieve=extend_schema(summary="One consultation with its sections and published response"),
)
class ConsultationViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ConsultationSerializer
    filterset_class = ConsultationBodyFilter
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        user = self.request.user
        consultations = Consultation.objects.all()
        if not (user.is_authenticated and (user.is_staff or user.is_superuser)):
            consultations = consultations.filter(
                ~Q(status=ConsultationStatus.DRAFT) | Q(body_id__in=_preparer_body_ids(user))
            )
        return (
            consultations.select_related("body").prefetch_related("sections", "councils").order_by("-opens_at", "-pk")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        rows = page if page is not None else queryset
        ids = [row.pk for row in rows]
        published = {
            response.consultation_id: response
            for response in ConsultationResponse.objects.filter(
                consultation_id__in=ids, published_at__isnull=False
            ).prefetch_related("links")
        }
        for row in rows:
            row.published_responses = [published[row.pk]] if row.pk in published else []
        return page

    def get_object(self):
        obj = super().get_object()
        obj.published_responses = list(
            ConsultationResponse.objects.filter(consultation=obj, published_at__isnull=False).prefetch_related("links")
        )
        return obj


class StatementAnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatementAnswer
        fields = ["section", "text"]


class StatementSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    answers = StatementAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "consultation",
            "organisation",
            "council",
            "status",
            "summary",
            "is_public",
            "meeting_date",
            "sent_at",
            "answers",
        ]


class StatementFilter(django_filters.FilterSet):
    consultation = IdFilter(help_text="Id of a consultation.")


@extend_schema_view(
    list=extend_schema(
        summary="Statements: public ones after closing; sent ones for the body's officials; an NGO's own for its people"
    ),
    retrieve=extend_schema(summary="One statement with its answers"),
)
class StatementViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = StatementSerializer
    filterset_class = StatementFilter
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        user = self.request.user
        statements = Statement.objects.all()
        if not (user.is_authenticated and (user.is_staff or user.is_superuser)):
            now = timezone.now()
            past_closing = Q(consultation__status__in=PAST_CLOSING) | Q(
                consultation__status=ConsultationStatus.OPEN, consultation__closes_at__lte=now
            )
            public = Q(status=StatementStatus.SENT, is_public=True) & past_closing
            preparers = Q(status=StatementStatus.SENT, consultation__body_id__in=_preparer_body_ids(user))
            own = Q(organisation_id__in=list(membership_roles(user)))
            statements = statements.filter(public | preparers | own)
        return statements.select_related("organisation").prefetch_related("answers").order_by("sent_at", "pk")
