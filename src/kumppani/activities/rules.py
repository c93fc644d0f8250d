"""Who may change NGO activities and see which of them are out of date. Deny by default.

An activity belongs to its NGO, so the right to change it is the right over the NGO's
activities: `activities.change_activity` takes either the NGO (to add an activity, to confirm
them all) or one activity (to edit, confirm or pause it); both answer the same question.
The NGO's representatives, the coordinators of the bodies it serves and platform admins may.

Anyone may read a published activity; nothing here is needed for that.
"""

import rules

from kumppani.core.rules import is_body_coordinator, is_platform_admin
from kumppani.organisations.rules import is_member, is_responsible_coordinator


def _organisation(obj):
    """The NGO of an activity, or the NGO itself."""
    return getattr(obj, "organisation", obj)


@rules.predicate
def is_ngo_representative(user, obj) -> bool:
    return obj is not None and is_member(user, _organisation(obj))


@rules.predicate
def is_ngo_coordinator(user, obj) -> bool:
    return obj is not None and is_responsible_coordinator(user, _organisation(obj))


# Publishing and keeping activities current (object: an Organisation or an Activity).
rules.add_perm("activities.change_activity", is_platform_admin | is_ngo_representative | is_ngo_coordinator)

# The out-of-date activities of the NGOs a body is responsible for (object: a PublicBody).
rules.add_perm("activities.view_stale_report", is_platform_admin | is_body_coordinator)


@rules.predicate
def is_path_coordinator(user, obj) -> bool:
    """The NGO coordinator of the body that owns the service paths (object: a PublicBody or a ServicePath)."""
    return obj is not None and is_body_coordinator(user, getattr(obj, "body", obj))


# Building the body's service paths and adding NGO activities to them (object: a PublicBody or a ServicePath).
rules.add_perm("activities.manage_paths", is_platform_admin | is_path_coordinator)
