"""Who may see and change what in the NGO register. Deny by default.

An NGO is "in the care of" the bodies whose area it serves and of the counties of those
municipalities: their officials see its contact persons, their coordinators verify and edit it.
"""

import rules

from kumppani.core.rules import body_roles, coordinated_body_ids, is_any_coordinator, is_platform_admin
from kumppani.organisations.models import MembershipRole


def responsible_body_ids(organisation) -> set[int]:
    """The bodies whose officials are responsible for this NGO (cached on the object)."""
    cached = getattr(organisation, "_responsible_body_ids", None)
    if cached is None:
        cached = set()
        for area in organisation.areas.all():
            cached.update(area.responsible_body_ids())
        organisation._responsible_body_ids = cached
    return cached


def membership_roles(user) -> dict[int, str]:
    """{organisation id: role} of a signed-in user, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_kumppani_memberships", None)
    if cached is None:
        cached = dict(user.memberships.values_list("organisation_id", "role"))
        user._kumppani_memberships = cached
    return cached


@rules.predicate
def is_member(user, organisation) -> bool:
    return organisation is not None and organisation.pk in membership_roles(user)


@rules.predicate
def is_member_admin(user, organisation) -> bool:
    return organisation is not None and membership_roles(user).get(organisation.pk) == MembershipRole.ADMIN


@rules.predicate
def is_responsible_coordinator(user, organisation) -> bool:
    return organisation is not None and bool(coordinated_body_ids(user) & responsible_body_ids(organisation))


@rules.predicate
def is_responsible_official(user, organisation) -> bool:
    return organisation is not None and bool(set(body_roles(user)) & responsible_body_ids(organisation))


rules.add_perm(
    "organisations.view_private_organisation",
    is_platform_admin | is_member | is_responsible_official,
)
rules.add_perm("organisations.change_organisation", is_platform_admin | is_member | is_responsible_coordinator)
rules.add_perm("organisations.verify_organisation", is_platform_admin | is_responsible_coordinator)
rules.add_perm("organisations.merge_organisation", is_platform_admin | is_responsible_coordinator)
rules.add_perm("organisations.manage_members", is_platform_admin | is_member_admin | is_responsible_coordinator)
# Whoever may change the NGO's information sees what was changed, by whom and when.
rules.add_perm("organisations.view_history", is_platform_admin | is_responsible_coordinator | is_member)
rules.add_perm("organisations.add_organisation", is_platform_admin | is_any_coordinator)
rules.add_perm("organisations.import_organisations", is_platform_admin | is_any_coordinator)
