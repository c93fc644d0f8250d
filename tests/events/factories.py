"""Events for tests, made through the app's own services."""

import datetime as dt

from kumppani.events import services
from kumppani.events.models import HELSINKI, Event
from tests import factories


def at(day: dt.date, hour: int = 18, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), HELSINKI)


def data(**overrides) -> dict:
    day = overrides.pop("day", dt.date(2026, 12, 10))
    values = {
        "name_fi": "Joulukonsertti",
        "name_sv": "Julkonsert",
        "short_description_fi": "Kuoro laulaa joululauluja.",
        "start": at(day, 18),
        "end": at(day, 20),
        "street_address": "Kauppatori 1",
        "postal_code": "24100",
        "municipality": factories.salo(),
        "contact_email": "tapahtumat@example.org",
    }
    values.update(overrides)
    return values


def event(organisation, *, by=None, cancelled_dates=(), **overrides) -> Event:
    by = by or factories.representative(organisation)
    return services.event_create(
        by=by, organisation=organisation, data=data(**overrides), cancelled_dates=cancelled_dates
    )


def published(organisation, body=None, *, editor=None, **overrides) -> Event:
    """An event approved in `body`'s calendar (Salo by default)."""
    body = body or factories.salo()
    by = factories.representative(organisation)
    item = event(organisation, by=by, **overrides)
    [listing] = services.event_submit(by=by, event=item, bodies=[body])
    services.listing_decide(by=editor or factories.official(body, role="official"), listing=listing, approve=True)
    item.refresh_from_db()
    return item
