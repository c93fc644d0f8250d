"""A NUL character in a query, a form or JSON is a 400 that says why, on every database, never a 500."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_search_or_a_filter_is_refused_with_a_reason(client):
    for url in ("/api/v1/activities/?q=a%00b", "/api/v1/organisations/?q=%00", "/fi/toiminta/?q=kuoro%00"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "NUL" in response.content.decode()


def test_a_nul_in_json_changes_nothing(client):
    ngo = factories.organisation("Nollatavu ry")
    person = factories.representative(ngo, role="admin")
    client.force_login(person)
    response = client.patch(
        reverse("api-organisation-detail", args=[ngo.slug]),
        '{"phone": "040\\u0000123"}',
        content_type="application/json",
    )
    assert response.status_code == 400 and "NUL" in response.json()["non_field_errors"][0]
    ngo.refresh_from_db()
    assert "\x00" not in ngo.phone
