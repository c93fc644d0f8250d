import datetime as dt

import pytest
from django.urls import reverse

from kumppani.events import services
from kumppani.events.models import Event, EventStatus, Listing, ListingStatus
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def _form(**overrides):
    values = {
        "name_fi": "Kuoroharjoitus",
        "start_date": "2026-03-03",
        "start_time": "18:00",
        "end_time": "20:00",
        "recurrence": "weekly",
        "recurrence_until": "2026-11-10",
        "cancelled_dates": "7.4.2026",
        "street_address": "Kauppatori 1",
        "postal_code": "24100",
        "municipality": factories.salo().pk,
        "is_free": "on",
        "registration": "not_needed",
    }
    values.update(overrides)
    return values


def test_an_ngo_adds_a_weekly_series_and_sends_it(client, ngo):
    client.force_login(factories.representative(ngo))
    response = client.post(reverse("events:create", args=[ngo.slug]), _form())
    event = Event.objects.get()
    assert response.url == reverse("events:submit", args=[ngo.slug, event.slug])
    assert (event.recurrence, event.occurrences.count(), event.cancelled_dates.get().date) == (
        "weekly",
        37,
        dt.date(2026, 4, 7),
    )
    page = client.get(response.url).content.decode()
    assert "Salo" in page
    client.post(response.url, {"bodies": [factories.salo().pk]})
    assert Listing.objects.get().status == ListingStatus.PENDING
    assert "Kuoroharjoitus" in client.get(reverse("events:manage", args=[ngo.slug])).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start_date": "2026-02-31"}, "päivämäärä"),
        ({"start_date": "2026-03-29", "start_time": "03:30", "recurrence": ""}, "kelloja siirretään"),
        ({"recurrence_until": ""}, "sarjan"),
        ({"end_time": "17:00"}, "päättyä"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(client, ngo, overrides, message):
    client.force_login(factories.representative(ngo))
    response = client.post(reverse("events:create", args=[ngo.slug]), _form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode().lower()
    assert not Event.objects.exists()


def test_an_image_needs_its_description(client, ngo):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    png = buffer.getvalue()
    client.force_login(factories.representative(ngo))
    form = _form(image=SimpleUploadedFile("kuva.png", png, content_type="image/png"))
    response = client.post(reverse("events:create", args=[ngo.slug]), form)
    assert response.status_code == 200
    assert not Event.objects.exists()
    form = _form(image=SimpleUploadedFile("kuva.png", png, content_type="image/png"), image_alt_fi="Kuoro laulaa")
    client.post(reverse("events:create", args=[ngo.slug]), form)
    assert Event.objects.get().image_alt_fi == "Kuoro laulaa"


def test_the_ngo_cancels_a_published_event(client, ngo):
    event = ef.published(ngo)
    client.force_login(factories.representative(ngo))
    url = reverse("events:set_status", args=[ngo.slug, event.slug])
    page = client.post(url, {"status": "cancelled", "reason": "Flunssa"}).content.decode()
    assert 'name="confirmed"' in page and 'value="Flunssa"' in page
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    client.post(url, {"status": "cancelled", "reason": "Flunssa", "confirmed": "1"})
    event.refresh_from_db()
    assert (event.status, event.status_reason) == (EventStatus.CANCELLED, "Flunssa")
    assert "Flunssa" in client.get(event.get_absolute_url()).content.decode()


def test_an_edit_form_shows_the_event_as_it_is(client, ngo):
    event = ef.event(
        ngo, recurrence="weekly", recurrence_until=dt.date(2027, 1, 28), cancelled_dates=[dt.date(2026, 12, 24)]
    )
    client.force_login(factories.representative(ngo))
    page = client.get(reverse("events:edit", args=[ngo.slug, event.slug])).content.decode()
    assert 'value="2026-12-10"' in page and 'value="18:00"' in page and "24.12.2026" in page
    form = _form(
        name_fi="Uusi nimi", start_date="2026-12-10", recurrence_until="2027-01-28", cancelled_dates="24.12.2026"
    )
    client.post(reverse("events:edit", args=[ngo.slug, event.slug]), form)
    event.refresh_from_db()
    assert event.name_fi == "Uusi nimi"


def test_a_body_publishes_its_own_event_in_its_calendar_at_once(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, role="official"))
    response = client.post(
        reverse("events:body_create", args=["salo"]),
        _form(name_fi="Itsenäisyyspäivän juhla", recurrence="", cancelled_dates=""),
    )
    event = Event.objects.get()
    assert (event.organiser_body, event.organisation) == (salo, None)
    assert response.url == reverse("events:body_submit", args=["salo", event.slug])
    client.post(response.url, {"bodies": [salo.pk]})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Salo" in page and event.get_edit_url() in page
    assert "Itsenäisyyspäivän juhla" in client.get(reverse("events:body_manage", args=["salo"])).content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_the_ngo_list_reads_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    by = factories.representative(ngo)
    for i in range(n):
        event = ef.event(ngo, by=by, name_fi=f"Tapahtuma {i}")
        services.event_submit(by=by, event=event, bodies=[factories.salo()])
    client.force_login(by)
    client.get(reverse("events:manage", args=[ngo.slug]))
    # session, user, NGO, memberships, events, listings, bodies, next deadline
    with django_assert_num_queries(8):
        response = client.get(reverse("events:manage", args=[ngo.slug]))
    assert response.content.decode().count("/muokkaa/") == n
