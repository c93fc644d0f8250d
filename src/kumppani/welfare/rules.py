"""Who may do what with the index. Deny by default: everyone reads the index (it is public); only
the body's NGO coordinators assess its self-assessed criteria and recompute it."""

import rules

from kumppani.core.rules import has_any_role_in_body, is_any_coordinator, is_body_coordinator, is_platform_admin

# Self-assessing a criterion and recomputing the body's index (object: a PublicBody).
rules.add_perm("welfare.assess_index", is_body_coordinator)

# Importing Sotkanet indicator values (national data): any body's NGO coordinator or a platform admin.
rules.add_perm("welfare.import_indicators", is_platform_admin | is_any_coordinator)


@rules.predicate
def is_report_coordinator(user, report) -> bool:
    return report is not None and is_body_coordinator(user, report.body)


@rules.predicate
def is_report_editor(user, report) -> bool:
    """An editor of any chapter of the report who still works in the body."""
    if report is None or not getattr(user, "is_authenticated", False):
        return False
    return has_any_role_in_body(user, report.body) and report.chapters.filter(editors=user).exists()


@rules.predicate
def is_chapter_editor(user, chapter) -> bool:
    if chapter is None or not getattr(user, "is_authenticated", False):
        return False
    return has_any_role_in_body(user, chapter.report.body) and chapter.editors.filter(pk=user.pk).exists()


@rules.predicate
def is_chapter_coordinator(user, chapter) -> bool:
    return chapter is not None and is_body_coordinator(user, chapter.report.body)


@rules.predicate
def is_approved(user, report) -> bool:
    return report is not None and report.status == "approved"


# Creating a report, its chapters and their editors, and moving it through review (object: a PublicBody
# for creating, a WelfareReport otherwise).
rules.add_perm("welfare.create_report", is_body_coordinator)
rules.add_perm("welfare.manage_report", is_report_coordinator)
# Writing a chapter's texts (object: a Chapter).
rules.add_perm("welfare.edit_chapter", is_chapter_coordinator | is_chapter_editor)
# Reading a report: the approved one is public; a draft only for the coordinators and its editors.
rules.add_perm("welfare.view_report", is_approved | is_report_coordinator | is_report_editor)
