"""REST API of surveys: /api/v1/participation/surveys/.

Anyone reads the surveys whose results are published, with the counts of each choice and scale value
(never the free text); a body's coordinators and officials also read their own unpublished ones.
Read-only: surveys are written on their pages."""

import django_filters
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.filters import YearFilter
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.rules import body_roles
from kumppani.participation.surveys import queries
from kumppani.participation.surveys.models import Survey
from kumppani.participation.surveys.rules import OWNER_ROLES


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "question": {"type": "string"},
                "key": {"type": "string", "description": "Stable key of a barometer question, else empty."},
                "kind": {"type": "string", "enum": ["single", "multiple", "scale", "text"]},
                "answered": {"type": "integer"},
                "mean": {"type": "number", "nullable": True},
                "rows": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "label": {"type": "string"},
                            "count": {"type": "integer"},
                            "percent": {"type": "integer"},
                        },
                    },
                },
            },
        },
    }
)
class ResultsField(serializers.Field):
    """Each question's counts; free-text questions show only how many answered them."""

    def to_representation(self, survey):
        results = queries.survey_results(survey)
        return [
            {
                "question": r.question.text,
                "key": r.question.key,
                "kind": r.question.kind,
                "answered": r.answered,
                "mean": r.mean,
                "rows": [{"label": row.label, "count": row.count, "percent": row.pct} for row in r.rows],
            }
            for r in results.questions
        ]


class SurveySerializer(serializers.ModelSerializer):
    title = TranslatedField(read_only=True)
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The public body's slug.")
    answers = serializers.IntegerField(source="answer_count", read_only=True, help_text="Number of answers.")
    url = serializers.URLField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Survey
        fields = [
            "slug",
            "title",
            "body",
            "opens_at",
            "closes_at",
            "barometer_year",
            "results_published",
            "answers",
            "url",
        ]


class SurveyDetailSerializer(SurveySerializer):
    results = ResultsField(source="*", read_only=True)

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "results"]


class SurveyFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="body__slug", help_text="A public body's slug.")
    barometer_year = YearFilter(help_text="Only the NGO barometers of this year.")

    class Meta:
        model = Survey
        fields = ["body", "barometer_year"]


class SurveyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Surveys with published results (and a body's own, for its coordinators and officials)."""

    serializer_class = SurveySerializer
    filterset_class = SurveyFilter
    lookup_field = "slug"

    def get_serializer_class(self):
        return SurveyDetailSerializer if self.action == "retrieve" else SurveySerializer

    def get_queryset(self):
        from django.db.models import Count

        own = [body_id for body_id, roles in body_roles(self.request.user).items() if roles & OWNER_ROLES]
        visible = Q(results_published=True) | Q(body_id__in=own)
        if getattr(self.request.user, "is_staff", False):
            visible = Q()
        return (
            Survey.objects.filter(visible)
            .select_related("body")
            .annotate(answer_count=Count("responses"))
            .order_by("-closes_at", "pk")
        )
