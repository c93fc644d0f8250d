"""Who may manage spaces and bookings. Deny by default.

A space is managed by its body's premises managers (the body role `premises_manager`) and by the
people named as its managers. An NGO's bookings are seen and cancelled by its representatives and
by the managers of the space; the public sees only busy times, never who booked.
"""

import rules

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles, has_any_role_in_body, is_platform_admin
from kumppani.organisations.rules import is_member
from kumppani.premises.models import Booking, Space


def premises_body_ids(user) -> set[int]:
    return {body_id for body_id, roles in body_roles(user).items() if BodyRoleKind.PREMISES_MANAGER in roles}


def managed_space_ids(user) -> set[int]:
    """Spaces the user is named to manage, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_kumppani_spaces", None)
    if cached is None:
        cached = set(user.managed_spaces.values_list("pk", flat=True))
        user._kumppani_spaces = cached
    return cached


def _space(obj) -> Space | None:
    """The space of a booking, or the space itself (None for a body)."""
    if isinstance(obj, Booking):
        return obj.space
    return obj if isinstance(obj, Space) else None


@rules.predicate
def is_body_premises_manager(user, obj) -> bool:
    """Object: a PublicBody, a Space or a Booking."""
    if obj is None:
        return False
    space = _space(obj)
    body_id = space.body_id if space is not None else obj.pk
    return body_id in premises_body_ids(user)


@rules.predicate
def is_named_manager(user, obj) -> bool:
    space = _space(obj)
    return space is not None and space.pk in managed_space_ids(user)


@rules.predicate
def is_booking_ngo(user, booking) -> bool:
    return booking is not None and booking.organisation_id is not None and is_member(user, booking.organisation)


@rules.predicate
def is_body_official(user, body) -> bool:
    return has_any_role_in_body(user, body)


manages = is_platform_admin | is_body_premises_manager | is_named_manager

# Publishing spaces of a body (object: a PublicBody) and changing one (object: a Space).
rules.add_perm("premises.add_space", is_platform_admin | is_body_premises_manager)
rules.add_perm("premises.change_space", manages)
# Approving, rejecting and blocking times; seeing who booked (object: a Space or a Booking).
rules.add_perm("premises.manage_bookings", manages)
# One booking's page and cancelling it (object: a Booking).
rules.add_perm("premises.view_booking", manages | is_booking_ngo)
rules.add_perm("premises.cancel_booking", manages | is_booking_ngo)
# Booking for an NGO (object: an Organisation): its representatives.
rules.add_perm("premises.book_for", is_member)
# The hours and the value of free use (object: a PublicBody): the body's officials.
rules.add_perm("premises.view_usage", is_platform_admin | is_body_official)
