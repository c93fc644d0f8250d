"""Continuity of NGO funding across years and between municipalities and their county.

When the wellbeing services counties took over social and health services, some NGO work that
a municipality had funded fell between the two (seed 004: "grants and partnerships must
continue without breaks"). Two readings help to see it:

- `grant_history(organisation)`: an NGO's applications and grants by year from every body,
  with the other funding it declared;
- `continuity_watch(body, year)`: the NGOs (and the activities their grants funded) that got a
  grant last year from the body or its neighbours (a county's municipalities, a municipality's
  county) but have not applied to any of them this year.

Both read everything in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kumppani.activities.models import Activity
from kumppani.core.models import PublicBody
from kumppani.grants.models import Application, Decision, OtherFunding
from kumppani.grants.models import ApplicationStatus as S
from kumppani.grants.queries.published import decided_grants
from kumppani.grants.workflow import DECIDED_STATES, NOT_AN_APPLICATION
from kumppani.organisations.models import Organisation


@dataclass
class BodyTotal:
    body: PublicBody
    granted: Decimal


@dataclass
class DeclaredFunding:
    """Other funding as the NGO declared it; the same grant declared to several bodies is shown once."""

    funding: OtherFunding
    declared_to: list[PublicBody] = field(default_factory=list)


@dataclass
class HistoryYear:
    year: int
    applications: list[Application]
    totals: list[BodyTotal]
    other_funding: list[DeclaredFunding]

    @property
    def granted(self) -> Decimal:
        return sum((t.granted for t in self.totals), Decimal("0.00"))


def granted_amount(application: Application) -> Decimal:
    """What the board granted, or 0 while undecided (the decision row exists from the proposal on)."""
    if application.status not in DECIDED_STATES:
        return Decimal("0.00")
    try:
        return application.decision.amount or Decimal("0.00")
    except Decision.DoesNotExist:
        return Decimal("0.00")


def grant_history(
    organisation: Organisation, *, body_ids: set[int] | None = None, readable: QuerySet | None = None
) -> list[HistoryYear]:
    """The NGO's applications year by year, newest first, with the totals granted per body.

    With `body_ids` (an official reading), applications are shown only once they are decided
    (decisions are public) or when they are among `readable` (those the official may read, see
    grants.queries.applications; without it, all those sent to `body_ids`), and other funding
    only as declared to those bodies."""
    applications = (
        Application.objects.filter(organisation=organisation)
        .exclude(status=S.DRAFT)
        .select_related("programme__body", "decision__meeting")
        .prefetch_related(Prefetch("other_funding", queryset=OtherFunding.objects.order_by("year", "id")))
        .order_by("-programme__year", "programme__body__name", "programme__name", "reference")
    )
    if body_ids is not None:
        applications = applications.filter(
            (Q(pk__in=readable.values("pk")) if readable is not None else Q(programme__body_id__in=body_ids))
            | Q(status__in=DECIDED_STATES, decision__amount__isnull=False)
        )
    by_year: dict[int, list[Application]] = defaultdict(list)
    funding_by_year: dict[int, dict[tuple, DeclaredFunding]] = defaultdict(dict)
    for application in applications:
        by_year[application.programme.year].append(application)
        if body_ids is not None and application.programme.body_id not in body_ids:
            continue
        for funding in application.other_funding.all():
            key = (funding.source, funding.funder.strip().lower(), funding.amount, funding.status)
            declared = funding_by_year[funding.year].setdefault(key, DeclaredFunding(funding))
            if application.programme.body not in declared.declared_to:
                declared.declared_to.append(application.programme.body)
    years = []
    for year in sorted(set(by_year) | set(funding_by_year), reverse=True):
        totals: dict[int, BodyTotal] = {}
        for application in by_year.get(year, []):
            body = application.programme.body
            totals.setdefault(body.pk, BodyTotal(body, Decimal("0.00"))).granted += granted_amount(application)
        years.append(
            HistoryYear(
                year=year,
                applications=by_year.get(year, []),
                totals=[t for t in totals.values() if t.granted],
                other_funding=list(funding_by_year.get(year, {}).values()),
            )
        )
    return years


def applied_body_ids(organisation: Organisation) -> set[int]:
    """The bodies the NGO has sent an application to."""
    return set(
        Application.objects.filter(organisation=organisation)
        .exclude(status=S.DRAFT)
        .values_list("programme__body_id", flat=True)
        .distinct()
    )


@dataclass
class Gap:
    """An NGO funded last year that has not applied this year."""

    organisation: Organisation
    grants: list[Application] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)

    @property
    def granted(self) -> Decimal:
        return sum((g.decision.amount for g in self.grants), Decimal("0.00"))


def continuity_watch(body: PublicBody, year: int) -> list[Gap]:
    """NGOs granted money in `year - 1` by the body or its neighbours that have no application or
    decision in `year` from any of them, with last year's grants and the activities they funded."""
    body_ids = body.area_body_ids()
    applied_this_year = Application.objects.filter(
        organisation=OuterRef("organisation"), programme__year=year, programme__body_id__in=body_ids
    ).exclude(status__in=NOT_AN_APPLICATION)
    grants = (
        decided_grants()
        .filter(programme__year=year - 1, programme__body_id__in=body_ids, organisation__merged_into__isnull=True)
        .exclude(Exists(applied_this_year))
        .select_related("organisation", "programme__body", "decision")
        .prefetch_related(Prefetch("activities", queryset=Activity.objects.order_by("name")))
        .order_by("organisation__sort_key_fi", "organisation_id", "programme__body__name", "reference")
    )
    gaps: dict[int, Gap] = {}
    for grant in grants:
        gap = gaps.setdefault(grant.organisation_id, Gap(grant.organisation))
        gap.grants.append(grant)
        for activity in grant.activities.all():
            if activity not in gap.activities:
                gap.activities.append(activity)
    return list(gaps.values())
