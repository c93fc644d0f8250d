"""URL names of the grants app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Programmes and applying: tests/grants/test_applying_permissions.py, test_programmes.py, test_uploads.py
URL_NAMES |= {
    "grants:programme_list",
    "grants:programme",
    "grants:programme_edit",
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
