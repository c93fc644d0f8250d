"""The NGO-friendly municipality index: its criteria as plain code, and how they are scored.

Each criterion is one small function `(body, year) -> Result` (computed from the platform's data,
with a link to the public list it counted) or has no function (self-assessed by the body's NGO
coordinator, with a required justification). The criteria come from the seeds (the Salo model,
SOSTE's and MLL's checklists) and are grouped under TEAviisari's seven dimensions.

Scoring, as TEAviisari does it: met = 1, partly met = 0.5, not met (or not assessed) = 0; a
dimension's score is the mean of its criteria × 100, the overall score is the mean of the seven
dimension scores. So a criterion's weight in the overall score is 100 / (7 × criteria in its
dimension): what meeting it would add is that weight × (1 − its value). Traffic lights: green
75–100, yellow 25–75, red 0–25.

Welfare is the top app, so its criteria read every other app directly (participation's
consultations too).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation.governance.models import (
    ExpertRequest,
    ExpertRequestStatus,
    GroupKind,
    Negotiation,
    NegotiationStatus,
    Seat,
)
from kumppani.cooperation.models import CoordinatorContact
from kumppani.cooperation.queries import realisation_summary
from kumppani.core.models import BodyRole, BodyRoleKind, PublicBody
from kumppani.events.models import BulletinIssue, Listing, ListingStatus
from kumppani.grants.models import BoardMeeting, GrantProgramme, MeetingStatus
from kumppani.grants.queries.continuity import continuity_watch
from kumppani.grants.queries.published import decided_grants
from kumppani.organisations.models import Organisation, OrganisationStatus
from kumppani.organisations.queries import serving_body
from kumppani.participation.consultations.models import Consultation, ConsultationStatus
from kumppani.premises.models import Booking, BookingStatus, Space

MET, PARTLY, NOT_MET = "met", "partly", "not_met"
VALUES = {MET: Decimal(1), PARTLY: Decimal("0.5"), NOT_MET: Decimal(0)}
STATUS_LABELS = {MET: _("Met"), PARTLY: _("Partly met"), NOT_MET: _("Not met")}

DIMENSIONS: list[tuple[str, str]] = [
    ("commitment", _("Commitment")),
    ("management", _("Management")),
    ("monitoring", _("Monitoring and needs analysis")),
    ("resources", _("Resources")),
    ("shared_practices", _("Shared practices")),
    ("participation", _("Participation")),
    ("other_core", _("Other core activities")),
]
DIMENSION_LABELS = dict(DIMENSIONS)


@dataclass(frozen=True)
class Evidence:
    """The public list a computed criterion counted: a URL name, its arguments and a query string,
    turned into an address in the reader's language when shown."""

    name: str
    args: tuple = ()
    query: str = ""

    @property
    def url(self) -> str:
        return reverse(self.name, args=self.args) + (f"?{self.query}" if self.query else "")


@dataclass
class Result:
    status: str
    evidence: Evidence | None = None
    figures: dict = field(default_factory=dict)

    @property
    def evidence_url(self) -> str:
        return self.evidence.url if self.evidence else ""


@dataclass(frozen=True)
class Criterion:
    key: str
    dimension: str
    title: str
    # What the figures say, as a sentence with %(name)s placeholders; empty for self-assessed ones.
    summary: str = ""
    compute: Callable[[PublicBody, int], Result] | None = None
    # For a self-assessed criterion: why the platform cannot compute it (yet).
    why_self: str = ""

    @property
    def is_computed(self) -> bool:
        return self.compute is not None


def _ratio(part: int, whole: int, *, met: Decimal = Decimal("0.75")) -> str:
    """All-or-most met, some partly, none not met."""
    if whole == 0 or part == 0:
        return NOT_MET
    return MET if Decimal(part) / Decimal(whole) >= met else PARTLY


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# Commitment -------------------------------------------------------------------------------------


def grants_board_decided(body: PublicBody, year: int) -> Result:
    """Met when every published grant programme of the year has been decided at a board meeting;
    partly when some have; not met when none has (or the body has no grant programme that year)."""
    programmes = GrantProgramme.objects.filter(body=body, year=year, is_published=True)
    total = programmes.count()
    decided = (
        BoardMeeting.objects.filter(programme__in=programmes, status=MeetingStatus.DECIDED)
        .values("programme")
        .distinct()
        .count()
    )
    return Result(
        _ratio(decided, total, met=Decimal(1)),
        Evidence("grants:public_decisions", (body.slug, year)),
        {"decided": decided, "programmes": total},
    )


def grant_principles_public(body: PublicBody, year: int) -> Result:
    """Met when every published grant programme of the year states its grant principles; partly
    when some do; not met when none does or nothing is published."""
    programmes = GrantProgramme.objects.filter(body=body, year=year, is_published=True)
    total = programmes.count()
    with_principles = programmes.exclude(principles_fi="").count()
    return Result(
        _ratio(with_principles, total, met=Decimal(1)),
        Evidence("grants:body_programmes", (body.slug,)),
        {"with_principles": with_principles, "programmes": total},
    )


# Management -------------------------------------------------------------------------------------


def coordinator_named(body: PublicBody, year: int) -> Result:
    """Met when the body has an NGO coordinator whose contact details are public; partly when it has
    a coordinator but the public does not know how to reach them; not met without one."""
    coordinators = set(
        BodyRole.objects.filter(body=body, role=BodyRoleKind.COORDINATOR).values_list("user_id", flat=True)
    )
    public = CoordinatorContact.objects.filter(body=body, user_id__in=coordinators).count()
    status = MET if public else (PARTLY if coordinators else NOT_MET)
    return Result(status, Evidence("cooperation:coordinators"), {"coordinators": len(coordinators), "public": public})


def yearly_negotiation(body: PublicBody, year: int) -> Result:
    """Met when the year's negotiation with the NGOs has been agreed; partly while it is being
    prepared; not met when there is none."""
    negotiation = Negotiation.objects.filter(body=body, year=year).first()
    status = NOT_MET if negotiation is None else MET if negotiation.status == NegotiationStatus.AGREED else PARTLY
    return Result(
        status,
        Evidence("cooperation:negotiations", (body.slug,)),
        {"agreed": int(status == MET), "negotiations": int(negotiation is not None)},
    )


# Monitoring and needs analysis -------------------------------------------------------------------


def cooperation_monitored(body: PublicBody, year: int) -> Result:
    """Whether the body followed up its agreed forms of cooperation: met when at least 75 % of the
    year's realisation periods have been marked, partly when some have, not met when none (or no
    forms)."""
    total = realisation_summary(body, year, totals_only=True).total
    marked = total.total - total.unmarked
    return Result(
        _ratio(marked, total.total),
        Evidence("cooperation:body", (body.slug,)),
        {"marked": marked, "periods": total.total},
    )


# Resources --------------------------------------------------------------------------------------


def premises_affordable(body: PublicBody, year: int) -> Result:
    """Met when the body offers published spaces that are free for the NGOs of its area and NGOs
    booked them in the year; partly when it offers spaces but some cost NGOs something or none was
    booked; not met when it offers none."""
    spaces = Space.objects.filter(body=body, is_published=True)
    total = spaces.count()
    free = spaces.filter(price_own_ngos=0).count()
    start, end = _year_bounds(year)
    bookings = Booking.objects.filter(
        space__body=body,
        organisation__isnull=False,
        status=BookingStatus.CONFIRMED,
        start__date__gte=start,
        start__date__lte=end,
    ).count()
    status = NOT_MET if not total else MET if free == total and bookings else PARTLY
    return Result(
        status,
        Evidence("premises:list", query=f"municipality={body.slug}" if not body.is_county else ""),
        {"spaces": total, "free": free, "bookings": bookings},
    )


def funding_continuity(body: PublicBody, year: int) -> Result:
    """The grants continuity watch across the municipality–county line: of the NGOs the area funded
    last year, how many have not applied to any body of the area this year. Met with no gap, partly
    with gaps for at most a quarter of them, not met with more — or when no NGO was funded last year
    (there was nothing to continue)."""
    funded = (
        decided_grants()
        .filter(programme__year=year - 1, programme__body_id__in=body.area_body_ids())
        .values("organisation")
        .distinct()
        .count()
    )
    gaps = len(continuity_watch(body, year))
    if not funded:
        status = NOT_MET
    elif not gaps:
        status = MET
    else:
        status = PARTLY if Decimal(gaps) / Decimal(funded) <= Decimal("0.25") else NOT_MET
    return Result(status, Evidence("grants:continuity", (body.slug,)), {"funded": funded, "gaps": gaps})


# Shared practices -------------------------------------------------------------------------------


def cooperation_realised(body: PublicBody, year: int) -> Result:
    """The Salo model: forms of cooperation recorded and realised. Met when at least 75 % of the
    year's periods were realised (a partly realised one counts half); partly when some were; not met
    when none was or nothing is recorded."""
    total = realisation_summary(body, year, totals_only=True).total
    realised_halves = 2 * total.realised + total.partly
    return Result(
        _ratio(realised_halves, 2 * total.total),
        Evidence("cooperation:body", (body.slug,)),
        {"realised": total.realised, "partly": total.partly, "periods": total.total},
    )


def expert_help_asked(body: PublicBody, year: int) -> Result:
    """Officials ask NGOs for expert help: met when a request of the year was fulfilled; partly when
    help was asked but not (yet) given; not met when none was asked."""
    start, end = _year_bounds(year)
    requests = ExpertRequest.objects.filter(body=body, created_at__date__gte=start, created_at__date__lte=end)
    asked = requests.count()
    fulfilled = requests.filter(status=ExpertRequestStatus.FULFILLED).count()
    status = MET if fulfilled else (PARTLY if asked else NOT_MET)
    return Result(
        status, Evidence("cooperation:expert_requests", (body.slug,)), {"asked": asked, "fulfilled": fulfilled}
    )


def ngo_register(body: PublicBody, year: int) -> Result:
    """The NGO register is public and kept: met when the active NGOs serving the body's area are
    listed and at least 75 % of them have been verified; partly when fewer are; not met when none is
    listed."""
    ngos = serving_body(Organisation.objects.filter(status=OrganisationStatus.ACTIVE, merged_into__isnull=True), body)
    total = ngos.count()
    verified = ngos.filter(verified_at__isnull=False).count()
    status = NOT_MET if not total else (MET if Decimal(verified) / Decimal(total) >= Decimal("0.75") else PARTLY)
    return Result(
        status,
        Evidence("organisations:directory", query=f"body={body.slug}"),
        {"ngos": total, "verified": verified},
    )


# Participation ----------------------------------------------------------------------------------

COUNCILS = (GroupKind.OLDER_PEOPLE_COUNCIL, GroupKind.DISABILITY_COUNCIL, GroupKind.YOUTH_COUNCIL)


def ngos_in_councils(body: PublicBody, year: int) -> Result:
    """NGO representatives sit in the body's councils and working groups during the year: met when
    both a council (for older people, disabled people or young people) and a working or steering
    group have one; partly when only one kind has; not met when none has."""
    start, end = _year_bounds(year)
    seats = Seat.objects.filter(group__body=body, term_start__lte=end, term_end__gte=start)
    in_councils = seats.filter(group__kind__in=COUNCILS).count()
    in_groups = seats.exclude(group__kind__in=COUNCILS).count()
    status = MET if in_councils and in_groups else (PARTLY if in_councils or in_groups else NOT_MET)
    return Result(
        status,
        Evidence("cooperation:groups", (body.slug,)),
        {"council_seats": in_councils, "group_seats": in_groups},
    )


def consultations_answered(body: PublicBody, year: int) -> Result:
    """Hearings that are heard: of the body's consultations that closed in the year, met when at
    least 75 % have a published response (what was heard and what changed); partly when some have;
    not met when none was held or none was answered."""
    start, end = _year_bounds(year)
    closed = Consultation.objects.filter(
        body=body, closes_at__date__gte=start, closes_at__date__lte=end, status__in=list(_CLOSED_STATUSES)
    )
    held = closed.count()
    answered = closed.filter(status__in=(ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED)).count()
    return Result(
        _ratio(answered, held),
        Evidence("participation:consultation_list", (body.slug,)),
        {"held": held, "answered": answered},
    )


_CLOSED_STATUSES = (ConsultationStatus.CLOSED, ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED)


# Other core activities --------------------------------------------------------------------------


def bulletin_free(body: PublicBody, year: int) -> Result:
    """A bulletin where NGOs announce free: met when the body published a bulletin issue in the year
    and approved NGOs' events to its calendar; partly when only one of the two; not met when neither."""
    start, end = _year_bounds(year)
    issues = BulletinIssue.objects.filter(
        body=body, is_published=True, period_start__lte=end, period_end__gte=start
    ).count()
    listed = (
        Listing.objects.filter(
            body=body,
            status=ListingStatus.APPROVED,
            event__organisation__isnull=False,
            event__start__date__gte=start,
            event__start__date__lte=end,
        )
        .values("event")
        .distinct()
        .count()
    )
    status = MET if issues and listed else (PARTLY if issues or listed else NOT_MET)
    return Result(status, Evidence("events:calendar", query=f"body={body.slug}"), {"issues": issues, "events": listed})


# The list --------------------------------------------------------------------------------------

CRITERIA: list[Criterion] = [
    Criterion(
        "grants_board_decided",
        "commitment",
        _("NGO grants are decided by a board"),
        _("%(decided)s of %(programmes)s published grant programmes of the year decided at a board meeting."),
        grants_board_decided,
    ),
    Criterion(
        "grant_principles_public",
        "commitment",
        _("The principles of NGO grants are public"),
        _("%(with_principles)s of %(programmes)s published grant programmes of the year state their principles."),
        grant_principles_public,
    ),
    Criterion(
        "strategy_preparation",
        "commitment",
        _("NGOs take part in preparing the body's strategy"),
        why_self=_("Strategy work is not recorded on the platform."),
    ),
    Criterion(
        "coordinator_named",
        "management",
        _("An NGO coordinator is named and reachable"),
        _("%(coordinators)s NGO coordinators, %(public)s with public contact details."),
        coordinator_named,
    ),
    Criterion(
        "yearly_negotiation",
        "management",
        _("A yearly negotiation is held with the NGOs"),
        _("Negotiation of the year: %(negotiations)s, agreed: %(agreed)s."),
        yearly_negotiation,
    ),
    Criterion(
        "cooperation_reported",
        "monitoring",
        _("The cooperation with NGOs is reported in the annual report and the welfare report"),
        why_self=_("The welfare report on the platform is still to come; until then the coordinator assesses this."),
    ),
    Criterion(
        "cooperation_monitored",
        "monitoring",
        _("The realisation of the agreed cooperation is followed up"),
        _("%(marked)s of %(periods)s periods of cooperation of the year marked as realised or not."),
        cooperation_monitored,
    ),
    Criterion(
        "grants_health_promotion",
        "resources",
        _("NGO grants are budgeted from the health-promotion appropriation"),
        why_self=_("Budgets are not recorded on the platform."),
    ),
    Criterion(
        "premises_affordable",
        "resources",
        _("NGOs may use the body's premises free or at a low price"),
        _("%(free)s of %(spaces)s published spaces free for the area's NGOs; %(bookings)s NGO bookings in the year."),
        premises_affordable,
    ),
    Criterion(
        "funding_continuity",
        "resources",
        _("No gaps in NGO funding across the municipality–county line"),
        _("%(funded)s NGOs funded in the area last year; %(gaps)s of them have not applied this year."),
        funding_continuity,
    ),
    Criterion(
        "cooperation_realised",
        "shared_practices",
        _("Forms of cooperation are recorded and realised"),
        _("%(realised)s realised and %(partly)s partly realised of %(periods)s periods of cooperation of the year."),
        cooperation_realised,
    ),
    Criterion(
        "expert_help_asked",
        "shared_practices",
        _("Officials ask NGOs for expert help"),
        _("%(asked)s requests for expert help in the year, %(fulfilled)s fulfilled."),
        expert_help_asked,
    ),
    Criterion(
        "ngo_register",
        "shared_practices",
        _("The register of the area's NGOs is public and kept current"),
        _("%(ngos)s active NGOs serve the area, %(verified)s of them verified."),
        ngo_register,
    ),
    Criterion(
        "ngos_in_councils",
        "participation",
        _("NGOs have seats in councils and working groups"),
        _("%(council_seats)s NGO seats in councils and %(group_seats)s in working groups during the year."),
        ngos_in_councils,
    ),
    Criterion(
        "consultations_answered",
        "participation",
        _("NGOs are consulted and their statements answered"),
        _("%(answered)s of %(held)s consultations closed in the year have a published response."),
        consultations_answered,
    ),
    Criterion(
        "bulletin_free",
        "other_core",
        _("NGOs announce their events free in the body's bulletin"),
        _("%(issues)s bulletin issues published and %(events)s NGO events approved to the calendar in the year."),
        bulletin_free,
    ),
]
BY_KEY = {criterion.key: criterion for criterion in CRITERIA}
SELF_ASSESSED = [criterion for criterion in CRITERIA if not criterion.is_computed]


def per_dimension() -> dict[str, list[Criterion]]:
    grouped: dict[str, list[Criterion]] = {key: [] for key, _label in DIMENSIONS}
    for criterion in CRITERIA:
        grouped[criterion.dimension].append(criterion)
    return grouped


def weight(criterion: Criterion) -> Decimal:
    """How many points of the overall score (0–100) this criterion is worth."""
    return Decimal(100) / (len(DIMENSIONS) * len(per_dimension()[criterion.dimension]))


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def score(statuses: dict[str, str]) -> tuple[Decimal, dict[str, Decimal]]:
    """(overall, {dimension: score}) from {criterion key: status}; a missing status counts as not
    met. Pure: the same statuses always give the same scores."""
    dimensions: dict[str, Decimal] = {}
    for dimension, criteria in per_dimension().items():
        values = [VALUES[statuses.get(c.key, NOT_MET)] for c in criteria]
        dimensions[dimension] = _round(Decimal(100) * sum(values, Decimal(0)) / len(values))
    overall = _round(
        sum(
            (
                Decimal(100) * sum((VALUES[statuses.get(c.key, NOT_MET)] for c in cs), Decimal(0)) / len(cs)
                for cs in per_dimension().values()
            ),
            Decimal(0),
        )
        / len(DIMENSIONS)
    )
    return overall, dimensions


def light(value) -> str:
    """TEAviisari's traffic light of a score: green 75–100, yellow 25–75, red 0–25."""
    value = Decimal(value)
    return "green" if value >= 75 else ("yellow" if value >= 25 else "red")


LIGHT_LABELS = {"green": _("Green"), "yellow": _("Yellow"), "red": _("Red")}
