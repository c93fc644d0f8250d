"""The grants API's serializers: what a programme, an application and a decided grant look like
in /api/v1/. They validate the shape of a request only; every rule is in the domain functions
(`grants.services.applying`), which the serializers call to write."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kumppani.core.api.fields import TranslatedField
from kumppani.core.models import Term, Vocabulary
from kumppani.grants.models import (
    Answer,
    Application,
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
    Question,
)
from kumppani.grants.services import applying
from kumppani.grants.workflow import DECIDED_STATES
from kumppani.organisations.models import Organisation

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
    sector = serializers.CharField(
        source="sector.name",
        default=None,
        read_only=True,
        allow_null=True,
        help_text="The body's sector whose money the programme gives, in the active language; null when none is named.",
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
            "sector",
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
            "bank_account",
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
            applying.application_update(
                application=application, by=user, data=_domain_data(validated_data), version=application.version
            )
        return application

    def update(self, application, validated_data):
        version = validated_data.pop("version")
        return applying.application_update(
            application=application,
            by=self.context["request"].user,
            data=_domain_data(validated_data),
            version=version,
        )


def _domain_data(validated: dict) -> dict:
    """The request's parts under the names `applying.application_update` takes."""
    data = {key: value for key, value in validated.items() if key not in ("budget_lines", "answers", "version")}
    if "budget_lines" in validated:
        data["budget"] = validated["budget_lines"]
    if "answers" in validated:
        data["answers"] = {row["question_id"]: row["text"] for row in validated["answers"]}
    return data


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The version you checked; a draft changed since then is not submitted."
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CompleteSerializer(serializers.Serializer):
    response = serializers.CharField(allow_blank=True, max_length=5000, help_text="The reply to the request.")


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
