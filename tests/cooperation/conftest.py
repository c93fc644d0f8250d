"""The world of the cooperation record's tests."""

import pytest

from kumppani.cooperation import services
from tests import factories


@pytest.fixture
def world():
    """Salo with a coordinator, a youth sector and its official, an NGO with its representative, and
    outsiders (another NGO, an official of Tampere). Test modules with a world of their own use theirs."""
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
