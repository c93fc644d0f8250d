"""/api/hsds/: the Open Referral HSDS 3.0 API of the public activities (see hsds.views)."""

from django.urls import path

from kumppani.activities.hsds import views

urlpatterns = [
    path("", views.root, name="api-hsds-root"),
    path("openapi.json", views.openapi, name="api-hsds-openapi"),
    path("services", views.service_list, name="api-hsds-services"),
    path("services/<str:id>", views.service_detail, name="api-hsds-service"),
    path("organizations", views.organization_list, name="api-hsds-organizations"),
    path("organizations/<str:id>", views.organization_detail, name="api-hsds-organization"),
    path("service_at_locations", views.service_at_location_list, name="api-hsds-services-at-locations"),
    path("service_at_locations/<str:id>", views.service_at_location_detail, name="api-hsds-service-at-location"),
    path("taxonomies", views.taxonomy_list, name="api-hsds-taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="api-hsds-taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="api-hsds-taxonomy-terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="api-hsds-taxonomy-term"),
]
