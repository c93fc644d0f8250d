"""Indicator values fetched from Sotkanet's REST API (a recorded answer, never the network), entered by
hand by the body's coordinator and uploaded as a file; each indicator shown as a trend beside the
county and the whole country, chart and table."""

import datetime as dt
import io
import re
import urllib.error
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import AuditEntry
from kumppani.welfare import indicators, reports, services, sotkanet, tasks
from kumppani.welfare.models import Indicator, IndicatorValue
from tests import factories

pytestmark = pytest.mark.django_db
RECORDED = (Path(__file__).parent / "data" / "sotkanet_rest_5.json").read_bytes()


class Recorded:
    """Stands in for urllib's urlopen: answers with the recorded bytes and remembers the requests."""

    def __init__(self, content: bytes = RECORDED, status: int = 200, error: Exception | None = None):
        self.content, self.status, self.error = content, status, error
        self.requests = []

    def __call__(self, request, timeout=None):
        self.requests.append(request)
        if self.error:
            raise self.error
        response = io.BytesIO(self.content)
        response.status = self.status
        return response


@pytest.fixture
def world():
    services.indicators_load_reference()
    tampere = factories.tampere()
    return {
        "tampere": tampere,
        "pirkanmaa": tampere.county,
        "coordinator": factories.official(tampere, "coordinator"),
        "indicator": Indicator.objects.get(sotkanet_id=5),
    }


def test_a_fetch_keeps_the_counties_and_the_whole_country_from_sotkanets_answer(world):
    opener = Recorded()
    stored = services.indicator_values_fetch(indicator=world["indicator"], years=[2022, 2023, 2024], opener=opener)
    assert stored == 6  # Pirkanmaa's and the country's totals; not the men's row nor unknown regions
    request = opener.requests[0]
    assert request.full_url == (
        "https://sotkanet.fi/rest/1.1/json?indicator=5&years=2022&years=2023&years=2024&genders=total"
    )
    assert request.get_header("User-agent").startswith("Kumppani/")
    assert "(+http" in request.get_header("User-agent")
    county = IndicatorValue.objects.get(region=970, year=2024)
    assert (county.area, county.value) == (world["pirkanmaa"], Decimal("6.100"))
    assert IndicatorValue.objects.get(region=sotkanet.COUNTRY_REGION, year=2022).value == Decimal("5.500")
    assert not IndicatorValue.objects.filter(region__in=[96, 311]).exists()
    assert Indicator.objects.get(pk=world["indicator"].pk).fetched_at is not None
    assert AuditEntry.objects.filter(action="indicator_values_fetched").count() == 1


def test_no_fetch_again_within_a_day(world):
    indicator = world["indicator"]
    services.indicator_values_fetch(indicator=indicator, opener=Recorded())
    again = Recorded()
    assert services.indicator_values_fetch(indicator=indicator, opener=again) == 0
    assert again.requests == []
    Indicator.objects.filter(pk=indicator.pk).update(fetched_at=timezone.now() - dt.timedelta(hours=25))
    indicator.refresh_from_db()
    assert services.indicator_values_fetch(indicator=indicator, opener=again) == 6
    assert len(again.requests) == 1


@pytest.mark.parametrize(
    ("opener", "says"),
    [
        (Recorded(b"<html>Palvelu on huollossa</html>"), "ei ole kelvollista JSONia"),
        (Recorded(b'[{"indicator": 5, "region": 970, "year": 2024, "gender": "total", "value": "x"}]'), "Rivi 1"),
        (Recorded(b'[{"indicator": 127, "region": 970, "year": 2024, "gender": "total", "value": 1}]'), "Rivi 1"),
        (Recorded(status=503), "503"),
        (Recorded(error=urllib.error.URLError("timed out")), "Sotkanetiin ei saatu yhteyttä"),
    ],
)
def test_a_malformed_answer_or_no_answer_is_refused_in_finnish_and_changes_nothing(world, opener, says):
    with translation.override("fi"), pytest.raises(ValidationError) as refused:
        services.indicator_values_fetch(indicator=world["indicator"], opener=opener)
    assert says in " ".join(refused.value.messages)
    assert IndicatorValue.objects.count() == 0
    assert Indicator.objects.get(pk=world["indicator"].pk).fetched_at is None


def test_the_daily_job_fetches_only_the_indicators_the_chapters_follow(world, monkeypatch):
    report = reports.report_create(
        body=world["tampere"], kind="yearly", first_year=2024, title="Tampere 2024", by=world["coordinator"]
    )
    chapter = reports.chapter_add(report=report, title="Toimeentulo", by=world["coordinator"])
    chapter.indicators.add(world["indicator"])
    opener = Recorded()
    assert services.indicators_fetch_due(opener=opener) == {5: 6}
    assert len(opener.requests) == 1
    assert services.indicators_fetch_due(opener=opener) == {5: 0}  # fetched within the day
    monkeypatch.setattr(services, "indicators_fetch_due", lambda: {5: 0})
    assert tasks.fetch_indicators.call() == {5: 0}


def test_the_coordinator_enters_a_value_for_the_bodys_own_area(world):
    tampere, coordinator, indicator = world["tampere"], world["coordinator"], world["indicator"]
    services.indicator_value_enter(body=tampere, indicator=indicator, year=2024, value=Decimal("6.4"), by=coordinator)
    services.indicator_value_enter(body=tampere, indicator=indicator, year=2024, value=Decimal("6.5"), by=coordinator)
    value = IndicatorValue.objects.get(area=tampere)
    assert (value.region, value.year, value.value) == (None, 2024, Decimal("6.500"))
    services.indicator_value_enter(body=tampere, indicator=indicator, year=2024, value=None, by=coordinator)
    assert not IndicatorValue.objects.filter(area=tampere).exists()
    with pytest.raises(PermissionDenied):
        services.indicator_value_enter(
            body=factories.salo(), indicator=indicator, year=2024, value=Decimal(1), by=coordinator
        )
    with pytest.raises(ValidationError):
        services.indicator_value_enter(body=tampere, indicator=indicator, year=1800, value=Decimal(1), by=coordinator)


def test_the_hand_entry_page_takes_a_finnish_decimal(client, world):
    client.force_login(world["coordinator"])
    url = reverse("welfare:indicator_values", args=[world["tampere"].slug])
    response = client.post(url, {"indicator": world["indicator"].pk, "year": 2023, "value": "6,4"})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(area=world["tampere"], year=2023).value == Decimal("6.400")
    assert "6,4" in client.get(url).content.decode()
    client.force_login(factories.official(factories.salo(), "coordinator"))
    assert client.get(url).status_code == 403


def test_the_import_page_refuses_a_malformed_file_and_imports_a_good_one(client, world):
    url = reverse("welfare:indicator_import")
    client.force_login(factories.user())
    assert client.get(url).status_code == 403
    client.force_login(world["coordinator"])
    bad = SimpleUploadedFile("sotkanet.json", b'[{"indicator": 5, "region": 970')
    page = client.post("/fi" + url[3:], {"file": bad}).content.decode()
    assert "ei ole kelvollista JSONia" in page
    assert IndicatorValue.objects.count() == 0
    good = SimpleUploadedFile("sotkanet.json", RECORDED)
    assert client.post(url, {"file": good}).status_code == 302
    assert IndicatorValue.objects.count() == 9


def _trend_world(world):
    services.indicator_values_import(content=RECORDED, filename="sotkanet.json", by=world["coordinator"])
    services.indicator_value_enter(
        body=world["tampere"], indicator=world["indicator"], year=2024, value=Decimal("1234.5"), by=world["coordinator"]
    )
    return indicators.trend(world["indicator"], world["tampere"])


def test_a_trend_puts_the_body_beside_its_county_and_the_whole_country(world):
    with translation.override("fi"):
        trend = _trend_world(world)
    assert trend.years == (2022, 2023, 2024)
    assert [s.label for s in trend.series] == ["Tampere", world["pirkanmaa"].name, "Koko Suomi"]
    assert trend.rows == [
        (2022, ("–", "5,8", "5,5")),
        (2023, ("–", "6", "5,7")),
        (2024, ("1\xa0234,5", "6,1", "5,9")),
    ]
    svg = trend.svg
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "<desc" in svg and "5,9" in svg
    assert "Koko Suomi" in svg and svg.count("<polyline") == 2  # Tampere has one value: a marker, no line
    assert trend.png().startswith(b"\x89PNG")


def test_numbers_are_written_as_finns_write_them():
    assert indicators.format_number(Decimal("1234.500")) == "1\xa0234,5"
    assert indicators.format_number(Decimal("477395.000")) == "477\xa0395"
    assert indicators.format_number(Decimal("-0.250")) == "-0,25"
    assert indicators.format_number(None) == "–"


def test_the_report_page_shows_each_indicator_as_a_chart_with_its_table(client, world):
    _trend_world(world)
    coordinator = world["coordinator"]
    report = reports.report_create(
        body=world["tampere"], kind="yearly", first_year=2024, title="Tampere 2024", by=coordinator
    )
    chapter = reports.chapter_add(report=report, title="Toimeentulo", by=coordinator)
    chapter.indicators.add(world["indicator"])
    client.force_login(coordinator)
    page = client.get("/fi" + reverse("welfare:report", args=[report.pk])[3:]).content.decode()
    assert page.count('<svg class="trend-chart"') == 1
    assert "<caption>" in page and "1\xa0234,5" in page and "Koko Suomi" in page


def test_two_chapters_following_one_indicator_each_show_it_with_ids_unique_on_the_page(client, world):
    _trend_world(world)
    coordinator = world["coordinator"]
    report = reports.report_create(
        body=world["tampere"], kind="yearly", first_year=2024, title="Tampere 2024", by=coordinator
    )
    for title in ("Toimeentulo", "Työllisyys"):
        reports.chapter_add(report=report, title=title, by=coordinator).indicators.add(world["indicator"])
    client.force_login(coordinator)
    page = client.get("/fi" + reverse("welfare:report", args=[report.pk])[3:]).content.decode()
    assert page.count('<svg class="trend-chart"') == 2 and page.count("<caption>") == 2
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for label in re.findall(r'aria-labelledby="([^"]+)"', page):
        assert all(f'id="{ident}"' in page for ident in label.split())


def test_the_hand_entry_page_reads_in_fixed_queries(client, world):
    client.force_login(world["coordinator"])
    url = reverse("welfare:indicator_values", args=[world["tampere"].slug])
    services.indicator_value_enter(
        body=world["tampere"], indicator=world["indicator"], year=2020, value=Decimal(1), by=world["coordinator"]
    )
    client.get(url)  # sessions and caches warm
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for year in range(2010, 2020):
        services.indicator_value_enter(
            body=world["tampere"], indicator=world["indicator"], year=year, value=Decimal(year), by=world["coordinator"]
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(one) == len(many)
    assert "2\xa0019" in page or "2019" in page


def test_the_coordinator_finds_the_indicator_values_from_their_own_page(client, world):
    client.force_login(world["coordinator"])
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("welfare:indicator_values", args=[world["tampere"].slug]) in page


def test_the_demo_gives_the_reports_indicators_a_trend(world):
    from kumppani.demo import welfare_indicators

    report = reports.report_create(
        body=world["tampere"], kind="yearly", first_year=2024, title="Tampere 2024", by=world["coordinator"]
    )
    reports.chapter_add(report=report, title="Toimeentulo", by=world["coordinator"]).indicators.add(world["indicator"])
    assert "invented" in welfare_indicators.load()
    assert welfare_indicators.load() == "Indicator values: already there.\n"
    trend = indicators.trend(world["indicator"], world["tampere"])
    assert len(trend.years) == welfare_indicators.YEARS
    assert all(value is not None for series in trend.series[1:] for value in series.values)
    assert sum(value is not None for value in trend.series[0].values) == 2


def test_the_management_command_fetches_the_indicators_in_use(world, monkeypatch):
    from django.core.management import CommandError, call_command

    opener = Recorded()
    monkeypatch.setattr(sotkanet, "urlopen", opener)  # the HTTP transport only; the parser is the real one
    out = io.StringIO()
    call_command("fetch_sotkanet", "5", stdout=out)
    assert out.getvalue().strip() == "5: 6" and len(opener.requests) == 1
    call_command("fetch_sotkanet", "5", stdout=out)  # within the day: nothing asked
    assert len(opener.requests) == 1
    monkeypatch.setattr(sotkanet, "urlopen", Recorded(b"not json"))
    with pytest.raises(CommandError):
        call_command("fetch_sotkanet", "5", "--force", stdout=out, stderr=io.StringIO())
    assert IndicatorValue.objects.count() == 6
