"""No lost updates: two people edit the same object; the later save from an older form is refused
with what changed, and the first person's change stays. One test per editable object, through the
page and through the API (core.versioning)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework import serializers
from rest_framework.test import APIClient

from kumppani.activities.paths import services as path_services
from kumppani.grants.models import Decision
from kumppani.grants.services import decisions as decision_services
from tests import factories
from tests.activities import factories as activity_factories
from tests.grants import factories as grant_factories
from tests.html_form import form_values

pytestmark = pytest.mark.django_db

REQUIRED = str(serializers.Field.default_error_messages["required"])


def edit_form(response) -> dict:
    """What the browser sends back from the page's form that carries a version."""
    assert response.status_code == 200
    return form_values(response.content.decode(), field="version")


def two_editors(url: str, first, second) -> tuple:
    """Two people, each signed in on their own browser, open the same edit page."""
    a, b = Client(), Client()
    a.force_login(first)
    b.force_login(second)
    return a, b, edit_form(a.get(url)), edit_form(b.get(url))


def refusal(response) -> str:
    assert response.status_code == 200
    return " ".join(str(e) for e in response.context["form"].non_field_errors())


# An NGO ---------------------------------------------------------------------------------------


def test_the_coordinators_older_ngo_form_does_not_undo_the_new_phone_number():
    org = factories.organisation("Salon Omaiset ry", phone="02 123 4567", description_fi="Vanha kuvaus.")
    representative = factories.representative(org)
    coordinator = factories.official(factories.salo())
    url = reverse("organisations:edit", args=[org.slug])
    rep, coord, rep_form, coord_form = two_editors(url, representative, coordinator)

    rep_form["phone"] = "040 765 4321"
    assert rep.post(url, rep_form).status_code == 302

    coord_form["description_fi"] = "Uusi kuvaus koordinaattorilta."
    refused = coord.post(url, coord_form)
    message = refusal(refused)
    org.refresh_from_db()
    assert (org.phone, org.description_fi) == ("040 765 4321", "Vanha kuvaus.")
    assert "Joku muu tallensi" in message and "puhelin: 040 765 4321" in message
    # The coordinator's text is kept, and the phone they had not touched now shows the new number.
    assert refused.context["form"]["description_fi"].value() == "Uusi kuvaus koordinaattorilta."
    assert refused.context["form"]["phone"].value() == "040 765 4321"

    # Saving again, with the changes in view, keeps both.
    assert coord.post(url, edit_form(refused)).status_code == 302
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
    assert "Muuttunut sillä välin (nyt): sähköposti: uusi@example.org." in stale.json()["version"][0]
    org.refresh_from_db()
    assert (org.email, org.phone) == ("uusi@example.org", "")

    # A PATCH without a version changes only what it sends.
    assert client.patch(url, {"phone": "040 111 2222"}, format="json").status_code == 200
    org.refresh_from_db()
    assert (org.email, org.phone) == ("uusi@example.org", "040 111 2222")


# An activity ----------------------------------------------------------------------------------


def _activity(ngo):
    salo = factories.salo()
    return activity_factories.activity(
        ngo,
        "Omaishoitajien kahvila",
        areas=[salo],
        places=[{"street_address": "Vilhonkatu 1", "postal_code": "24240", "municipality": salo}],
        schedule_kind="by_appointment",
        phone="02 111 2222",
    )


def test_an_older_activity_form_is_refused_and_keeps_the_newer_phone():
    ngo = factories.organisation("Salon Omaishoitajat ry")
    activity = _activity(ngo)
    url = reverse("activities:edit", kwargs={"slug": ngo.slug, "activity": activity.slug})
    rep, coord, rep_form, coord_form = two_editors(
        url, factories.representative(ngo), factories.official(factories.salo())
    )

    rep_form["phone"] = "040 765 4321"
    assert rep.post(url, rep_form).status_code == 302
    coord_form["name_sv"] = "Närståendevårdarnas kafé"
    message = refusal(coord.post(url, coord_form))

    activity.refresh_from_db()
    assert (activity.phone, activity.name_sv or "") == ("040 765 4321", "")
    assert "Joku muu tallensi" in message and "040 765 4321" in message


def test_an_api_change_of_an_activity_from_an_older_version_is_a_409():
    ngo = factories.organisation("Salon Omaishoitajat ry")
    activity = _activity(ngo)
    client = APIClient()
    client.force_login(factories.representative(ngo))
    url = f"/api/v1/activities/{activity.slug}/"
    version = client.get(url).json()["version"]
    assert client.patch(url, {"phone": "040 765 4321", "version": version}, format="json").status_code == 200

    stale = client.patch(url, {"contact_name": "Maija", "version": version}, format="json")
    assert stale.status_code == 409 and "040 765 4321" in stale.json()["version"][0]
    activity.refresh_from_db()
    assert (activity.phone, activity.contact_name) == ("040 765 4321", "")
    # A PUT replaces everything, so it must name the version it replaces.
    full = client.get(url).json()
    del full["version"]
    assert client.put(url, full, format="json").json() == {"version": [REQUIRED]}


# A service path -------------------------------------------------------------------------------


def test_an_older_service_path_form_is_refused_and_the_newer_description_stays():
    salo = factories.salo()
    first, second = factories.official(salo), factories.official(salo)
    path = path_services.path_create(body=salo, by=first, data={"name_fi": "Muistipolku", "description_fi": "Vanha."})
    url = reverse("activities:path_update", kwargs={"body": salo.slug, "slug": path.slug})
    a, b, a_form, b_form = two_editors(url, first, second)

    a_form["description_fi"] = "Muistihoitajalta yhdistyksen ryhmään."
    assert a.post(url, a_form).status_code == 302
    b_form["name_sv"] = "Minnesstigen"
    message = refusal(b.post(url, b_form))

    path.refresh_from_db()
    assert (path.description_fi, path.name_sv or "") == ("Muistihoitajalta yhdistyksen ryhmään.", "")
    assert "Muistihoitajalta yhdistyksen ryhmään." in message


# A grant programme ----------------------------------------------------------------------------


def test_an_older_programme_form_is_refused_and_the_colleagues_appropriation_stays():
    salo = factories.salo()
    first, second = factories.official(salo, "official"), factories.official(salo, "official")
    programme = grant_factories.programme(salo, "Kohdeavustus", principles_fi="Vanhat periaatteet.")
    url = reverse("grants:programme_edit", args=[programme.pk])
    a, b, a_form, b_form = two_editors(url, first, second)

    a_form["appropriation"] = "60 000"
    assert a.post(url, a_form).status_code == 302
    b_form["principles_fi"] = "Uudet periaatteet."
    message = refusal(b.post(url, b_form))

    programme.refresh_from_db()
    assert (programme.appropriation, programme.principles_fi) == (Decimal("60000.00"), "Vanhat periaatteet.")
    assert "60000" in message.replace(" ", "").replace("\xa0", "")


# A board meeting's proposal -------------------------------------------------------------------


def test_an_older_proposal_form_is_refused_and_the_colleagues_amount_stays():
    salo = factories.salo()
    secretary, coordinator = factories.official(salo, "board_secretary"), factories.official(salo)
    programme = grant_factories.programme(salo)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    application = grant_factories.application(programme, ngo, status="in_review", amount="4000.00")
    meeting = decision_services.meeting_create(
        programme=programme,
        by=secretary,
        board_name_fi="Hyvinvointilautakunta",
        date=dt.date(2027, 3, 17),
        section="45",
    )
    url = reverse("grants:proposal", args=[meeting.pk])
    a, b, a_form, b_form = two_editors(url, secretary, coordinator)

    a_form[f"a{application.pk}-amount"] = "3000"
    assert a.post(url, a_form).status_code == 302
    b_form[f"a{application.pk}-amount"] = "2000"
    b_form[f"a{application.pk}-reasoning"] = "Pienempi summa."
    refused = b.post(url, b_form)

    assert refused.status_code == 200
    message = " ".join(str(m) for m in refused.context["messages"])
    assert "Joku muu tallensi" in message and application.reference in message and "3 000,00 €" in message
    assert Decision.objects.get().proposed_amount == Decimal("3000.00")
    # The colleague's input is kept for a second, informed save.
    assert edit_form(refused)[f"a{application.pk}-reasoning"] == "Pienempi summa."


def test_the_api_documents_the_409_on_every_change_that_carries_a_version():
    spec = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    paths = spec["paths"]
    for path, method in [
        ("/api/v1/organisations/{slug}/", "patch"),
        ("/api/v1/activities/{slug}/", "patch"),
        ("/api/v1/activities/{slug}/", "put"),
        ("/api/v1/grant-applications/{id}/", "patch"),
    ]:
        assert "409" in paths[path][method]["responses"], (path, method)
    assert "409" not in paths["/api/v1/organisations/"]["post"]["responses"]
    assert "PATCH without it" in spec["components"]["schemas"]["Organisation"]["properties"]["version"]["description"]


# A grant application (its own steps, on the same mechanism) -------------------------------------


def test_an_older_application_step_is_refused_and_names_the_colleagues_change():
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaiset ry", areas=[salo])
    first, second = factories.representative(ngo), factories.representative(ngo)
    application = grant_factories.application(
        grant_factories.programme(salo), ngo, by=first, contact_name="Maija", contact_email="maija@example.org"
    )
    url = reverse("grants:application_step", args=[application.pk, 1])
    a, b, a_form, b_form = two_editors(url, first, second)

    a_form["contact_phone"] = "040 765 4321"
    saved = a.post(url, a_form)
    assert saved.status_code == 302, saved.context["form"].errors
    b_form["title"] = "Toinen otsikko"
    message = refusal(b.post(url, b_form))

    application.refresh_from_db()
    assert application.contact_phone == "040 765 4321" and application.title != "Toinen otsikko"
    assert "Joku muu tallensi" in message and "040 765 4321" in message
