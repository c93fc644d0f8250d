import datetime as dt

import pytest
from rest_framework.test import APIClient

from kumppani.core.models import Term
from kumppani.events import services
from kumppani.events.models import Event, EventStatus, Listing
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 12, 10)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def test_the_list_uses_linked_events_field_names(api, ngo):
    ef.published(ngo, is_free=False, price_fi="5 €", themes=[], languages=[])
    ef.event(ngo, name_fi="Luonnos")
    response = api.get("/api/v1/events/")
    assert response.status_code == 200
    [event] = response.json()["results"]
    assert event["name"] == {"fi": "Joulukonsertti", "sv": "Julkonsert", "en": None}
    assert event["start_time"] == "2026-12-10T18:00:00+02:00"
    assert event["end_time"] == "2026-12-10T20:00:00+02:00"
    assert event["event_status"] == "EventScheduled"
    assert event["offers"] == [{"is_free": False, "price": {"fi": "5 €", "sv": None, "en": None}}]
    assert event["location"]["street_address"] == "Kauppatori 1"
    assert event["location"]["address_locality"]["fi"] == "Salo"
    assert event["keywords"] == [] and event["in_language"] == []


def test_filters(api, ngo):
    ef.published(ngo, name_fi="Joulukuussa")
    ef.published(ngo, name_fi="Tammikuussa", day=dt.date(2027, 1, 14))
    names = lambda params: [e["name"]["fi"] for e in api.get("/api/v1/events/", params).json()["results"]]  # noqa: E731
    assert names({"start": "2027-01-01"}) == ["Tammikuussa"]
    assert names({"end": "2026-12-31"}) == ["Joulukuussa"]
    assert names({"body": "tampere"}) == []
    assert names({"organisation": ngo.slug}) == ["Joulukuussa", "Tammikuussa"]
    assert api.get("/api/v1/events/", {"theme": "ei-ole"}).status_code == 400


def test_a_body_lists_only_the_events_its_calendar_approved(api, ngo):
    approved = ef.published(ngo, name_fi="Salossa")
    [waiting] = services.event_submit(by=factories.representative(ngo), event=approved, bodies=[factories.tampere()])
    assert waiting.status == "pending"
    names = lambda params: [e["name"]["fi"] for e in api.get("/api/v1/events/", params).json()["results"]]  # noqa: E731
    assert names({}) == names({"body": "salo"}) == ["Salossa"]
    assert names({"body": "tampere"}) == []
    assert names({"body": "ei-ole"}) == []


def test_pages_count_exactly_up_to_two_pages_ahead_and_keep_the_time_order(api, ngo):
    for n in range(5):
        ef.published(ngo, name_fi=f"Ilta {n}", day=DAY + dt.timedelta(days=4 - n))
    page = lambda number: api.get("/api/v1/events/", {"page_size": 2, "page": number})  # noqa: E731
    first = page(1).json()
    assert [e["name"]["fi"] for e in first["results"]] == ["Ilta 4", "Ilta 3"]
    assert (first["count"], first["count_is_exact"]) == (5, True)
    sizes = {"page_size": 1, "body": "salo"}
    one = api.get("/api/v1/events/", {**sizes, "page": 1}).json()
    assert (one["count"], one["count_is_exact"], one["next"] is not None) == (3, False, True)
    assert [e["name"]["fi"] for e in one["results"]] == ["Ilta 4"]
    last = api.get("/api/v1/events/", {**sizes, "page": 5}).json()
    assert (last["count"], last["count_is_exact"], last["next"]) == (5, True, None)
    assert [e["name"]["fi"] for e in last["results"]] == ["Ilta 0"]
    assert page(3).json()["results"][0]["name"]["fi"] == "Ilta 0"
    assert page(4).status_code == 404


def test_an_ngo_adds_and_sends_an_event_through_the_api(api, ngo):
    api.force_authenticate(factories.representative(ngo))
    payload = {
        "organisation": ngo.slug,
        "name": {"fi": "Kuoroilta"},
        "start_time": "2027-01-12T18:00:00+02:00",
        "end_time": "2027-01-12T20:00:00+02:00",
        "recurrence": "weekly",
        "recurrence_until": "2027-04-27",
        "cancelled_dates": ["2027-02-23"],
        "location_input": {"street_address": "Kauppatori 1", "postal_code": "24100", "municipality": "salo"},
        "offers": [{"is_free": True}],
        "submit_to": ["salo"],
    }
    response = api.post("/api/v1/events/", payload, format="json")
    assert response.status_code == 201, response.json()
    event = Event.objects.get()
    assert (event.status, event.occurrences.count(), Listing.objects.get().body.slug) == ("submitted", 16, "salo")
    assert response.json()["exdates"] == ["2027-02-23"]


def test_bad_input_through_the_api_changes_nothing(api, ngo):
    api.force_authenticate(factories.representative(ngo))
    payload = {
        "organisation": ngo.slug,
        "name": {"fi": "Kuoroilta"},
        "start_time": "2027-01-12T18:00:00+02:00",
        "end_time": "2027-01-12T17:00:00+02:00",
        "recurrence": "weekly",
        "location_input": {"street_address": "Kauppatori 1", "municipality": "salo"},
    }
    response = api.post("/api/v1/events/", payload, format="json")
    assert response.status_code == 400
    assert {"end", "recurrence_until"} <= set(response.json())
    assert not Event.objects.exists()


def test_another_ngo_cannot_write_through_the_api(api, ngo):
    event = ef.published(ngo)
    api.force_authenticate(factories.representative(factories.organisation("Muu ry")))
    assert api.patch(f"/api/v1/events/{event.slug}/", {"name": {"fi": "X"}}, format="json").status_code == 403
    payload = {
        "organisation": ngo.slug,
        "name": {"fi": "X"},
        "start_time": "2027-01-12T18:00:00+02:00",
        "end_time": "2027-01-12T19:00:00+02:00",
    }
    assert api.post("/api/v1/events/", payload, format="json").status_code == 403
    api.force_authenticate(None)
    assert api.patch(f"/api/v1/events/{event.slug}/", {"name": {"fi": "X"}}, format="json").status_code in (401, 403)
    assert Event.objects.get().name_fi == "Joulukonsertti"
    assert api.delete(f"/api/v1/events/{event.slug}/").status_code in (401, 403, 405)


def test_the_ngo_cancels_through_the_api_and_a_draft_is_hidden(api, ngo):
    event = ef.published(ngo)
    draft = ef.event(ngo, name_fi="Luonnos")
    assert api.get(f"/api/v1/events/{draft.slug}/").status_code == 404
    api.force_authenticate(factories.representative(ngo))
    response = api.patch(f"/api/v1/events/{event.slug}/", {"status": "cancelled"}, format="json")
    assert response.json()["event_status"] == "EventCancelled"
    assert Event.objects.get(pk=event.pk).status == EventStatus.CANCELLED


def test_places_and_keywords(api, ngo):
    ef.published(ngo, place_name_fi="Kirkko")
    ef.published(ngo, name_fi="Toinen", place_name_fi="Kirkko")
    [place] = api.get("/api/v1/event-places/").json()["results"]
    assert place == {
        "space": None,
        "name": {"fi": "Kirkko", "sv": None, "en": None},
        "street_address": "Kauppatori 1",
        "postal_code": "24100",
        "municipality": "salo",
    }
    keywords = api.get("/api/v1/keywords/").json()
    assert keywords["count"] > 10 and {"id", "name", "vocabulary", "yso_id"} == set(keywords["results"][0])


def test_each_event_of_the_list_is_what_its_own_address_answers(api, ngo):
    """The list writes its events from plain values (list_json), the event's own address through
    EventSerializer: the two must say the same of every kind of event."""
    from kumppani.core.models import Language
    from tests.premises import factories as pf

    themes = list(Term.objects.filter(vocabulary="theme").order_by("-position")[:2])
    targets = list(Term.objects.filter(vocabulary="target_group")[:2])
    series = ef.published(
        ngo,
        name_fi="Kuoroharjoitus",
        name_en="Choir practice",
        short_description_fi="",
        description_fi="Harjoittelemme kevään konserttia.",
        description_sv="Vi övar inför vårkonserten.",
        place_name_fi="Seurakuntatalo",
        place_name_sv="Församlingshemmet",
        recurrence="weekly",
        recurrence_until=DAY + dt.timedelta(weeks=3),
        cancelled_dates=[DAY + dt.timedelta(weeks=2), DAY + dt.timedelta(weeks=1)],
        is_free=False,
        price_fi="5 €",
        price_sv="5 €",
        themes=themes,
        target_groups=targets,
        languages=list(Language.objects.filter(code__in=["sv", "fi"])),
        registration="link",
        registration_url="https://example.org/ilmoittaudu",
        registration_email="ilmo@example.org",
        registration_phone="040 123 4567",
        capacity=40,
        is_accessible=True,
        accessibility_info_fi="Esteetön sisäänkäynti pihalta.",
        contact_name="Kaisa Kuoronjohtaja",
        contact_phone="040 765 4321",
        online_url="https://example.org/striimi",
    )
    Event.objects.filter(pk=series.pk).update(image="events/kuoro.png", image_alt_fi="Kuoro laulaa")
    ef.published(ngo, name_fi="Etäluento", is_online=True, online_url="https://example.org/live", street_address="")
    postponed = ef.published(ngo, name_fi="Tanssit", day=DAY + dt.timedelta(days=1))
    services.event_set_status(
        by=factories.representative(ngo), event=postponed, status="postponed", reason="Sali on varattu."
    )
    moved = ef.published(ngo, name_fi="Siirretty luento", day=DAY + dt.timedelta(days=2))
    Event.objects.filter(pk=moved.pk).update(previous_start=ef.at(DAY - dt.timedelta(days=7)))
    held_in_a_space = ef.published(ngo, name_fi="Kerhoilta", day=DAY + dt.timedelta(days=3))
    Event.objects.filter(pk=held_in_a_space.pk).update(space=pf.space())

    for language in ("fi", "sv"):
        listed = api.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]
        assert len(listed) == 5
        for item in listed:
            assert item == api.get(f"/api/v1/events/{item['slug']}/", HTTP_ACCEPT_LANGUAGE=language).json()
    by_name = {item["name"]["fi"]: item for item in listed}
    assert by_name["Kuoroharjoitus"]["exdates"] == [
        (DAY + dt.timedelta(weeks=1)).isoformat(),
        (DAY + dt.timedelta(weeks=2)).isoformat(),
    ]
    assert by_name["Kuoroharjoitus"]["images"][0]["url"].endswith("/events/kuoro.png")
    assert by_name["Kuoroharjoitus"]["in_language"] == ["fi", "sv"]
    assert by_name["Kuoroharjoitus"]["themes"] == [term.slug for term in reversed(themes)]
    assert by_name["Etäluento"]["location"] is None
    assert by_name["Tanssit"]["event_status"] == "EventPostponed"
    assert by_name["Siirretty luento"]["event_status"] == "EventRescheduled"
    assert by_name["Kerhoilta"]["location"]["space"] == "kokoushuone-kajava"


@pytest.mark.parametrize("n", [1, 6])
def test_the_list_reads_a_fixed_number_of_queries(api, ngo, django_assert_num_queries, n):
    editor = factories.official(factories.salo(), role="official")
    theme = Term.objects.filter(vocabulary="theme").first()
    for i in range(n):
        ef.published(ngo, editor=editor, name_fi=f"Tapahtuma {i}", themes=[theme])
    # the body's size (which plan), count, events, themes, target groups, languages, cancelled dates
    with django_assert_num_queries(7):
        response = api.get("/api/v1/events/", {"body": "salo"})
    assert len(response.json()["results"]) == n
