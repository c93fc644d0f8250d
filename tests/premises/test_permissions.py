"""The premises permission matrix: every protected page tried as the anonymous, the representative
of another NGO, a premises manager of another body and an official of the body who is not its
premises manager. Each is refused and nothing changes. The public sees busy times, never names."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kumppani.core.models import AuditEntry
from kumppani.premises import services
from kumppani.premises.models import Booking, ClosedDay, Space, SpacePhoto
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    rep = factories.representative(ngo)
    (booking,) = premises.book(space, ngo, rep, premises.future_weekday(1))
    other_ngo = factories.organisation("Salon Toinen ry", areas=[salo])
    photo = services.space_photo_add(
        by=boss,
        space=space,
        image=SimpleUploadedFile("tila.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", content_type="image/gif"),
        alt={"fi": "Sali"},
    )
    return {
        "photo": photo,
        "salo": salo,
        "space": space,
        "ngo": ngo,
        "booking": booking,
        "boss": boss,
        "actors": {
            "anonymous": None,
            "representative of another NGO": factories.representative(other_ngo, role="admin"),
            "premises manager of another body": premises.manager(tampere),
            "official of the body": factories.official(salo, role="official"),
        },
    }


def protected_requests(world):
    slug, body, pk = world["space"].slug, world["salo"].slug, world["booking"].pk
    photo_url = reverse("premises:photo", args=[slug, world["photo"].pk])
    photo_prefix = f"photo-{world['photo'].pk}"
    day = premises.future_weekday(2).isoformat()
    return [
        ("premises:booking", "get", reverse("premises:booking", args=[pk]), {}),
        ("premises:booking_ics", "get", reverse("premises:booking_ics", args=[pk]), {}),
        ("premises:booking_cancel", "post", reverse("premises:booking_cancel", args=[pk]), {}),
        ("premises:booking_decide", "post", reverse("premises:booking_decide", args=[pk]), {"approve": "1"}),
        ("premises:ngo_bookings", "get", reverse("premises:ngo_bookings", args=[world["ngo"].slug]), {}),
        ("premises:manage", "get", reverse("premises:manage", args=[body]), {}),
        ("premises:create", "get", reverse("premises:create", args=[body]), {}),
        ("premises:create", "post", reverse("premises:create", args=[body]), {"name_fi": "Kaapattu"}),
        ("premises:edit", "get", reverse("premises:edit", args=[slug]), {}),
        ("premises:edit", "post", reverse("premises:edit", args=[slug]), {"name_fi": "Kaapattu"}),
        ("premises:closed_day", "post", reverse("premises:closed_day", args=[slug]), {"date": day, "closed": "1"}),
        (
            "premises:block",
            "post",
            reverse("premises:block", args=[slug]),
            {"date": day, "start_time": "10:00", "end_time": "12:00", "reason": "x"},
        ),
        ("premises:photo", "post", photo_url, {f"{photo_prefix}-alt_fi": "Kaapattu", f"{photo_prefix}-position": "3"}),
        ("premises:photo", "post", photo_url, {"remove": "1"}),
    ]


USAGE_ALLOWED = {"official of the body"}


@pytest.mark.parametrize(
    "actor",
    ["anonymous", "representative of another NGO", "premises manager of another body", "official of the body"],
)
def test_protected_pages_refuse_outsiders_and_change_nothing(client, world, actor):
    person = world["actors"][actor]
    if person is not None:
        client.force_login(person)
    before = (
        AuditEntry.objects.count(),
        list(Booking.objects.values()),
        list(Space.objects.values()),
        list(SpacePhoto.objects.values()),
    )
    requests = protected_requests(world)
    if actor not in USAGE_ALLOWED:
        requests.append(("premises:usage", "get", reverse("premises:usage", args=[world["salo"].slug]), {}))
    for name, method, url, data in requests:
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], (name, method)
        else:
            assert response.status_code in (403, 404), (name, method, response.status_code)
    after = (
        AuditEntry.objects.count(),
        list(Booking.objects.values()),
        list(Space.objects.values()),
        list(SpacePhoto.objects.values()),
    )
    assert after == before
    assert not ClosedDay.objects.exists()


def test_a_representative_of_another_ngo_cannot_book_for_an_ngo_they_do_not_represent(client, world):
    client.force_login(world["actors"]["representative of another NGO"])
    url = reverse("premises:book", args=[world["space"].slug])
    day = premises.future_weekday(3)
    client.post(
        url,
        {
            "organisation": world["ngo"].pk,
            "date": day.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "purpose": "x",
            "people": 2,
            "book": "1",
        },
    )
    assert Booking.objects.count() == 1


def test_booking_needs_sign_in_and_an_ngo_that_may_book(client, world):
    url = reverse("premises:book", args=[world["space"].slug])
    assert "/kirjaudu/" in client.get(url)["Location"]
    client.force_login(factories.user())
    assert client.get(url).status_code == 403
    tampere_ngo = factories.organisation(areas=[factories.tampere()])
    client.force_login(factories.representative(tampere_ngo))
    assert client.get(url).status_code == 403  # the space is for the NGOs of Salo


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "premises manager of another body"])
def test_the_public_sees_busy_times_but_not_who_booked(client, world, actor):
    person = world["actors"][actor]
    if person is not None:
        client.force_login(person)
    day = world["booking"].start.date().isoformat()
    page = client.get(reverse("premises:detail", args=[world["space"].slug]) + f"?paiva={day}").content.decode()
    assert "17.00–19.00" in page
    assert "Salon Omaishoitajat ry" not in page
    assert reverse("premises:booking", args=[world["booking"].pk]) not in page


def test_the_list_is_public(client, world):
    assert client.get(reverse("premises:list")).status_code == 200
