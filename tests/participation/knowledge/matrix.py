"""URL names of the knowledge reports that their own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Anyone: the lists of sent reports and a sent report's public parts; a draft is 404 to all but its
# NGO (tests/participation/knowledge/test_reports.py).
URL_NAMES |= {"participation:knowledge_list", "participation:knowledge_body", "participation:knowledge_detail"}

# The NGO's representatives: its own reports, writing, changing and sending; refused to another NGO,
# to the body's officials and to the anonymous, and nothing changes.
URL_NAMES |= {
    "participation:knowledge_ngo",
    "participation:knowledge_create",
    "participation:knowledge_edit",
    "participation:knowledge_send",
}

# The body's coordinators and officials: acknowledging and answering a sent report; refused to the NGO,
# another body's official and the anonymous.
URL_NAMES |= {"participation:knowledge_acknowledge", "participation:knowledge_answer"}

# The API (tests/participation/knowledge/test_api.py).
URL_NAMES |= {"api-participation-knowledge-report-list", "api-participation-knowledge-report-detail"}
