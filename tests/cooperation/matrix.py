"""URL names of the cooperation app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Public: the national list of coordinators, a body's cooperation page (its officials see more),
# an NGO's record page with a body (the NGO and the body's officials see the whole record, others the
# public parts) and an NGO's list of records: tests/cooperation/test_record_views.py.
URL_NAMES |= {"cooperation:coordinators", "cooperation:body", "cooperation:record", "cooperation:ngo"}

# A form of cooperation and its actions: the body's officials and the NGO's representatives only;
# only the body's officials mark the body's side (tests/cooperation/test_record_views.py).
URL_NAMES |= {"cooperation:form", "cooperation:form_confirm", "cooperation:form_decide", "cooperation:form_mark"}

# Changing and ending a form: the body's officials only (tests/cooperation/test_form_edit.py).
URL_NAMES |= {"cooperation:form_edit", "cooperation:form_end"}

# The coordinator's and officials' pages, and proposing as an NGO (tests/cooperation/test_record_views.py).
URL_NAMES |= {
    "cooperation:sectors",
    "cooperation:sector",
    "cooperation:contact",
    "cooperation:form_create",
    "cooperation:from_booking",
    "cooperation:summary",
    "cooperation:summary_export",
    "cooperation:export",
    "cooperation:propose",
}

# The API (/api/v1/cooperation/…): tests/cooperation/test_record_api.py.
URL_NAMES |= {
    "api-cooperation-sector-list",
    "api-cooperation-sector-detail",
    "api-cooperation-form-list",
    "api-cooperation-form-detail",
    "api-cooperation-form-confirm",
    "api-cooperation-form-decide",
    "api-cooperation-form-realisation",
    "api-cooperation-coordinator-list",
}

# The governance pages add their names below (cooperation/governance/).
