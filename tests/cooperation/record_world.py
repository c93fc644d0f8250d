"""Forms of cooperation for the cooperation record's tests, made in the `world` of
tests/cooperation/conftest.py."""

import datetime as dt

from kumppani.cooperation import services
from kumppani.cooperation.models import Category, Kind

LAST_YEAR = dt.date.today().year - 1


def make_form(world, *, title="Nuorten kesätapahtuma", organisations=None, starts_on=None, **extra):
    return services.form_create(
        body=world["salo"],
        sector=world["sector"],
        organisations=organisations or [world["ngo"]],
        category=extra.pop("category", Category.PRACTICAL),
        kind=extra.pop("kind", Kind.JOINT_EVENT),
        title=title,
        description=extra.pop("description", "Järjestämme yhdessä kesätapahtuman."),
        responsible=world["official"],
        starts_on=starts_on or dt.date(LAST_YEAR, 1, 1),
        by=extra.pop("by", world["official"]),
        **extra,
    )


def make_proposal(world, *, title="Nuorisotyön koulutus", starts_on=None):
    """The NGO's representative proposes a training to the sector."""
    return services.form_propose(
        organisation=world["ngo"],
        sector=world["sector"],
        category=Category.PRACTICAL,
        kind=Kind.TRAINING,
        title=title,
        starts_on=starts_on or dt.date.today(),
        by=world["rep"],
    )


def new_form_data(world, **changes) -> dict:
    """What the page for recording a form of cooperation sends: the NGO's seat in the youth council."""
    return {
        "sector": world["sector"].pk,
        "organisations": [world["ngo"].pk],
        "category": "strategic",
        "kind": "seat",
        "title": "Nuorisovaltuuston paikka",
        "responsible": world["official"].pk,
        "starts_on": "2026-01-01",
        "review_period": "year",
        **changes,
    }


def year(y: int = LAST_YEAR) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)
