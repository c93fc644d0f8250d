"""REST API of knowledge reports: /api/v1/participation/knowledge-reports/.

Anyone reads the sent reports' public parts (summary, figures, recommendations, quotes given with
consent, the body's answer); the observations in full only their NGO and the body they were sent to.
Read-only: reports are written on their pages."""

import django_filters
from rest_framework import serializers, viewsets

from kumppani.core.api.views import ApiViewMixin
from kumppani.participation.knowledge import queries
from kumppani.participation.knowledge.models import KnowledgeReport


class KnowledgeReportSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The NGO's slug.")
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The public body's slug.")
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    target_groups = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    quotes = serializers.SlugRelatedField(slug_field="text", many=True, read_only=True)
    observations = serializers.SerializerMethodField(help_text="Only for the NGO and the body; otherwise null.")
    url = serializers.URLField(source="get_absolute_url", read_only=True)

    class Meta:
        model = KnowledgeReport
        fields = [
            "id", "title", "organisation", "body", "themes", "target_groups", "area", "period_start", "period_end",
            "participants", "contacts", "members_heard", "public_summary", "observations", "recommendations", "quotes",
            "topic", "status", "sent_at", "acknowledged_at", "response", "answered_at", "url",
        ]  # fmt: skip

    def get_observations(self, report) -> str | None:
        user = self.context["request"].user
        return report.observations if user.has_perm("participation.view_report_in_full", report) else None


class KnowledgeReportFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="body__slug", help_text="A public body's slug.")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="An NGO's slug.")
    topic = django_filters.CharFilter(help_text="The topic of the welfare report.")

    class Meta:
        model = KnowledgeReport
        fields = ["body", "organisation", "topic"]


class KnowledgeReportViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Experiential knowledge reports NGOs have sent to public bodies."""

    serializer_class = KnowledgeReportSerializer
    filterset_class = KnowledgeReportFilter

    def get_queryset(self):
        return queries.public_reports().prefetch_related("quotes").order_by("-sent_at", "pk")
