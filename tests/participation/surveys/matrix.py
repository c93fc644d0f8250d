"""URL names of the surveys that their own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Anyone: the list of open surveys and published results, answering (through the survey's own address
# when it has one, or a link) and the thank-you page (tests/participation/surveys/test_answering.py).
URL_NAMES |= {
    "participation:survey_list",
    "participation:survey_detail",
    "participation:survey_answer_link",
    "participation:survey_thanks",
}

# The results and their export: anyone once published (never the free text), before that the survey's
# owners; refused to another body's official and to an NGO (tests/participation/surveys/test_permissions.py).
URL_NAMES |= {"participation:survey_results", "participation:survey_results_export"}

# The body's coordinators and officials only: refused to the anonymous, an NGO and another body's
# official, and nothing changes (tests/participation/surveys/test_permissions.py).
URL_NAMES |= {
    "participation:survey_body",
    "participation:survey_create",
    "participation:survey_manage",
    "participation:survey_edit",
    "participation:survey_question_delete",
    "participation:survey_publish",
}

# The API: published results (tests/participation/surveys/test_api.py).
URL_NAMES |= {"api-participation-survey-list", "api-participation-survey-detail"}
