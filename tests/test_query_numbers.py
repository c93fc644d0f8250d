"""A page number or an id too large for the database, or written as a float, is a 400 that names
the parameter: never a 500 from an integer the database cannot hold, never a silently different page."""

import pytest
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db

HSDS_LISTS = ["services", "organizations", "service_at_locations", "taxonomies"]
HUGE = ["9223372036854775807", "99999999999999999999", "1e30", "-1", "0"]


@pytest.mark.parametrize("path", HSDS_LISTS)
@pytest.mark.parametrize("value", HUGE)
def test_an_hsds_page_number_out_of_range_is_a_400_naming_page(path, value):
    response = APIClient().get(f"/api/hsds/{path}", {"page": value})
    assert response.status_code == 400, response.content
    assert "page" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/grant-applications/", "/api/v1/grant-decisions/"])
@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775807", "1e30"])
def test_a_programme_id_out_of_range_is_a_400_naming_programme(path, value):
    client = APIClient()
    client.force_login(factories.user())
    response = client.get(path, {"programme": value})
    assert response.status_code == 400, response.content
    assert "programme" in response.json()


@pytest.mark.parametrize("value", ["9223372036854775807", "1e30"])
def test_a_v1_page_number_out_of_range_is_a_400_naming_page(value):
    response = APIClient().get("/api/v1/organisations/", {"page": value})
    assert response.status_code == 400 and "page" in response.json()
