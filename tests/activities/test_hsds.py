"""The Open Referral HSDS 3.0 API (/api/hsds/) and `kumppani export hsds`.

Every record is validated against the official HSDS 3.0 schemas (tests/schemas/hsds-3.0, JSON Schema
draft 2020-12, with format checking), so a missing required field, an id that is not a UUID or a
URL that is not a URI fails here.
"""

import datetime as dt
import functools
import gzip
import json
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, resolve
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kumppani.activities.hsds import records as hsds
from kumppani.activities.models import Activity, Frequency, Place, ScheduleKind, ScheduleRule
from kumppani.core.models import AuditEntry, Term
from kumppani.organisations import services as organisation_services
from kumppani.organisations.models import Organisation, OrganisationStatus
from tests import factories
from tests.activities.factories import activity
from tests.activities.matrix import URL_NAMES

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "hsds-3.0"
API = "/api/hsds"


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """A validator of an HSDS schema, its relative $refs resolved from the copies beside it."""
    path = SCHEMAS / name
    schema = json.loads(gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_text())
    registry = Registry().with_resources(
        (f.name, Resource.from_contents(json.loads(f.read_text()), default_specification=DRAFT202012))
        for f in SCHEMAS.glob("*.json")
    )
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


SERVICE = "compiled/service.json.gz"
SERVICE_LIST = "compiled/service_list.json"
ORGANIZATION = "compiled/organization.json.gz"
ORGANIZATION_LIST = "compiled/organization_list.json"
SAL = "compiled/service_at_location.json.gz"
SAL_LIST = "compiled/service_at_location_list.json"
LOCATION = "location.json"
TAXONOMY = "taxonomy.json"
TERM = "taxonomy_term.json"


def assert_valid(records: list[dict], schema: str) -> None:
    assert records, f"nothing to validate against {schema}"
    for record in records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema).iter_errors(record)]
        assert errors == [], (schema, record.get("id"))


def get(client, path: str, **params):
    response = client.get(f"{API}{path}", params)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def contents(client, path: str, **params) -> list[dict]:
    return get(client, path, per_page=200, **params)["contents"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    ngo = factories.organisation(
        "Salon Mielenterveysseura ry",
        areas=[salo],
        business_id="1572860-0",
        association_id="123.456",
        email="toimisto@mielenterveysseura.example.org",
        phone="02 123 4567",
        website="https://mielenterveysseura.example.org/",
        founded_year=1978,
        name_sv="Salo mentalvårdsförening rf",
    )
    ngo.contact_persons.create(name="Yksityinen Yhteyshenkilö", email="yksityinen@example.org", phone="040 999 8888")
    group = activity(
        ngo,
        "Vertaistukiryhmä masennuksesta toipuville",
        name_sv="Kamratstödgrupp",
        description_fi="Keskustelemme luottamuksellisesti.",
        areas=[salo, tampere],
        themes=["mielenterveys", "vertaistuki"],
        target_groups=["nuoret"],
        languages=["fi", "sv"],
        places=[
            {
                "name_fi": "Järjestötalo",
                "street_address": "Vilhonkatu 5",
                "postal_code": "24240",
                "municipality": salo,
                "latitude": "60.38330",
                "longitude": "23.12500",
                "is_accessible": True,
                "accessibility_details_fi": "Hissi ja induktiosilmukka",
            }
        ],
        times=[(1, "17:00", "19:00")],
        is_online=True,
        online_url="https://meet.example.org/ryhmä",
        is_free=False,
        fee="5.00",
        cost_description_fi="5 € kerta, jäsenille ilmainen",
        contact_name="Maija Meikäläinen",
        email="ryhma@mielenterveysseura.example.org",
        phone="040 123 4567",
        website="https://mielenterveysseura.example.org/ryhmä",
        join_method="register",
        how_to_join_fi="Ilmoittaudu puhelimella.",
        schedule_note="Ei kokoonnu kesä–heinäkuussa.",
    )
    place = group.places.get()
    ScheduleRule.objects.create(
        activity=group,
        frequency=Frequency.MONTHLY,
        weekday=0,
        week_of_month=1,
        start_time=dt.time(10),
        end_time=dt.time(12),
        place=place,
    )
    ScheduleRule.objects.create(
        activity=group,
        frequency=Frequency.BIWEEKLY,
        weekday=3,
        start_time=dt.time(18),
        end_time=dt.time(20),
        valid_from=dt.date(2026, 1, 8),
        valid_until=dt.date(2026, 12, 17),
    )
    advice = activity(
        ngo,
        "Puhelinneuvonta",
        kind="advice",
        themes=["neuvonta"],
        schedule_kind=ScheduleKind.BY_APPOINTMENT,
        status="paused",
    )
    ended = activity(ngo, "Päättynyt kerho", status="ended")
    dissolved = factories.organisation("Lakkautettu yhdistys ry", areas=[salo], status=OrganisationStatus.DISSOLVED)
    gone = activity(dissolved, "Lakkautetun yhdistyksen ryhmä")
    merged = factories.organisation("Yhdistetty yhdistys ry", areas=[salo])
    Organisation.objects.filter(pk=merged.pk).update(merged_into=ngo)
    merged_activity = activity(merged, "Yhdistetyn yhdistyksen ryhmä")
    other = factories.organisation("Tampereen Omaishoitajat ry", areas=[tampere])
    carers = activity(other, "Omaishoitajien kahvila", kind="meeting_place", target_groups=["omaishoitajat"])
    return {
        "ngo": ngo,
        "group": group,
        "place": place,
        "advice": advice,
        "carers": carers,
        "other": other,
        "hidden": [ended, gone, merged_activity],
        "hidden_ngos": [dissolved, merged],
        "salo": salo,
        "tampere": tampere,
    }


def all_api_urls(world) -> list[str]:
    group = world["group"]
    sal_id = hsds.service_at_location_id(group, world["place"])
    term = hsds.term_id("theme", "mielenterveys")
    return [
        "/",
        "/openapi.json",
        "/services",
        "/services?full=true",
        f"/services/{group.uuid}",
        "/organizations",
        "/organizations?full=true",
        "/organizations?full_service=true",
        f"/organizations/{world['ngo'].uuid}",
        f"/organizations/{world['ngo'].uuid}?full_service=true",
        "/service_at_locations",
        "/service_at_locations?full=true",
        f"/service_at_locations/{sal_id}",
        "/taxonomies",
        f"/taxonomies/{hsds.taxonomy_id('theme')}",
        "/taxonomy_terms",
        f"/taxonomy_terms/{term}",
    ]


# The root and the OpenAPI document ------------------------------------------------------------------


def test_root_names_the_version_profile_and_openapi_document(client):
    root = get(client, "/")
    assert root["version"] == "3.0"
    assert root["profile"].startswith("https://")
    assert root["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    assert validator(SERVICE).format_checker.conforms(root["openapi_url"], "uri")


def test_openapi_document_describes_this_api(client):
    document = get(client, "/openapi.json")
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/api/hsds"}]
    assert "REQUIRED" not in json.dumps(document["info"])
    assert "CC BY-SA 4.0" in document["info"]["license"]["name"]
    paths = {"/", "/services", "/services/{id}", "/organizations", "/organizations/{id}", "/service_at_locations"}
    paths |= {"/service_at_locations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms"}
    assert paths | {"/taxonomy_terms/{id}"} == set(document["paths"])
    sal = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
    assert sal["application/json"]["schema"]["$ref"].endswith("compiled/service_at_location.json")


def test_validation_checks_formats():
    """Without format checking an id that is not a UUID would pass: these tests would prove nothing."""
    assert not validator(SERVICE_LIST).is_valid({"id": "not-a-uuid", "name": "x", "status": "active"})
    assert not validator(SERVICE_LIST).is_valid({"id": str(uuid.uuid4()), "name": "x", "status": "active", "url": "x"})
    assert validator(SERVICE_LIST).is_valid({"id": str(uuid.uuid4()), "name": "x", "status": "active"})


# Every record validates -------------------------------------------------------------------------------


def test_services_validate_as_list_items_and_as_full_services(client, world):
    assert_valid(contents(client, "/services"), SERVICE_LIST)
    full = contents(client, "/services", full="true")
    assert_valid(full, SERVICE)
    detail = get(client, f"/services/{world['group'].uuid}")
    assert_valid([detail], SERVICE)
    assert detail == next(s for s in full if s["id"] == str(world["group"].uuid))


def test_organizations_validate_in_every_shape(client, world):
    assert_valid(contents(client, "/organizations"), ORGANIZATION_LIST)
    assert_valid(contents(client, "/organizations", full="true"), ORGANIZATION)
    assert_valid(contents(client, "/organizations", full_service="true"), ORGANIZATION)
    ngo = world["ngo"].uuid
    assert_valid(
        [get(client, f"/organizations/{ngo}"), get(client, f"/organizations/{ngo}", full_service="true")], ORGANIZATION
    )


def test_services_at_locations_validate(client, world):
    assert_valid(contents(client, "/service_at_locations"), SAL_LIST)
    full = contents(client, "/service_at_locations", full="true")
    assert_valid(full, SAL)
    for record in full:
        assert get(client, f"/service_at_locations/{record['id']}") == record


def test_taxonomies_and_terms_validate(client, world):
    taxonomies = contents(client, "/taxonomies")
    assert_valid(taxonomies, TAXONOMY)
    assert len(taxonomies) == 3
    terms = contents(client, "/taxonomy_terms")
    assert_valid(terms, TERM)
    assert_valid([get(client, f"/taxonomies/{t['id']}") for t in taxonomies], TAXONOMY)
    assert_valid([get(client, f"/taxonomy_terms/{terms[0]['id']}")], TERM)


def test_export_writes_every_record_valid_and_as_the_api_answers(client, world, tmp_path):
    call_command("export", "hsds", str(tmp_path / "hsds"), stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
    files = {path.name: json.loads(path.read_text()) for path in (tmp_path / "hsds").iterdir()}
    assert set(files) == {
        "services.json",
        "organizations.json",
        "locations.json",
        "service_at_locations.json",
        "taxonomies.json",
        "taxonomy_terms.json",
    }
    schemas = {"services.json": SERVICE, "organizations.json": ORGANIZATION, "locations.json": LOCATION}
    schemas |= {"service_at_locations.json": SAL, "taxonomies.json": TAXONOMY, "taxonomy_terms.json": TERM}
    for name, schema in schemas.items():
        assert_valid(files[name], schema)
    assert files["services.json"] == contents(client, "/services", full="true")
    assert files["organizations.json"] == [
        get(client, f"/organizations/{o['id']}") for o in files["organizations.json"]
    ]
    assert files["service_at_locations.json"] == contents(client, "/service_at_locations", full="true")
    assert files["taxonomy_terms.json"] == contents(client, "/taxonomy_terms")
    # one physical place and one online meeting place of the group
    assert {(loc["location_type"], loc.get("name")) for loc in files["locations.json"]} == {
        ("physical", "Järjestötalo"),
        ("virtual", "Verkossa: Vertaistukiryhmä masennuksesta toipuville"),
    }
    assert "services.json: 3 records" in (tmp_path / "log").read_text()


# Identifiers --------------------------------------------------------------------------------------------


def _ids(value) -> set[str]:
    """Every "id" anywhere in a nested record."""
    found = set()
    if isinstance(value, dict):
        found |= {value["id"]} if "id" in value else set()
        for inner in value.values():
            found |= _ids(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= _ids(inner)
    return found


def test_ids_are_uuids_and_stay_the_same_across_exports(world, tmp_path):
    call_command("export", "hsds", str(tmp_path / "first"), stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
    group = world["group"]
    group.name_fi = "Uusi nimi"
    group.updated_at = timezone.now()
    group.save()
    call_command("export", "hsds", str(tmp_path / "second"), stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
    for name in ("services.json", "organizations.json", "locations.json", "service_at_locations.json"):
        first = json.loads((tmp_path / "first" / name).read_text())
        second = json.loads((tmp_path / "second" / name).read_text())
        ids = _ids(first)
        assert ids == _ids(second), name
        assert all(str(uuid.UUID(value)) == value for value in ids)
    for name in ("taxonomies.json", "taxonomy_terms.json"):
        assert (tmp_path / "first" / name).read_text() == (tmp_path / "second" / name).read_text()


@pytest.mark.parametrize(
    "parts",
    [
        ("taxonomy_term", "theme", "mielenterveys"),
        ("schedule", uuid.UUID("0b8c8a44-57c4-4a39-9b7c-0d0a2b7f1a11"), 17),
        ("service_area", "b7e5c8c2-6e55-4f0e-a3f2-9b2f3e0f0c44", "municipality", "Åbo – Turku €"),
        ("cost_option",),
    ],
)
def test_derived_ids_are_the_name_based_uuids_of_their_parts(parts):
    """Ids already harvested stay valid: each is uuid5 of the parts joined by ":" in Kumppani's namespace."""
    expected = uuid.uuid5(uuid.UUID("324529c6-fa4e-482a-9a95-f753a12959bc"), ":".join(map(str, parts)))
    assert hsds.stable_id(*parts) == str(expected)
    assert uuid.UUID(hsds.stable_id(*parts)).version == 5


def test_records_keep_the_ids_of_the_rows(client, world):
    group, place = world["group"], world["place"]
    service = get(client, f"/services/{group.uuid}")
    assert service["id"] == str(group.uuid)
    assert service["organization_id"] == service["organization"]["id"] == str(world["ngo"].uuid)
    physical = next(s for s in service["service_at_locations"] if s["location"]["location_type"] == "physical")
    assert physical["location_id"] == str(place.uuid)
    assert physical["id"] not in {str(place.uuid), str(group.uuid)}


def test_unknown_and_malformed_ids_are_404(client, world):
    hidden = world["hidden"][0]
    for path in ("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"):
        for bad in (str(uuid.uuid4()), "not-a-uuid", "1"):
            response = client.get(f"{API}/{path}/{bad}", HTTP_ACCEPT_LANGUAGE="fi")
            assert response.status_code == 404, (path, bad)
            assert response.json() == {"detail": "Ei löydy."}
    assert client.get(f"{API}/services/{hidden.uuid}").status_code == 404
    assert client.get(f"{API}/organizations/{world['hidden_ngos'][0].uuid}").status_code == 404


# Content ---------------------------------------------------------------------------------------------------


def test_service_has_its_schedules_areas_languages_costs_and_terms(client, world):
    service = get(client, f"/services/{world['group'].uuid}")
    assert service["status"] == "active"
    assert service["email"] == "ryhma@mielenterveysseura.example.org"
    assert service["url"] == "https://mielenterveysseura.example.org/ryhm%C3%A4"
    assert service["phones"][0]["number"] == "040 123 4567"
    assert service["assured_date"] == timezone.localdate().isoformat()
    assert service["application_process"] == "Ilmoittaudu etukäteen. Ilmoittaudu puhelimella."
    rules = {(s["freq"], s["byday"], s.get("interval"), s["opens_at"], s["closes_at"]) for s in service["schedules"]}
    assert rules == {
        ("WEEKLY", "TU", None, "17:00", "19:00"),
        ("MONTHLY", "1MO", None, "10:00", "12:00"),
        ("WEEKLY", "TH", 2, "18:00", "20:00"),
    }
    biweekly = next(s for s in service["schedules"] if s.get("interval") == 2)
    assert (biweekly["valid_from"], biweekly["valid_to"], biweekly["dtstart"]) == (
        "2026-01-08",
        "2026-12-17",
        "2026-01-08",
    )
    assert {a["name"] for a in service["service_areas"]} == {"Salo", "Tampere"}
    assert {lang["code"] for lang in service["languages"]} == {"fi", "sv"}
    assert service["cost_options"] == [
        {
            "id": service["cost_options"][0]["id"],
            "service_id": service["id"],
            "currency": "EUR",
            "amount": 5.0,
            "amount_description": "5 € kerta, jäsenille ilmainen",
        }
    ]
    terms = {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert terms == {
        ("theme", "yso:p1949"),
        ("theme", "yso:p12878"),
        ("target_group", "yso:p11617"),
        ("activity_type", "peer_support"),
    }
    monthly = next(s for s in service["schedules"] if s["freq"] == "MONTHLY")
    physical = next(s for s in service["service_at_locations"] if s["location"]["location_type"] == "physical")
    assert monthly["service_at_location_id"] == physical["id"]
    assert physical["schedules"] == [monthly]
    location = physical["location"]
    assert (location["latitude"], location["longitude"]) == (60.3833, 23.125)
    assert location["addresses"][0] | {"id": None} == {
        "id": None,
        "location_id": location["id"],
        "address_1": "Vilhonkatu 5",
        "city": "Salo",
        "region": "Varsinais-Suomi",
        "state_province": "Varsinais-Suomi",
        "postal_code": "24240",
        "country": "FI",
        "address_type": "physical",
    }
    assert location["accessibility"][0]["details"] == "Hissi ja induktiosilmukka"


def test_paused_activity_by_appointment(client, world):
    advice = world["advice"]
    service = get(client, f"/services/{advice.uuid}")
    assert service["url"] == f"http://127.0.0.1:8000/fi/toiminta/{advice.slug}/"  # no web site of its own
    assert service["status"] == "temporarily closed"
    assert [s["description"] for s in service["schedules"]] == ["Ajanvarauksella"]
    assert service["cost_options"][0]["amount"] == 0
    assert service["fees_description"] == "Maksuton"


def test_taxonomy_terms_carry_their_yso_ids(client, world):
    term = get(client, f"/taxonomy_terms/{hsds.term_id('theme', 'mielenterveys')}")
    assert term["code"] == "yso:p1949"
    assert term["term_uri"] == "http://www.yso.fi/onto/yso/p1949"
    assert term["name"] == "Mielenterveys"
    assert term["taxonomy_detail"]["id"] == term["taxonomy_id"] == hsds.taxonomy_id("theme")
    terms = contents(client, "/taxonomy_terms", taxonomy_id=hsds.taxonomy_id("target_group"))
    assert terms and all(t["term_uri"].startswith("http://www.yso.fi/onto/yso/p") for t in terms)
    types = contents(client, "/taxonomy_terms", taxonomy_id=hsds.taxonomy_id("activity_type"))
    assert {t["code"] for t in types} >= {"peer_support", "advice", "meeting_place"}
    assert contents(client, "/taxonomy_terms", parent_id=term["id"]) == []
    found = contents(client, "/taxonomy_terms", search="mielenterv")
    assert "yso:p1949" in {t["code"] for t in found}
    assert all("mielenterv" in t["name"].lower() for t in found)


def test_organization_has_identifiers_and_its_services(client, world):
    ngo = world["ngo"]
    record = get(client, f"/organizations/{ngo.uuid}")
    assert [
        (i.get("identifier_scheme"), i["identifier_type"], i["identifier"]) for i in record["organization_identifiers"]
    ] == [
        ("FI-PRO", "Y-tunnus", "1572860-0"),
        (None, "Yhdistysrekisterinumero", "123.456"),
    ]
    assert record["tax_id"] == "1572860-0"
    assert record["year_incorporated"] == 1978
    assert record["uri"] == f"http://127.0.0.1:8000/fi/jarjestot/{ngo.slug}/"
    assert {s["name"] for s in record["services"]} == {"Vertaistukiryhmä masennuksesta toipuville", "Puhelinneuvonta"}
    assert "schedules" not in record["services"][0]
    full = get(client, f"/organizations/{ngo.uuid}", full_service="true")
    assert all("schedules" in s for s in full["services"])
    assert {loc["location_type"] for loc in record["locations"]} == {"physical", "virtual"}


def test_text_in_swedish_falls_back_to_finnish(client, world):
    services = {s["id"]: s for s in contents(client, "/services", lang="sv")}
    assert services[str(world["group"].uuid)]["name"] == "Kamratstödgrupp"
    assert services[str(world["advice"].uuid)]["name"] == "Puhelinneuvonta"
    assert services[str(world["advice"].uuid)]["status"] == "temporarily closed"
    term = get(client, f"/taxonomy_terms/{hsds.term_id('theme', 'mielenterveys')}", lang="sv")
    assert (term["name"], term["language"]) == ("Psykisk hälsa", "sv")
    assert get(client, f"/organizations/{world['ngo'].uuid}", lang="sv")["name"] == "Salo mentalvårdsförening rf"


def test_only_public_data_is_shown(client, world, tmp_path):
    """An ended activity, the activities of a dissolved or merged NGO, NGOs' contact persons and an
    activity's named contact person are never in the API or the export."""
    texts = [client.get(f"{API}{url}", {"per_page": 200}).content.decode() for url in all_api_urls(world)]
    call_command("export", "hsds", str(tmp_path), stdout=open(tmp_path / "log.txt", "w"))  # noqa: SIM115
    texts += [path.read_text() for path in tmp_path.glob("*.json")]
    secrets = ["Yksityinen Yhteyshenkilö", "yksityinen@example.org", "040 999 8888", "Maija Meikäläinen"]
    secrets += [a.name_fi for a in world["hidden"]] + [str(a.uuid) for a in world["hidden"]]
    secrets += [o.name_fi for o in world["hidden_ngos"]] + [str(o.uuid) for o in world["hidden_ngos"]]
    for text in texts:
        for secret in secrets:
            assert secret not in text
    names = {s["name"] for s in contents(client, "/services")}
    assert names == {"Vertaistukiryhmä masennuksesta toipuville", "Puhelinneuvonta", "Omaishoitajien kahvila"}


# Lists: pagination and filters ----------------------------------------------------------------------------


def test_pagination_follows_hsds(client, world):
    first = get(client, "/services", per_page=2)
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    second = get(client, "/services", per_page=2, page=2)
    assert (second["size"], second["first_page"], second["last_page"], second["empty"]) == (1, False, True, False)
    names = [s["name"] for s in first["contents"] + second["contents"]]
    # in the order the activities were added
    assert names == ["Vertaistukiryhmä masennuksesta toipuville", "Puhelinneuvonta", "Omaishoitajien kahvila"]
    beyond = get(client, "/services", per_page=2, page=3)
    assert (beyond["contents"], beyond["size"], beyond["empty"], beyond["total_items"]) == ([], 0, True, 3)
    sal = get(client, "/service_at_locations", per_page=1, page=2)  # the place first, then online
    assert (sal["total_items"], sal["contents"][0]["location"]["location_type"]) == (2, "virtual")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"per_page": "201"}, "per_page"),
        ({"lang": "de"}, "lang"),
        ({"format": "ndjson"}, "format"),
        ({"full": "maybe"}, "full"),
        ({"taxonomy_term_id": "x"}, "taxonomy_term_id"),
        ({"taxonomy_term_id": "00000000-0000-4000-8000-000000000000"}, "taxonomy_term_id"),
        ({"taxonomy_id": "00000000-0000-4000-8000-000000000000"}, "taxonomy_id"),
        ({"organization_id": "00000000-0000-4000-8000-000000000000"}, "organization_id"),
        ({"modified_after": "eilen"}, "modified_after"),
        ({"postcode": "2424"}, "postcode"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, params, field):
    for path in ("/services", "/service_at_locations"):
        response = client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="fi")
        assert response.status_code == 400
        assert list(response.json()) == [field]
        assert response.json()[field][0]


def test_bad_parameter_message_is_in_the_request_language(client):
    response = client.get(f"{API}/services", {"organization_id": str(uuid.uuid4())}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json() == {"organization_id": ["No organization has this id."]}


def test_filters(client, world):
    def names(path="/services", **params):
        data = get(client, path, per_page=200, **params)
        # The number of matches is counted apart from the page (from the bit sets where it can be).
        assert data["total_items"] == len(data["contents"]), (path, params)
        return {s.get("name") or s["service"]["name"] for s in data["contents"]}

    group, advice, carers = "Vertaistukiryhmä masennuksesta toipuville", "Puhelinneuvonta", "Omaishoitajien kahvila"
    assert names(taxonomy_term_id=hsds.term_id("theme", "mielenterveys")) == {group}
    assert names(taxonomy_term_id=hsds.term_id("target_group", "omaishoitajat")) == {carers}
    assert names(taxonomy_term_id=hsds.term_id("activity_type", "advice")) == {advice}
    assert names(taxonomy_id=hsds.taxonomy_id("theme")) == {group, advice}
    assert names(organization_id=str(world["other"].uuid)) == {carers}
    assert names(search="vertaistukiryhmiä") == {group}
    assert names(search="vertaistukiryhmiä", taxonomy_id=hsds.taxonomy_id("target_group")) == {group}
    assert names(search="vertaistukiryhmiä", taxonomy_term_id=hsds.term_id("activity_type", "advice")) == set()
    assert names(search="?!") == names() == names(taxonomy_id=hsds.taxonomy_id("activity_type"))
    assert names(postcode="24240") == {group}
    assert names("/service_at_locations", postcode="24240") == {group}
    Activity.objects.filter(pk=world["carers"].pk).update(updated_at=timezone.now() + dt.timedelta(days=1))
    tomorrow = (timezone.now() + dt.timedelta(hours=12)).isoformat()
    assert names(modified_after=tomorrow) == {carers}


def test_organizations_search_and_list(client, world):
    assert {o["name"] for o in contents(client, "/organizations", search="omaishoitajat")} == {
        "Tampereen Omaishoitajat ry"
    }
    assert {o["name"] for o in contents(client, "/organizations")} == {
        "Salon Mielenterveysseura ry",
        "Tampereen Omaishoitajat ry",
    }


# Caching -------------------------------------------------------------------------------------------------------


def test_a_renamed_term_and_each_language_show_in_the_services_that_name_them(client, world):
    """A term's record and the pages' addresses are made once and kept (records._term_record,
    records._pages): they must still follow a renamed term and the language asked for."""
    group = str(world["group"].uuid)

    def theme_names(lang: str) -> set[str]:
        service = get(client, f"/services/{group}", lang=lang)
        return {a["taxonomy_term"]["name"] for a in service["attributes"] if a["link_type"] == "theme"}

    assert "Mielenterveys" in theme_names("fi")
    assert "Psykisk hälsa" in theme_names("sv")
    Term.objects.filter(slug="mielenterveys").update(name_fi="Mieli ja hyvinvointi")
    cache.clear()  # the answers' own cache, which keeps them for DIRECTORY_CACHE_SECONDS
    assert "Mieli ja hyvinvointi" in theme_names("fi") - {"Mielenterveys"}
    assert "Psykisk hälsa" in theme_names("sv")
    for lang, prefix in (("fi", "/fi/"), ("sv", "/sv/")):
        full = contents(client, "/services", lang=lang, full="true")
        service = next(s for s in full if s["id"] == group)
        assert service["service_areas"][0]["uri"].startswith(f"http://127.0.0.1:8000{prefix}alueet/")
        assert service["organization"]["uri"] == f"http://127.0.0.1:8000{prefix}jarjestot/{world['ngo'].slug}/"
        assert get(client, f"/organizations/{world['ngo'].uuid}", lang=lang)["uri"].startswith(
            f"http://127.0.0.1:8000{prefix}"
        )


def test_a_change_shows_at_once_and_an_unchanged_list_is_304(client, world, settings):
    settings.DIRECTORY_CACHE_SECONDS = 600
    first = client.get(f"{API}/services")
    assert client.get(f"{API}/services", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    group = world["group"]
    group.name_fi = "Vertaisryhmä"
    group.updated_at = timezone.now()
    group.save()
    second = client.get(f"{API}/services")
    assert second["ETag"] != first["ETag"]
    assert "Vertaisryhmä" in {s["name"] for s in second.json()["contents"]}
    Activity.objects.filter(pk=world["advice"].pk).update(confirmed_at=timezone.now())
    assert client.get(f"{API}/services", HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 200
    coordinator = factories.official(world["salo"])
    organisation_services.organisation_update(
        organisation=world["ngo"], by=coordinator, data={"name_fi": "Uusi Seura ry"}
    )
    third = client.get(f"{API}/services/{group.uuid}").json()
    assert third["organization"]["name"] == "Uusi Seura ry"


# Permissions: read-only and public ----------------------------------------------------------------------------


def test_the_permission_test_tries_every_endpoint(world):
    endpoints = {p.name for p in get_resolver("kumppani.activities.hsds.urls").url_patterns}
    tried = {resolve(f"{API}{url.split('?')[0]}").url_name for url in all_api_urls(world)}
    assert tried == endpoints
    assert endpoints <= URL_NAMES


@pytest.mark.parametrize(
    "actor", ["anonymous", "representative of the NGO", "representative of another NGO", "official of another body"]
)
def test_everyone_reads_the_same_public_records_and_no_one_writes(client, world, actor):
    people = {
        "anonymous": None,
        "representative of the NGO": lambda: factories.representative(world["ngo"], role="admin"),
        "representative of another NGO": lambda: factories.representative(world["other"], role="admin"),
        "official of another body": lambda: factories.official(world["tampere"]),
    }
    anonymous = [client.get(f"{API}{url}").content for url in all_api_urls(world)]
    if people[actor] is not None:
        client.force_login(people[actor]())
    before = (
        list(Activity.objects.values().order_by("pk")),
        list(Organisation.objects.values().order_by("pk")),
        list(Place.objects.values().order_by("pk")),
        AuditEntry.objects.count(),
    )
    for url, seen_by_anonymous in zip(all_api_urls(world), anonymous, strict=True):
        assert client.get(f"{API}{url}").content == seen_by_anonymous, url
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(f"{API}{url}", {"name": "Kaapattu"}, content_type="application/json")
            assert response.status_code == 405, (method, url)
    after = (
        list(Activity.objects.values().order_by("pk")),
        list(Organisation.objects.values().order_by("pk")),
        list(Place.objects.values().order_by("pk")),
        AuditEntry.objects.count(),
    )
    assert after == before


# Query counts -------------------------------------------------------------------------------------------------


def _many(world, start: int, count: int) -> None:
    """`count` activities, five to an NGO, with every relation a record shows."""
    for n in range(start, start + count):
        if n % 5 == 0:
            ngo = factories.organisation(f"Kerhoyhdistys {n} ry", areas=[world["tampere"]])
        activity(
            ngo,
            f"Kerho {n}",
            areas=[world["tampere"]],
            themes=["liikunta", "yksinaisyys"],
            target_groups=["ikaantyneet"],
            languages=["fi", "sv"],
            places=[{"street_address": f"Hämeenkatu {n}", "postal_code": "33100", "municipality": world["tampere"]}],
            times=[(n % 7, "10:00", "11:00")],
            is_online=n % 2 == 0,
        )


LISTS = [
    ("/services", {}),
    ("/services", {"full": "true", "taxonomy_id": hsds.taxonomy_id("theme")}),
    ("/organizations", {}),
    ("/organizations", {"full": "true"}),
    ("/organizations", {"full_service": "true"}),
    ("/service_at_locations", {}),
    ("/service_at_locations", {"full": "true"}),
    ("/taxonomy_terms", {}),
]


def test_list_query_counts_do_not_grow_with_the_activities(client, world, settings):
    settings.DIRECTORY_CACHE_SECONDS = 0

    def counts() -> list[tuple[int, int]]:
        found = []
        for path, params in LISTS:
            with CaptureQueriesContext(connection) as queries:
                data = get(client, path, per_page=200, **params)
            found.append((len(queries), data["total_items"]))
        return found

    _many(world, 0, 5)
    few = counts()
    _many(world, 5, 45)
    many = counts()
    for (path, params), (few_queries, few_items), (many_queries, many_items) in zip(LISTS, few, many, strict=True):
        assert many_items > few_items or path == "/taxonomy_terms"
        assert (path, params, many_queries) == (path, params, few_queries)
        # A full service's terms, languages and areas: their pairs, then each row once (two queries each).
        assert few_queries <= 16, (path, params)


def test_export_query_count_does_not_grow_with_the_activities(world, tmp_path):
    def count(directory) -> int:
        with CaptureQueriesContext(connection) as queries:
            call_command("export", "hsds", str(directory), stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
        return len(queries)

    _many(world, 0, 5)
    few = count(tmp_path / "few")
    _many(world, 5, 45)
    assert count(tmp_path / "many") == few


# The export command -------------------------------------------------------------------------------------------


def test_export_refuses_a_file_as_its_directory(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(CommandError, match="is a file, not a directory"):
        call_command("export", "hsds", str(target))
    assert target.read_text() == "x"


def test_export_refuses_an_unknown_format(tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'csv'"):
        call_command("export", "csv", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_export_in_swedish(world, tmp_path):
    call_command("export", "hsds", str(tmp_path), "--lang", "sv", stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
    names = {s["name"] for s in json.loads((tmp_path / "services.json").read_text())}
    assert "Kamratstödgrupp" in names
