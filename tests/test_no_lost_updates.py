"""No lost updates: two people edit the same object; the later save from an older form is refused
with what changed, and the first person's change stays. One test per editable object, through the
page and through the API (core.versioning)."""

import pytest
from django.forms import BaseFormSet
from django.urls import reverse
from rest_framework.test import APIClient

from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def form_data(response, *names: str) -> dict:
    """What the browser would send back for the forms (and formsets) in the page's context."""
    data = {}
    for name in names or ("form",):
        form = response.context[name]
        forms = [form.management_form, *form.forms] if isinstance(form, BaseFormSet) else [form]
        for each in forms:
            for field in each:
                value = field.value()
                if value is None or value is False:
                    continue
                if value is True:
                    value = "on"
                data[field.html_name] = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
    return data


def two_editors(url: str, first, second) -> tuple:
    a, b = APIClientLike(), APIClientLike()
    a.force_login(first)
    b.force_login(second)
    return a, b, a.get(url), b.get(url)


class APIClientLike:
    """Django's test client, one per person (a fresh session each)."""

    def __init__(self):
        from django.test import Client

        self._client = Client()

    def __getattr__(self, name):
        return getattr(self._client, name)


# An NGO ---------------------------------------------------------------------------------------


def test_the_coordinators_older_ngo_form_does_not_undo_the_new_phone_number():
    org = factories.organisation("Salon Omaiset ry", phone="02 123 4567", description_fi="Vanha kuvaus.")
    representative = factories.representative(org)
    coordinator = factories.official(factories.salo())
    url = reverse("organisations:edit", args=[org.slug])
    rep, coord, rep_page, coord_page = two_editors(url, representative, coordinator)

    rep_form = form_data(rep_page, "form", "contacts")
    rep_form["phone"] = "040 765 4321"
    assert rep.post(url, rep_form).status_code == 302

    coord_form = form_data(coord_page, "form", "contacts")
    coord_form["description_fi"] = "Uusi kuvaus koordinaattorilta."
    refused = coord.post(url, coord_form)
    assert refused.status_code == 200
    org.refresh_from_db()
    assert (org.phone, org.description_fi) == ("040 765 4321", "Vanha kuvaus.")
    message = " ".join(refused.context["form"].non_field_errors())
    assert "Someone else saved" in message and "puhelin: 040 765 4321" in message
    # The coordinator's text is kept, and the phone they had not touched now shows the new number.
    assert refused.context["form"]["description_fi"].value() == "Uusi kuvaus koordinaattorilta."
    assert refused.context["form"]["phone"].value() == "040 765 4321"

    # Saving again, with the changes in view, keeps both.
    assert coord.post(url, form_data(refused, "form", "contacts")).status_code == 302
    org.refresh_from_db()
    assert (org.phone, org.description_fi) == ("040 765 4321", "Uusi kuvaus koordinaattorilta.")


def test_an_api_change_from_an_older_version_of_an_ngo_is_a_409_naming_what_changed():
    org = factories.organisation("Kaarinan Kamu ry", email="vanha@example.org")
    representative = factories.representative(org)
    client = APIClient()
    client.force_login(representative)
    url = f"/api/v1/organisations/{org.slug}/"
    version = client.get(url).json()["version"]

    first = client.patch(url, {"email": "uusi@example.org", "version": version}, format="json")
    assert first.status_code == 200 and first.json()["version"] == version + 1

    stale = client.patch(url, {"phone": "040 111 2222", "version": version}, format="json")
    assert stale.status_code == 409
    assert "Changed meanwhile (now): sähköposti: uusi@example.org." in stale.json()["version"][0]
    org.refresh_from_db()
    assert (org.email, org.phone) == ("uusi@example.org", "")

    # A PATCH without a version changes only what it sends.
    assert client.patch(url, {"phone": "040 111 2222"}, format="json").status_code == 200
    org.refresh_from_db()
    assert (org.email, org.phone) == ("uusi@example.org", "040 111 2222")
