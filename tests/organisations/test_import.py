import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from kumppani.organisations import imports
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

GOOD = 'name;business_id;municipality;themes;languages\nSalon Sydänyhdistys ry;0737546-2;734;mielenterveys;"fi;sv"\nSalon Kuurot ry;;Salo;;fi\n'
BAD = "name;business_id;municipality;themes;languages\nHyvä ry;;734;;fi\n;1234567-8;Atlantis;ei-teema;xx\n"


def test_dry_run_reports_nothing_wrong_and_imports_nothing():
    report = imports.import_file(GOOD.encode(), filename="lista.csv", by=None, commit=False)
    assert report.ok and report.rows == 2
    assert not Organisation.objects.filter(name_fi="Salon Kuurot ry").exists()


def test_a_clean_file_is_imported():
    report = imports.import_file(GOOD.encode(), filename="lista.csv", by=None, commit=True)
    assert report.committed and report.created == 2
    heart = Organisation.objects.get(name_fi="Salon Sydänyhdistys ry")
    assert heart.business_id == "0737546-2"
    assert [a.code for a in heart.areas.all()] == ["734"]


def test_every_bad_row_is_listed_and_nothing_is_imported():
    report = imports.import_file(BAD.encode(), filename="lista.csv", by=None, commit=True)
    assert not report.committed
    problems = {(e.line, e.column) for e in report.errors}
    assert problems == {(3, "name"), (3, "business_id"), (3, "municipality"), (3, "themes"), (3, "languages")}
    assert not Organisation.objects.filter(name_fi="Hyvä ry").exists()


def test_a_business_id_already_in_the_register_is_refused():
    factories.organisation(business_id="0737546-2")
    report = imports.import_file(GOOD.encode(), filename="lista.csv", by=None, commit=True)
    assert [(e.line, e.column) for e in report.errors] == [(2, "business_id")]


def test_xlsx_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "municipality", "founded_year"])
    sheet.append(["Excel-yhdistys ry", "Tampere", 1987])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = imports.import_file(buffer.getvalue(), filename="lista.xlsx", by=None, commit=True)
    assert report.committed
    assert Organisation.objects.get(name_fi="Excel-yhdistys ry").founded_year == 1987


def test_a_broken_file_gets_a_clear_error():
    report = imports.import_file(b"\x00\x01garbage", filename="lista.xlsx", by=None, commit=True)
    assert not report.ok and "Excel" in report.errors[0].reason


def test_import_page_walks_dry_run_then_import(client):
    client.force_login(factories.official(factories.salo()))
    url = reverse("organisations:import")
    upload = io.BytesIO(GOOD.encode())
    upload.name = "lista.csv"
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name_fi="Salon Kuurot ry").exists()
    upload = io.BytesIO(GOOD.encode())
    upload.name = "lista.csv"
    response = client.post(url, {"file": upload, "commit": "on"})
    assert response.status_code == 302
    assert Organisation.objects.filter(name_fi="Salon Kuurot ry").exists()


def test_import_page_is_for_coordinators_only(client):
    client.force_login(factories.user())
    assert client.get(reverse("organisations:import")).status_code == 403


@pytest.mark.parametrize(
    "content",
    [
        # The quote closes three lines later: the lines between would become part of a name.
        'name;municipality\nEka ry;Salo\n"Toka ry;Salo\nKolmas ry;Salo\n"Neljäs" ry;Salo\nViides ry;Salo\n',
        # The quote never closes: the csv module reads the rest of the file as one cell.
        'name;municipality\nEka ry;Salo\n"Toka ry;Salo\nKolmas ry;Salo\n',
    ],
)
def test_a_quotation_mark_left_open_is_reported_with_its_line_and_nothing_is_imported(content):
    report = imports.import_file(content.encode(), filename="lista.csv", by=None, commit=True)
    assert not report.committed
    (error,) = report.errors
    assert error.line == 3 and "lainausmerkki" in error.reason and "Rivillä 3" in error.reason
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ("Salon\x00 Kuurot ry;734;", "name"),
        ("Salon \u202eyr storuK;734;", "name"),
        ("Salon Kuurot ry;734;soita meille", "phone"),
        ("S" * 251 + ";734;", "name"),
    ],
)
def test_hidden_characters_overlong_names_and_bad_phone_numbers_are_reported_not_imported(cell, column):
    content = f"name;municipality;phone\nHyvä ry;734;\n{cell}\n"
    report = imports.import_file(content.encode(), filename="lista.csv", by=None, commit=True)
    assert not report.committed
    assert [(e.line, e.column) for e in report.errors] == [(3, column)]
    assert not Organisation.objects.filter(name_fi="Hyvä ry").exists()
