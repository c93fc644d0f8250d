"""Every page of the events app that changes or shows something not public, tried by those who
may not: each is refused and nothing changes. Drafts and events awaiting approval are not public."""

import pytest
from django.urls import reverse

from kumppani.core.models import AuditEntry
from kumppani.events import services
from kumppani.events.models import BulletinIssue, Event, Listing
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    ngo = factories.organisation("Kohde ry", areas=[salo])
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    published = ef.published(ngo, name_fi="Julkaistu")
    services.event_submit(by=by, event=event, bodies=[salo])
    coordinator = factories.official(salo, role="coordinator")
    import datetime as dt

    from kumppani.events.models import HELSINKI

    issue = services.bulletin_issue_save(
        by=coordinator,
        body=salo,
        data={
            "title": "Tammikuu",
            "period_start": dt.date(2027, 1, 1),
            "period_end": dt.date(2027, 1, 31),
            "deadline": dt.datetime(2026, 12, 15, 23, 59, tzinfo=HELSINKI),
            "language": "fi",
        },
    )
    body_event = services.event_create(by=coordinator, body=salo, data=ef.data(name_fi="Kaupungin tapahtuma"))
    return {
        "ngo": ngo,
        "body_event": body_event,
        "event": event,
        "published": published,
        "listing": Listing.objects.get(event=event),
        "issue": issue,
        "people": {
            "anonymous": None,
            "another NGO": factories.representative(factories.organisation("Toinen ry", areas=[tampere])),
            "editor of another body": factories.official(tampere, role="coordinator"),
            "official of the body": factories.official(salo, role="official"),
            "coordinator of the body": coordinator,
        },
    }


def ngo_pages(w):
    slug, event = w["ngo"].slug, w["event"].slug
    return [
        ("get", reverse("events:manage", args=[slug]), {}),
        ("get", reverse("events:create", args=[slug]), {}),
        ("post", reverse("events:create", args=[slug]), {"name_fi": "X"}),
        ("get", reverse("events:edit", args=[slug, event]), {}),
        ("post", reverse("events:edit", args=[slug, event]), {"name_fi": "X"}),
        ("get", reverse("events:submit", args=[slug, event]), {}),
        ("post", reverse("events:submit", args=[slug, event]), {"bodies": [factories.tampere().pk]}),
        ("post", reverse("events:set_status", args=[slug, w["published"].slug]), {"status": "cancelled"}),
    ]


def body_pages(w):
    event = w["body_event"].slug
    return [
        ("get", reverse("events:body_manage", args=["salo"]), {}),
        ("get", reverse("events:body_create", args=["salo"]), {}),
        ("post", reverse("events:body_create", args=["salo"]), {"name_fi": "X"}),
        ("get", reverse("events:body_edit", args=["salo", event]), {}),
        ("post", reverse("events:body_edit", args=["salo", event]), {"name_fi": "X"}),
        ("get", reverse("events:body_submit", args=["salo", event]), {}),
        ("post", reverse("events:body_submit", args=["salo", event]), {"bodies": [factories.salo().pk]}),
        ("post", reverse("events:body_set_status", args=["salo", event]), {"status": "cancelled"}),
    ]


def editor_pages(w):
    return [
        ("get", reverse("events:queue", args=["salo"]), {}),
        ("post", reverse("events:decide", args=["salo", w["listing"].pk]), {"decision": "approve"}),
    ]


def coordinator_pages(w):
    pk = w["issue"].pk
    return [
        ("get", reverse("events:trusted", args=["salo"]), {}),
        ("post", reverse("events:trusted", args=["salo"]), {"organisation": w["ngo"].slug, "trusted": "1"}),
        ("get", reverse("events:bulletin", args=["salo"]), {}),
        ("post", reverse("events:bulletin", args=["salo"]), {"title": "X"}),
        ("get", reverse("events:bulletin_issue", args=["salo", pk]), {}),
        ("get", reverse("events:bulletin_pdf", args=["salo", pk]), {}),
    ]


def _state():
    return (
        AuditEntry.objects.count(),
        list(Event.objects.values_list("name_fi", "status").order_by("pk")),
        list(Listing.objects.values_list("status", flat=True).order_by("pk")),
        BulletinIssue.objects.count(),
    )


def _refused(client, person, pages):
    if person is not None:
        client.force_login(person)
    before = _state()
    for method, url, data in pages:
        response = getattr(client, method)(url, data)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        if response.status_code == 302:
            assert "/kirjaudu" in response.url or "login" in response.url, url
    assert _state() == before


@pytest.mark.parametrize(
    "who", ["anonymous", "another NGO", "editor of another body", "official of the body", "coordinator of the body"]
)
def test_only_the_ngo_writes_its_events(client, world, who):
    _refused(client, world["people"][who], ngo_pages(world))


@pytest.mark.parametrize("who", ["anonymous", "another NGO", "editor of another body"])
def test_only_the_body_editors_moderate_its_queue_and_write_its_own_events(client, world, who):
    _refused(client, world["people"][who], editor_pages(world) + body_pages(world))


@pytest.mark.parametrize("who", ["anonymous", "another NGO", "editor of another body", "official of the body"])
def test_only_the_body_coordinators_trust_and_print(client, world, who):
    _refused(client, world["people"][who], coordinator_pages(world))


@pytest.mark.parametrize("who", ["anonymous", "another NGO", "editor of another body"])
def test_drafts_and_events_awaiting_approval_are_not_public(client, world, who):
    person = world["people"][who]
    if person is not None:
        client.force_login(person)
    event = world["event"]
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:event_ics", args=[event.slug])).status_code == 404
    assert event.name not in client.get(reverse("events:calendar"), {"start": "2026-12-01"}).content.decode()
    assert client.get(world["published"].get_absolute_url()).status_code == 200


def test_the_editor_of_the_body_sees_the_event_awaiting_approval(client, world):
    client.force_login(world["people"]["official of the body"])
    assert client.get(world["event"].get_absolute_url()).status_code == 200
