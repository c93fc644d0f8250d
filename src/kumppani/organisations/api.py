"""REST API of the NGO register.

Reading is public and shows what the public directory shows. Writing goes through the same domain
functions as the pages (kumppani.organisations.services), which check the permissions, validate,
record the audit history and keep the search index current.
"""

import django_filters
from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.fields import SkipField
from rest_framework.parsers import JSONParser
from rest_framework.reverse import reverse

from kumppani.core import search
from kumppani.core.api.fields import LANGUAGES, PrefetchedManyField, TranslatedField
from kumppani.core.api.filters import StrictBooleanFilter, TermsFilter, documented, term_filter
from kumppani.core.api.plain import datetime_writer, grouped, texts
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import Language, PublicBody, Term, Vocabulary
from kumppani.core.slugs import page_addresses
from kumppani.core.validators import reject_hidden_characters, validate_phone
from kumppani.core.versioning import version_serializer_field
from kumppani.organisations import queries, services
from kumppani.organisations.models import ContactPerson, Organisation, OrganisationStatus, org_identifier
from kumppani.organisations.validators import normalise_association_id, normalise_business_id

VIEW_PRIVATE = "organisations.view_private_organisation"

# Serializers ----------------------------------------------------------------------------------


class ContactPersonListSerializer(serializers.ListSerializer):
    """Contact persons are personal data: shown in an NGO's detail only to those allowed to see
    them (its representatives and the officials of the bodies it serves); otherwise the key is left out."""

    def get_attribute(self, instance):
        request = self.context.get("request")
        if not self.context.get("with_contact_persons") or request is None:
            raise SkipField
        if not request.user.has_perm(VIEW_PRIVATE, instance):
            raise SkipField
        return super().get_attribute(instance)


class ContactPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone"]
        list_serializer_class = ContactPersonListSerializer
        extra_kwargs = {
            "name": {"validators": [reject_hidden_characters]},
            "role": {"validators": [reject_hidden_characters]},
            "phone": {"validators": [reject_hidden_characters, validate_phone]},
        }


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The NGO's profile page on the web site.")
    name = TranslatedField(required_languages=("fi",))
    short_description = TranslatedField(required=False)
    description = TranslatedField(required=False)
    business_id = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="Business ID (Y-tunnus), e.g. 1234567-8."
    )
    association_id = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="Association register number, e.g. 123.456."
    )
    org_identifier = serializers.CharField(
        read_only=True, help_text="The org-id.guide identifier FI-PRO-<business ID>; empty without a business ID."
    )
    themes = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(
            slug_field="slug", queryset=Term.objects.filter(vocabulary=Vocabulary.THEME)
        ),
        prefetched="theme_list",
        required=False,
        help_text="Slugs of /api/v1/themes/.",
    )
    target_groups = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(
            slug_field="slug", queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP)
        ),
        prefetched="target_group_list",
        required=False,
        help_text="Slugs of /api/v1/target-groups/.",
    )
    languages = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(slug_field="code", queryset=Language.objects.all()),
        prefetched="language_list",
        required=False,
        help_text="Codes of /api/v1/languages/.",
    )
    areas = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(slug_field="slug", queryset=PublicBody.objects.all()),
        prefetched="area_list",
        allow_empty=False,
        help_text="The municipalities or counties whose residents the NGO serves: slugs of /api/v1/bodies/.",
    )
    logo = serializers.ImageField(read_only=True)
    verified = serializers.BooleanField(
        source="is_verified", read_only=True, help_text="A coordinator has confirmed the information."
    )
    contact_persons = ContactPersonSerializer(
        many=True,
        required=False,
        max_length=10,
        help_text="Named contact persons, in an NGO's detail only for those allowed to see them. "
        "Writing replaces them all.",
    )
    version = version_serializer_field()

    class Meta:
        model = Organisation
        fields = [
            "url",
            "uuid",
            "slug",
            "name",
            "short_description",
            "description",
            "business_id",
            "association_id",
            "org_identifier",
            "founded_year",
            "member_count",
            "themes",
            "target_groups",
            "languages",
            "areas",
            "email",
            "phone",
            "website",
            "street_address",
            "postal_code",
            "post_office",
            "logo",
            "status",
            "verified",
            "verified_at",
            "created_at",
            "updated_at",
            "contact_persons",
            "version",
        ]
        read_only_fields = ["uuid", "slug", "verified_at", "created_at", "updated_at"]
        extra_kwargs = {
            "status": {"required": False},
            # The columns' ranges on PostgreSQL, so the schema is the same on every database.
            "founded_year": {"min_value": 0, "max_value": 32767},
            "member_count": {"min_value": 0, "max_value": 2147483647},
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organisation) -> str:
        return self.context["request"].build_absolute_uri(organisation.get_absolute_url())

    def validate_business_id(self, value: str) -> str:
        return normalise_business_id(value)

    def validate_association_id(self, value: str) -> str:
        return normalise_association_id(value)

    def create(self, validated_data):
        user = self.context["request"].user
        persons = validated_data.pop("contact_persons", None)
        validated_data.pop("version", None)
        with transaction.atomic():
            organisation = services.organisation_create(by=user, data=validated_data, verified=True)
            if persons:
                services.contact_persons_replace(organisation=organisation, by=user, persons=persons)
        return organisation

    def update(self, organisation, validated_data):
        user = self.context["request"].user
        persons = validated_data.pop("contact_persons", None)
        status = validated_data.pop("status", None)
        version = validated_data.pop("version", None)
        with transaction.atomic():
            services.organisation_update(organisation=organisation, by=user, data=validated_data, version=version)
            if persons is not None:
                services.contact_persons_replace(organisation=organisation, by=user, persons=persons)
            if status is not None and status != organisation.status:
                services.organisation_set_status(organisation=organisation, by=user, status=status)
        return organisation


# OrganisationSerializer's fields that are written as the model keeps them.
_AS_THEY_ARE = (
    "business_id",
    "association_id",
    "founded_year",
    "member_count",
    "email",
    "phone",
    "website",
    "street_address",
    "postal_code",
    "post_office",
    "status",
)


def list_json(ids: list[int], request) -> list[dict]:
    """The public NGOs of `ids`, in that order, as OrganisationSerializer writes them in a list (without
    contact persons): five queries of plain values. Building each of a page's 50 NGOs and its
    themes, target groups, languages and areas (some 220 objects) as model instances, and DRF
    writing them field by field, took a third of the answer's time.
    (tests/api/test_api_organisations_read.py holds each item of the list to the NGO's own answer.)"""
    language = get_language()
    language = language if language in LANGUAGES else LANGUAGES[0]
    rows = (
        queries.public_organisations()
        .filter(pk__in=ids)
        .values(
            "pk",
            "uuid",
            "slug",
            "logo",
            "verified_at",
            "created_at",
            "updated_at",
            "version",
            *_AS_THEY_ARE,
            *[f"{base}_{code}" for base in ("name", "short_description", "description") for code in LANGUAGES],
        )
    )
    organisations = {row["pk"]: row for row in rows}
    # In the orders of the serializer's prefetched lists (queries.with_listing_lists).
    through = Organisation.themes.through.objects.filter(organisation_id__in=ids)
    themes = grouped(through.order_by("term__position", "term_id").values_list("organisation_id", "term__slug"))
    through = Organisation.target_groups.through.objects.filter(organisation_id__in=ids)
    targets = grouped(through.order_by("term__position", "term_id").values_list("organisation_id", "term__slug"))
    through = Organisation.languages.through.objects.filter(organisation_id__in=ids)
    languages = grouped(
        through.order_by("language__position", "language_id").values_list("organisation_id", "language__code")
    )
    through = Organisation.areas.through.objects.filter(organisation_id__in=ids)
    areas = grouped(
        through.order_by(f"publicbody__name_{language}", "publicbody_id").values_list(
            "organisation_id", "publicbody__slug"
        )
    )
    origin, page = request.build_absolute_uri("/").removesuffix("/"), page_addresses("organisations:detail")
    logo_storage = Organisation._meta.get_field("logo").storage
    datetime_text = datetime_writer()

    found = []
    for pk in ids:
        row = organisations.get(pk)
        if row is None:
            continue
        found.append(
            {
                "url": origin + page(row["slug"]),
                "uuid": str(row["uuid"]),
                "slug": row["slug"],
                "name": texts(row, "name"),
                "short_description": texts(row, "short_description"),
                "description": texts(row, "description"),
                "business_id": row["business_id"],
                "association_id": row["association_id"],
                "org_identifier": org_identifier(row["business_id"]),
                "founded_year": row["founded_year"],
                "member_count": row["member_count"],
                "themes": themes.get(pk, []),
                "target_groups": targets.get(pk, []),
                "languages": languages.get(pk, []),
                "areas": areas.get(pk, []),
                "email": row["email"],
                "phone": row["phone"],
                "website": row["website"],
                "street_address": row["street_address"],
                "postal_code": row["postal_code"],
                "post_office": row["post_office"],
                "logo": request.build_absolute_uri(logo_storage.url(row["logo"])) if row["logo"] else None,
                "status": row["status"],
                "verified": row["verified_at"] is not None,
                "verified_at": datetime_text(row["verified_at"]),
                "created_at": datetime_text(row["created_at"]),
                "updated_at": datetime_text(row["updated_at"]),
                "version": row["version"],
            }
        )
    return found


# Filters --------------------------------------------------------------------------------------

ORDERINGS = [
    ("name", "name"),
    ("-name", "-name"),
    ("updated_at", "updated_at"),
    ("-updated_at", "-updated_at"),
]


class OrganisationFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=PublicBody.objects.all(),
        to_field_name="slug",
        method="filter_body",
    )
    theme = term_filter("themes", Vocabulary.THEME, "Theme slug; repeat for NGOs with every one of them.")
    target_group = term_filter(
        "target_groups", Vocabulary.TARGET_GROUP, "Target group slug; repeat for NGOs with every one of them."
    )
    language = documented(
        TermsFilter(
            field_name="languages__code",
            queryset=Language.objects.all(),
            to_field_name="code",
            conjoined=True,
        ),
        "Language code; repeat for NGOs working in every one of them.",
    )
    status = django_filters.ChoiceFilter(choices=OrganisationStatus.choices)
    verified = StrictBooleanFilter(method="filter_verified", help_text="true or false.")
    q = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Search words, matched in any language and any form of the word. "
        "Without `ordering` the best matches come first.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=ORDERINGS, method="filter_nothing", help_text="Order of the list; by name unless searching."
    )

    class Meta:
        model = Organisation
        fields = ["body", "theme", "target_group", "language", "status", "verified", "q", "ordering"]

    @extend_schema_field(
        {"type": "string", "description": "Slug of a municipality or county: NGOs serving its residents."}
    )
    def filter_body(self, queryset, name, body):
        return queries.serving_body(queryset, body)

    def filter_verified(self, queryset, name, value):
        return queryset.filter(verified_at__isnull=not value)

    def filter_search(self, queryset, name, value):
        return search.filter_matching(queryset, services.SEARCH_KIND, value)

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset

    def filter_queryset(self, queryset):
        return self.ordered(super().filter_queryset(queryset))

    def ordered(self, queryset):
        """`queryset` in the order asked for (without `ordering`, by name), then by id."""
        return queryset.order_by(self.order_field(), "pk")

    def order_field(self) -> str:
        """The field the list is ordered by (queries.ORDER_FIELDS, "-" first for the reverse)."""
        ordering = self.form.cleaned_data.get("ordering")
        if ordering in ("updated_at", "-updated_at"):
            return ordering
        return queries.name_order(get_language(), descending=ordering == "-name")

    @property
    def by_relevance(self) -> str:
        """The search words when the list is to be ordered best match first, else ""."""
        if not self.form.is_valid() or self.form.cleaned_data.get("ordering"):
            return ""
        return self.form.cleaned_data.get("q") or ""


# Views ----------------------------------------------------------------------------------------


class OrganisationPermission(permissions.BasePermission):
    """Deny by default. Anyone reads; adding (POST) needs organisations.add_organisation; changing
    (PATCH) needs organisations.change_organisation on the NGO, which the domain functions check again."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.method.lower() not in view.http_method_names:
            return True  # answered with 405 Method Not Allowed
        if request.method == "POST":
            return request.user.has_perm("organisations.add_organisation")
        if request.method == "PATCH":
            return bool(request.user and request.user.is_authenticated)
        return False

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.method == "PATCH":
            return request.user.has_perm("organisations.change_organisation", obj)
        return False


_ERRORS = {
    400: OpenApiResponse(
        description="Invalid data: an object whose keys are the invalid fields (`non_field_errors` for the whole "
        "NGO) and whose values are lists of reasons, in the language of the request (Accept-Language)."
    ),
    403: OpenApiResponse(description='Not signed in, or not allowed to do this: `{"detail": reason}`.'),
}


@extend_schema_view(
    list=extend_schema(summary="List the NGOs in the public directory (not dissolved, not merged)"),
    retrieve=extend_schema(
        summary="One NGO",
        responses={
            200: OrganisationSerializer,
            301: OpenApiResponse(description="The NGO has been merged into another; Location gives it."),
        },
    ),
    create=extend_schema(
        summary="Add an NGO to the register (coordinators)",
        responses={201: OrganisationSerializer, **_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change an NGO's information (its representatives and the coordinators of the bodies it serves)",
        responses={200: OrganisationSerializer, **_ERRORS},
    ),
)
class OrganisationViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The NGO register."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    permission_classes = [OrganisationPermission]
    lookup_field = "slug"
    http_method_names = ["get", "post", "patch", "head", "options"]
    parser_classes = [JSONParser]

    def get_queryset(self):
        # An NGO's own address keeps working after it is dissolved (its status tells).
        organisations = queries.public_organisations() if self.action == "list" else queries.unmerged_organisations()
        return queries.with_listing_lists(organisations).order_by(queries.name_order(get_language()), "pk")

    def list(self, request, *args, **kwargs):
        """The filters and the number of matches from the register's bit sets (queries.register_index),
        best match first ranked in memory; only the page is read from the database."""
        filterset = self.filterset_class(request.query_params, queryset=self.get_queryset(), request=request)
        if not filterset.is_valid():
            return super().list(request, *args, **kwargs)  # answers 400, naming the parameters
        data = filterset.form.cleaned_data
        words = data.get("q") or ""
        ranks = search.look_up(services.SEARCH_KIND, words, ranked=bool(filterset.by_relevance))
        index = queries.register_index()
        matches = queries.api_matches(index, data, ranks)
        if filterset.by_relevance:
            found = queries.ranked(index, matches, ranks or {}, tiebreak=queries.name_order(get_language()))
        else:
            found = queries.ordered(index, matches, filterset.order_field())
        page = self.paginate_queryset(found)
        return self.get_paginated_response(list_json(page, request))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "with_contact_persons": self.action != "list"}

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            merged = (
                Organisation.objects.filter(slug=kwargs.get(self.lookup_field), merged_into__isnull=False)
                .select_related("merged_into")
                .first()
            )
            if merged is None:
                raise
            url = reverse("api-organisation-detail", kwargs={"slug": merged.merged_into.slug}, request=request)
            return HttpResponsePermanentRedirect(url)

    def perform_create(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def _reloaded(self, organisation: Organisation) -> Organisation:
        return queries.with_listing_lists(Organisation.objects.filter(pk=organisation.pk)).get()
