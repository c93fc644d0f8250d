"""REST API of grants: programmes and decided grants for anyone, applications for their NGO and
the staff of the body that runs the programme.

Every write goes through the same domain functions as the pages (kumppani.grants.services.applying):
they check who may do it, the programme's deadline and the state move, and write the history, so
the pages and the API cannot disagree. Who reads which application is the pages' one rule
(grants.queries.applications.readable_applications): an NGO's representatives see their NGOs'
applications, drafts included; of a body's staff, the programme's grant officers, its assigned
reviewers and, for applications on a board meeting's list, the board secretary, never drafts and
never an application they declared a conflict of interest on; nobody else sees any (an application
one may not read is 404, as if it did not exist).
"""

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kumppani.core.api.views import ApiViewMixin
from kumppani.grants.api.filters import ApplicationFilter, GrantDecisionFilter, ProgrammeFilter
from kumppani.grants.api.serializers import (
    ApplicationSerializer,
    CompleteSerializer,
    GrantDecisionSerializer,
    ProgrammeSerializer,
    SubmitSerializer,
    WithdrawSerializer,
)
from kumppani.grants.models import Application, CompletionRequest, GrantProgramme
from kumppani.grants.queries.applications import readable_applications
from kumppani.grants.queries.published import decided_grants
from kumppani.grants.services import applying


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
            .select_related("body", "sector")
            .prefetch_related("criteria", "questions", "eligible_themes")
            .order_by("-year", "name_fi", "pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}


_ERRORS = {
    400: OpenApiResponse(
        description="Not allowed now or invalid: an object whose keys are the fields (`non_field_errors` for the "
        "whole application) and whose values are lists of reasons, in the language of the request (Accept-Language)."
    ),
    403: OpenApiResponse(description='Not signed in, or not allowed to do this: `{"detail": reason}`.'),
    404: OpenApiResponse(description="No such application among those you may see."),
}


@extend_schema_view(
    list=extend_schema(summary="List the applications you may read: your NGOs' own, or those you handle or review"),
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
            readable_applications(self.request.user)
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
