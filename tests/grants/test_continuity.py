"""Continuity of funding between years and between a municipality and its county (seed 004):
the coordinator's watch finds the NGOs funded last year that have not applied this year, and an
NGO's grant history shows every year and body with the other funding it declared."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.grants.models import ApplicationStatus, OtherFunding
from kumppani.grants.queries.continuity import continuity_watch, grant_history
from tests import factories
from tests.activities import factories as activity_factories
from tests.grants import decided
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
LAST = YEAR - 1


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    county = salo.county
    assert county is not None and county.is_county
    this_salo, this_county = grant_factories.programme(salo, year=YEAR), grant_factories.programme(county, year=YEAR)
    last_salo = grant_factories.programme(salo, "Kohdeavustus", year=LAST)
    last_county = grant_factories.programme(county, "Järjestöavustus", year=LAST)

    gap_salo = factories.organisation("Salon Mielenterveysseura ry", areas=[salo])
    club = activity_factories.activity(gap_salo, "Klubitalo Salo", areas=[salo])
    grant = decided.grant(programme=last_salo, organisation=gap_salo, amount="12000.00")
    grant.activities.add(club)

    moved = factories.organisation("Siirtynyt ry", areas=[salo])  # Salo last year, the county this year
    decided.grant(programme=last_salo, organisation=moved, amount="5000.00")
    grant_factories.application(this_county, moved, status=ApplicationStatus.SUBMITTED)

    gap_county = factories.organisation("Kriisikeskus ry", areas=[county])  # the county last year, nothing now
    decided.grant(programme=last_county, organisation=gap_county, amount="30000.00")

    renewed = factories.organisation("Jatkaja ry", areas=[salo])  # Salo both years
    decided.grant(programme=last_salo, organisation=renewed, amount="800.00")
    grant_factories.application(this_salo, renewed, status=ApplicationStatus.IN_REVIEW)

    only_draft = factories.organisation("Luonnos ry", areas=[salo])  # a draft is not an application
    decided.grant(programme=last_salo, organisation=only_draft, amount="700.00")
    grant_factories.application(this_salo, only_draft, status=ApplicationStatus.DRAFT)

    refused = factories.organisation("Hylätty ry", areas=[salo])  # nothing granted last year: no gap
    decided.grant(programme=last_salo, organisation=refused, amount="0.00", status=ApplicationStatus.CLOSED)

    elsewhere = factories.organisation("Tamperelainen ry", areas=[tampere])
    decided.grant(tampere, organisation=elsewhere, year=LAST, amount="9000.00")
    return {
        "salo": salo,
        "county": county,
        "tampere": tampere,
        "gap_salo": gap_salo,
        "gap_county": gap_county,
        "club": club,
        "programmes": {"this_salo": this_salo, "this_county": this_county, "last_salo": last_salo},
    }


def _names(gaps):
    return [gap.organisation.name for gap in gaps]


def test_municipality_watch_covers_its_county(world):
    gaps = continuity_watch(world["salo"], YEAR)
    assert sorted(_names(gaps)) == ["Kriisikeskus ry", "Luonnos ry", "Salon Mielenterveysseura ry"]
    gap = next(g for g in gaps if g.organisation == world["gap_salo"])
    assert gap.activities == [world["club"]] and gap.granted == Decimal("12000.00")


def test_county_watch_covers_its_municipalities(world):
    gaps = continuity_watch(world["county"], YEAR)
    assert sorted(_names(gaps)) == ["Kriisikeskus ry", "Luonnos ry", "Salon Mielenterveysseura ry"]


def test_no_false_gap_when_the_ngo_applied_to_the_county(world):
    for body in (world["salo"], world["county"]):
        assert "Siirtynyt ry" not in _names(continuity_watch(body, YEAR))


def test_a_withdrawn_application_leaves_the_gap_open(world):
    org = factories.organisation("Perunut ry", areas=[world["salo"]])
    decided.grant(programme=world["programmes"]["last_salo"], organisation=org, amount="1000.00")
    grant_factories.application(world["programmes"]["this_county"], org, status=ApplicationStatus.WITHDRAWN)
    assert "Perunut ry" in _names(continuity_watch(world["salo"], YEAR))


def test_another_countys_grants_are_not_in_the_watch(world):
    assert "Tamperelainen ry" not in _names(continuity_watch(world["county"], YEAR))
    assert _names(continuity_watch(world["tampere"], YEAR)) == ["Tamperelainen ry"]


def test_continuity_page_for_the_coordinator(client, world):
    client.force_login(factories.official(world["county"], "coordinator"))
    page = client.get(reverse("grants:continuity", args=[world["county"].slug])).content.decode()
    assert "Salon Mielenterveysseura ry" in page and "Klubitalo Salo" in page and "Kriisikeskus ry" in page
    assert "Siirtynyt ry" not in page and "Jatkaja ry" not in page
    assert "12\xa0000,00\xa0€" in page
    page = client.get(reverse("grants:continuity", args=[world["county"].slug]), {"year": LAST}).content.decode()
    assert "Salon Mielenterveysseura ry" not in page  # nothing was granted two years ago


@pytest.mark.parametrize("role", [None, "official", "coordinator_elsewhere", "representative"])
def test_continuity_page_is_for_coordinators_only(client, world, role):
    url = reverse("grants:continuity", args=[world["salo"].slug])
    if role == "official":
        client.force_login(factories.official(world["salo"], "official"))
    elif role == "coordinator_elsewhere":
        client.force_login(factories.official(world["tampere"], "coordinator"))
    elif role == "representative":
        client.force_login(factories.representative(world["gap_salo"]))
    response = client.get(url)
    if role is None:
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    else:
        assert response.status_code == 403


def test_continuity_query_count_does_not_grow(client, world):
    client.force_login(factories.official(world["county"], "coordinator"))
    url = reverse("grants:continuity", args=[world["county"].slug])
    programme = world["programmes"]["last_salo"]

    def queries(count):
        for n in range(len(continuity_watch(world["county"], YEAR)), count):
            grant = decided.grant(programme=programme, amount="100.00")
            grant.activities.add(activity_factories.activity(grant.organisation, f"Ryhmä {n}"))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    assert queries(5) == queries(40)


# --- Grant history -----------------------------------------------------------------------------


@pytest.fixture
def history():
    salo = factories.salo()
    county = salo.county
    org = factories.organisation("Omaiset ry", areas=[salo])
    older = decided.grant(salo, organisation=org, year=LAST, amount="4000.00", status=ApplicationStatus.CLOSED)
    newer = decided.grant(county, organisation=org, year=YEAR, amount="6000.00")
    pending = grant_factories.application(
        grant_factories.programme(salo, "Pienavustus", year=YEAR), org, status=ApplicationStatus.SUBMITTED
    )
    for application in (older, newer):  # the same STEA grant declared to both bodies
        OtherFunding.objects.create(
            application=application,
            source="stea",
            funder="STEA",
            amount=Decimal("50000.00"),
            status="granted",
            year=YEAR,
        )
    OtherFunding.objects.create(
        application=pending,
        source="municipality",
        funder="Halikon säätiö",
        amount=Decimal("700.00"),
        status="applied",
        year=YEAR,
    )
    return {"salo": salo, "county": county, "org": org, "older": older, "newer": newer, "pending": pending}


def test_history_covers_years_and_bodies_with_other_funding(history):
    years = grant_history(history["org"])
    assert [y.year for y in years] == [YEAR, LAST]
    this_year = years[0]
    assert {a.reference for a in this_year.applications} == {history["newer"].reference, history["pending"].reference}
    assert this_year.granted == Decimal("6000.00") and years[1].granted == Decimal("4000.00")
    assert [(t.body, t.granted) for t in this_year.totals] == [(history["county"], Decimal("6000.00"))]
    stea = [d for d in this_year.other_funding if d.funding.source == "stea"]
    assert len(stea) == 1 and set(stea[0].declared_to) == {history["salo"], history["county"]}
    assert any(d.funding.funder == "Halikon säätiö" for d in this_year.other_funding)


def test_an_official_sees_their_own_bodys_applications_and_others_decisions(client, history):
    client.force_login(factories.official(history["county"], "official"))
    page = client.get(reverse("grants:grant_history", args=[history["org"].slug])).content.decode()
    assert history["newer"].reference in page and history["older"].reference in page  # decisions are public
    assert history["pending"].reference not in page  # Salo's pending application is Salo's business
    assert "Halikon säätiö" not in page and "STEA" in page


def test_the_ngo_sees_its_whole_history(client, history):
    client.force_login(factories.representative(history["org"]))
    page = client.get(reverse("grants:grant_history", args=[history["org"].slug])).content.decode()
    for key in ("older", "newer", "pending"):
        assert history[key].reference in page
    assert "Halikon säätiö" in page and "6\xa0000,00\xa0€" in page


@pytest.mark.parametrize("who", ["anonymous", "other NGO", "other body"])
def test_history_is_refused_to_outsiders(client, history, who):
    if who == "other NGO":
        client.force_login(factories.representative(factories.organisation("Vieras ry")))
    elif who == "other body":
        client.force_login(factories.official(factories.tampere(), "coordinator"))
    response = client.get(reverse("grants:grant_history", args=[history["org"].slug]))
    if who == "anonymous":
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    else:
        assert response.status_code == 403


def test_history_query_count_does_not_grow(client, history):
    client.force_login(factories.representative(history["org"]))
    url = reverse("grants:grant_history", args=[history["org"].slug])

    def queries(count):
        for _n in range(history["org"].grant_applications.count(), count):
            grant = decided.grant(history["salo"], organisation=history["org"], year=LAST, amount="10.00")
            OtherFunding.objects.create(
                application=grant, source="other", funder="Säätiö", amount=Decimal("1"), status="granted", year=LAST
            )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(5) == queries(30)
