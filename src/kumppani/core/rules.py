"""Permissions of the core app. Deny by default: a rule grants only what it names.

Roles are read once per request and kept on the user object, so checking many objects
costs no extra queries.
"""

import rules

from kumppani.core.models import BodyRoleKind


def body_roles(user) -> dict[int, set[str]]:
    """{body id: {role, …}} of a signed-in user, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_kumppani_body_roles", None)
    if cached is None:
        cached = {}
        for body_id, role in user.body_roles.values_list("body_id", "role"):
            cached.setdefault(body_id, set()).add(role)
        user._kumppani_body_roles = cached
    return cached


def coordinated_body_ids(user) -> set[int]:
    return {body_id for body_id, roles in body_roles(user).items() if BodyRoleKind.COORDINATOR in roles}


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and (user.is_staff or user.is_superuser))


@rules.predicate
def is_body_coordinator(user, body) -> bool:
    return body is not None and body.pk in coordinated_body_ids(user)


@rules.predicate
def has_any_role_in_body(user, body) -> bool:
    return body is not None and body.pk in body_roles(user)


@rules.predicate
def is_any_coordinator(user) -> bool:
    return bool(coordinated_body_ids(user))


rules.add_perm("core.coordinate_body", is_platform_admin | is_body_coordinator)
rules.add_perm("core.view_body_internal", is_platform_admin | has_any_role_in_body)
rules.add_perm("core.view_outbox", is_platform_admin)
