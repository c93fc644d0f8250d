"""The grants API's filters: the query parameters of the programme, application and decision lists."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from kumppani.core.api.filters import IdFilter, StrictBooleanFilter, YearFilter
from kumppani.core.models import PublicBody
from kumppani.grants.models import Application, ApplicationStatus, GrantProgramme, ProgrammeKind


class ProgrammeFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        field_name="body", queryset=PublicBody.objects.all(), to_field_name="slug", help_text="Slug of the body."
    )
    year = YearFilter()
    kind = django_filters.ChoiceFilter(choices=ProgrammeKind.choices)
    open = StrictBooleanFilter(method="filter_open", help_text="true: only programmes taking applications.")

    class Meta:
        model = GrantProgramme
        fields = ["body", "year", "kind", "open"]

    def filter_open(self, queryset, name, value):
        now = timezone.now()
        is_open = Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        return queryset.filter(is_open) if value else queryset.exclude(is_open)


class ApplicationFilter(django_filters.FilterSet):
    programme = IdFilter(field_name="programme_id")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Slug of the NGO.")
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices)

    class Meta:
        model = Application
        fields = ["programme", "organisation", "status"]


class GrantDecisionFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="programme__body__slug", help_text="Slug of the body.")
    year = YearFilter(field_name="programme__year")
    programme = IdFilter(field_name="programme_id")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Slug of the NGO.")

    class Meta:
        model = Application
        fields = ["body", "year", "programme", "organisation"]
