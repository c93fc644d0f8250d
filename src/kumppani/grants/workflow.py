"""The states of a grant application and the moves between them.

Every status change goes through `transition()`, called by the domain functions in
`grants.services`, which check who may make the move. This table is the one place that says
which moves exist, so the pages and the API cannot disagree; the sets of statuses that the
rules, services and pages ask about (editable, payable, decided …) are named beside it.
tests/grants/test_workflow.py walks every move through the services and checks that nothing
else in grants writes an application's status.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail
from kumppani.grants.models import Application
from kumppani.grants.models import ApplicationStatus as S

MOVES: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.COMPLETION_REQUESTED, S.IN_REVIEW, S.WITHDRAWN},
    S.COMPLETION_REQUESTED: {S.SUBMITTED, S.WITHDRAWN},
    S.IN_REVIEW: {S.COMPLETION_REQUESTED, S.PROPOSED, S.WITHDRAWN},
    S.PROPOSED: {S.IN_REVIEW, S.DECIDED},
    # No DECIDED → CLOSED: a decision of 0 € is the end of its case as it stands (nothing to pay or
    # report, and "decided" already counts wherever a finished case does), and a granted sum is
    # closed only once its use has been approved or its recovery settled, never straight from the
    # decision, so that no grant is closed with its money unaccounted for.
    S.DECIDED: {S.PAID, S.RECOVERY},
    S.PAID: {S.REPORTED, S.RECOVERY},
    S.REPORTED: {S.APPROVED, S.PAID, S.RECOVERY},  # back to PAID when the report is returned
    S.APPROVED: {S.CLOSED},
    S.RECOVERY: {S.CLOSED},
    S.CLOSED: set(),
    S.WITHDRAWN: set(),
}

# The sets of statuses the rules, services and pages ask about, named here beside the moves.

# The applicant may still change the application (and add or remove its attachments).
EDITABLE: frozenset[str] = frozenset({S.DRAFT, S.COMPLETION_REQUESTED})
# An application in these statuses does not show that the NGO is seeking funding (continuity watch).
NOT_AN_APPLICATION: tuple[str, ...] = (S.DRAFT, S.WITHDRAWN)
# Reviewers may be assigned and removed until the application is put on a proposal.
ASSIGNABLE: frozenset[str] = frozenset({S.SUBMITTED, S.IN_REVIEW})
# Statuses an application can have only after the board has decided it: every status reachable
# from DECIDED, and DECIDED itself.
DECIDED_STATES: tuple[str, ...] = (S.DECIDED, S.PAID, S.REPORTED, S.APPROVED, S.CLOSED, S.RECOVERY)
# Instalments may be planned and paid from the decision until the report is approved: the last
# instalment is often paid only once the report has been approved.
PAYABLE: frozenset[str] = frozenset({S.DECIDED, S.PAID, S.REPORTED, S.APPROVED})
# The statuses from which a grant can be marked for recovery.
RECOVERABLE: frozenset[str] = frozenset(s for s, moves in MOVES.items() if S.RECOVERY in moves)
# The grant has been paid, so its usage report has been opened (the NGO's grant history links to it).
REPORT_STATES: tuple[str, ...] = (S.PAID, S.REPORTED, S.APPROVED, S.CLOSED)
# The statuses from which an officer closes a grant by hand (once nothing is left to pay).
CLOSABLE: frozenset[str] = frozenset(s for s, moves in MOVES.items() if S.CLOSED in moves)


def can_move(application: Application, to: str) -> bool:
    return to in MOVES.get(application.status, set())


def transition(
    application: Application,
    to: str,
    *,
    by,
    message: str = "",
    notify: str | None = None,
    context: dict | None = None,
) -> Application:
    """Move `application` to status `to`, record it in the history and, given a template name,
    e-mail the applicant. Call inside the caller's transaction, after checking permission."""
    if not can_move(application, to):
        raise ValidationError(
            _("An application that is “%(status)s” cannot become “%(to)s”.")
            % {"status": application.get_status_display(), "to": S(to).label},
            code="invalid_move",
        )
    old = application.status
    application.status = to
    application.updated_at = timezone.now()
    application.save(update_fields=["status", "updated_at"])
    audit.record(actor=by, obj=application, action="status_changed", changes={"status": [old, to]}, message=message)
    if notify:
        notify_applicant(application, notify, context or {})
    return application


def applicant_addresses(application: Application) -> list[str]:
    """The application's contact e-mail and the NGO's representatives, without duplicates."""
    addresses = [application.contact_email] if application.contact_email else []
    for email in application.organisation.memberships.values_list("user__email", flat=True):
        if email not in addresses:
            addresses.append(email)
    return addresses


def notify_applicant(application: Application, template: str, context: dict) -> None:
    """E-mail the applicant, in the language of the NGO's first representative (Finnish by default)."""
    to = applicant_addresses(application)
    if not to:
        return
    language = (
        application.organisation.memberships.order_by("id").values_list("user__language", flat=True).first() or "fi"
    )
    mail.send(to=to, template=template, context={"application": application, **context}, language=language)
