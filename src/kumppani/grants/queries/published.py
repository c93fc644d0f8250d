"""Which grants count as decided: the public decision list, the 360Giving data and the
continuity watch all read the same definition from here."""

from django.db.models import QuerySet

from kumppani.core.models import PublicBody
from kumppani.grants.models import Application, BoardMeeting, MeetingStatus
from kumppani.grants.workflow import DECIDED_STATES


def decided_applications() -> QuerySet[Application]:
    """Applications the board has decided, granted or not (withdrawn ones never get here)."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__isnull=False)


def decided_grants() -> QuerySet[Application]:
    """Decided applications that were granted money."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__gt=0)


def bodies_with_public_decisions() -> QuerySet[PublicBody]:
    """The bodies whose board has decided grants and told the applicants: their decisions are public."""
    told = BoardMeeting.objects.filter(status=MeetingStatus.DECIDED, notified_at__isnull=False)
    return PublicBody.objects.filter(pk__in=told.values("body_id")).order_by("name")
