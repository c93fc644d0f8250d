"""REST API of the index: /api/v1/welfare/index/ — the stored yearly results of every body, read-only
and public, with each criterion's status, source and evidence link."""

import django_filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets

from kumppani.core.api.filters import YearFilter
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import BodyKind, PublicBody
from kumppani.welfare import criteria as c
from kumppani.welfare.models import IndexResult
from kumppani.welfare.queries import _evidence_url


class CriterionResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    dimension = serializers.CharField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=[c.MET, c.PARTLY, c.NOT_MET])
    source = serializers.ChoiceField(
        choices=["computed", "self", "missing"],
        help_text="computed from the data; self-assessed by the coordinator; missing (not assessed, counts as not met).",
    )
    evidence_url = serializers.CharField(help_text="Address of the public list counted; empty when self-assessed.")
    figures = serializers.DictField(child=serializers.IntegerField())
    justification = serializers.CharField(help_text="The coordinator's justification of a self-assessment.")


class IndexResultSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    body_name = serializers.CharField(source="body.name", read_only=True)
    body_code = serializers.CharField(source="body.code", read_only=True)
    county = serializers.SlugRelatedField(source="body.county", slug_field="slug", read_only=True, allow_null=True)
    overall = serializers.DecimalField(max_digits=4, decimal_places=1, coerce_to_string=False, read_only=True)
    light = serializers.SerializerMethodField()
    dimensions = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()

    class Meta:
        model = IndexResult
        fields = [
            "body",
            "body_name",
            "body_code",
            "county",
            "year",
            "overall",
            "light",
            "dimensions",
            "criteria",
            "computed_at",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=["green", "yellow", "red"]))
    def get_light(self, result) -> str:
        return c.light(result.overall)

    @extend_schema_field(serializers.DictField(child=serializers.FloatField()))
    def get_dimensions(self, result) -> dict:
        return {key: float(result.dimensions.get(key, "0")) for key, _label in c.DIMENSIONS}

    @extend_schema_field(CriterionResultSerializer(many=True))
    def get_criteria(self, result) -> list:
        stored = {row["key"]: row for row in result.criteria}
        rows = []
        for criterion in c.CRITERIA:
            row = stored.get(criterion.key, {})
            rows.append(
                {
                    "key": criterion.key,
                    "dimension": criterion.dimension,
                    "title": str(criterion.title),
                    "status": row.get("status", c.NOT_MET),
                    "source": row.get("source", "missing"),
                    "evidence_url": _evidence_url(row.get("evidence")),
                    "figures": row.get("figures", {}),
                    "justification": row.get("justification", ""),
                }
            )
        return rows


class IndexFilter(django_filters.FilterSet):
    year = YearFilter(field_name="year")
    body = django_filters.ModelChoiceFilter(
        field_name="body", to_field_name="slug", queryset=PublicBody.objects.all(), help_text="Slug of the body."
    )
    county = django_filters.ModelChoiceFilter(
        method="filter_county",
        to_field_name="slug",
        queryset=PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]),
        help_text="Slug of a wellbeing services county: the county and its municipalities.",
    )

    class Meta:
        model = IndexResult
        fields = ["year", "body", "county"]

    @extend_schema_field(OpenApiTypes.STR)
    def filter_county(self, queryset, name, value):
        return queryset.filter(Q(body=value) | Q(body__county=value))


@extend_schema_view(list=extend_schema(summary="List the NGO-friendly municipality index, newest year, best first"))
class IndexViewSet(ApiViewMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The NGO-friendly municipality index of every body on the platform, as stored by the daily
    computation: scores 0–100 overall and in TEAviisari's seven dimensions, with each criterion.
    Anyone may read it."""

    serializer_class = IndexResultSerializer
    filterset_class = IndexFilter
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return IndexResult.objects.select_related("body", "body__county").order_by(
            "-year", "-overall", "body__name", "pk"
        )
