"""Open data and reports of grants: the 360Giving 1.4.3 package validated against the official
schemas, the public decision pages (only decided grants, no personal data, totals by theme), and
the officials' XLSX and CSV of a programme."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from jsonschema import Draft202012Validator
from openpyxl import load_workbook
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kumppani.grants import giving360
from kumppani.grants.models import ApplicationStatus, Decision, Instalment
from tests import factories
from tests.grants import decided
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "360giving-1.4.3"
YEAR = 2025


def _validator() -> Draft202012Validator:
    """The package schema, its $ref to the grant schema resolved to the local copy (no network)."""
    package = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    grant = json.loads((SCHEMAS / "360-giving-schema.json").read_text())
    resource = Resource(contents=grant, specification=DRAFT202012)
    registry = Registry().with_resources(
        [(package["properties"]["grants"]["items"]["$ref"], resource), (grant["$id"], resource)]
    )
    return Draft202012Validator(package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(data)]


@pytest.fixture
def world():
    salo = factories.salo()
    programme = grant_factories.programme(salo, "Järjestöavustus", year=YEAR)
    small = grant_factories.programme(salo, "Pienavustus", year=YEAR)
    with_id = factories.organisation("Salon Mielenterveysseura ry", areas=[salo], business_id="0737546-2")
    with_id.contact_persons.create(name="Yksityinen Yhteyshenkilö", email="yksityinen@example.org")
    without_id = factories.organisation("Pieni Kerho", areas=[salo])
    granted = decided.grant(
        programme=programme,
        organisation=with_id,
        amount="12000.00",
        requested="15000.00",
        themes=["mielenterveys", "vertaistuki"],
        contact_name="Hakija Henkilö",
        contact_email="hakija.henkilo@example.org",
        contact_phone="040 123 4567",
        title="Klubitalon toiminta",
    )
    Instalment.objects.create(
        application=granted, due_date=dt.date(YEAR, 2, 1), amount=Decimal("6000.00"), status="paid"
    )
    granted.status = ApplicationStatus.PAID
    granted.save()
    second = decided.grant(
        programme=small, organisation=without_id, amount="850.50", themes=["vertaistuki"], title="Retki"
    )
    refused = decided.grant(
        programme=programme, amount="0.00", status=ApplicationStatus.CLOSED, title="Hylätty hakemus"
    )
    pending = grant_factories.application(
        programme, factories.organisation("Odottava ry"), status="submitted", title="Käsittelyssä oleva"
    )
    proposed = grant_factories.application(
        programme, factories.organisation("Esitetty ry"), status="proposed", title="Esitetty hakemus"
    )
    Decision.objects.create(application=proposed, meeting=decided.meeting(programme), proposed_amount=Decimal("999.00"))
    withdrawn = grant_factories.application(
        small, factories.organisation("Perunut ry"), status="withdrawn", title="Peruttu hakemus"
    )
    return {
        "salo": salo,
        "programme": programme,
        "granted": granted,
        "second": second,
        "hidden": [refused, pending, proposed, withdrawn],
        "with_id": with_id,
        "without_id": without_id,
    }


# --- 360Giving -----------------------------------------------------------------------------------


def test_the_validator_refuses_a_broken_package():
    assert _errors({"grants": [{"id": "x", "title": "t"}]})  # the test would notice an invalid export
    assert _errors(
        {
            "grants": [
                {
                    "id": "x",
                    "title": "t",
                    "description": "d",
                    "currency": "EUR",
                    "amountAwarded": 1,
                    "awardDate": "15.3.2025",
                    "recipientOrganization": [{"id": "a", "name": "A"}],
                    "fundingOrganization": [{"id": "b", "name": "B"}],
                }
            ]
        }
    )  # a Finnish date


def test_360giving_package_validates_with_format_checking(world):
    data = giving360.body_year_package(world["salo"], YEAR)
    assert _errors(data) == []
    grants = {g["title"]: g for g in data["grants"]}
    assert set(grants) == {"Klubitalon toiminta", "Retki"}
    club = grants["Klubitalon toiminta"]
    assert club["id"] == f"360G-kumppani-{world['granted'].uuid}"
    assert club["amountAwarded"] == 12000 and club["amountAppliedFor"] == 15000 and club["amountDisbursed"] == 6000
    assert club["currency"] == "EUR" and club["awardDate"] == f"{YEAR}-03-15"
    assert club["recipientOrganization"][0]["id"] == "FI-PRO-0737546-2"
    assert club["fundingOrganization"][0]["id"] == "360G-kumppani-body-municipality-734"
    assert club["beneficiaryLocation"][0]["geoCode"] == "734" and club["beneficiaryLocation"][0]["name"] == "Salo"
    assert {(c["vocabulary"], c["title"]) for c in club["classifications"]} == {
        ("YSO", "Mielenterveys"),
        ("YSO", "Vertaistuki"),
    }
    retki = grants["Retki"]
    assert retki["amountAwarded"] == 850.5
    assert retki["recipientOrganization"][0]["id"] == f"360G-kumppani-org-{world['without_id'].uuid}"


def test_360giving_prefix_is_a_setting(world, settings):
    settings.GRANTS_360_PREFIX = "360G-salo"
    data = giving360.body_year_package(world["salo"], YEAR)
    assert _errors(data) == []
    assert all(g["id"].startswith("360G-salo-") for g in data["grants"])
    assert data["grants"][0]["recipientOrganization"][0]["id"] in (
        "FI-PRO-0737546-2",
        f"360G-salo-org-{world['without_id'].uuid}",
    )


def test_360giving_has_no_personal_data(world):
    text = giving360.dumps(giving360.body_year_package(world["salo"], YEAR))
    for private in (
        "Hakija Henkilö",
        "hakija.henkilo@example.org",
        "040 123 4567",
        "Yksityinen Yhteyshenkilö",
        "yksityinen@example.org",
    ):
        assert private not in text
    for hidden in ("Hylätty hakemus", "Käsittelyssä oleva", "Esitetty hakemus", "Peruttu hakemus"):
        assert hidden not in text


def test_360giving_download_per_body_and_year(client, world):
    response = client.get(reverse("grants:giving360", args=[world["salo"].slug, YEAR]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert _errors(data) == [] and len(data["grants"]) == 2
    assert data["downloadURL"].endswith(reverse("grants:giving360", args=[world["salo"].slug, YEAR]))
    assert client.get(reverse("grants:giving360", args=[world["salo"].slug, YEAR - 1])).status_code == 404


def test_export_command_writes_a_valid_package_per_body(world, tmp_path):
    tampere_grant = decided.grant(factories.tampere(), year=YEAR, amount="400.00")
    call_command("export", "360giving", str(tmp_path), stdout=io.StringIO())
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["360giving-salo.json", "360giving-tampere.json"]
    for path in tmp_path.iterdir():
        assert _errors(json.loads(path.read_text())) == []
    tampere = json.loads((tmp_path / "360giving-tampere.json").read_text())
    assert [g["id"] for g in tampere["grants"]] == [f"360G-kumppani-{tampere_grant.uuid}"]


# --- Public decision pages ----------------------------------------------------------------------


def test_public_decisions_show_only_decided_grants_and_no_personal_data(client, world):
    response = client.get(reverse("grants:public_decisions", args=[world["salo"].slug, YEAR]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Salon Mielenterveysseura ry" in page and "Klubitalon toiminta" in page and "Pieni Kerho" in page
    assert "12\xa0000,00\xa0€" in page and "850,50\xa0€" in page and "15.3." in page and "§ 45" in page
    for hidden in (
        "Hylätty hakemus",
        "Käsittelyssä oleva",
        "Esitetty hakemus",
        "Peruttu hakemus",
        "Odottava ry",
        "Perunut ry",
    ):
        assert hidden not in page
    for private in (
        "Hakija Henkilö",
        "hakija.henkilo@example.org",
        "040 123 4567",
        "Yksityinen Yhteyshenkilö",
        "yksityinen@example.org",
    ):
        assert private not in page
    assert reverse("grants:giving360", args=[world["salo"].slug, YEAR]) in page


def test_public_totals_by_programme_and_theme(client, world):
    response = client.get(reverse("grants:public_decisions", args=[world["salo"].slug, YEAR]))
    context = response.context
    assert context["summary"] == {"total": Decimal("12850.50"), "count": 2}
    assert context["not_granted"] == 1
    by_programme = {str(row["programme"].name_fi): (row["count"], row["total"]) for row in context["programme_totals"]}
    assert by_programme == {"Järjestöavustus": (1, Decimal("12000.00")), "Pienavustus": (1, Decimal("850.50"))}
    by_theme = {row["theme"].slug: (row["count"], row["total"]) for row in context["theme_totals"]}
    assert by_theme == {"vertaistuki": (2, Decimal("12850.50")), "mielenterveys": (1, Decimal("12000.00"))}


def test_public_years_list(client, world):
    decided.grant(world["salo"], year=YEAR - 1, amount="100.00")
    page = client.get(reverse("grants:public_decision_years", args=[world["salo"].slug])).content.decode()
    assert reverse("grants:public_decisions", args=[world["salo"].slug, YEAR]) in page
    assert reverse("grants:public_decisions", args=[world["salo"].slug, YEAR - 1]) in page
    assert "12\xa0850,50\xa0€" in page
    page = client.get(reverse("grants:public_decisions", args=[world["salo"].slug, YEAR - 1])).content.decode()
    assert reverse("grants:public_decisions", args=[world["salo"].slug, YEAR]) in page  # the year links
    empty = client.get(reverse("grants:public_decisions", args=[world["salo"].slug, 2001]))
    assert empty.status_code == 200 and "Klubitalon toiminta" not in empty.content.decode()


def test_public_page_in_swedish(client, world):
    response = client.get(f"/sv/alueet/{world['salo'].slug}/avustuspaatokset/{YEAR}/")
    assert response.status_code == 200 and 'lang="sv"' in response.content.decode()


def test_public_decisions_query_count_does_not_grow(client, world):
    url = reverse("grants:public_decisions", args=[world["salo"].slug, YEAR])

    def queries(count):
        for n in range(world["programme"].applications.count(), count):
            decided.grant(programme=world["programme"], amount="100.00", themes=["vertaistuki"] if n % 2 else [])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(5) == queries(40)


# --- Officials' exports --------------------------------------------------------------------------


def test_programme_xlsx_has_numbers_in_euros(client, world):
    client.force_login(factories.official(world["salo"], "official"))
    response = client.get(reverse("grants:programme_export", args=[world["programme"].pk, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:-1]}
    club = by_reference[world["granted"].reference]
    values = list(club.values())
    assert values[1] == "Salon Mielenterveysseura ry" and values[2] == "0737546-2"
    assert values[4] == 15000 and values[6] == 12000 and values[8] == 6000  # applied, granted, paid
    assert isinstance(values[6], (int, float))
    assert sheet.cell(row=2, column=7).number_format.endswith('"€"')
    assert rows[-1][6] == f"=SUM(G2:G{len(rows) - 1})"
    assert "Peruttu hakemus" not in str(rows)  # another programme's
    references = set(by_reference)
    assert {a.reference for a in world["hidden"][:3]} <= references  # officials see pending ones too


def test_programme_csv_uses_semicolons_and_decimal_commas(client, world):
    client.force_login(factories.official(world["salo"], "board_secretary"))
    response = client.get(reverse("grants:programme_export", args=[world["programme"].pk, "csv"]))
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    club = next(row for row in rows if row[0] == world["granted"].reference)
    assert club[4] == "15000,00" and club[6] == "12000,00" and club[8] == "6000,00"


def test_officials_of_another_body_get_no_export(client, world):
    client.force_login(factories.official(factories.tampere(), "coordinator"))
    assert client.get(reverse("grants:programme_export", args=[world["programme"].pk, "xlsx"])).status_code == 403
    client.force_login(factories.official(world["salo"], "official"))
    assert client.get(reverse("grants:programme_export", args=[world["programme"].pk, "pdf"])).status_code == 404


def test_an_application_title_cannot_plant_a_formula_in_the_officials_exports(client, world):
    world["granted"].title = '=HYPERLINK("https://example.org","Avaa")'
    world["granted"].save()
    client.force_login(factories.official(world["salo"], "official"))
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("grants:programme_export", args=[world["programme"].pk, "xlsx"])).content)
    ).active
    cells = [value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert "'" + world["granted"].title in cells
    assert all(value.startswith("=SUM(") for value in cells if value.startswith("="))  # only the totals' own
    text = client.get(reverse("grants:programme_export", args=[world["programme"].pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert not any(cell.startswith("=") for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row)
