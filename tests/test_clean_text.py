"""Text that people type anywhere: a control or direction-override character, an unbounded length,
a phone number or postal code no one can use is refused with the field and the reason, through
the pages, the API and the import (core.validators), and nothing is saved."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from kumppani.activities.models import Activity
from kumppani.activities.paths import services as path_services
from kumppani.core.forms import FORM_TEXT_MAX_LENGTH
from kumppani.core.validators import TEXT_MAX_LENGTH
from kumppani.grants.models import Application, GrantProgramme
from kumppani.organisations.models import Organisation
from tests import factories
from tests.activities import factories as activity_factories
from tests.grants import factories as grant_factories
from tests.test_no_lost_updates import edit_form

pytestmark = pytest.mark.django_db

RLO = "\u202e"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def field_errors(response, form: str = "form") -> dict:
    assert response.status_code == 200
    return response.context[form].errors


# NGOs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name_fi", f"Salon {RLO}yr storuK"),
        ("description_fi", "x" * (FORM_TEXT_MAX_LENGTH + 1)),
        ("phone", "soita toimistolle"),
        ("postal_code", "2410"),
        ("contacts-0-phone", "soita"),
    ],
)
def test_the_ngo_form_refuses_hidden_characters_long_texts_and_bad_contacts(field, value):
    org = factories.organisation("Salon Kuurot ry")
    client = signed_in(factories.representative(org))
    url = reverse("organisations:edit", args=[org.slug])
    data = edit_form(client.get(url))
    data[field] = value
    if field.startswith("contacts-"):
        data["contacts-0-name"] = "Maija"
    response = client.post(url, data)
    if field.startswith("contacts-"):
        assert response.status_code == 200 and "phone" in response.context["contacts"].forms[0].errors
    else:
        assert field in field_errors(response)
    assert Organisation.objects.get(pk=org.pk).version == org.version


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": {"fi": f"Salon {RLO}yr storuK"}}, "name_fi"),
        ({"description": {"fi": "x" * (TEXT_MAX_LENGTH + 1)}}, "description_fi"),
        ({"phone": "soita toimistolle"}, "phone"),
        ({"postal_code": "2410"}, "postal_code"),
        ({"contact_persons": [{"name": f"Maija{RLO}"}]}, "contact_persons"),
    ],
)
def test_the_ngo_api_refuses_hidden_characters_long_texts_and_bad_contacts(body, field):
    org = factories.organisation("Salon Kuurot ry")
    client = APIClient()
    client.force_login(factories.representative(org))
    response = client.patch(f"/api/v1/organisations/{org.slug}/", body, format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert not org.contact_persons.exists() and Organisation.objects.get(pk=org.pk).name_fi == "Salon Kuurot ry"


# Activities -----------------------------------------------------------------------------------


def _activity(ngo):
    salo = factories.salo()
    return activity_factories.activity(
        ngo,
        "Kahvila",
        areas=[salo],
        places=[{"street_address": "Vilhonkatu 1", "postal_code": "24240", "municipality": salo}],
        schedule_kind="by_appointment",
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("name_fi", f"Kahvila{RLO}"), ("how_to_join_fi", "x" * (FORM_TEXT_MAX_LENGTH + 1)), ("phone", "numero")],
)
def test_the_activity_form_refuses_hidden_characters_long_texts_and_bad_phone_numbers(field, value):
    ngo = factories.organisation("Salon Omaiset ry")
    activity = _activity(ngo)
    client = signed_in(factories.representative(ngo))
    url = reverse("activities:edit", kwargs={"slug": ngo.slug, "activity": activity.slug})
    data = edit_form(client.get(url))
    data[field] = value
    assert field in field_errors(client.post(url, data))
    assert Activity.objects.get(pk=activity.pk).name_fi == "Kahvila"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": {"fi": f"Kahvila{RLO}"}}, "name_fi"),
        ({"description": {"fi": "x" * (TEXT_MAX_LENGTH + 1)}}, "description_fi"),
        ({"phone": "numero"}, "phone"),
    ],
)
def test_the_activity_api_refuses_hidden_characters_long_texts_and_bad_phone_numbers(body, field):
    ngo = factories.organisation("Salon Omaiset ry")
    activity = _activity(ngo)
    client = APIClient()
    client.force_login(factories.representative(ngo))
    response = client.patch(f"/api/v1/activities/{activity.slug}/", body, format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert Activity.objects.get(pk=activity.pk).name_fi == "Kahvila"


def test_a_place_with_a_postal_code_of_four_digits_is_refused_through_the_api():
    ngo = factories.organisation("Salon Omaiset ry")
    activity = _activity(ngo)
    client = APIClient()
    client.force_login(factories.representative(ngo))
    place = {"street_address": "Vilhonkatu 1", "postal_code": "2424", "municipality": "salo"}
    response = client.patch(f"/api/v1/activities/{activity.slug}/", {"places": [place]}, format="json")
    assert response.status_code == 400 and "places" in response.json()


# Service paths and grant programmes -------------------------------------------------------------


def test_the_service_path_form_refuses_a_direction_override():
    salo = factories.salo()
    coordinator = factories.official(salo)
    path = path_services.path_create(body=salo, by=coordinator, data={"name_fi": "Muistipolku"})
    client = signed_in(coordinator)
    url = reverse("activities:path_update", kwargs={"body": salo.slug, "slug": path.slug})
    data = edit_form(client.get(url))
    data["name_fi"] = f"Muisti{RLO}polku"
    assert "name_fi" in field_errors(client.post(url, data))


def test_the_programme_form_refuses_a_description_of_a_megabyte():
    salo = factories.salo()
    programme = grant_factories.programme(salo)
    client = signed_in(factories.official(salo, "official"))
    url = reverse("grants:programme_edit", args=[programme.pk])
    data = edit_form(client.get(url))
    data["description_fi"] = "x" * 1_000_000
    assert "description_fi" in field_errors(client.post(url, data))
    assert not GrantProgramme.objects.get(pk=programme.pk).description_fi


# Grant applications ---------------------------------------------------------------------------


@pytest.fixture
def draft():
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaiset ry", areas=[salo])
    representative = factories.representative(ngo)
    return grant_factories.application(grant_factories.programme(salo), ngo, by=representative), representative


@pytest.mark.parametrize(
    ("field", "value"), [("purpose", f"Vertais{RLO}tuki"), ("purpose", "x" * 10_001), ("contact_phone", "numero")]
)
def test_the_application_form_refuses_hidden_characters_long_texts_and_bad_phone_numbers(draft, field, value):
    application, representative = draft
    client = signed_in(representative)
    url = reverse("grants:application_step", args=[application.pk, 1])
    data = edit_form(client.get(url))
    data[field] = value
    assert field in field_errors(client.post(url, data))
    assert Application.objects.get(pk=application.pk).version == application.version


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"purpose": f"Vertais{RLO}tuki"}, "purpose"),
        ({"purpose": "x" * (TEXT_MAX_LENGTH + 1)}, "purpose"),
        ({"contact_phone": "numero"}, "contact_phone"),
    ],
)
def test_the_application_api_refuses_hidden_characters_long_texts_and_bad_phone_numbers(draft, body, field):
    application, representative = draft
    client = APIClient()
    client.force_login(representative)
    response = client.patch(
        f"/api/v1/grant-applications/{application.pk}/", {**body, "version": application.version}, format="json"
    )
    assert response.status_code == 400 and field in response.json(), response.json()
    assert Application.objects.get(pk=application.pk).version == application.version
