"""Who may see and change the cooperation record. Deny by default.

A body's coordinator manages its sectors and every form of cooperation of the body; a sector's
officials record and change the sector's forms and mark the body's side of their realisation. The
representatives of an NGO in a form see it, confirm it and write the NGO's side. Everyone sees the
public parts of an active form (title, category, kind, sector and realisation outcomes), never the
notes or the contact persons.
"""

import rules

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles, has_any_role_in_body, is_body_coordinator, is_platform_admin
from kumppani.organisations.rules import is_member, membership_roles

__all__ = [
    "is_body_coordinator",
    "is_form_partner",
    "is_ngo_member",
    "is_sector_official",
    "sector_ids",
    "sees_full_record",
]

is_ngo_member = is_member


def sector_ids(user) -> set[int]:
    """The sectors the user is an official of, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_kumppani_sectors", None)
    if cached is None:
        cached = set(user.cooperation_sectors.values_list("pk", flat=True))
        user._kumppani_sectors = cached
    return cached


def partner_ids(form) -> set[int]:
    """The NGOs of a form (from prefetched partners when the list has them)."""
    return {partner.organisation_id for partner in form.partners.all()}


@rules.predicate
def is_sector_official(user, sector) -> bool:
    return sector is not None and sector.pk in sector_ids(user)


@rules.predicate
def is_body_coordinator_of(user, obj) -> bool:
    """Object: a Sector or a CooperationForm; the coordinator of its body."""
    return obj is not None and BodyRoleKind.COORDINATOR in body_roles(user).get(obj.body_id, set())


@rules.predicate
def is_form_official(user, form) -> bool:
    """The responsible official or an official of the form's sector."""
    if form is None:
        return False
    return form.responsible_id == getattr(user, "pk", None) or form.sector_id in sector_ids(user)


@rules.predicate
def is_form_partner(user, form) -> bool:
    return form is not None and bool(partner_ids(form) & set(membership_roles(user)))


@rules.predicate
def is_in_form_body(user, form) -> bool:
    return form is not None and form.body_id in body_roles(user)


def sees_full_record(user, organisation, body) -> bool:
    """The NGO's representatives, the body's officials and the platform admins see the whole record."""
    return bool(is_platform_admin(user) or is_member(user, organisation) or has_any_role_in_body(user, body))


manages_form = is_platform_admin | is_body_coordinator_of | is_form_official

# Sectors and their officials, the coordinators' public contact details (object: a PublicBody).
rules.add_perm("cooperation.manage_sectors", is_platform_admin | is_body_coordinator)
# Recording a form of cooperation in a sector (object: a Sector).
rules.add_perm("cooperation.add_form", is_platform_admin | is_body_coordinator_of | is_sector_official)
# Changing a form, accepting or declining an NGO's proposal, marking the body's side (object: a form).
rules.add_perm("cooperation.change_form", manages_form)
rules.add_perm("cooperation.mark_body_side", manages_form)
# The whole form with its notes and contacts (object: a form).
rules.add_perm("cooperation.view_form", manages_form | is_in_form_body | is_form_partner)
# Confirming a form and writing the NGO's side (object: a form).
rules.add_perm("cooperation.mark_ngo_side", is_form_partner)
# Proposing a form as an NGO (object: an Organisation).
rules.add_perm("cooperation.propose_form", is_member)
# The body's summaries and exports (object: a PublicBody).
rules.add_perm("cooperation.view_summary", is_platform_admin | has_any_role_in_body)
