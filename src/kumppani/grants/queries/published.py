"""Which grants count as decided: the public decision list, the 360Giving data and the
continuity watch all read the same definition from here."""

from django.db.models import QuerySet

from kumppani.grants.models import Application
from kumppani.grants.workflow import DECIDED_STATES


def decided_applications() -> QuerySet[Application]:
    """Applications the board has decided, granted or not (withdrawn ones never get here)."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__isnull=False)


def decided_grants() -> QuerySet[Application]:
    """Decided applications that were granted money."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__gt=0)
