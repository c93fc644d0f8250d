"""URL names of the consultation pages and who may use them.

tests/test_permissions.py fails for any URL name of the project that no matrix lists;
tests/participation/consultations/test_views.py tries every protected page as the anonymous, a
representative of another NGO and an official of another body, and checks that nothing changes."""

URL_NAMES: set[str] = set()

# Public: a body's consultations, a published consultation, its documents once published, the
# statements once public, residents' comments and their e-mail confirmation.
PUBLIC = {
    "participation:consultation_list",
    "participation:consultation_detail",
    "participation:consultation_document",
    "participation:consultation_statement",
    "participation:consultation_minutes",
    "participation:consultation_comment",
    "participation:consultation_comment_confirm",
}
URL_NAMES |= PUBLIC

# The body's coordinators and officials (preparing, opening, closing, responding, moderating,
# recording a council's statement); the NGO's own people (drafting and sending its statement).
PROTECTED = {
    "participation:consultation_create",
    "participation:consultation_edit",
    "participation:consultation_section_add",
    "participation:consultation_section_edit",
    "participation:consultation_document_add",
    "participation:consultation_open",
    "participation:consultation_close",
    "participation:consultation_respond",
    "participation:consultation_response_publish",
    "participation:consultation_finish",
    "participation:consultation_council_statement",
    "participation:consultation_comment_hide",
    "participation:consultation_statement_edit",
    "participation:consultation_statement_send",
}
URL_NAMES |= PROTECTED

# The API (tests/participation/consultations/test_api.py): read-only, everyone sees published
# consultations and public statements; drafts of consultations for the body's preparers, sent
# statements before closing for them, an NGO's drafts for its own people.
API_PATHS = {"/api/v1/participation/consultations/", "/api/v1/participation/statements/"}
