"""Forms that help: required fields are marked for the eye and for a screen reader, and a form that
comes back with errors starts with a summary that links to each field."""

import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_required_fields_are_marked_and_optional_ones_are_not(client):
    organisation = factories.organisation("Merkitty ry")
    client.force_login(factories.representative(organisation))
    page = client.get(f"/en/jarjestot/{organisation.slug}/muokkaa/").content.decode()
    name = re.search(r"<input[^>]*name=\"name_fi\"[^>]*>", page).group(0)
    assert 'aria-required="true"' in name and "required" in name
    assert re.search(r'<label class="required" for="id_name_fi">', page)
    phone = re.search(r"<input[^>]*name=\"phone\"[^>]*>", page).group(0)
    assert "aria-required" not in phone
    assert '<label for="id_phone">' in page
    # A group of checkboxes is marked on its legend, not with aria-required on each box.
    assert not re.search(r'type="checkbox"[^>]*aria-required', page)


def test_a_form_with_errors_starts_with_a_summary_linking_to_each_field(client):
    organisation = factories.organisation("Virheetön ry")
    client.force_login(factories.representative(organisation))
    response = client.post(
        f"/en/jarjestot/{organisation.slug}/muokkaa/",
        {
            "version": organisation.version,
            "name_fi": "",
            "email": "not an address",
            "areas": [factories.salo().pk],
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    summary = page[page.index('class="error-summary"') : page.index("</ul>", page.index('class="error-summary"'))]
    assert "There is a problem" in summary
    assert '<a href="#id_name_fi">Name in Finnish: This field is required.</a>' in summary
    assert 'href="#id_email"' in summary
    assert page.index('class="error-summary"') < page.index('id="id_name_fi"')
    organisation.refresh_from_db()
    assert organisation.name_fi == "Virheetön ry"


def test_the_activity_form_explains_the_map_coordinates(client):
    organisation = factories.organisation("Koordinaatti ry")
    client.force_login(factories.representative(organisation))
    page = client.get(reverse("activities:create", args=[organisation.slug]).replace("/fi/", "/en/")).content.decode()
    assert "decimal degrees" in page
    assert "Shows the place on a map" not in page
