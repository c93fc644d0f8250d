"""Public bodies, themes, target groups and languages through /api/v1/."""

import pytest
from django.utils import translation
from rest_framework.exceptions import NotFound

pytestmark = pytest.mark.django_db


def test_bodies_are_listed_without_a_token(api_client):
    response = api_client.get("/api/v1/bodies/", {"page_size": 200})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 330
    assert len(data["results"]) == 200
    assert data["next"]


def test_page_size_is_at_most_200_and_a_wrong_page_is_a_400_that_names_it(api_client):
    assert len(api_client.get("/api/v1/bodies/").json()["results"]) == 50  # the default
    for params in (
        {"page_size": 1000},
        {"page_size": 0},
        {"page_size": "null"},
        {"page": 0},
        {"page": "1e30"},
        {"page": 9223372036854775807},
    ):
        response = api_client.get("/api/v1/bodies/", params)
        assert response.status_code == 400, params
        assert list(response.json()) == [next(iter(params))]
    assert api_client.get("/api/v1/bodies/", {"page": 999}).status_code == 404  # past the last page


def test_body_detail_has_translated_name_county_and_absolute_url(api_client):
    data = api_client.get("/api/v1/bodies/turku/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["name"] == {"fi": "Turku", "sv": "Åbo", "en": "Turku"}
    assert data["kind"] == "municipality"
    assert data["county"] == "varsinais-suomen-hyvinvointialue"
    assert data["language_status"] == "fi_sv"
    assert data["municipalities"] == []
    assert data["url"].startswith("http://testserver/")
    assert data["url"].endswith("/turku/")


def test_county_lists_its_municipalities(api_client):
    data = api_client.get("/api/v1/bodies/varsinais-suomen-hyvinvointialue/").json()
    assert data["kind"] == "county"
    assert data["county"] is None
    assert {"turku", "kaarina"} <= set(data["municipalities"])


@pytest.mark.parametrize("language", ["fi", "en"])
def test_unknown_body_is_404_in_the_request_language(api_client, language):
    response = api_client.get("/api/v1/bodies/atlantis/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    with translation.override(language):
        assert response.json() == {"detail": str(NotFound.default_detail)}
    assert response["Content-Language"] == language


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "county"}, {"varsinais-suomen-hyvinvointialue", "lapin-hyvinvointialue"}),
        ({"kind": "city_county"}, {"helsingin-kaupunki"}),
        ({"county": "varsinais-suomen-hyvinvointialue"}, {"turku", "kaarina"}),
        ({"language_status": "sv_fi"}, {"raasepori"}),
        ({"q": "ähtäri"}, {"ahtari"}),
        ({"q": "Åbo"}, {"turku"}),
    ],
)
def test_body_filters(api_client, params, expected):
    data = api_client.get("/api/v1/bodies/", {**params, "page_size": 200}).json()
    slugs = {row["slug"] for row in data["results"]}
    assert expected <= slugs


def test_body_filters_narrow_the_list(api_client):
    counties = api_client.get("/api/v1/bodies/", {"kind": "county"}).json()
    assert counties["count"] == 21
    assert {row["kind"] for row in counties["results"]} == {"county"}
    in_county = api_client.get("/api/v1/bodies/", {"county": "varsinais-suomen-hyvinvointialue", "page_size": 200})
    assert {row["county"] for row in in_county.json()["results"]} == {"varsinais-suomen-hyvinvointialue"}
    assert api_client.get("/api/v1/bodies/", {"q": "ähtäri"}).json()["count"] == 1


def test_bodies_are_in_finnish_alphabetical_order(api_client):
    rows = []
    for page in (1, 2):
        rows += api_client.get("/api/v1/bodies/", {"page_size": 200, "page": page}).json()["results"]
    names = [row["name"]["fi"] for row in rows]
    assert len(names) == 330
    assert names[0] == "Akaa"
    assert names.index("Ylöjärvi") < names.index("Ähtäri")  # ä after z, as Finnish readers expect


def test_unknown_county_filter_is_400_naming_the_parameter(api_client):
    response = api_client.get("/api/v1/bodies/", {"county": "turku"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert list(response.json()) == ["county"]


def test_themes(api_client):
    data = api_client.get("/api/v1/themes/").json()
    assert data["count"] == 25
    first = data["results"][0]
    assert first == {
        "slug": "mielenterveys",
        "name": {"fi": "Mielenterveys", "sv": "Psykisk hälsa", "en": "Mental health"},
        "yso_uri": "http://www.yso.fi/onto/yso/p1949",
    }
    assert api_client.get("/api/v1/themes/vertaistuki/").json()["name"]["en"] == "Peer support"


def test_target_groups_are_a_separate_vocabulary(api_client):
    data = api_client.get("/api/v1/target-groups/").json()
    assert data["count"] == 18
    assert "nuoret" in {row["slug"] for row in data["results"]}
    assert api_client.get("/api/v1/target-groups/mielenterveys/").status_code == 404
    assert api_client.get("/api/v1/themes/nuoret/").status_code == 404


def test_languages(api_client):
    data = api_client.get("/api/v1/languages/").json()
    assert [row["code"] for row in data["results"]][:3] == ["fi", "sv", "en"]
    sign = api_client.get("/api/v1/languages/fse/").json()
    assert sign["code"] == "fse"
    assert set(sign["name"]) == {"fi", "sv", "en"}


@pytest.mark.parametrize("path", ["/api/v1/bodies/", "/api/v1/themes/", "/api/v1/languages/"])
def test_reference_data_is_read_only(api_client, make_user, path):
    api_client.force_login(make_user(is_staff=True, is_superuser=True))
    response = api_client.post(path, {"slug": "x"}, format="json")
    assert response.status_code == 405
