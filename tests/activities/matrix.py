"""URL names of the activities app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Service paths: tests/activities/test_paths.py (public pages, and every editor page refused to outsiders).
URL_NAMES |= {
    "activities:paths",
    "activities:path",
    "activities:manage_paths",
    "activities:path_create",
    "activities:path_edit",
    "activities:path_update",
    "activities:path_history",
    "activities:path_publish",
    "activities:path_delete",
    "activities:step_create",
    "activities:step_update",
    "activities:step_move",
    "activities:step_delete",
    "activities:step_activities",
}

# Finding activities and the client list: public, no sign-in (tests/activities/test_directory_views.py,
# test_client_list.py: everyone gets the same pages; a saved list is read by its token only).
URL_NAMES |= {
    "activities:directory",
    "activities:detail",
    "activities:client_list_draft",
    "activities:client_list_add",
    "activities:client_list_remove",
    "activities:client_list_clear",
    "activities:client_list",
}

# The HSDS 3.0 API (/api/hsds/): read-only and public, the same records for everyone; every other
# method is 405 (tests/activities/test_hsds.py). Names starting with "api-" are outside the page
# matrix of tests/test_permissions.py; they are listed here as covered all the same.
URL_NAMES |= {
    "api-hsds-root",
    "api-hsds-openapi",
    "api-hsds-services",
    "api-hsds-service",
    "api-hsds-organizations",
    "api-hsds-organization",
    "api-hsds-services-at-locations",
    "api-hsds-service-at-location",
    "api-hsds-taxonomies",
    "api-hsds-taxonomy",
    "api-hsds-taxonomy-terms",
    "api-hsds-taxonomy-term",
}

# Publishing and keeping activities current: tests/activities/test_manage_views.py refuses every page
# to the anonymous, another NGO's representative, another body's coordinator and an official of the
# body, and checks that nothing changes; the API's /api/v1/activities/ in tests/api/test_api_activities.py.
URL_NAMES |= {
    "activities:manage",
    "activities:create",
    "activities:confirm_all",
    "activities:edit",
    "activities:history",
    "activities:confirm",
    "activities:set_status",
    "activities:stale_report",
    "api-activity-list",
    "api-activity-detail",
    "api-activity-confirm",
}
