"""Which grants count as decided: the public decision list, the 360Giving data and the
continuity watch all read the same definition from here."""

from django.db.models import QuerySet

from kumppani.core.models import PublicBody
from kumppani.grants.models import Application
from kumppani.grants.models import ApplicationStatus as S

# Statuses an application can have only after the board has decided it.
DECIDED_STATES = (S.DECIDED, S.PAID, S.REPORTED, S.APPROVED, S.CLOSED, S.RECOVERY)


def decided_applications() -> QuerySet[Application]:
    """Applications the board has decided, granted or not (withdrawn ones never get here)."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__isnull=False)


def decided_grants() -> QuerySet[Application]:
    """Decided applications that were granted money."""
    return Application.objects.filter(status__in=DECIDED_STATES, decision__amount__gt=0)


def neighbour_body_ids(body: PublicBody) -> list[int]:
    """A county with its municipalities, or a municipality with its county: the bodies between
    which an NGO's funding may move (one query for a county, none for a municipality)."""
    if body.is_county:
        return [body.pk, *body.municipalities.values_list("pk", flat=True)]
    return [body.pk] + ([body.county_id] if body.county_id else [])
