"""Who may write, moderate and print events. Deny by default.

- `events.change_event` (object: an Organisation, a PublicBody or an Event): the NGO's own
  representatives write its events; a body's coordinators and officials write the body's own
  events. A coordinator of a body does not edit an NGO's event: the body moderates, it does not write.
- `events.moderate` (object: a PublicBody): the body's event editors, i.e. its coordinators and
  officials (core.BodyRole), approve and reject events submitted to its calendar.
- `events.manage_calendar` (object: a PublicBody): the body's coordinators mark NGOs trusted and
  make the bulletin.
- `events.view_event` (object: an Event): anyone for a published, cancelled or postponed event;
  otherwise its writers and the editors of the bodies it was submitted to.
"""

import rules

from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.rules import body_roles, is_body_coordinator, is_platform_admin
from kumppani.organisations.rules import is_member

EDITOR_ROLES = {BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL}


def editor_body_ids(user) -> set[int]:
    return {body_id for body_id, roles in body_roles(user).items() if roles & EDITOR_ROLES}


@rules.predicate
def is_event_writer(user, obj) -> bool:
    if obj is None:
        return False
    if isinstance(obj, PublicBody):
        return obj.pk in editor_body_ids(user)
    if hasattr(obj, "organiser_body_id"):  # an Event
        if obj.organisation_id:
            return obj.organisation_id in _member_ids(user)
        return obj.organiser_body_id in editor_body_ids(user)
    return is_member(user, obj)  # an Organisation


def _member_ids(user) -> set[int]:
    from kumppani.organisations.rules import membership_roles

    return set(membership_roles(user))


@rules.predicate
def is_body_event_editor(user, body) -> bool:
    return body is not None and body.pk in editor_body_ids(user)


@rules.predicate
def is_public_event(user, event) -> bool:
    from kumppani.events.models import PUBLIC_STATUSES

    return event is not None and event.status in PUBLIC_STATUSES


@rules.predicate
def moderates_event(user, event) -> bool:
    if event is None:
        return False
    bodies = editor_body_ids(user)
    return bool(bodies) and event.listings.filter(body_id__in=bodies).exists()


rules.add_perm("events.change_event", is_platform_admin | is_event_writer)
rules.add_perm("events.moderate", is_platform_admin | is_body_event_editor)
rules.add_perm("events.manage_calendar", is_platform_admin | is_body_coordinator)
rules.add_perm("events.view_event", is_public_event | is_platform_admin | is_event_writer | moderates_event)
