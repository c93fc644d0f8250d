"""Who may see and do what with grants. Deny by default.

Staff of the body that runs a programme handle its applications: coordinators and sector
officials act as grant officers, board secretaries prepare and record the board's decisions.
An NGO's representatives see and edit only their own applications; a reviewer sees only the
applications assigned to them, and nothing after declaring a conflict of interest. The public
sees published programmes and decisions.
"""

import rules

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.grants.workflow import EDITABLE
from kumppani.organisations.rules import is_member

OFFICER_ROLES = {BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL}
SECRETARY_ROLES = {BodyRoleKind.BOARD_SECRETARY, BodyRoleKind.COORDINATOR}


def _body_of(obj):
    """The body of a programme, an application or a body itself."""
    if obj is None:
        return None
    if hasattr(obj, "programme"):
        return obj.programme.body
    return getattr(obj, "body", obj)


def _roles_in(user, obj) -> set[str]:
    body = _body_of(obj)
    return body_roles(user).get(body.pk, set()) if body is not None else set()


@rules.predicate
def is_grant_officer(user, obj) -> bool:
    """Coordinator or official of the body that runs the programme (obj: body, programme or application)."""
    return bool(_roles_in(user, obj) & OFFICER_ROLES)


@rules.predicate
def is_board_secretary(user, obj) -> bool:
    return bool(_roles_in(user, obj) & SECRETARY_ROLES)


@rules.predicate
def is_body_staff(user, obj) -> bool:
    return bool(_roles_in(user, obj))


@rules.predicate
def is_applicant(user, application) -> bool:
    return application is not None and is_member(user, application.organisation)


@rules.predicate
def is_assigned_reviewer(user, application) -> bool:
    """Assigned to review this application and not excluded by a conflict of interest."""
    if application is None or not getattr(user, "is_authenticated", False):
        return False
    return application.reviews.filter(reviewer=user, has_conflict=False).exists()


@rules.predicate
def is_editable(user, application) -> bool:
    return application is not None and application.status in EDITABLE


rules.add_perm("grants.manage_programme", is_platform_admin | is_grant_officer)
rules.add_perm("grants.view_application", is_platform_admin | is_applicant | is_body_staff | is_assigned_reviewer)
rules.add_perm("grants.edit_application", is_applicant & is_editable)
rules.add_perm("grants.withdraw_application", is_applicant)
rules.add_perm("grants.handle_application", is_platform_admin | is_grant_officer)
rules.add_perm("grants.review_application", is_assigned_reviewer)
rules.add_perm("grants.prepare_decision", is_platform_admin | is_board_secretary)
rules.add_perm("grants.file_report", is_applicant)
