"""The client list (ohjauslista): a professional collects activities without signing in, saves the
list in the client's language and shares or prints it."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kumppani.activities.client_lists import services as client_lists
from kumppani.activities.models import ActivityStatus, ClientList, ClientListItem
from tests import factories
from tests.activities.factories import activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def activities():
    porvoo = factories.porvoo()
    ngo = factories.organisation("Borgå Seniorer rf", areas=[porvoo])
    place = {
        "name_sv": "Seniorhuset",
        "street_address": "Runebergsgatan 5",
        "postal_code": "06100",
        "municipality": porvoo,
    }
    return [
        activity(
            ngo,
            "Seniorikahvila",
            name_sv="Seniorcafé",
            areas=[porvoo],
            languages=["sv"],
            places=[place],
            times=[(2, "13:00", "15:00")],
            phone="040 111 2222",
            how_to_join_sv="Kom som du är.",
        ),
        activity(ngo, "Muistiryhmä", name_sv="Minnesgrupp", areas=[porvoo], times=[(0, "10:00", "11:30")]),
        activity(ngo, "Tuolijumppa", name_sv="Stolgympa", areas=[porvoo], is_free=False, fee="2.00"),
    ]


def _add(client, item, next_url="/fi/toiminta/"):
    return client.post(reverse("activities:client_list_add"), {"activity": item.pk, "next": next_url})


def test_a_professional_collects_saves_and_shares_a_list_in_swedish(client, activities):
    for item in activities:
        response = _add(client, item)
        assert response.status_code == 302
        assert response["Location"] == f"/fi/toiminta/#activity-{item.pk}"
    directory = client.get(reverse("activities:directory")).content.decode()
    assert "Ohjauslista (3)" in directory
    assert directory.count("Ohjauslistalla – poista") == 3
    draft = client.get(reverse("activities:client_list_draft")).content.decode()
    assert "Listalla on 3 toimintaa" in draft
    response = client.post(
        reverse("activities:client_list_draft"),
        {"language": "sv", "title": "Verksamhet i Borgå", "note": "Ring gärna före första gången."},
    )
    saved = ClientList.objects.get()
    assert response.status_code == 302 and response["Location"] == saved.get_absolute_url()
    assert (saved.language, saved.title, saved.note) == ("sv", "Verksamhet i Borgå", "Ring gärna före första gången.")
    assert list(saved.items.values_list("activity_id", flat=True)) == [item.pk for item in activities]
    assert len(saved.token) >= 22  # 16 random bytes
    # The list being collected is emptied for the next client.
    assert "Ohjauslista (0)" in client.get(reverse("activities:directory")).content.decode()

    shared = client.get(f"/fi/ohjauslista/{saved.token}/")  # a Finnish address, a Swedish list
    content = shared.content.decode()
    assert shared.status_code == 200
    assert shared["Content-Language"] == "sv"
    assert '<html lang="sv">' in content
    for text in (
        "<h1>Verksamhet i Borgå</h1>",
        "Ring gärna före första gången.",
        "Seniorcafé",
        "Onsdagar kl. 13–15",
        "Seniorhuset, Runebergsgatan 5, 06100 Borgå",
        "Kom som du är.",
        "<dt>Språk</dt><dd>",  # the café's one language
        'href="tel:0401112222"',
        "Minnesgrupp",
        "Måndagar kl. 10–11.30",
        "Stolgympa",
        "2\u00a0€",  # a non-breaking space keeps the sum on one line
        "Skriv ut",
        f"http://testserver/sv/ohjauslista/{saved.token}/",
    ):
        assert text in content, text
    assert '<meta name="robots" content="noindex">' in content


def test_the_shared_page_has_a_print_stylesheet_and_a_print_button_that_needs_no_inline_script(client, activities):
    saved = client_lists.client_list_create(activity_ids=[activities[0].pk], language="fi")
    content = client.get(saved.get_absolute_url()).content.decode()
    assert re.search(r'<button type="button" class="button" data-print hidden>Tulosta</button>', content)
    assert "print-button.js" in content
    assert "onclick" not in content
    assert re.search(r'<footer class="print-footer">\s*<p>Tulostettu Kumppanista', content)
    css = Path(finders.find("kumppani/kumppani.css")).read_text(encoding="utf-8")
    ours = css[css.index("/* ---- Activities: search") :]
    print_rules = ours[ours.index("@media print") :]
    assert (
        ".site-header" in print_rules and ".no-print" in print_rules and ".print-footer { display: block" in print_rules
    )
    script = Path(finders.find("kumppani/print-button.js")).read_text(encoding="utf-8")
    assert "window.print()" in script


def test_a_bad_token_is_not_found(client, activities):
    client_lists.client_list_create(activity_ids=[activities[0].pk], language="fi")
    assert client.get(reverse("activities:client_list", kwargs={"token": "arvattu-tunniste"})).status_code == 404
    assert client.get("/fi/ohjauslista/%2e%2e/").status_code == 404


def test_tokens_are_random_and_long(activities):
    tokens = {client_lists.client_list_create(activity_ids=[activities[0].pk], language="fi").token for _ in range(5)}
    assert len(tokens) == 5
    assert all(len(token) == 22 for token in tokens)


def test_a_list_holds_at_most_thirty_activities(client, activities):
    ngo = activities[0].organisation
    many = [activity(ngo, f"Ryhmä {n}") for n in range(client_lists.MAX_ITEMS + 1)]
    for item in many[: client_lists.MAX_ITEMS]:
        _add(client, item)
    response = _add(client, many[-1])
    assert response.status_code == 302
    assert len(client.session[client_lists.SESSION_KEY]) == client_lists.MAX_ITEMS
    assert many[-1].pk not in client.session[client_lists.SESSION_KEY]
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "Ohjauslistalla voi olla enintään 30 toimintaa" in page
    with pytest.raises(ValidationError, match="enintään 30") as error:
        client_lists.client_list_create(activity_ids=[item.pk for item in many], language="fi")
    assert error.value.code == "too_many"
    assert not ClientList.objects.exists()


def test_adding_twice_keeps_one_and_remove_takes_it_off(client, activities):
    _add(client, activities[0])
    _add(client, activities[0])
    assert client.session[client_lists.SESSION_KEY] == [activities[0].pk]
    client.post(reverse("activities:client_list_remove"), {"activity": activities[0].pk, "next": "/fi/ohjauslista/"})
    assert client.session[client_lists.SESSION_KEY] == []


def test_paused_or_unknown_activities_cannot_be_added(client, activities):
    activities[1].status = ActivityStatus.PAUSED
    activities[1].save()
    _add(client, activities[1])
    client.post(reverse("activities:client_list_add"), {"activity": 999999, "next": "/fi/toiminta/"})
    client.post(reverse("activities:client_list_add"), {"activity": "x", "next": "/fi/toiminta/"})
    assert client.session.get(client_lists.SESSION_KEY, []) == []


def test_saving_an_empty_list_says_why_and_saves_nothing(client):
    response = client.post(reverse("activities:client_list_draft"), {"language": "fi"})
    assert response.status_code == 200
    assert "Lista on tyhjä" in response.content.decode()
    assert not ClientList.objects.exists()


def test_bad_input_in_the_save_form_says_why_and_saves_nothing(client, activities):
    _add(client, activities[0])
    response = client.post(reverse("activities:client_list_draft"), {"language": "de", "title": "x" * 201})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in content
    assert not ClientList.objects.exists()
    assert client.session[client_lists.SESSION_KEY] == [activities[0].pk]


def test_an_activity_that_left_the_listing_after_collecting_is_left_out_when_saving(client, activities):
    _add(client, activities[0])
    _add(client, activities[1])
    activities[1].status = ActivityStatus.ENDED
    activities[1].save()
    client.post(reverse("activities:client_list_draft"), {"language": "fi"})
    assert list(ClientListItem.objects.values_list("activity_id", flat=True)) == [activities[0].pk]


def test_a_saved_list_shows_when_an_activity_has_ended_since(client, activities):
    saved = client_lists.client_list_create(activity_ids=[activities[0].pk], language="fi")
    activities[0].status = ActivityStatus.ENDED
    activities[0].save()
    assert "Tämä toiminta on päättynyt." in client.get(saved.get_absolute_url()).content.decode()


def test_the_return_address_stays_on_this_site(client, activities):
    response = _add(client, activities[0], next_url="https://evil.example/")
    assert response["Location"] == f"/fi/ohjauslista/#activity-{activities[0].pk}"


def test_add_and_remove_accept_only_post(client, activities):
    assert client.get(reverse("activities:client_list_add"), {"activity": activities[0].pk}).status_code == 405
    assert client.get(reverse("activities:client_list_remove")).status_code == 405
    assert client.get(reverse("activities:client_list_clear")).status_code == 405


def test_empty_the_list(client, activities):
    _add(client, activities[0])
    client.post(reverse("activities:client_list_clear"))
    assert client_lists.SESSION_KEY not in client.session


def test_shared_page_query_count_does_not_grow_with_items(client, activities):
    def count(ids):
        saved = client_lists.client_list_create(activity_ids=ids, language="sv")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(saved.get_absolute_url()).status_code == 200
        return len(queries)

    ngo = activities[0].organisation
    more = [activity(ngo, f"Ryhmä {n}", times=[(n % 7, "10:00", "12:00")], languages=["fi", "sv"]) for n in range(20)]
    assert count([activities[0].pk]) == count([item.pk for item in more])


def test_draft_page_query_count_does_not_grow_with_items(client, activities):
    ngo = activities[0].organisation
    more = [activity(ngo, f"Ryhmä {n}", times=[(n % 7, "10:00", "12:00")]) for n in range(20)]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("activities:client_list_draft")).status_code == 200
        return len(queries)

    _add(client, more[0])
    few = count()
    for item in more[1:]:
        _add(client, item)
    assert count() == few


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "official of another body"])
def test_anyone_may_find_activities_and_collect_a_list_without_seeing_other_peoples_lists(client, activities, actor):
    other_ngo = factories.organisation("Toinen ry", areas=[factories.tampere()])
    person = {
        "anonymous": None,
        "representative of another NGO": factories.representative(other_ngo),
        "official of another body": factories.official(factories.tampere()),
    }[actor]
    # Someone else's list being collected stays in their own session.
    from django.test import Client

    colleague = Client()
    _add(colleague, activities[2])
    if person is not None:
        client.force_login(person)
    assert client.get(reverse("activities:directory")).status_code == 200
    assert client.get(activities[0].get_absolute_url()).status_code == 200
    _add(client, activities[0])
    draft = client.get(reverse("activities:client_list_draft")).content.decode()
    assert "Seniorikahvila" in draft and "Tuolijumppa" not in draft
    assert client.post(reverse("activities:client_list_draft"), {"language": "sv"}).status_code == 302
    assert ClientList.objects.get().items.get().activity_id == activities[0].pk
