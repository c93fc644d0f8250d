"""The world of the cooperation record's tests (`world_fixture`, the fixture `world`) and forms of
cooperation made in it."""

import datetime as dt

import pytest

from kumppani.cooperation import services
from kumppani.cooperation.models import Category, Kind
from tests import factories

LAST_YEAR = dt.date.today().year - 1


@pytest.fixture(name="world")
def world_fixture():
    """Salo with a coordinator, a youth sector and its official, an NGO with its representative, and
    outsiders (another NGO, an official of Tampere). The cooperation tests get it through their
    conftest (modules with a world of their own use theirs); the welfare and breadcrumb tests import it."""
    salo, tampere = factories.salo(), factories.tampere()
    coordinator = factories.official(salo, "coordinator", name="Päivi Koordinaattori")
    official = factories.official(salo, "official", name="Olli Virkailija")
    sector = services.sector_save(body=salo, name_fi="Nuorisopalvelut", name_sv="Ungdomstjänster", by=coordinator)
    services.sector_officials_set(sector=sector, officials=[official], by=coordinator)
    ngo = factories.organisation("Salon Nuoret ry", areas=[salo])
    rep = factories.representative(ngo, name="Rauni Edustaja")
    other_ngo = factories.organisation("Toinen ry", areas=[tampere])
    return {
        "salo": salo,
        "tampere": tampere,
        "coordinator": coordinator,
        "official": official,
        "sector": sector,
        "ngo": ngo,
        "rep": rep,
        "other_ngo": other_ngo,
        "other_rep": factories.representative(other_ngo, name="Muu Edustaja"),
        "other_official": factories.official(tampere, "official", name="Tampereen Virkailija"),
        "tampere_coordinator": factories.official(tampere, "coordinator", name="Tampereen Koordinaattori"),
    }


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
