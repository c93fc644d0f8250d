"""REST API of grants (/api/v1/grant-programmes/, grant-applications/, grant-decisions/): the
viewsets in `views`, their serializers and filters beside them. The viewsets are importable from
here, as `kumppani.api.urls` does."""

from kumppani.grants.api.views import ApplicationViewSet, GrantDecisionViewSet, ProgrammeViewSet

__all__ = ["ApplicationViewSet", "GrantDecisionViewSet", "ProgrammeViewSet"]
