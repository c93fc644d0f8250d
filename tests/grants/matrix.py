"""URL names of the grants app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Programmes and applying: tests/grants/test_applying_permissions.py, test_programmes.py, test_uploads.py
URL_NAMES |= {
    "grants:programme_list",
    "grants:programme",
    "grants:programme_edit",
    "grants:programme_history",
    "grants:programme_publish",
    "grants:programme_applications",
    "grants:body_programmes",
    "grants:programme_create",
    "grants:my_applications",
    "grants:application_start",
    "grants:application",
    "grants:application_step",
    "grants:application_submit",
    "grants:attachment_download",
    "grants:attachment_remove",
    "grants:completion_request",
    "grants:completion_submit",
    "grants:application_withdraw",
}

# Payments, usage reports, grant history, continuity, public decisions and open data:
# tests/grants/test_reporting.py, test_continuity.py, test_open_data.py
URL_NAMES |= {
    "grants:programme_payments",
    "grants:programme_export",
    "grants:application_payments",
    "grants:instalment_paid",
    "grants:report_due",
    "grants:recovery",
    "grants:close",
    "grants:usage_report",
    "grants:usage_report_review",
    "grants:payments",
    "grants:payments_csv",
    "grants:continuity",
    "grants:grant_history",
    "grants:public_decision_years",
    "grants:public_decisions",
    "grants:giving360",
}

# Review and board decisions: tests/grants/test_review.py, test_decisions.py
URL_NAMES |= {
    "grants:assign_reviewers",
    "grants:review",
    "grants:declare_conflict",
    "grants:my_reviews",
    "grants:summary",
    "grants:meeting_create",
    "grants:meeting",
    "grants:proposal",
    "grants:proposal_ready",
    "grants:board_list",
    "grants:board_list_pdf",
    "grants:decision_record",
    "grants:decision_notify",
    "grants:meeting_decisions",
    "grants:decision_letter",
}

# Grant API endpoints that the staff matrix below tries as each staff role (tests/api/ tries the rest).
URL_NAMES |= {
    "api-grant-application-list",
    "api-grant-application-detail",
    "api-grant-application-submit",
    "api-grant-application-withdraw",
    "api-grant-application-complete",
}

# The staff matrix (tests/grants/test_staff_matrix.py): who of a body's staff may open each grant
# page and endpoint, for an application on a decided meeting's list. Need-to-know: the programme's
# officers (coordinator, official), its assigned reviewers, the board secretary once it is on a
# meeting's list; never the body's viewer or premises manager for what they have no reason to
# read, never anyone for an application they declared a conflict of interest on.
STAFF_ROLES = [
    "coordinator",
    "official",
    "board secretary",
    "viewer",
    "premises manager",
    "reviewer",
    "official with a conflict",
    "reviewer with a conflict",
]
EVERYONE = set(STAFF_ROLES)
OFFICERS = {"coordinator", "official", "official with a conflict"}  # programme-level work
READERS = {"coordinator", "official", "board secretary", "reviewer"}  # may read the listed application
NOBODY: set[str] = set()

STAFF_MATRIX: dict[str, set[str]] = {}
STAFF_MATRIX |= {
    # Programmes: the public page for all; managing for the officers; the applications list for
    # those who read some of them (a reviewer sees the assigned ones; a conflict leaves out its row).
    "grants:programme": EVERYONE,
    "grants:programme_edit": OFFICERS,
    "grants:programme_history": OFFICERS,
    "grants:programme_publish": OFFICERS,
    "grants:programme_applications": OFFICERS | {"board secretary", "reviewer"},
    "grants:body_programmes": EVERYONE,
    "grants:programme_create": OFFICERS,
    "grants:programme_list": EVERYONE,
    # Applying is the NGO's: staff may open their own (empty) lists, never change an application.
    "grants:my_applications": EVERYONE,
    "grants:application_start": EVERYONE,  # tells them they represent no NGO
    "grants:application_step": NOBODY,
    "grants:application_submit": NOBODY,
    "grants:attachment_remove": NOBODY,
    "grants:completion_submit": NOBODY,
    "grants:application_withdraw": NOBODY,
    "grants:usage_report": NOBODY,
    # Reading one application: need-to-know, and nothing after a declared conflict.
    "grants:application": READERS,
    "grants:application (not on a list)": OFFICERS,  # not yet the board secretary's
    "grants:attachment_download": READERS,
    "grants:decision_letter": READERS,
    "api-grant-application-list": READERS,  # the listed application is among the results
    "api-grant-application-detail": READERS,
    "api-grant-application-submit": NOBODY,
    "api-grant-application-withdraw": NOBODY,
    "api-grant-application-complete": NOBODY,
    # Handling one application: its officers without a conflict.
    "grants:completion_request": {"coordinator", "official"},
    "grants:assign_reviewers": {"coordinator", "official"},
    "grants:application_payments": {"coordinator", "official"},
    "grants:instalment_paid": {"coordinator", "official"},
    "grants:report_due": {"coordinator", "official"},
    "grants:recovery": {"coordinator", "official"},
    "grants:close": {"coordinator", "official"},
    "grants:usage_report_review": {"coordinator", "official"},
    # Reviewing: the assigned reviewers; one with a conflict is sent to their list with the reason.
    "grants:review": {"reviewer", "official with a conflict", "reviewer with a conflict"},
    "grants:declare_conflict": {"reviewer", "official with a conflict", "reviewer with a conflict"},
    "grants:my_reviews": EVERYONE,
    # The programme's summary, board meetings and lists: officers and board secretaries (a conflict
    # leaves out that application's row); the viewer and the premises manager have no reason.
    "grants:summary": OFFICERS | {"board secretary"},
    "grants:meeting": OFFICERS | {"board secretary"},
    "grants:board_list": OFFICERS | {"board secretary"},
    "grants:board_list_pdf": OFFICERS | {"board secretary"},
    "grants:programme_export": OFFICERS | {"board secretary"},
    "grants:meeting_create": {"coordinator", "board secretary"},
    "grants:proposal": {"coordinator", "board secretary"},
    "grants:proposal_ready": {"coordinator", "board secretary"},
    "grants:decision_record": {"coordinator", "board secretary"},
    "grants:decision_notify": {"coordinator", "board secretary"},
    # Payments and continuity: the officers (a conflict leaves out that application's rows).
    "grants:programme_payments": OFFICERS,
    "grants:payments": OFFICERS,
    "grants:payments_csv": OFFICERS,
    "grants:continuity": {"coordinator"},
    # The NGO's grant history: decided grants are public; what is pending only for those who may read it.
    "grants:grant_history": EVERYONE,
    # Public pages.
    "grants:meeting_decisions": EVERYONE,
    "grants:public_decision_years": EVERYONE,
    "grants:public_decisions": EVERYONE,
    "grants:giving360": EVERYONE,
}
