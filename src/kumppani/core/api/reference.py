"""REST API of the reference data: public bodies, themes, target groups and languages (read only)."""

import django_filters
from django.db.models import Prefetch, Q
from rest_framework import serializers, viewsets

from kumppani.core.api.fields import OptionalURLField, TranslatedField
from kumppani.core.api.views import ApiViewMixin, by_translated_name
from kumppani.core.models import BodyKind, Language, LanguageStatus, PublicBody, Term, Vocabulary

# Serializers ----------------------------------------------------------------------------------


class PublicBodySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The body's page on the web site.")
    name = TranslatedField(required_languages=("fi",), read_only=True)
    introduction = TranslatedField(read_only=True)
    county = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The wellbeing services county of a municipality (null for a county and for Helsinki).",
    )
    website = OptionalURLField(read_only=True, help_text="The body's web site, or null.")
    municipalities = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="The municipalities of a county."
    )

    class Meta:
        model = PublicBody
        fields = [
            "url",
            "slug",
            "kind",
            "code",
            "name",
            "language_status",
            "region_code",
            "region_name",
            "county",
            "municipalities",
            "website",
            "introduction",
        ]
        read_only_fields = fields

    def get_url(self, body) -> str:
        return self.context["request"].build_absolute_uri(body.get_absolute_url())


class TermSerializer(serializers.ModelSerializer):
    name = TranslatedField(required_languages=("fi",), read_only=True)
    yso_uri = serializers.SerializerMethodField(help_text="The concept in the General Finnish Ontology (YSO).")

    class Meta:
        model = Term
        fields = ["slug", "name", "yso_uri"]
        read_only_fields = fields

    def get_yso_uri(self, term) -> str:
        return term.yso_uri


class LanguageSerializer(serializers.ModelSerializer):
    name = TranslatedField(required_languages=("fi",), read_only=True)

    class Meta:
        model = Language
        fields = ["code", "name"]
        read_only_fields = fields


# Filters --------------------------------------------------------------------------------------


class PublicBodyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=BodyKind.choices)
    county = django_filters.ModelChoiceFilter(
        queryset=PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]),
        to_field_name="slug",
        help_text="Municipalities of this wellbeing services county (its slug).",
    )
    language_status = django_filters.ChoiceFilter(choices=LanguageStatus.choices)
    q = django_filters.CharFilter(method="filter_name", max_length=100, help_text="Part of the name in any language.")

    class Meta:
        model = PublicBody
        fields = ["kind", "county", "language_status", "q"]

    def filter_name(self, queryset, name, value):
        value = value.strip()
        # SQLite compares only ASCII letters case-insensitively: also try "Ähtäri" for "ähtäri".
        variants = {value, value[:1].upper() + value[1:]}
        condition = Q()
        for variant in variants:
            for language in ("fi", "sv", "en"):
                condition |= Q(**{f"name_{language}__icontains": variant})
        return queryset.filter(condition)


# Views ----------------------------------------------------------------------------------------


class PublicBodyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Municipalities, wellbeing services counties and the City of Helsinki."""

    serializer_class = PublicBodySerializer
    filterset_class = PublicBodyFilter
    lookup_field = "slug"

    def get_queryset(self):
        return (
            PublicBody.objects.select_related("county")
            .prefetch_related(
                Prefetch("municipalities", queryset=PublicBody.objects.only("id", "slug", "county_id").order_by("slug"))
            )
            .order_by(by_translated_name(), "pk")
        )


class _VocabularyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TermSerializer
    lookup_field = "slug"
    vocabulary: str

    def get_queryset(self):
        return Term.objects.filter(vocabulary=self.vocabulary).order_by("position", "pk")


class ThemeViewSet(_VocabularyViewSet):
    """Themes NGOs work on (from the General Finnish Ontology YSO)."""

    vocabulary = Vocabulary.THEME


class TargetGroupViewSet(_VocabularyViewSet):
    """Groups of people NGOs work with (from the General Finnish Ontology YSO)."""

    vocabulary = Vocabulary.TARGET_GROUP


class LanguageViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Languages NGOs work in: ISO 639 codes (fse and fss for the Finnish and Finland-Swedish sign languages)."""

    serializer_class = LanguageSerializer
    queryset = Language.objects.order_by("position", "pk")
    lookup_field = "code"
