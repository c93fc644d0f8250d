"""The index as stored, scored, self-assessed, shown and downloaded."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.welfare import criteria as c
from kumppani.welfare import services
from kumppani.welfare.models import IndexResult, SelfAssessment
from tests import factories
from tests.grants import decided
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def salo_world():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator", name="Päivi Koordinaattori")
    programme = grant_factories.programme(salo, principles_fi="Tuemme terveyttä edistävää toimintaa.")
    decided.meeting(programme)
    return {"salo": salo, "coordinator": coordinator}


def test_scores_follow_teaviisari_arithmetic():
    assert c.score({k.key: c.MET for k in c.CRITERIA})[0] == Decimal("100.0")
    assert c.score({})[0] == Decimal("0.0")
    # Commitment has three criteria: two met of three is 66.7; the overall is the mean of 7 dimensions.
    overall, dimensions = c.score({"grants_board_decided": c.MET, "grant_principles_public": c.MET})
    assert dimensions["commitment"] == Decimal("66.7")
    assert overall == Decimal("9.5")  # 66.67 / 7
    _, dimensions = c.score({"bulletin_free": c.PARTLY})
    assert dimensions["other_core"] == Decimal("50.0")
    assert [c.light(v) for v in (100, 75, Decimal("74.9"), 25, Decimal("24.9"), 0)] == [
        "green",
        "green",
        "yellow",
        "yellow",
        "red",
        "red",
    ]
    # A criterion's weight: what meeting it adds to the overall score.
    assert sum(c.weight(k) for k in c.CRITERIA) == pytest.approx(Decimal(100))


def test_the_stored_score_is_reproducible_from_its_criteria(salo_world):
    salo = salo_world["salo"]
    first = services.index_compute(body=salo, year=YEAR, by=None)
    again = services.index_compute(body=salo, year=YEAR, by=None)
    assert IndexResult.objects.count() == 1
    assert (again.overall, again.dimensions, again.criteria) == (first.overall, first.dimensions, first.criteria)
    statuses = {row["key"]: row["status"] for row in first.criteria}
    assert statuses["grants_board_decided"] == c.MET
    assert statuses["coordinator_named"] == c.PARTLY  # named, but no public contact details
    assert c.score(statuses)[0] == first.overall
    # The self-assessed ones not yet assessed count as not met.
    missing = [row for row in first.criteria if row["source"] == "missing"]
    assert {row["key"] for row in missing} == {k.key for k in c.SELF_ASSESSED}
    assert all(row["status"] == c.NOT_MET for row in missing)


def test_the_coordinator_self_assesses_with_a_justification(salo_world):
    salo, coordinator = salo_world["salo"], salo_world["coordinator"]
    before = services.index_compute(body=salo, year=YEAR, by=None).overall
    services.self_assessment_save(
        body=salo,
        year=YEAR,
        criterion="strategy_preparation",
        status=c.MET,
        justification="Järjestöt olivat mukana hyvinvointisuunnitelman työpajoissa keväällä.",
        by=coordinator,
    )
    result = IndexResult.objects.get(body=salo, year=YEAR)
    row = next(r for r in result.criteria if r["key"] == "strategy_preparation")
    assert (row["status"], row["source"]) == (c.MET, "self")
    assert "työpajoissa" in row["justification"]
    assert result.overall > before
    assert AuditEntry.objects.filter(action="index_self_assessed").count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"justification": "Koska."}, "justification", "justification_required"),
        ({"justification": "   "}, "justification", "justification_required"),
        ({"criterion": "grants_board_decided"}, "criterion", "computed_criterion"),
        ({"criterion": "no_such_thing"}, "criterion", "computed_criterion"),
        ({"status": "excellent"}, "status", "bad_status"),
        ({"year": YEAR + 1}, "year", "year_out_of_range"),
        ({"year": 1999}, "year", "year_out_of_range"),
    ],
)
def test_a_bad_self_assessment_is_refused_and_changes_nothing(salo_world, changes, field, code):
    from django.core.exceptions import ValidationError

    salo = salo_world["salo"]
    services.index_compute(body=salo, year=YEAR, by=None)
    stored = IndexResult.objects.values().get()
    arguments = {
        "body": salo,
        "year": YEAR,
        "criterion": "strategy_preparation",
        "status": c.MET,
        "justification": "Kaikkiin lausuntoihin vastattiin julkisesti.",
        "by": salo_world["coordinator"],
    } | changes
    with pytest.raises(ValidationError) as error:
        services.self_assessment_save(**arguments)
    assert [e.code for e in error.value.error_dict[field]] == [code]
    assert SelfAssessment.objects.count() == 0
    assert AuditEntry.objects.filter(action="index_self_assessed").count() == 0
    assert IndexResult.objects.values().get() == stored


def test_the_daily_job_computes_every_body_on_the_platform(salo_world):
    factories.official(factories.tampere(), "official")
    assert services.index_compute_all(year=YEAR) == 2
    assert set(IndexResult.objects.values_list("body__slug", flat=True)) == {"salo", "tampere"}


# Pages


def _results(count: int):
    bodies = [factories.salo(), factories.tampere(), factories.porvoo()][:count]
    for body in bodies:
        factories.official(body, "official")
        services.index_compute(body=body, year=YEAR, by=None)
        services.index_compute(body=body, year=YEAR - 1, by=None)
    return bodies


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_national_table_reads_stored_rows_in_fixed_queries(client):
    _results(1)
    url = reverse("welfare:index")
    one = _queries(client, url)
    _results(3)
    assert _queries(client, url) == one
    assert one <= 6


def test_the_national_table_filters_by_county(client, salo_world):
    salo = salo_world["salo"]
    services.index_compute(body=salo, year=YEAR, by=None)
    tampere = factories.tampere()
    services.index_compute(body=tampere, year=YEAR, by=None)
    content = client.get(reverse("welfare:index")).content.decode()
    assert "Salo" in content and "Tampere" in content
    content = client.get(reverse("welfare:index"), {"hyvinvointialue": salo.county.slug}).content.decode()
    assert "Salo" in content and "Tampere" not in content
    # A filter it does not understand shows the whole country and says so.
    response = client.get(reverse("welfare:index"), {"vuosi": "kissa"})
    assert response.status_code == 200 and "Tampere" in response.content.decode()


def test_a_body_page_shows_evidence_and_what_would_raise_the_score(client, salo_world):
    salo = salo_world["salo"]
    services.index_compute(body=salo, year=YEAR, by=None)
    url = reverse("welfare:body_index", args=[salo.slug])
    content = client.get(url).content.decode()
    assert f'href="/fi/alueet/{salo.slug}/avustuspaatokset/{YEAR}/"' in content
    assert 'id="raise-heading"' in content
    page = client.get(url)
    raise_most = page.context["index"].raise_most()
    assert len(raise_most) == 3
    assert all(line.status != c.MET for line in raise_most)
    # The first is among the heaviest criteria not met (a dimension of one or two criteria).
    assert raise_most[0].gain == max(line.gain for block in page.context["index"].dimensions for line in block.lines)
    # An anonymous reader sees no assessment links.
    assert reverse("welfare:self_assess", args=[salo.slug, YEAR, "strategy_preparation"]) not in content


def test_a_body_page_reads_in_fixed_queries(client):
    salo = _results(1)[0]
    url = reverse("welfare:body_index", args=[salo.slug])
    assert _queries(client, url) <= 4


def test_the_coordinator_assesses_through_the_page(client, salo_world):
    salo, coordinator = salo_world["salo"], salo_world["coordinator"]
    services.index_compute(body=salo, year=YEAR, by=None)
    client.force_login(coordinator)
    url = reverse("welfare:self_assess", args=[salo.slug, YEAR, "grants_health_promotion"])
    assert url in client.get(reverse("welfare:body_index", args=[salo.slug])).content.decode()
    response = client.post(url, {"status": "partly", "justification": "Liian lyhyt"})
    assert response.status_code == 200
    assert "at least 20 characters" in response.content.decode() or response.context["form"].errors
    assert SelfAssessment.objects.count() == 0
    response = client.post(
        url, {"status": "partly", "justification": "Osa avustuksista budjetoidaan hyte-määrärahasta."}
    )
    assert response.status_code == 302
    assert SelfAssessment.objects.get().status == "partly"
    # A computed criterion has no assessment page.
    computed = reverse("welfare:self_assess", args=[salo.slug, YEAR, "grants_board_decided"])
    assert client.get(computed).status_code == 404


@pytest.mark.parametrize("who", ["official of the body", "coordinator of another body", "NGO representative"])
def test_only_the_body_coordinator_assesses_or_recomputes(client, salo_world, who):
    salo = salo_world["salo"]
    person = {
        "official of the body": lambda: factories.official(salo, "official"),
        "coordinator of another body": lambda: factories.official(factories.tampere(), "coordinator"),
        "NGO representative": lambda: factories.representative(factories.organisation(areas=[salo])),
    }[who]()
    client.force_login(person)
    assess = reverse("welfare:self_assess", args=[salo.slug, YEAR, "strategy_preparation"])
    data = {"status": "met", "justification": "Olemme järjestöystävällisin kunta ikinä."}
    assert client.get(assess).status_code == 403
    assert client.post(assess, data).status_code == 403
    assert client.post(reverse("welfare:recompute", args=[salo.slug, YEAR])).status_code == 403
    assert SelfAssessment.objects.count() == 0 and IndexResult.objects.count() == 0


def test_anonymous_is_sent_to_sign_in(client, salo_world):
    salo = salo_world["salo"]
    for url in (
        reverse("welfare:self_assess", args=[salo.slug, YEAR, "strategy_preparation"]),
        reverse("welfare:recompute", args=[salo.slug, YEAR]),
    ):
        response = client.post(url, {"status": "met", "justification": "x" * 40})
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    assert SelfAssessment.objects.count() == 0


def test_the_coordinator_recomputes_from_current_data(client, salo_world):
    salo, coordinator = salo_world["salo"], salo_world["coordinator"]
    client.force_login(coordinator)
    response = client.post(reverse("welfare:recompute", args=[salo.slug, YEAR]))
    assert response.status_code == 302
    assert IndexResult.objects.filter(body=salo, year=YEAR).exists()
    assert AuditEntry.objects.filter(action="index_computed").count() == 1


# Files and the API


def test_the_table_downloads_as_csv_and_xlsx(client):
    _results(2)
    response = client.get(reverse("welfare:index_export", args=["csv"]), {"vuosi": YEAR})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Disposition"] == f'attachment; filename="jarjestoystavallisyys-{YEAR}.csv"'
    assert len(rows) == 3
    assert len(rows[0]) == 5 + len(c.DIMENSIONS) + len(c.CRITERIA)
    assert {rows[1][0], rows[2][0]} == {"Salo", "Tampere"}
    from openpyxl import load_workbook

    response = client.get(reverse("welfare:index_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3 and sheet.title == str(YEAR)


def test_the_api_lists_the_index_publicly(client):
    _results(1)
    url = "/api/v1/welfare/index/"
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    _results(3)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, {"year": YEAR})
    assert len(one) == len(many)
    data = response.json()
    assert data["count"] == 3
    first = data["results"][0]
    assert first["year"] == YEAR and first["light"] in {"green", "yellow", "red"}
    assert set(first["dimensions"]) == {key for key, _label in c.DIMENSIONS}
    assert [row["key"] for row in first["criteria"]] == [k.key for k in c.CRITERIA]
    salo = next(r for r in data["results"] if r["body"] == "salo")
    assert salo["county"] == factories.salo().county.slug
    assert client.get(url, {"county": salo["county"], "year": YEAR}).json()["count"] == 1
    assert client.get(url, {"year": "kissa"}).status_code == 400
    refused = client.get(url, {"county": "nowhere"})
    assert refused.status_code == 400 and "county" in refused.json()
    assert client.post(url, {}).status_code in (403, 405)


def test_the_body_page_shows_its_latest_score(client, salo_world):
    salo = salo_world["salo"]
    url = reverse("core:body", args=[salo.slug])
    assert reverse("welfare:body_index", args=[salo.slug]) not in client.get(url).content.decode()
    result = services.index_compute(body=salo, year=YEAR, by=None)
    page = client.get(url).content.decode()
    assert reverse("welfare:body_index", args=[salo.slug]) in page
    assert f"{result.overall:.1f}".replace(".", ",") + " / 100" in page


def test_the_daily_job_also_settles_last_year_in_january(salo_world, monkeypatch):
    import datetime as dt

    from kumppani.welfare import tasks

    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(YEAR, 1, 15))
    tasks.compute_index.call()
    assert set(IndexResult.objects.values_list("year", flat=True)) == {YEAR, YEAR - 1}
