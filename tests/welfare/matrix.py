"""URL names of the welfare app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Public: the national index table, its files and a body's index (tests/welfare/test_index.py).
URL_NAMES |= {"welfare:index", "welfare:index_export", "welfare:body_index"}

# The body's NGO coordinator only: self-assessing a criterion and recomputing the index
# (tests/welfare/test_index.py: test_only_the_body_coordinator_assesses_or_recomputes).
URL_NAMES |= {"welfare:self_assess", "welfare:recompute"}

# The API (/api/v1/welfare/index/), public and read-only: tests/welfare/test_index.py.
URL_NAMES |= {"api-welfare-index-list"}

# Welfare reports: the approved ones are public, drafts only for the body's coordinators and the
# report's editors (tests/welfare/test_report_pages.py).
URL_NAMES |= {"welfare:reports", "welfare:report"}

# The working pages of a draft report: opening a report (the body's coordinator), its chapters and
# editors, ordering them and the moves through review (the coordinator), writing a chapter (its
# editors and the coordinator); others get 403/404 (tests/welfare/test_report_work.py).
URL_NAMES |= {
    "welfare:report_new",
    "welfare:report_work",
    "welfare:report_move",
    "welfare:chapter_edit",
    "welfare:chapter_move",
    "welfare:report_history",
}
# Generating or refreshing the NGO chapter: the body's coordinator only, by POST, never on an approved
# report (tests/welfare/test_ngo_chapter_pages.py, tests/welfare/test_ngo_chapter.py).
URL_NAMES |= {"welfare:ngo_chapter_generate"}
# Indicator values: the body's coordinator enters them by hand; a coordinator or the platform's
# administrator imports a Sotkanet file (tests/welfare/test_indicators.py).
URL_NAMES |= {"welfare:indicator_values", "welfare:indicator_import"}

# The report as PDF and DOCX: public once approved, the body's coordinators and the report's editors
# while it is a draft (tests/welfare/test_document.py).
URL_NAMES |= {"welfare:report_document"}
