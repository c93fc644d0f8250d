"""Decided grants made directly with the ORM (an application, a board meeting and its decision),
so that the payment, reporting, continuity and open-data tests start where the board left off."""

import datetime as dt
from decimal import Decimal

from kumppani.core.models import Term
from kumppani.grants.models import ApplicationStatus, BoardMeeting, Decision, MeetingStatus
from tests import factories
from tests.grants import factories as grant_factories


def meeting(programme, *, date: dt.date | None = None, section: str = "45") -> BoardMeeting:
    """The programme's decided board meeting (one per programme; created on first use)."""
    existing = BoardMeeting.objects.filter(programme=programme).first()
    if existing:
        return existing
    return BoardMeeting.objects.create(
        body=programme.body,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=date or dt.date(programme.year, 3, 15),
        section=section,
        status=MeetingStatus.DECIDED,
    )


def grant(
    body=None,
    *,
    programme=None,
    organisation=None,
    amount: str = "2000.00",
    requested: str | None = None,
    year: int | None = None,
    status: str = ApplicationStatus.DECIDED,
    themes=(),
    **fields,
):
    """An application of `organisation` to `programme` (or a new programme of `body` for `year`)
    that the board has decided with `amount` granted."""
    programme = programme or grant_factories.programme(body, year=year)
    organisation = organisation or factories.organisation(areas=[programme.body])
    application = grant_factories.application(
        programme, organisation, status=status, amount=requested or amount, **fields
    )
    if themes:
        application.themes.set(Term.objects.filter(vocabulary="theme", slug__in=themes))
    Decision.objects.create(
        application=application, meeting=meeting(programme), proposed_amount=Decimal(amount), amount=Decimal(amount)
    )
    return application
