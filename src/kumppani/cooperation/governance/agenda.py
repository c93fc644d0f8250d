"""The yearly negotiation's agenda, prepared from the data of the year before: last year's measures
and how they went, the realisation of the forms of cooperation, the open action items, the use of
the body's premises, and what the apps above register (grants per NGO).

Cooperation sits below grants, so it cannot read grants itself: an app above calls
`register_agenda_source(name, source)` in its AppConfig.ready(), and the agenda asks each source for
a table. A source is `source(body, year) -> AgendaTable | None`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kumppani.core.models import PublicBody


@dataclass
class AgendaTable:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""


AgendaSource = Callable[[PublicBody, int], AgendaTable | None]
_sources: dict[str, tuple[int, AgendaSource]] = {}


def register_agenda_source(name: str, source: AgendaSource, order: int = 100) -> None:
    """Add a part to every yearly negotiation's agenda (called from an AppConfig.ready())."""
    _sources[name] = (order, source)


def _date(day) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else "–"


def _realisation(body: PublicBody, year: int) -> AgendaTable | None:
    """The cooperation record's realisation of the year per sector and per NGO, from its own summary."""
    from kumppani.cooperation.queries import realisation_summary

    summary = realisation_summary(body, year)
    rows = [
        [row.label, str(row.realised), str(row.partly), str(row.not_realised), str(row.unmarked)]
        for row in [*summary.by_sector, *summary.by_ngo]
    ]
    if not rows:
        return None
    return AgendaTable(
        _("Forms of cooperation and their realisation in %(year)s") % {"year": year},
        [_("Sector or NGO"), _("Realised"), _("Partly realised"), _("Not realised"), _("Not yet marked")],
        rows,
    )


def _open_actions(body: PublicBody, year: int) -> AgendaTable | None:
    from kumppani.cooperation.governance.models import ActionItem

    items = (
        ActionItem.objects.filter(meeting__body=body, done_at__isnull=True)
        .select_related("owner_user", "owner_organisation", "meeting")
        .order_by("due_on", "pk")[:200]
    )
    rows = [
        [
            item.title,
            ", ".join(
                name
                for name in (
                    item.owner_user and item.owner_user.full_name,
                    item.owner_organisation and item.owner_organisation.name,
                )
                if name
            ),
            _date(item.due_on),
            item.meeting.title,
        ]
        for item in items
    ]
    return AgendaTable(_("Open action items"), [_("Action item"), _("Responsible"), _("Due"), _("Meeting")], rows)


def _premises(body: PublicBody, year: int) -> AgendaTable | None:
    from kumppani.premises.queries import usage

    rows = [row for row in usage(body, year) if row.bookings]
    if not rows:
        return None
    return AgendaTable(
        _("NGOs' use of the body's premises in %(year)s") % {"year": year},
        [_("Space"), _("Bookings"), _("Hours"), _("Value of free use")],
        [[row.space.name, str(row.bookings), f"{row.hours:.1f}".replace(".", ","), _euros(row.value)] for row in rows],
    )


NBSP = "\u00a0"


def _euros(value) -> str:
    """1 234,50 € as Finns write money."""
    whole, _dot, cents = f"{value:,.2f}".partition(".")
    return whole.replace(",", NBSP) + f",{cents}{NBSP}€"


register_agenda_source("realisation", _realisation, order=10)
register_agenda_source("open_actions", _open_actions, order=40)
register_agenda_source("premises", _premises, order=50)


def agenda_tables(body: PublicBody, year: int) -> list[AgendaTable]:
    """The agenda's tables of `year` (the year before the negotiation), in order."""
    tables = []
    for _order, source in sorted(_sources.values(), key=lambda item: item[0]):
        table = source(body, year)
        if table is not None:
            tables.append(table)
    return tables
