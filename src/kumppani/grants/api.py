"""REST API of grants: programmes and decided grants for anyone, applications for their NGO and
the staff of the body that runs the programme.

Every write goes through the same domain functions as the pages (kumppani.grants.services.applying):
they check who may do it, the programme's deadline and the state move, and write the history, so
the pages and the API cannot disagree. An NGO's representatives see their NGOs' applications, drafts
included; a body's staff see the applications sent to their body's programmes, never drafts; nobody
else sees any (a stranger's application is 404, as if it did not exist).
"""

import django_filters
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.core.api.fields import TranslatedField
from kumppani.core.api.views import ApiViewMixin
from kumppani.core.models import PublicBody, Term, Vocabulary
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.grants.models import (
    Answer,
    Application,
    ApplicationStatus,
    Attachment,
    AttachmentKind,
    BoardMeeting,
    BudgetLineKind,
    CompletionRequest,
    Criterion,
    FundingSource,
    FundingStatus,
    GrantProgramme,
    OtherFunding,
    ProgrammeKind,
    Question,
)
from kumppani.grants.published import DECIDED_STATES, decided_grants
from kumppani.grants.services import applying
from kumppani.organisations.models import Membership, Organisation

MONEY = {"max_digits": 12, "decimal_places": 2}


def _web_url(serializer, obj) -> str:
    return serializer.context["request"].build_absolute_uri(obj.get_absolute_url())


# Programmes -------------------------------------------------------------------------------------


class CriterionSerializer(serializers.ModelSerializer):
    name = TranslatedField(read_only=True)
    description = TranslatedField(read_only=True)

    class Meta:
        model = Criterion
        fields = ["name", "description", "weight"]
        read_only_fields = fields


class QuestionSerializer(serializers.ModelSerializer):
    text = TranslatedField(read_only=True)
    help_text = TranslatedField(read_only=True)

    class Meta:
        model = Question
        fields = ["id", "text", "help_text", "is_required"]
        read_only_fields = fields


class ProgrammeSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The programme's page on the web site.")
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="Slug of /api/v1/bodies/.")
    name = TranslatedField(read_only=True)
    description = TranslatedField(read_only=True)
    principles = TranslatedField(read_only=True)
    conditions = TranslatedField(read_only=True)
    is_open = serializers.SerializerMethodField(help_text="Applications are taken now.")
    eligible_themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="Only NGOs working on one of these may apply."
    )
    required_attachments = serializers.ListField(
        child=serializers.ChoiceField(choices=AttachmentKind.choices), read_only=True
    )
    criteria = CriterionSerializer(many=True, read_only=True, help_text="Reviewers score each from 0 to 5.")
    questions = QuestionSerializer(many=True, read_only=True, help_text="Extra questions of the application form.")

    class Meta:
        model = GrantProgramme
        fields = [
            "id",
            "url",
            "body",
            "year",
            "kind",
            "name",
            "description",
            "principles",
            "conditions",
            "appropriation",
            "max_amount",
            "opens_at",
            "closes_at",
            "is_open",
            "requires_registered",
            "requires_serving_body",
            "eligible_themes",
            "required_attachments",
            "report_due",
            "criteria",
            "questions",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, programme) -> str:
        return _web_url(self, programme)

    def get_is_open(self, programme) -> bool:
        return programme.is_open(self.context["now"])


class ProgrammeFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        field_name="body", queryset=PublicBody.objects.all(), to_field_name="slug", help_text="Slug of the body."
    )
    year = django_filters.NumberFilter()
    kind = django_filters.ChoiceFilter(choices=ProgrammeKind.choices)
    open = django_filters.BooleanFilter(method="filter_open", help_text="true: only programmes taking applications.")

    class Meta:
        model = GrantProgramme
        fields = ["body", "year", "kind", "open"]

    def filter_open(self, queryset, name, value):
        now = timezone.now()
        is_open = Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        return queryset.filter(is_open) if value else queryset.exclude(is_open)


@extend_schema_view(
    list=extend_schema(summary="List the published grant programmes"),
    retrieve=extend_schema(summary="One grant programme with its principles, criteria and questions"),
)
class ProgrammeViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Grant programmes (avustuslajit) that their bodies have published. Anyone may read them."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return (
            GrantProgramme.objects.filter(is_published=True)
            .select_related("body")
            .prefetch_related("criteria", "questions", "eligible_themes")
            .order_by("-year", "name_fi", "pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}


# Applications -----------------------------------------------------------------------------------


class BudgetLineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=BudgetLineKind.choices)
    description = serializers.CharField(max_length=200)
    amount = serializers.DecimalField(min_value=0, **MONEY)
    actual_amount = serializers.DecimalField(read_only=True, allow_null=True, **MONEY)


class OtherFundingSerializer(serializers.ModelSerializer):
    source = serializers.ChoiceField(choices=FundingSource.choices)
    status = serializers.ChoiceField(choices=FundingStatus.choices)
    amount = serializers.DecimalField(min_value=0, **MONEY)
    year = serializers.IntegerField(min_value=2000, max_value=2100)

    class Meta:
        model = OtherFunding
        fields = ["source", "funder", "amount", "status", "year"]


class AnswerSerializer(serializers.ModelSerializer):
    question = serializers.IntegerField(source="question_id", help_text="Id of one of the programme's questions.")
    text = serializers.CharField(allow_blank=True, max_length=5000)

    class Meta:
        model = Answer
        fields = ["question", "text"]


class AttachmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name", read_only=True)

    class Meta:
        model = Attachment
        fields = ["kind", "stage", "name", "content_type", "size", "uploaded_at"]
        read_only_fields = fields


class CompletionRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = CompletionRequest
        fields = ["message", "deadline", "requested_at", "response", "completed_at"]
        read_only_fields = fields


class GrantedSerializer(serializers.Serializer):
    """The board's decision on an application, once made."""

    amount = serializers.DecimalField(**MONEY, help_text="Granted euros; 0 when nothing was granted.")
    reasoning = serializers.CharField()
    conditions = serializers.CharField()
    board = serializers.CharField()
    date = serializers.DateField()
    section = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The application's page on the web site.")
    programme = serializers.PrimaryKeyRelatedField(
        queryset=GrantProgramme.objects.filter(is_published=True), help_text="Id of /api/v1/grant-programmes/."
    )
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), help_text="Slug of the applying NGO."
    )
    themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=Term.objects.filter(vocabulary=Vocabulary.THEME)
    )
    target_groups = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        required=False,
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
    )
    amount_requested = serializers.DecimalField(required=False, allow_null=True, **MONEY)
    budget = BudgetLineSerializer(
        source="budget_lines", many=True, required=False, help_text="Writing replaces the whole budget."
    )
    other_funding = OtherFundingSerializer(
        many=True, required=False, help_text="Other public funding (STEA, other bodies). Writing replaces it all."
    )
    answers = AnswerSerializer(many=True, required=False, help_text="Answers to the programme's questions.")
    attachments = AttachmentSerializer(many=True, read_only=True, help_text="Added on the web site.")
    completion_requests = CompletionRequestSerializer(many=True, read_only=True)
    decision = serializers.SerializerMethodField()
    version = serializers.IntegerField(
        required=False,
        help_text="The version you last read. Required when changing an application: a change based on an "
        "older version is refused, so that nobody's work is overwritten.",
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "uuid",
            "url",
            "reference",
            "programme",
            "organisation",
            "status",
            "title",
            "purpose",
            "expected_outcomes",
            "themes",
            "target_groups",
            "amount_requested",
            "contact_name",
            "contact_email",
            "contact_phone",
            "budget",
            "other_funding",
            "answers",
            "attachments",
            "completion_requests",
            "decision",
            "version",
            "created_at",
            "updated_at",
            "submitted_at",
        ]
        read_only_fields = ["id", "uuid", "reference", "status", "created_at", "updated_at", "submitted_at"]
        extra_kwargs = {field: {"required": False} for field in ("title", "purpose", "expected_outcomes")}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, application) -> str:
        return _web_url(self, application)

    @extend_schema_field(GrantedSerializer(allow_null=True))
    def get_decision(self, application):
        decision = getattr(application, "decision", None)
        if application.status not in DECIDED_STATES or decision is None or decision.amount is None:
            return None
        meeting = decision.meeting
        return GrantedSerializer(
            {
                "amount": decision.amount,
                "reasoning": decision.reasoning,
                "conditions": decision.conditions,
                "board": meeting.board_name,
                "date": meeting.date,
                "section": meeting.section,
            }
        ).data

    def validate(self, data):
        if self.instance is not None:
            # The programme and the NGO are fixed once the draft exists; sending them back unchanged is fine.
            for field in ("programme", "organisation"):
                if field in data and data.pop(field) != getattr(self.instance, field):
                    raise serializers.ValidationError({field: [_("This cannot be changed once the draft exists.")]})
            if "version" not in data:
                raise serializers.ValidationError({"version": [serializers.Field.default_error_messages["required"]]})
        return data

    def create(self, validated_data):
        user = self.context["request"].user
        with transaction.atomic():
            application = applying.application_start(
                programme=validated_data.pop("programme"), organisation=validated_data.pop("organisation"), by=user
            )
            _save(application, user, application.version, validated_data)
        return application

    def update(self, application, validated_data):
        user = self.context["request"].user
        with transaction.atomic():
            _save(application, user, validated_data.pop("version"), validated_data)
        return application


def _save(application: Application, by, version: int, data: dict) -> None:
    """Write each part the request names through its domain function. Each claims the next version,
    so the first one refuses a stale request; the caller's transaction keeps it all or nothing."""
    fields = {key: data[key] for key in (*applying.DETAIL_FIELDS, *applying.OUTCOME_FIELDS) if key in data}
    fields.update({key: data[key] for key in ("themes", "target_groups") if key in data})
    if fields:
        applying.application_save(application=application, by=by, version=version, data=fields)
        version = application.version
    if "budget_lines" in data:
        applying.budget_replace(application=application, by=by, version=version, lines=data["budget_lines"])
        version = application.version
    if "other_funding" in data:
        applying.other_funding_replace(application=application, by=by, version=version, rows=data["other_funding"])
        version = application.version
    if "answers" in data:
        answers = {row["question_id"]: row["text"] for row in data["answers"]}
        applying.answers_save(application=application, by=by, version=version, answers=answers)


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The version you checked; a draft changed since then is not submitted."
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CompleteSerializer(serializers.Serializer):
    response = serializers.CharField(allow_blank=True, max_length=5000, help_text="The reply to the request.")


class ApplicationFilter(django_filters.FilterSet):
    programme = django_filters.NumberFilter(field_name="programme_id")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Slug of the NGO.")
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices)

    class Meta:
        model = Application
        fields = ["programme", "organisation", "status"]


def visible_applications(user):
    """The applications `user` may see: their NGOs' own, and those sent to their bodies' programmes."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    own = Q(organisation_id__in=Membership.objects.filter(user=user).values("organisation_id"))
    sent = ~Q(status=ApplicationStatus.DRAFT)
    if not is_platform_admin(user):
        sent &= Q(programme__body_id__in=list(body_roles(user)))
    return Application.objects.filter(own | sent)


_ERRORS = {
    400: OpenApiResponse(
        description="Not allowed now or invalid: an object whose keys are the fields (`non_field_errors` for the "
        "whole application) and whose values are lists of reasons, in the language of the request (Accept-Language)."
    ),
    403: OpenApiResponse(description='Not signed in, or not allowed to do this: `{"detail": reason}`.'),
    404: OpenApiResponse(description="No such application among those you may see."),
}


@extend_schema_view(
    list=extend_schema(summary="List the applications you may see: your NGOs' own, or those sent to your body"),
    retrieve=extend_schema(summary="One application", responses={200: ApplicationSerializer, 404: _ERRORS[404]}),
    create=extend_schema(
        summary="Start a draft application for an NGO you represent, while the programme is open",
        responses={201: ApplicationSerializer, **_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change a draft (or an application whose completion was requested); give `version`",
        responses={200: ApplicationSerializer, **_ERRORS},
    ),
    submit=extend_schema(
        summary="Submit a complete draft before the programme closes",
        request=SubmitSerializer,
        responses={200: ApplicationSerializer, **_ERRORS},
    ),
    withdraw=extend_schema(
        summary="Withdraw the application",
        request=WithdrawSerializer,
        responses={200: ApplicationSerializer, **_ERRORS},
    ),
    complete=extend_schema(
        summary="Send the completion the grant officer asked for, before its deadline",
        request=CompleteSerializer,
        responses={200: ApplicationSerializer, **_ERRORS},
    ),
)
class ApplicationViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Grant applications. Signed-in users only; each sees only what the pages would show them."""

    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "post", "patch", "head", "options"]
    parser_classes = [JSONParser]

    def get_queryset(self):
        return (
            visible_applications(self.request.user)
            .select_related("programme", "organisation", "decision__meeting")
            .prefetch_related(
                "themes",
                "target_groups",
                "budget_lines",
                "other_funding",
                "answers",
                "attachments",
                Prefetch("completion_requests", queryset=CompletionRequest.objects.order_by("-requested_at")),
            )
            .order_by("-created_at", "-pk")
        )

    def _reloaded(self, application: Application) -> Application:
        return self.get_queryset().get(pk=application.pk)

    def perform_create(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self._reloaded(serializer.instance)

    def _answer(self, application: Application) -> Response:
        return Response(self.get_serializer(self._reloaded(application)).data)

    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        application = self.get_object()
        data = self._valid(SubmitSerializer, request)
        applying.application_submit(application=application, by=request.user, version=data.get("version"))
        return self._answer(application)

    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        application = self.get_object()
        data = self._valid(WithdrawSerializer, request)
        applying.application_withdraw(application=application, by=request.user, reason=data.get("reason", ""))
        return self._answer(application)

    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        application = self.get_object()
        data = self._valid(CompleteSerializer, request)
        applying.completion_submit(application=application, by=request.user, response=data["response"])
        return self._answer(application)

    def _valid(self, serializer_class, request) -> dict:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


# Decided grants (public) -----------------------------------------------------------------------------


class DecisionProgrammeSerializer(serializers.ModelSerializer):
    name = TranslatedField(read_only=True)
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = GrantProgramme
        fields = ["id", "body", "year", "name"]
        read_only_fields = fields


class DecisionOrganisationSerializer(serializers.ModelSerializer):
    name = TranslatedField(read_only=True)

    class Meta:
        model = Organisation
        fields = ["slug", "name", "business_id"]
        read_only_fields = fields


class DecisionMeetingSerializer(serializers.ModelSerializer):
    board = TranslatedField(base="board_name", read_only=True)

    class Meta:
        model = BoardMeeting
        fields = ["board", "date", "section"]
        read_only_fields = fields


class GrantDecisionSerializer(serializers.ModelSerializer):
    """A decided grant as the public decision pages show it: no contact persons, no reviewers."""

    programme = DecisionProgrammeSerializer(read_only=True)
    organisation = DecisionOrganisationSerializer(read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    amount_granted = serializers.DecimalField(source="decision.amount", read_only=True, **MONEY)
    meeting = DecisionMeetingSerializer(source="decision.meeting", read_only=True, help_text="The board meeting.")

    class Meta:
        model = Application
        fields = [
            "reference",
            "programme",
            "organisation",
            "title",
            "themes",
            "amount_requested",
            "amount_granted",
            "meeting",
        ]
        read_only_fields = fields


class GrantDecisionFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="programme__body__slug", help_text="Slug of the body.")
    year = django_filters.NumberFilter(field_name="programme__year")
    programme = django_filters.NumberFilter(field_name="programme_id")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Slug of the NGO.")

    class Meta:
        model = Application
        fields = ["body", "year", "programme", "organisation"]


@extend_schema_view(
    list=extend_schema(summary="List the decided grants (money granted), newest year first"),
    retrieve=extend_schema(summary="One decided grant, by its reference"),
)
class GrantDecisionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """The grants boards have decided, as the public decision pages list them. Anyone may read them."""

    serializer_class = GrantDecisionSerializer
    filterset_class = GrantDecisionFilter
    permission_classes = [permissions.AllowAny]
    lookup_field = "reference"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return (
            decided_grants()
            .select_related("programme__body", "organisation", "decision__meeting")
            .prefetch_related("themes")
            .order_by("-programme__year", "programme__body__name", "reference")
        )
