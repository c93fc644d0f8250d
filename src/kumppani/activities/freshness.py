"""How current the NGOs' activities are: what an NGO should confirm, and what a coordinator sees
as out of date among the NGOs of their body. Fixed numbers of queries, whatever the data."""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from kumppani.activities.models import CONFIRM_INTERVAL, STALE_AFTER, Activity
from kumppani.activities.services import OPEN_STATUSES
from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import in_care_of

NGOS_PER_PAGE = 25


def needing_confirmation(queryset: QuerySet[Activity], now: dt.datetime | None = None) -> QuerySet[Activity]:
    """Activities that have not ended and have not been confirmed for six months (stale ones included)."""
    now = now or timezone.now()
    return queryset.filter(status__in=OPEN_STATUSES, confirmed_at__lt=now - CONFIRM_INTERVAL)


@dataclass
class StaleReport:
    body: PublicBody
    stale: int  # not confirmed for a year: left out of the default search results
    soon_stale: int  # not confirmed for six months: the NGO has been asked to confirm them
    page: Page  # the NGOs, each with .out_of_date (its activities) and the two counts


def stale_report(body: PublicBody, page_number=None, now: dt.datetime | None = None) -> StaleReport:
    """The out-of-date activities of the NGOs in the body's care, grouped by NGO, most stale first."""
    now = now or timezone.now()
    stale_before = now - STALE_AFTER
    activities = needing_confirmation(Activity.objects.filter(organisation__in=in_care_of([body])), now)
    totals = activities.aggregate(
        stale=Count("pk", filter=Q(confirmed_at__lt=stale_before)),
        soon_stale=Count("pk", filter=Q(confirmed_at__gte=stale_before)),
    )
    # The same conditions as `activities`, said of the NGO's activities for the counts.
    in_report = Q(activities__status__in=OPEN_STATUSES, activities__confirmed_at__lt=now - CONFIRM_INTERVAL)
    organisations = (
        Organisation.objects.filter(pk__in=activities.values("organisation_id"))
        .annotate(
            stale_count=Count("activities", filter=in_report & Q(activities__confirmed_at__lt=stale_before)),
            soon_stale_count=Count("activities", filter=in_report & Q(activities__confirmed_at__gte=stale_before)),
        )
        .order_by("-stale_count", "sort_key_fi", "pk")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=activities.select_related("confirmed_by").order_by("confirmed_at", "pk"),
                to_attr="out_of_date",
            )
        )
    )
    page = Paginator(organisations, NGOS_PER_PAGE).get_page(page_number)
    return StaleReport(body=body, stale=totals["stale"], soon_stale=totals["soon_stale"], page=page)
