"""Sotkanet's indicators shipped as reference data, and the import of a file of indicator values:
a recorded JSON file is read, a CSV too, and a malformed file is refused with a clear message."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kumppani.core.models import AuditEntry
from kumppani.welfare import services
from kumppani.welfare.models import Indicator, IndicatorValue
from tests import factories

pytestmark = pytest.mark.django_db
RECORDED = (Path(__file__).parent / "data" / "sotkanet_json_127_5.json").read_bytes()


@pytest.fixture
def coordinator():
    services.indicators_load_reference()
    return factories.official(factories.tampere(), "coordinator")


def test_the_reference_indicators_load_once_with_their_titles():
    added = services.indicators_load_reference()
    assert added == Indicator.objects.count() == 17
    assert services.indicators_load_reference() == 0
    social_assistance = Indicator.objects.get(sotkanet_id=5)
    assert social_assistance.title_fi.startswith("Toimeentulotukea saaneet 25 - 64-vuotiaat")
    assert social_assistance.title_sv.startswith("25 - 64-åriga mottagare av utkomststöd")


def test_a_recorded_sotkanet_json_file_is_imported(coordinator):
    assert services.indicator_values_import(content=RECORDED, filename="sotkanet.json", by=coordinator) == 6
    pirkanmaa = factories.tampere().county
    population = IndicatorValue.objects.get(indicator__sotkanet_id=127, year=2024)
    assert (population.area, population.value, population.absolute_value) == (
        pirkanmaa,
        Decimal("480001.000"),
        Decimal("480001.000"),
    )
    assert IndicatorValue.objects.get(region=890).area == pirkanmaa  # the county's older Sotkanet id
    assert IndicatorValue.objects.get(region=658).area is None and IndicatorValue.objects.get(region=658).value is None
    # Importing again replaces the values, it does not add them twice.
    services.indicator_values_import(content=RECORDED, filename="sotkanet.json", by=coordinator)
    assert IndicatorValue.objects.count() == 6
    assert AuditEntry.objects.filter(action="indicator_values_imported").count() == 2


def test_a_csv_file_with_the_same_columns_is_imported(coordinator):
    content = b"indicator;region;year;gender;value\n5;970;2022;total;5,8\n5;970;2023;total;\n"
    assert services.indicator_values_import(content=content, filename="arvot.csv", by=coordinator) == 2
    assert IndicatorValue.objects.get(year=2022).value == Decimal("5.800")


@pytest.mark.parametrize(
    ("content", "code", "says"),
    [
        (b'[{"indicator": 127, "region": 972', "bad_json", "not valid JSON"),
        (b'{"indicator": 127}', "bad_shape", "list of rows"),
        (b"[]", "empty", "no rows"),
        (b"\xff\xfe\x00", "not_text", "UTF-8"),
        (
            b'[{"indicator": 99999, "region": 972, "year": 2024, "gender": "total", "value": 1}]',
            "unknown_indicator",
            "Row 1",
        ),
        (b'[{"indicator": 127, "region": 972, "year": 1850, "gender": "total", "value": 1}]', "bad_year", "1850"),
        (b'[{"indicator": 127, "region": 972, "year": 2024, "gender": "all", "value": 1}]', "bad_gender", "gender"),
        (
            b'[{"indicator": 127, "region": "Tampere", "year": 2024, "gender": "total", "value": 1}]',
            "not_a_number",
            "region",
        ),
        (b'[{"indicator": 127, "year": 2024, "gender": "total", "value": 1}]', "missing_value", "region"),
        (
            b'[{"indicator": 127, "region": 972, "year": 2024, "gender": "total", "value": "many"}]',
            "not_a_number",
            "value",
        ),
        (
            b'[{"indicator": 127, "region": 972, "year": 2024, "gender": "total", "value": "NaN"}]',
            "not_a_number",
            "value",
        ),
        (b"indicator;region;vuosi\n127;972;2024\n", "missing_columns", "year"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message_and_changes_nothing(coordinator, content, code, says):
    # A good first row: a bad later row still refuses the whole file.
    services.indicator_values_import(content=RECORDED, filename="sotkanet.json", by=coordinator)
    before = list(IndicatorValue.objects.values())
    filename = "arvot.csv" if code == "missing_columns" else "arvot.json"
    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.indicator_values_import(content=content, filename=filename, by=coordinator)
    [refusal] = error.value.error_dict["file"]
    assert refusal.code == code
    assert says in refusal.message % refusal.params
    assert list(IndicatorValue.objects.values()) == before


def test_a_bad_row_after_good_ones_refuses_the_whole_file(coordinator):
    content = (
        b'[{"indicator": 127, "region": 972, "year": 2020, "gender": "total", "value": 1},'
        b' {"indicator": 127, "region": 972, "year": 2021, "gender": "both", "value": 2}]'
    )
    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.indicator_values_import(content=content, filename="x.json", by=coordinator)
    assert "Row 2" in str(error.value)
    assert IndicatorValue.objects.count() == 0


def test_only_coordinators_and_admins_import(coordinator):
    ngo_rep = factories.representative(factories.organisation())
    with pytest.raises(PermissionDenied):
        services.indicator_values_import(content=RECORDED, filename="sotkanet.json", by=ngo_rep)
    assert IndicatorValue.objects.count() == 0
