"""The OpenAPI document and the documentation page."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi(api_client):
    response = api_client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/v1/bodies/",
        "/api/v1/bodies/{slug}/",
        "/api/v1/organisations/",
        "/api/v1/organisations/{slug}/",
        "/api/v1/themes/",
        "/api/v1/target-groups/",
        "/api/v1/languages/",
    } <= set(spec["paths"])
    name = spec["components"]["schemas"]["Organisation"]["properties"]["name"]
    assert set(name["properties"]) == {"fi", "sv", "en"}


def test_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3")


def test_docs_page_serves_its_scripts_and_styles_from_the_project(api_client):
    response = api_client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for asset in assets:
        if asset == "/api/v1/docs/?script=":  # the page's own start-up script, served as a file (CSP)
            assert "swagger" in api_client.get(asset).content.decode().lower()
            continue
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "https://" not in html
    assert "<script>" not in html  # no inline script: the Content-Security-Policy would refuse it
