"""Adding and changing NGOs through the API: the domain functions, their permissions and errors as JSON."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework import serializers
from rest_framework.authtoken.models import Token

from kumppani.core.api.exceptions import exception_handler
from kumppani.core.models import AuditEntry, SearchEntry
from kumppani.organisations.models import ContactPerson, Organisation
from kumppani.organisations.validators import normalise_business_id

pytestmark = pytest.mark.django_db

NEW = {
    "name": {"fi": "Kaarinan Omaishoitajat", "sv": "Sankt Karins närståendevårdare"},
    "short_description": {"fi": "Tukea omaishoitajille."},
    "business_id": "0201256-6",
    "areas": ["kaarina"],
    "themes": ["omaishoito", "vertaistuki"],
    "target_groups": ["omaishoitajat"],
    "languages": ["fi", "sv"],
    "email": "info@example.org",
}


def message(text, language: str, **params) -> str:
    """A (lazily translated) message as the given language's catalogue gives it."""
    with translation.override(language):
        return str(text).format(**params)


REQUIRED = serializers.Field.default_error_messages["required"]
BLANK = serializers.CharField.default_error_messages["blank"]
EMPTY_LIST = serializers.ManyRelatedField.default_error_messages["empty"]
NO_SUCH_SLUG = serializers.SlugRelatedField.default_error_messages["does_not_exist"]


def business_id_message(value: str, language: str) -> str:
    """The validator's own message for a bad business ID, in the given language."""
    with translation.override(language):
        try:
            normalise_business_id(value)
        except ValidationError as error:
            return error.messages[0]
    raise AssertionError("the business ID was valid")


# Create -------------------------------------------------------------------------------------


def test_coordinator_adds_an_ngo(api_client, make_user, body):
    coordinator = make_user(coordinator=body("kaarina"))
    api_client.force_login(coordinator)
    response = api_client.post("/api/v1/organisations/", NEW, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "kaarinan-omaishoitajat"
    assert data["name"] == {"fi": "Kaarinan Omaishoitajat", "sv": "Sankt Karins närståendevårdare", "en": None}
    assert data["themes"] == ["vertaistuki", "omaishoito"]  # in the vocabulary's order
    assert data["verified"] is True  # as on the page: a coordinator's new NGO is verified at once
    assert data["contact_persons"] == []

    organisation = Organisation.objects.get(slug="kaarinan-omaishoitajat")
    assert organisation.business_id == "0201256-6"
    assert [area.slug for area in organisation.areas.all()] == ["kaarina"]
    assert AuditEntry.objects.filter(object_id=str(organisation.pk), action="created", actor=coordinator).exists()
    assert SearchEntry.objects.filter(kind="organisation", object_id=organisation.pk).exists()


def test_coordinator_adds_an_ngo_with_a_token(api_client, make_user, body):
    token = Token.objects.create(user=make_user(coordinator=body("kaarina")))
    response = api_client.post("/api/v1/organisations/", NEW, format="json", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 201, response.content


def test_business_id_is_normalised(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post("/api/v1/organisations/", {**NEW, "business_id": " 02012566 "}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["business_id"] == "0201256-6"
    assert response.json()["org_identifier"] == "FI-PRO-0201256-6"


@pytest.mark.parametrize("who", ["anonymous", "representative", "official"])
def test_only_coordinators_add_ngos(api_client, make_user, make_organisation, body, who):
    if who == "representative":
        api_client.force_login(make_user(represents=make_organisation("Oma yhdistys")))
    elif who == "official":
        api_client.force_login(make_user(official=body("kaarina")))
    response = api_client.post("/api/v1/organisations/", NEW, format="json")
    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
    assert not Organisation.objects.filter(slug="kaarinan-omaishoitajat").exists()


def test_name_in_finnish_and_an_area_are_required(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post("/api/v1/organisations/", {"name": {"sv": "Bara svenska"}, "areas": []}, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"name", "areas"}
    assert set(errors["name"]) == {"fi"}


def test_errors_are_in_the_request_language(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    errors = {}
    for language in ("fi", "en"):
        response = api_client.post(
            "/api/v1/organisations/", {"areas": []}, format="json", HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.status_code == 400
        assert response["Content-Language"] == language
        errors[language] = response.json()
        assert errors[language] == {
            "name": [message(REQUIRED, language)],
            "areas": [message(EMPTY_LIST, language)],
        }
    assert errors["fi"] != errors["en"]
    assert errors["en"]["name"] == ["This field is required."]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_bad_business_id_is_400_with_the_validators_message(api_client, make_user, body, language):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post(
        "/api/v1/organisations/", {**NEW, "business_id": "1234567-2"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400
    assert response["Content-Language"] == language
    assert response.json() == {"business_id": [business_id_message("1234567-2", language)]}
    assert not Organisation.objects.exists()


def test_bad_business_id_message_is_finnish_or_english(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    texts = {
        language: api_client.post(
            "/api/v1/organisations/", {**NEW, "business_id": "123"}, format="json", HTTP_ACCEPT_LANGUAGE=language
        ).json()["business_id"][0]
        for language in ("fi", "en")
    }
    assert texts["en"].startswith("“123” is not a valid business ID.")
    assert texts["fi"] != texts["en"]
    assert "Y-tunnus" in texts["fi"]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_unknown_theme_is_400_naming_the_field(api_client, make_user, body, language):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post(
        "/api/v1/organisations/",
        {**NEW, "themes": ["vertaistuki", "ei-ole"]},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    assert response.json() == {"themes": [message(NO_SUCH_SLUG, language, slug_name="slug", value="ei-ole")]}
    if language == "en":
        assert response.json()["themes"] == ["Object with slug=ei-ole does not exist."]
    else:
        assert response.json()["themes"] != ["Object with slug=ei-ole does not exist."]


def test_target_group_is_not_a_theme(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post("/api/v1/organisations/", {**NEW, "themes": ["nuoret"]}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["themes"]


def test_translated_field_rejects_unknown_languages_and_other_shapes(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post(
        "/api/v1/organisations/",
        {**NEW, "name": {"fi": "Nimi", "de": "Name"}, "description": "just text"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json() == {
        "name": {"de": ['"de" is not a valid choice.']},
        "description": ['Expected a dictionary of items but got type "str".'],
    }


def test_too_long_translation_names_the_language(api_client, make_user, body):
    api_client.force_login(make_user(coordinator=body("kaarina")))
    response = api_client.post(
        "/api/v1/organisations/", {**NEW, "name": {"fi": "Nimi", "en": "x" * 251}}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["name"]) == ["en"]


# Update -------------------------------------------------------------------------------------


@pytest.fixture
def ngo(make_organisation):
    """An NGO in Turku, with a contact person."""
    organisation = make_organisation(
        "Turun Mielenterveysseura", name_sv="Åbo mentalvårdsförening", areas=["turku"], themes=["mielenterveys"]
    )
    ContactPerson.objects.create(organisation=organisation, name="Maija Meikäläinen")
    return organisation


def patch(api_client, organisation, data, **extra):
    return api_client.patch(f"/api/v1/organisations/{organisation.slug}/", data, format="json", **extra)


@pytest.mark.parametrize("who", ["coordinator_here", "coordinator_of_county", "representative", "admin"])
def test_those_responsible_change_an_ngo(api_client, make_user, body, ngo, who):
    user = {
        "coordinator_here": lambda: make_user(coordinator=body("turku")),
        "coordinator_of_county": lambda: make_user(coordinator=body("varsinais-suomen-hyvinvointialue")),
        "representative": lambda: make_user(represents=ngo),
        "admin": lambda: make_user(is_staff=True),
    }[who]()
    api_client.force_login(user)
    response = patch(api_client, ngo, {"name": {"en": "Turku Mental Health Association"}, "themes": ["vertaistuki"]})
    assert response.status_code == 200, response.content
    data = response.json()
    # A partial translation changes only the languages it names.
    assert data["name"] == {
        "fi": "Turun Mielenterveysseura",
        "sv": "Åbo mentalvårdsförening",
        "en": "Turku Mental Health Association",
    }
    assert data["themes"] == ["vertaistuki"]
    assert data["contact_persons"] == [{"name": "Maija Meikäläinen", "role": "", "email": "", "phone": ""}]
    ngo.refresh_from_db()
    assert ngo.name_en == "Turku Mental Health Association"
    entry = AuditEntry.objects.get(object_id=str(ngo.pk), action="updated")
    assert entry.actor == user
    assert set(entry.changes) == {"name_en", "themes", "version"}


@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "representative_of_another",
        "official_of_another_body",
        "coordinator_of_another_body",
        "official_here",
    ],
)
def test_others_may_not_change_an_ngo(api_client, make_user, make_organisation, body, ngo, who):
    if who == "representative_of_another":
        api_client.force_login(make_user(represents=make_organisation("Toinen yhdistys")))
    elif who == "official_of_another_body":
        api_client.force_login(make_user(official=body("helsinki")))
    elif who == "coordinator_of_another_body":
        api_client.force_login(make_user(coordinator=body("helsinki")))
    elif who == "official_here":
        api_client.force_login(make_user(official=body("turku")))
    response = patch(api_client, ngo, {"name": {"fi": "Kaapattu"}, "business_id": "bad"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
    ngo.refresh_from_db()
    assert ngo.name_fi == "Turun Mielenterveysseura"


def test_put_and_delete_are_not_offered(api_client, make_user, ngo):
    api_client.force_login(make_user(is_staff=True))
    url = f"/api/v1/organisations/{ngo.slug}/"
    assert api_client.put(url, {"name": {"fi": "X"}, "areas": ["turku"]}, format="json").status_code == 405
    assert api_client.delete(url).status_code == 405


def test_bad_business_id_on_update_is_400(api_client, make_user, ngo):
    api_client.force_login(make_user(represents=ngo))
    response = patch(api_client, ngo, {"business_id": "123"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"business_id": [business_id_message("123", "en")]}


def test_finnish_name_cannot_be_emptied(api_client, make_user, ngo):
    api_client.force_login(make_user(represents=ngo))
    response = patch(api_client, ngo, {"name": {"fi": " "}}, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    assert response.json() == {"name": {"fi": [message(BLANK, "fi")]}}


def test_status_change_needs_the_coordinators_permission(api_client, make_user, body, ngo):
    """A representative may edit the NGO but not mark it dissolved: the domain function refuses
    (PermissionDenied → 403) and nothing of the request is saved."""
    api_client.force_login(make_user(represents=ngo))
    response = patch(api_client, ngo, {"name": {"en": "Changed"}, "status": "dissolved"})
    assert response.status_code == 403
    ngo.refresh_from_db()
    assert (ngo.status, ngo.name_en) == ("active", None)

    api_client.force_login(make_user(coordinator=body("turku")))
    response = patch(api_client, ngo, {"status": "dormant"})
    assert response.status_code == 200
    assert response.json()["status"] == "dormant"
    assert AuditEntry.objects.filter(object_id=str(ngo.pk), action="status_changed").exists()


def test_contact_persons_are_replaced(api_client, make_user, ngo):
    api_client.force_login(make_user(represents=ngo))
    persons = [{"name": "Matti Meikäläinen", "role": "sihteeri", "email": "matti@example.org"}]
    response = patch(api_client, ngo, {"contact_persons": persons})
    assert response.status_code == 200, response.content
    assert response.json()["contact_persons"] == [{**persons[0], "phone": ""}]
    assert list(ngo.contact_persons.values_list("name", flat=True)) == ["Matti Meikäläinen"]


def test_changed_ngo_is_found_by_its_new_words(api_client, make_user, ngo):
    api_client.force_login(make_user(represents=ngo))
    patch(api_client, ngo, {"description": {"fi": "Sählyvuoro keskiviikkoisin."}})
    api_client.logout()
    response = api_client.get("/api/v1/organisations/", {"q": "sählyvuoro"})
    assert [row["slug"] for row in response.json()["results"]] == [ngo.slug]


# The exception handler ------------------------------------------------------------------------


def test_domain_validation_error_becomes_400_keyed_by_field():
    response = exception_handler(ValidationError({"business_id": ["Bad."], "__all__": ["Whole."]}), {})
    assert response.status_code == 400
    assert response.data == {"business_id": ["Bad."], "non_field_errors": ["Whole."]}
    response = exception_handler(ValidationError("No field."), {})
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["No field."]}
