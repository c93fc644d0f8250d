import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kumppani.core.models import AuditEntry, User
from kumppani.organisations.models import MembershipRequest, Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def _directory_queries(client, count: int, **params) -> int:
    existing = Organisation.objects.count()
    themes = [factories.term("mielenterveys"), factories.term("vertaistuki")]
    for n in range(existing, count):
        factories.organisation(
            f"Mielenterveysyhdistys {n} ry", themes=themes, target_groups=[factories.term("nuoret")], languages=[]
        )
    client.get(reverse("organisations:directory"), params)  # fills the per-language list of bodies
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("organisations:directory"), params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"q": "mielenterveys", "body": "salo", "theme": "vertaistuki"}])
def test_directory_query_count_does_not_grow_with_the_register(client, params, settings):
    settings.DIRECTORY_CACHE_SECONDS = 0  # measure the work itself, not the page cache
    assert _directory_queries(client, 10, **params) == _directory_queries(client, 200, **params)


def test_directory_shows_facet_counts_and_filters(client):
    factories.organisation("Nuorten Tuki ry", target_groups=[factories.term("nuoret")])
    factories.organisation("Seniorit ry", target_groups=[factories.term("ikaantyneet")])
    response = client.get(reverse("organisations:directory"), {"target": "nuoret"})
    content = response.content.decode()
    assert "Nuorten Tuki ry" in content
    assert "Seniorit ry" not in content
    page = client.get(reverse("organisations:directory")).content.decode()
    assert 'value="nuoret"' in page and "(1)" in page


@pytest.mark.parametrize("params", [{}, {"q": "omaishoitajat"}])  # in name order, and best match first
def test_a_directory_row_names_the_ngos_areas_themes_and_target_groups(client, params):
    factories.organisation(
        "Omaishoitajat ry",
        areas=[factories.salo(), factories.tampere()],
        themes=[factories.term("omaishoito")],
        target_groups=[factories.term("ikaantyneet")],
    )
    page = client.get(reverse("organisations:directory"), params).content.decode()
    row = page[page.index("Omaishoitajat ry") : page.index("</ul>", page.index('class="tag target"'))]
    assert "Salo, Tampere" in row
    assert '<li class="tag">Omaishoito</li>' in row
    assert '<li class="tag target">Ikääntyneet</li>' in row


def test_directory_filter_by_municipality_includes_county_wide_ngos(client):
    salo = factories.salo()
    factories.organisation("Salolainen ry", areas=[salo])
    factories.organisation("Koko maakunnan ry", areas=[salo.county])
    factories.organisation("Tamperelainen ry", areas=[factories.tampere()])
    content = client.get(reverse("organisations:directory"), {"body": "salo"}).content.decode()
    assert "Salolainen ry" in content and "Koko maakunnan ry" in content
    assert "Tamperelainen ry" not in content


def test_directory_in_swedish_shows_swedish_names(client):
    factories.organisation("Porvoon Folkhälsan", name_sv="Folkhälsan i Borgå", areas=[factories.porvoo()])
    content = client.get("/sv/jarjestot/", {"q": "folkhälsan"}).content.decode()
    assert "Folkhälsan i Borgå" in content
    assert 'lang="sv"' in content


def test_bad_filter_values_give_a_normal_page(client):
    response = client.get(
        reverse("organisations:directory"), {"body": "ei-ole", "theme": "x", "page": "abc", "sort": "drop"}
    )
    assert response.status_code == 200


def test_profile_has_schema_org_json_ld(client):
    org = factories.organisation("Salon Mielenterveysseura ry", business_id="0737546-2")
    content = client.get(org.get_absolute_url()).content.decode()
    assert '"@type": "NGO"' in content
    assert '"taxID": "0737546-2"' in content


def test_contact_persons_are_shown_only_to_officials_of_bodies_it_serves(client):
    org = factories.organisation()
    org.contact_persons.create(name="Salainen Henkilö", email="salainen@example.org")
    assert "Salainen Henkilö" not in client.get(org.get_absolute_url()).content.decode()
    client.force_login(factories.official(factories.tampere(), role="official"))
    assert "Salainen Henkilö" not in client.get(org.get_absolute_url()).content.decode()
    client.force_login(factories.official(factories.salo(), role="official"))
    assert "Salainen Henkilö" in client.get(org.get_absolute_url()).content.decode()


def test_representative_edits_the_ngo(client):
    org = factories.organisation("Vanha ry", themes=[factories.term("mielenterveys")])
    client.force_login(factories.representative(org))
    data = {
        "version": org.version,
        "name_fi": "Uudistunut ry",
        "areas": [factories.salo().pk],
        "themes": [factories.term("vertaistuki").pk],
        "business_id": "0737546-2",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-name": "Maija Meikäläinen",
        "contacts-0-role": "sihteeri",
    }
    response = client.post(reverse("organisations:edit", args=[org.slug]), data)
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name_fi == "Uudistunut ry"
    assert [t.slug for t in org.themes.all()] == ["vertaistuki"]
    assert org.contact_persons.get().name == "Maija Meikäläinen"


def test_bad_input_in_the_edit_form_says_why_and_saves_nothing(client):
    org = factories.organisation("Ennallaan ry")
    client.force_login(factories.representative(org))
    data = {
        "name_fi": "Muuttunut ry",
        "areas": [factories.salo().pk],
        "business_id": "1234567-8",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("organisations:edit", args=[org.slug]), data, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    assert "1234567-8" in response.content.decode()
    org.refresh_from_db()
    assert org.name_fi == "Ennallaan ry"
    assert not AuditEntry.objects.filter(action="updated").exists()


def test_coordinator_dashboard_lists_ngos_waiting_for_verification(client):
    factories.organisation("Odottava ry")
    factories.organisation("Tampereen ry", areas=[factories.tampere()])
    client.force_login(factories.official(factories.salo()))
    content = client.get(reverse("core:dashboard")).content.decode()
    assert "Odottava ry" in content
    assert "Tampereen ry" not in content


def test_dashboard_query_count_does_not_grow(client):
    coordinator = factories.official(factories.salo())
    client.force_login(coordinator)
    for n in range(5):
        factories.organisation(f"Yhdistys {n}")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("core:dashboard"))
    for n in range(40):
        factories.organisation(f"Lisää {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("core:dashboard"))
    assert len(few) == len(many)


def test_export_csv_contains_public_fields_only(client):
    org = factories.organisation("Vientiyhdistys ry", business_id="0737546-2")
    org.contact_persons.create(name="Yksityinen Henkilö")
    content = client.get(reverse("organisations:export", args=["csv"])).content.decode("utf-8-sig")
    assert "Vientiyhdistys ry" in content and "0737546-2" in content
    assert "Yksityinen Henkilö" not in content


def test_a_cached_directory_page_is_renewed_when_an_ngo_changes(client, settings):
    settings.DIRECTORY_CACHE_SECONDS = 600
    org = factories.organisation("Ensimmäinen nimi ry")
    url = reverse("organisations:directory")
    assert "Ensimmäinen nimi ry" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as cached:
        assert "Ensimmäinen nimi ry" in client.get(url).content.decode()
    assert len(cached) == 1  # only the register version
    rep = factories.representative(org)
    from kumppani.organisations import services

    services.organisation_update(organisation=org, by=rep, data={"name_fi": "Toinen nimi ry"})
    content = client.get(url).content.decode()
    assert "Toinen nimi ry" in content and "Ensimmäinen nimi ry" not in content


def test_signed_in_people_never_get_a_cached_page(client, settings):
    settings.DIRECTORY_CACHE_SECONDS = 600
    url = reverse("organisations:directory")
    client.get(url)
    client.force_login(factories.user(name="Kirjautunut Käyttäjä"))
    assert "kirjaudu-ulos" in client.get(url).content.decode()


def test_history_speaks_plainly_to_the_coordinator(client):
    org = factories.organisation("Vanha ry")
    rep = factories.representative(org)
    from kumppani.organisations import services

    services.organisation_update(organisation=org, by=rep, data={"name_fi": "Uusi ry"})
    client.force_login(factories.official(factories.salo()))
    with translation.override("fi"):
        url = reverse("organisations:history", args=[org.slug])
    content = client.get(url).content.decode()
    assert "Tietoja muutettu" in content and "Lisätty rekisteriin" in content
    assert "Vanha ry → Uusi ry" in content


def _signup(client, email: str, **extra):
    data = {
        "full_name": "Maija Meikäläinen",
        "email": email,
        "password": "pitkä-ja-hyvä-salasana-42",
        "new_organisation_name": "Salon Uusi Yhdistys ry",
        "new_organisation_area": factories.salo().pk,
        **extra,
    }
    response = client.post(reverse("organisations:signup"), data)
    return response, [str(m) for m in get_messages(response.wsgi_request)]


def test_signing_up_answers_the_same_for_a_new_and_a_taken_address(client, mailoutbox):
    factories.user(email="varattu@example.org", name="Vanha Käyttäjä")
    new, new_messages = _signup(Client(), "uusi@example.org")
    taken, taken_messages = _signup(Client(), "VARATTU@example.org")

    assert (new.status_code, new["Location"]) == (taken.status_code, taken["Location"]) == (302, reverse("login"))
    assert [m.replace("uusi@", "X@") for m in new_messages] == [m.replace("VARATTU@", "X@") for m in taken_messages]
    assert "_auth_user_id" not in new.wsgi_request.session and "_auth_user_id" not in taken.wsgi_request.session
    # Only the new address got an account and a request; the taken one's owner is told.
    assert User.objects.filter(email__iexact="varattu@example.org").count() == 1
    assert MembershipRequest.objects.get().user.email == "uusi@example.org"
    assert Organisation.objects.filter(name_fi="Salon Uusi Yhdistys ry").count() == 1
    to_owner = [m for m in mailoutbox if m.to == ["varattu@example.org"]]
    (warning,) = to_owner
    assert "sinulla on jo sillä tili" in warning.body and reverse("password_reset") in warning.body
    assert [m for m in mailoutbox if m.to == ["uusi@example.org"]]


def test_a_new_account_from_sign_up_has_the_password_it_was_given(client):
    _signup(client, "uusi@example.org")
    assert User.objects.get(email="uusi@example.org").check_password("pitkä-ja-hyvä-salasana-42")


def test_a_save_from_a_part_of_the_edit_form_returns_to_that_part(client):
    org = factories.organisation("Paikallaan ry")
    client.force_login(factories.representative(org))
    data = {
        "version": org.version,
        "name_fi": "Paikallaan ry",
        "areas": [factories.salo().pk],
        "member_count": "12",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "save_section": "registration",
    }
    url = reverse("organisations:edit", args=[org.slug])
    response = client.post(url, data)
    assert response["Location"] == f"{url}?saved=registration#section-registration"
    page = client.get(response["Location"]).content.decode()
    assert page.count('class="saved-note"') == 1
    assert page.index('class="saved-note"') > page.index('id="section-registration"')
    org.refresh_from_db()
    assert org.member_count == 12
    # The part the focus was in (set by the page's script) wins; "save and close" goes to the NGO's page.
    data.update(version=org.version, return_to="where")
    assert client.post(url, data)["Location"].endswith("#section-where")
    org.refresh_from_db()
    data.update(version=org.version, close="1")
    assert client.post(url, data)["Location"] == org.get_absolute_url()
