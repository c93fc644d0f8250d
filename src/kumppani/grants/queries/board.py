"""What the board has at hand for a meeting: every application on the list with its proposal and
decision, each applicant's grants of the previous three years from any body, and its cooperation
record with the body. All of it is read in a fixed number of queries, however long the list.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language

from kumppani.cooperation.queries import board_cooperation
from kumppani.grants.models import BoardMeeting, Decision
from kumppani.grants.queries.published import decided_grants
from kumppani.organisations.models import Membership

PREVIOUS_YEARS = 3


@dataclass
class PreviousGrant:
    year: int
    body: str
    programme: str
    amount: Decimal


@dataclass
class BoardRow:
    decision: Decision
    previous_grants: list[PreviousGrant] = field(default_factory=list)
    cooperation: list = field(default_factory=list)

    @property
    def application(self):
        return self.decision.application


@dataclass
class BoardTotals:
    requested: Decimal = Decimal("0")
    proposed: Decimal = Decimal("0")
    decided: Decimal = Decimal("0")
    granted_count: int = 0
    declined_count: int = 0


def meeting_decisions(meeting: BoardMeeting):
    """The meeting's decisions with their applications and applicants, in reference order."""
    return (
        meeting.decisions.select_related("application__organisation", "application__programme")
        .order_by("application__reference")
        .all()
    )


def previous_grants(organisation_ids, *, year: int, exclude_meeting: BoardMeeting | None = None):
    """{organisation id: [PreviousGrant, …]}: money granted to each organisation by any body
    in `year` and the three years before it, newest first. One query."""
    language = (get_language() or "fi")[:2]
    rows = (
        decided_grants()
        .filter(organisation_id__in=list(organisation_ids), programme__year__gte=year - PREVIOUS_YEARS)
        .filter(programme__year__lte=year)
        .order_by("-programme__year", "programme__body__name_fi", "reference")
        .values_list(
            "organisation_id",
            "programme__year",
            f"programme__body__name_{language}",
            "programme__body__name_fi",
            f"programme__name_{language}",
            "programme__name_fi",
            "decision__amount",
            "decision__meeting_id",
        )
    )
    result: dict[int, list[PreviousGrant]] = {}
    for organisation_id, grant_year, body, body_fi, name, name_fi, amount, meeting_id in rows:
        if exclude_meeting is not None and meeting_id == exclude_meeting.pk:
            continue
        grant = PreviousGrant(grant_year, body or body_fi, name or name_fi, amount)
        result.setdefault(organisation_id, []).append(grant)
    return result


def cooperation_record(organisation, body) -> list:
    """The forms of cooperation the NGO and the body agreed and their latest realisation (the Salo
    model: the board uses the record in its grant decisions), from the cooperation app."""
    return board_cooperation([organisation.pk], body).get(organisation.pk, [])


def board_rows(meeting: BoardMeeting, *, hidden: set[int] = frozenset()) -> tuple[list[BoardRow], BoardTotals]:
    """The list's rows and totals, without the applications in `hidden` (those the reader declared
    a conflict of interest on: they see nothing of them, not even in the totals)."""
    decisions = [d for d in meeting_decisions(meeting) if d.application_id not in hidden]
    history = previous_grants(
        {d.application.organisation_id for d in decisions}, year=meeting.programme.year, exclude_meeting=meeting
    )
    cooperation = board_cooperation({d.application.organisation_id for d in decisions}, meeting.body)
    totals = BoardTotals()
    rows = []
    for decision in decisions:
        application = decision.application
        totals.requested += application.amount_requested or 0
        totals.proposed += decision.proposed_amount
        if decision.amount is not None:
            totals.decided += decision.amount
            if decision.amount > 0:
                totals.granted_count += 1
            else:
                totals.declined_count += 1
        rows.append(
            BoardRow(
                decision=decision,
                previous_grants=history.get(application.organisation_id, []),
                cooperation=cooperation.get(application.organisation_id, []),
            )
        )
    return rows, totals


def applicant_languages(applications) -> dict[int, str]:
    """{application id: "fi" or "sv"}: the language of each applicant's decision letter, from the
    first representative of the NGO (Finnish when there is none, or for English speakers, since
    decisions are made in the body's official languages). One query."""
    applications = list(applications)
    first: dict[int, str] = {}
    for organisation_id, language in (
        Membership.objects.filter(organisation_id__in={a.organisation_id for a in applications})
        .order_by("organisation_id", "id")
        .values_list("organisation_id", "user__language")
    ):
        first.setdefault(organisation_id, language)
    return {a.pk: "sv" if first.get(a.organisation_id) == "sv" else "fi" for a in applications}
