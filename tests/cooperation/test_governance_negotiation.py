"""The yearly negotiation: opened with last year's follow-up, an agenda prepared from the data,
agreed goals and measures with responsible parties, indicators and follow-up dates, and the agreed
record as a PDF."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kumppani.cooperation.governance import agenda, services
from kumppani.cooperation.governance.models import MeasureStatus, Negotiation, NegotiationStatus
from kumppani.cooperation.models import Sector
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    county = factories.municipality("837").county  # Pirkanmaa
    coordinator = factories.official(county, role="coordinator")
    ngo = factories.organisation("Pirkanmaan Omaiset ry", areas=[factories.tampere()])
    sector = Sector.objects.create(body=county, name_fi="Hyvinvoinnin edistäminen", slug="hyte")
    return {"county": county, "coordinator": coordinator, "ngo": ngo, "sector": sector}


def _agreed_year(world, year, measures):
    negotiation = services.negotiation_open(by=world["coordinator"], body=world["county"], year=year)
    services.negotiation_update(
        by=world["coordinator"],
        negotiation=negotiation,
        data={"held_on": dt.date(year, 3, 10), "place": "Tampere-talo", "summary": "Yhteiset tavoitteet."},
        organisations=[world["ngo"]],
    )
    for goal, status in measures:
        services.measure_save(
            by=world["coordinator"],
            negotiation=negotiation,
            data={
                "goal": goal,
                "measure": f"Toimenpide: {goal}",
                "indicator": "Osallistujamäärä",
                "monitoring_on": dt.date(year, 10, 1),
                "status": status,
                "follow_up": "",
            },
            sectors=[world["sector"]],
            organisations=[world["ngo"]],
        )
    services.negotiation_agree(by=world["coordinator"], negotiation=negotiation)
    return negotiation


def test_next_year_opens_with_last_years_follow_up(world):
    last = _agreed_year(
        world, 2026, [("Yksinäisyys vähenee", MeasureStatus.IN_PROGRESS), ("Liikunta lisääntyy", MeasureStatus.DONE)]
    )
    this = services.negotiation_open(by=world["coordinator"], body=world["county"], year=2027)
    assert this.previous == last
    carried = list(this.measures.all())
    assert [(m.goal, m.status, m.carried_from.negotiation_id) for m in carried] == [
        ("Yksinäisyys vähenee", MeasureStatus.IN_PROGRESS, last.pk)
    ]
    assert list(carried[0].sectors.all()) == [world["sector"]]
    assert list(this.organisations.all()) == [world["ngo"]]
    with pytest.raises(ValidationError) as error:
        services.negotiation_open(by=world["coordinator"], body=world["county"], year=2027)
    assert error.value.error_dict["year"][0].code == "exists"


def test_an_agreed_record_is_fixed_but_its_follow_up_goes_on(world, mailoutbox):
    rep = factories.representative(world["ngo"], email="omaiset@example.org")
    negotiation = _agreed_year(world, 2026, [("Yksinäisyys vähenee", MeasureStatus.PLANNED)])
    assert negotiation.status == NegotiationStatus.AGREED
    assert [m.to for m in mailoutbox if "2026" in m.subject] == [[rep.email]]
    measure = negotiation.measures.get()
    with pytest.raises(ValidationError):
        services.measure_save(
            by=world["coordinator"],
            measure=measure,
            data={"goal": "Muutettu tavoite"},
            sectors=None,
            organisations=None,
        )
    services.measure_save(
        by=world["coordinator"], measure=measure, data={"status": MeasureStatus.DONE, "follow_up": "Toteutui."}
    )
    measure.refresh_from_db()
    assert (measure.goal, measure.status, measure.follow_up) == ("Yksinäisyys vähenee", "done", "Toteutui.")
    with pytest.raises(ValidationError):
        services.negotiation_update(
            by=world["coordinator"], negotiation=negotiation, data={"place": "X"}, organisations=[]
        )


def test_it_cannot_be_agreed_without_a_date_and_a_measure(world):
    negotiation = services.negotiation_open(by=world["coordinator"], body=world["county"], year=2027)
    with pytest.raises(ValidationError) as error:
        services.negotiation_agree(by=world["coordinator"], negotiation=negotiation)
    assert set(error.value.error_dict) == {"held_on", "measures"}
    negotiation.refresh_from_db()
    assert negotiation.status == NegotiationStatus.PREPARING


def test_only_the_bodys_coordinators_prepare_it(world):
    tampere_coordinator = factories.official(factories.tampere(), role="coordinator")
    with pytest.raises(PermissionDenied):
        services.negotiation_open(by=tampere_coordinator, body=world["county"], year=2027)
    with pytest.raises(PermissionDenied):
        services.negotiation_open(by=factories.representative(world["ngo"]), body=world["county"], year=2027)
    assert not Negotiation.objects.exists()


def test_the_agenda_is_prepared_from_the_data_and_grants_register_their_part(world):
    meeting = services.meeting_save(
        by=world["coordinator"],
        body=world["county"],
        data={
            "kind": "partnership_table",
            "title": "Kumppanuuspöytä",
            "starts_at": dt.datetime(2026, 5, 5, tzinfo=dt.UTC),
        },
        officials=[],
        organisations=[world["ngo"]],
    )
    services.action_item_add(
        by=world["coordinator"],
        meeting=meeting,
        title="Omaistoiminnan esite",
        due_on=gf.today(),
        owner_organisation=world["ngo"],
    )
    tables = agenda.agenda_tables(world["county"], 2026)
    titles = [table.title for table in tables]
    assert any("2026" in title for title in titles)  # the grants' part, registered by grants.apps
    actions = next(table for table in tables if table.rows and table.rows[0][0] == "Omaistoiminnan esite")
    assert actions.rows[0][1] == "Pirkanmaan Omaiset ry"


def test_the_pages_the_pdf_and_who_sees_the_draft(client, world):
    agreed = _agreed_year(world, 2026, [("Yksinäisyys vähenee", MeasureStatus.IN_PROGRESS)])
    draft = services.negotiation_open(by=world["coordinator"], body=world["county"], year=2027)
    public = client.get(reverse("cooperation:negotiations", args=[world["county"].slug])).content.decode()
    assert agreed.get_absolute_url() in public and draft.get_absolute_url() not in public
    page = client.get(agreed.get_absolute_url()).content.decode()
    assert "Yksinäisyys vähenee" in page and "Osallistujamäärä" in page
    response = client.get(reverse("cooperation:negotiation_pdf", args=[agreed.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(factories.official(factories.salo(), role="coordinator"))
    assert client.get(draft.get_absolute_url()).status_code == 403
    client.force_login(world["coordinator"])
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Yksinäisyys vähenee" in page  # last year's follow-up and the measure carried over


def test_outsiders_cannot_change_anything(client, world):
    negotiation = services.negotiation_open(by=world["coordinator"], body=world["county"], year=2027)
    measure = services.measure_save(
        by=world["coordinator"], negotiation=negotiation, data={"goal": "Tavoite", "measure": "Toimenpide"}
    )
    urls = [
        reverse("cooperation:negotiation_open", args=[world["county"].slug]),
        reverse("cooperation:negotiation_edit", args=[negotiation.pk]),
        reverse("cooperation:measure_create", args=[negotiation.pk]),
        reverse("cooperation:measure_edit", args=[measure.pk]),
        reverse("cooperation:negotiation_agree", args=[negotiation.pk]),
    ]
    before = AuditEntry.objects.count()
    for person in (
        None,
        factories.representative(world["ngo"]),
        factories.official(factories.salo(), role="coordinator"),
    ):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in urls:
            for method in ("get", "post"):
                response = getattr(client, method)(url, {"year": 2028, "goal": "X", "measure": "X", "place": "X"})
                if person is None:
                    assert response.status_code in (302, 405) and (
                        response.status_code == 405 or "/kirjaudu/" in response["Location"]
                    ), url
                else:
                    assert response.status_code in (403, 404, 405), (url, response.status_code)
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("n", [1, 5])
def test_the_list_and_the_page_read_a_fixed_number_of_queries(client, world, django_assert_num_queries, n):
    for year in range(2020, 2020 + n):
        _agreed_year(world, year, [(f"Tavoite {i}", MeasureStatus.IN_PROGRESS) for i in range(n)])
    with django_assert_num_queries(2):  # the body, the negotiations with their measure counts
        client.get(reverse("cooperation:negotiations", args=[world["county"].slug]))
    last = Negotiation.objects.get(year=2020 + n - 1)
    # The negotiation, its NGOs, its measures with their sectors and NGOs; and last year's measures.
    with django_assert_num_queries(8 if n > 1 else 5):
        client.get(last.get_absolute_url())
