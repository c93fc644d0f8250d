"""Who may do what with consultations. Deny by default.

A body's coordinators and officials prepare its consultations, open, close and answer them, record
its councils' statements and moderate residents' comments. An NGO in the audience gives one statement:
its representatives draft it (the draft is the NGO's own), its admins send it. Once published, a
consultation is public; sent statements are seen by the body's officials at once and by everyone after
closing, unless marked not public.
"""

import rules

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.organisations.rules import is_member, is_member_admin
from kumppani.participation.consultations.models import Consultation, ConsultationStatus, StatementStatus

PREPARERS = {BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL}


def _body_id(obj) -> int | None:
    if isinstance(obj, Consultation):
        return obj.body_id
    consultation = getattr(obj, "consultation", None)
    if consultation is not None:
        return consultation.body_id
    return getattr(obj, "pk", None)  # a PublicBody


@rules.predicate
def prepares_in_body(user, obj) -> bool:
    """Object: a PublicBody, a consultation or anything of one (statement, comment, response)."""
    return obj is not None and bool(body_roles(user).get(_body_id(obj), set()) & PREPARERS)


@rules.predicate
def is_published(user, consultation) -> bool:
    return consultation is not None and consultation.status != ConsultationStatus.DRAFT


@rules.predicate
def is_statement_ngo_member(user, statement) -> bool:
    return statement is not None and statement.organisation_id is not None and is_member(user, statement.organisation)


@rules.predicate
def is_statement_ngo_admin(user, statement) -> bool:
    return (
        statement is not None
        and statement.organisation_id is not None
        and is_member_admin(user, statement.organisation)
    )


@rules.predicate
def is_sent(user, statement) -> bool:
    return statement is not None and statement.status == StatementStatus.SENT


@rules.predicate
def is_public_now(user, statement) -> bool:
    """Sent, marked public and the consultation past its closing moment."""
    return (
        statement is not None
        and statement.status == StatementStatus.SENT
        and statement.is_public
        and statement.consultation.is_past_closing()
    )


manages = is_platform_admin | prepares_in_body

# Preparing a consultation in a body (object: a PublicBody).
rules.add_perm("participation.add_consultation", manages)
# Editing, opening, closing, responding, moderating, recording councils' statements (object: a consultation).
rules.add_perm("participation.manage_consultation", manages)
# Reading a consultation (object: a consultation): published ones are public.
rules.add_perm("participation.view_consultation", is_published | manages)
# Drafting a statement for an NGO (object: an Organisation; the audience is checked by the service).
rules.add_perm("participation.draft_statement", is_member)
# Changing a draft (object: a statement) and sending it on behalf of the NGO.
rules.add_perm("participation.change_statement", is_statement_ngo_member & ~is_sent)
rules.add_perm("participation.send_statement", is_statement_ngo_admin & ~is_sent)
# Reading a statement: the NGO's own people, the body's officials once sent, everyone once public.
rules.add_perm("participation.view_statement", is_statement_ngo_member | (is_sent & manages) | is_public_now)
