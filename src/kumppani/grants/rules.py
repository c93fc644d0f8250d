"""Who may see and do what with grants. Deny by default.

Staff of the body that runs a programme handle its applications: coordinators and sector
officials act as grant officers, board secretaries prepare and record the board's decisions.
An NGO's representatives see and edit only their own applications; a reviewer sees only the
applications assigned to them. Reading is need-to-know (`may_read_application`, and as a filter
`staff_readable`): a body's viewers and premises managers read no applications, and a declared
conflict of interest is permanent and shuts its declarer out of that application everywhere, even
an officer or a secretary. The public sees published programmes and decisions.
"""

import rules
from django.db.models import Exists, OuterRef, Q

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.grants.models import Application, ApplicationStatus, Decision, ReviewAssignment
from kumppani.grants.workflow import EDITABLE
from kumppani.organisations.models import Membership
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
def is_applicant(user, application) -> bool:
    return application is not None and is_member(user, application.organisation)


@rules.predicate
def is_assigned_reviewer(user, application) -> bool:
    """Assigned to review this application and not excluded by a conflict of interest."""
    if application is None or not getattr(user, "is_authenticated", False):
        return False
    return application.reviews.filter(reviewer=user, has_conflict=False).exists()


def conflicted_application_ids(user):
    """The applications on which `user` has declared a conflict of interest, as a subquery."""
    return ReviewAssignment.objects.filter(reviewer=user, has_conflict=True).values("application_id")


def staff_readable(user) -> Q:
    """Which sent applications a person may read for their work, as a filter on applications.

    Never a draft (a draft is the NGO's own until sent), never one the person declared a conflict
    of interest on (even an officer's or an admin's conflict holds), and then only with a reason:
    a platform admin; the grant officers (coordinator, official) of the body that runs the
    programme; its assigned reviewers; the body's board secretaries once it is on a board meeting's
    list (it has a proposal or decision). A body's viewers and premises managers have no reason."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    sent = ~Q(status=ApplicationStatus.DRAFT) & ~Q(pk__in=conflicted_application_ids(user))
    if is_platform_admin(user):
        return sent
    roles = body_roles(user)
    officer_bodies = [pk for pk, held in roles.items() if held & OFFICER_ROLES]
    secretary_bodies = [pk for pk, held in roles.items() if BodyRoleKind.BOARD_SECRETARY in held]
    reason = Q(pk__in=ReviewAssignment.objects.filter(reviewer=user, has_conflict=False).values("application_id"))
    if officer_bodies:
        reason |= Q(programme__body_id__in=officer_bodies)
    if secretary_bodies:
        reason |= Q(programme__body_id__in=secretary_bodies) & Exists(
            Decision.objects.filter(application=OuterRef("pk"))
        )
    return sent & reason


def own_applications(user) -> Q:
    """The applications of the NGOs `user` represents, drafts included."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(organisation_id__in=Membership.objects.filter(user=user).values("organisation_id"))


def readable(user) -> Q:
    """Every application `user` may read, as a filter: `may_read_application` for a whole list."""
    return own_applications(user) | staff_readable(user)


@rules.predicate
def may_read_as_staff(user, application) -> bool:
    """An official's reason to read this application (see `staff_readable`)."""
    if application is None or not getattr(user, "is_authenticated", False) or not application.pk:
        return False
    if application.status == ApplicationStatus.DRAFT:
        return False
    return Application.objects.filter(staff_readable(user), pk=application.pk).exists()


@rules.predicate
def has_declared_conflict(user, obj) -> bool:
    """`user` declared a conflict of interest on this application (obj: an application; else False)."""
    if not isinstance(obj, Application) or not getattr(user, "is_authenticated", False):
        return False
    return ReviewAssignment.objects.filter(application=obj, reviewer=user, has_conflict=True).exists()


# The one rule of who may read an application (its pages, attachments, decision letter, the API):
# its NGO's people, drafts included, and the officials with a reason to (`staff_readable`).
# Lists use the same rule as a filter: grants.queries.applications.readable_applications.
may_read_application = is_applicant | may_read_as_staff


@rules.predicate
def is_editable(user, application) -> bool:
    return application is not None and application.status in EDITABLE


rules.add_perm("grants.manage_programme", is_platform_admin | is_grant_officer)
rules.add_perm("grants.view_application", may_read_application)
rules.add_perm("grants.edit_application", is_applicant & is_editable)
rules.add_perm("grants.withdraw_application", is_applicant)
# A declared conflict shuts the officer out of handling that application too.
rules.add_perm("grants.handle_application", (is_platform_admin | is_grant_officer) & ~has_declared_conflict)
rules.add_perm("grants.review_application", is_assigned_reviewer)
rules.add_perm("grants.prepare_decision", (is_platform_admin | is_board_secretary) & ~has_declared_conflict)
rules.add_perm("grants.file_report", is_applicant)
