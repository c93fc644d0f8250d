"""The REST API, version 1: /api/v1/. Outside i18n_patterns, so the language of messages comes from
the request (Accept-Language)."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from kumppani.activities.api import ActivityViewSet
from kumppani.cooperation.api import CoordinatorViewSet, FormViewSet, SectorViewSet
from kumppani.cooperation.governance import api as governance_api
from kumppani.core.api.reference import LanguageViewSet, PublicBodyViewSet, TargetGroupViewSet, ThemeViewSet
from kumppani.core.api.views import not_found
from kumppani.events.api import EventPlaceViewSet, EventViewSet, KeywordViewSet
from kumppani.grants.api import ApplicationViewSet, GrantDecisionViewSet, ProgrammeViewSet
from kumppani.organisations.api import OrganisationViewSet
from kumppani.participation.consultations import api as consultations_api
from kumppani.participation.knowledge.api import KnowledgeReportViewSet
from kumppani.participation.surveys.api import SurveyViewSet
from kumppani.premises.api import BookingViewSet, SpaceViewSet
from kumppani.welfare.api import IndexViewSet

router = DefaultRouter()
router.register("bodies", PublicBodyViewSet, basename="api-body")
router.register("organisations", OrganisationViewSet, basename="api-organisation")
router.register("themes", ThemeViewSet, basename="api-theme")
router.register("target-groups", TargetGroupViewSet, basename="api-target-group")
router.register("languages", LanguageViewSet, basename="api-language")
router.register("grant-programmes", ProgrammeViewSet, basename="api-grant-programme")
router.register("grant-applications", ApplicationViewSet, basename="api-grant-application")
router.register("grant-decisions", GrantDecisionViewSet, basename="api-grant-decision")
router.register("activities", ActivityViewSet, basename="api-activity")
router.register("events", EventViewSet, basename="api-event")
router.register("event-places", EventPlaceViewSet, basename="api-event-place")
router.register("keywords", KeywordViewSet, basename="api-keyword")
router.register("spaces", SpaceViewSet, basename="api-space")
router.register("bookings", BookingViewSet, basename="api-booking")
router.register("cooperation/sectors", SectorViewSet, basename="api-cooperation-sector")
router.register("cooperation/forms", FormViewSet, basename="api-cooperation-form")
router.register("cooperation/coordinators", CoordinatorViewSet, basename="api-cooperation-coordinator")
# Governance of the cooperation app (kumppani.cooperation.governance.api).
router.register("cooperation/groups", governance_api.GroupViewSet, basename="api-coop-group")
router.register("cooperation/networks", governance_api.NetworkViewSet, basename="api-coop-network")
router.register(
    "cooperation/nomination-requests", governance_api.NominationRequestViewSet, basename="api-coop-nomination-request"
)
router.register("cooperation/meetings", governance_api.MeetingViewSet, basename="api-coop-meeting")
router.register("cooperation/action-items", governance_api.ActionItemViewSet, basename="api-coop-action-item")
router.register("cooperation/expert-requests", governance_api.ExpertRequestViewSet, basename="api-coop-expert-request")
router.register("cooperation/negotiations", governance_api.NegotiationViewSet, basename="api-coop-negotiation")
# Participation: consultations (kumppani.participation.consultations.api).
router.register(
    "participation/consultations", consultations_api.ConsultationViewSet, basename="api-participation-consultation"
)
router.register("participation/statements", consultations_api.StatementViewSet, basename="api-participation-statement")
# Participation: surveys' published results and knowledge reports.
router.register("participation/surveys", SurveyViewSet, basename="api-participation-survey")
router.register(
    "participation/knowledge-reports", KnowledgeReportViewSet, basename="api-participation-knowledge-report"
)
# The NGO-friendly municipality index (kumppani.welfare.api).
router.register("welfare/index", IndexViewSet, basename="api-welfare-index")

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI's script comes from its own URL (the split view); its page keeps a <style> block.
    path(
        "v1/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
    path("v1/", include(router.urls)),
    path("hsds/", include("kumppani.activities.hsds.urls")),
    re_path(r"^", not_found),  # last: an unknown API address answers in JSON too
]
