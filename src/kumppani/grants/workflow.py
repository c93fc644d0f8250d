"""The states of a grant application and the moves between them.

Every status change goes through `transition()`, called by the domain functions in
`grants.services`, which check who may make the move. This table is the one place that says
which moves exist, so the pages and the API cannot disagree.
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
    S.DECIDED: {S.PAID, S.CLOSED, S.RECOVERY},
    S.PAID: {S.REPORTED, S.RECOVERY},
    S.REPORTED: {S.APPROVED, S.PAID, S.RECOVERY},  # back to PAID when the report is returned
    S.APPROVED: {S.CLOSED},
    S.RECOVERY: {S.CLOSED},
    S.CLOSED: set(),
    S.WITHDRAWN: set(),
}


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
            % {"status": application.get_status_display(), "to": S(to).label}
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
