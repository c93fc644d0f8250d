"""Who may write, handle and read knowledge reports. Deny by default.

- `participation.write_report` (object: an Organisation or a KnowledgeReport): the NGO's representatives.
- `participation.handle_report` (object: a KnowledgeReport): the body's coordinators and
  officials acknowledge and answer the reports sent to it.
- `participation.view_report` (object: a KnowledgeReport): anyone once sent (its public parts); a draft
  only its NGO. The observations in full: its NGO and the body (`participation.view_report_in_full`).
"""

import rules

from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import is_member
from kumppani.participation.surveys.rules import OWNER_ROLES


@rules.predicate
def writes_report(user, obj) -> bool:
    if obj is None:
        return False
    return is_member(user, obj if isinstance(obj, Organisation) else obj.organisation)


@rules.predicate
def handles_report(user, obj) -> bool:
    if obj is None:
        return False
    body_id = obj.pk if isinstance(obj, PublicBody) else obj.body_id
    return bool(body_roles(user).get(body_id, set()) & OWNER_ROLES)


@rules.predicate
def is_sent(user, report) -> bool:
    return report is not None and report.is_public


rules.add_perm("participation.write_report", is_platform_admin | writes_report)
rules.add_perm("participation.handle_report", is_platform_admin | (handles_report & is_sent))
rules.add_perm("participation.view_report", is_sent | is_platform_admin | writes_report)
rules.add_perm("participation.view_report_in_full", is_platform_admin | writes_report | (handles_report & is_sent))
