"""Who may run a survey and see its answers. Deny by default.

- `participation.manage_survey` (object: a PublicBody or a Survey): the body's coordinators and
  officials create surveys, write their questions and links, and see the results with the free-text
  answers. Free text is never shown to anyone else.
- `participation.view_survey_results` (object: a Survey): anyone once the results are published
  (the choices and scales, never the free text); before that the survey's owners.
"""

import rules

from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.rules import body_roles, is_platform_admin

OWNER_ROLES = {BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL}


def _body_id(obj) -> int | None:
    if obj is None:
        return None
    return obj.pk if isinstance(obj, PublicBody) else obj.body_id


@rules.predicate
def is_survey_owner(user, obj) -> bool:
    body_id = _body_id(obj)
    return body_id is not None and bool(body_roles(user).get(body_id, set()) & OWNER_ROLES)


@rules.predicate
def results_are_published(user, survey) -> bool:
    return survey is not None and survey.results_published


rules.add_perm("participation.manage_survey", is_platform_admin | is_survey_owner)
rules.add_perm("participation.view_survey_results", results_are_published | is_platform_admin | is_survey_owner)
