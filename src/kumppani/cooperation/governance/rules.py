"""Who may do what in governance. Deny by default.

A body's NGO coordinators run its councils and working groups: they send nomination requests and
confirm the nominees. A network is run by its chair and its coordinators, who keep its members and
nominate representatives; the coordinators of the network's area (a municipality with its county, a
county with its municipalities) may also set it up and change it.
Meetings belong to the body's officials; an action item is marked done by its owner (the official,
or a representative of the owner NGO) or by the body's coordinator.
"""

import rules

from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    Meeting,
    Negotiation,
    NgoNetwork,
    NominationRequest,
    WorkingGroup,
)
from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles, coordinated_body_ids, is_platform_admin
from kumppani.organisations.rules import is_member, membership_roles


def run_network_ids(user) -> set[int]:
    """The networks the user chairs or coordinates, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_kumppani_networks", None)
    if cached is None:
        cached = set(user.chaired_networks.values_list("pk", flat=True))
        cached |= set(user.coordinated_networks.values_list("pk", flat=True))
        user._kumppani_networks = cached
    return cached


def _body_id(obj) -> int | None:
    """The body a governance object belongs to (a PublicBody is its own)."""
    if isinstance(obj, WorkingGroup | Meeting | ExpertRequest | Negotiation):
        return obj.body_id
    if isinstance(obj, NominationRequest):
        return obj.group.body_id
    if isinstance(obj, ActionItem):
        return obj.meeting.body_id
    return getattr(obj, "pk", None)


@rules.predicate
def is_coordinator_of_body(user, obj) -> bool:
    """Object: a PublicBody, a group, a nomination request, a meeting or an action item."""
    return obj is not None and _body_id(obj) in coordinated_body_ids(user)


@rules.predicate
def is_official_of_body(user, obj) -> bool:
    return obj is not None and _body_id(obj) in body_roles(user)


@rules.predicate
def runs_network(user, obj) -> bool:
    """Object: a network or a nomination request sent to it."""
    if obj is None:
        return False
    network_id = obj.pk if isinstance(obj, NgoNetwork) else getattr(obj, "network_id", None)
    return network_id in run_network_ids(user)


@rules.predicate
def coordinates_network_area(user, network) -> bool:
    """Object: a network (its area) or a PublicBody (an area for a new network)."""
    if network is None:
        return False
    area = network.area if isinstance(network, NgoNetwork) else network
    coordinated = coordinated_body_ids(user)
    if not coordinated:
        return False
    # The area as everywhere: a municipality with its county, a county with its municipalities.
    area_ids = PublicBody.objects.filter(pk__in=area.area_body_ids()).values_list("pk", flat=True)
    return bool(coordinated & set(area_ids))


@rules.predicate
def owns_action(user, item) -> bool:
    if item is None or not getattr(user, "is_authenticated", False):
        return False
    if item.owner_user_id == user.pk:
        return True
    return item.owner_organisation_id is not None and is_member(user, item.owner_organisation)


@rules.predicate
def takes_part_as_ngo(user, meeting) -> bool:
    """Object: a meeting; the user represents one of its NGOs."""
    if meeting is None:
        return False
    own = set(membership_roles(user))
    return bool(own) and meeting.organisations.filter(pk__in=own).exists()


coordinates = is_platform_admin | is_coordinator_of_body

# A body's councils and working groups (object: a PublicBody to add one, a WorkingGroup to change
# one or to ask a network for nominations).
rules.add_perm("cooperation.add_group", coordinates)
rules.add_perm("cooperation.change_group", coordinates)
# A nomination request's page (object: a NominationRequest): the body's officials and the network.
rules.add_perm("cooperation.view_nomination_request", is_platform_admin | is_official_of_body | runs_network)
rules.add_perm("cooperation.nominate", is_platform_admin | runs_network)
rules.add_perm("cooperation.confirm_nominations", coordinates)
# Networks (object: a PublicBody, the area of a new network; a NgoNetwork to change it).
rules.add_perm("cooperation.add_network", is_platform_admin | coordinates_network_area)
rules.add_perm("cooperation.change_network", is_platform_admin | runs_network | coordinates_network_area)
# Meetings (object: a PublicBody to add one, a Meeting to change it) and their action items.
rules.add_perm("cooperation.add_meeting", is_platform_admin | is_official_of_body)
rules.add_perm("cooperation.change_meeting", is_platform_admin | is_official_of_body)
rules.add_perm("cooperation.view_meeting_internal", is_platform_admin | is_official_of_body | takes_part_as_ngo)
rules.add_perm("cooperation.complete_action", is_platform_admin | owns_action | is_coordinator_of_body)
# Expert requests (object: a PublicBody to ask, an ExpertRequest to read its answers and close or
# fulfil it) and answering one for an NGO (object: an Organisation): its representatives.
rules.add_perm("cooperation.add_expert_request", is_platform_admin | is_official_of_body)
rules.add_perm("cooperation.manage_expert_request", is_platform_admin | is_official_of_body)
rules.add_perm("cooperation.answer_expert_request", is_member)
# The yearly negotiation (object: a PublicBody to open one, a Negotiation to prepare it): the body's
# coordinators; its agenda and the record being prepared: the body's officials and the NGOs taking part.
rules.add_perm("cooperation.manage_negotiation", coordinates)
rules.add_perm("cooperation.view_negotiation_agenda", is_platform_admin | is_official_of_body)


@rules.predicate
def takes_part_in_negotiation(user, negotiation) -> bool:
    if negotiation is None or not isinstance(negotiation, Negotiation):
        return False
    own = set(membership_roles(user))
    return bool(own) and negotiation.organisations.filter(pk__in=own).exists()


rules.add_perm(
    "cooperation.view_negotiation_draft", is_platform_admin | is_official_of_body | takes_part_in_negotiation
)
