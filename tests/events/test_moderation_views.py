import pytest
from django.urls import reverse

from kumppani.events import services
from kumppani.events.models import EventStatus, Listing, ListingStatus, TrustedOrganisation
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    ngo = factories.organisation("Salon Kuoro ry")
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    services.event_submit(by=by, event=event, bodies=[factories.salo()])
    return event


def test_an_editor_sees_the_queue_count_on_their_own_page_and_approves(client, submitted, mailoutbox):
    client.force_login(factories.official(factories.salo(), role="official"))
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("events:queue", args=["salo"]) in dashboard and "1 tapahtuma" in dashboard
    queue = client.get(reverse("events:queue", args=["salo"])).content.decode()
    assert "Joulukonsertti" in queue
    listing = Listing.objects.get()
    client.post(reverse("events:decide", args=["salo", listing.pk]), {"decision": "approve"})
    submitted.refresh_from_db()
    assert submitted.status == EventStatus.PUBLISHED
    assert len(mailoutbox) == 1


def test_a_rejection_without_a_reason_changes_nothing(client, submitted):
    client.force_login(factories.official(factories.salo(), role="coordinator"))
    listing = Listing.objects.get()
    client.post(reverse("events:decide", args=["salo", listing.pk]), {"decision": "reject"})
    assert Listing.objects.get().status == ListingStatus.PENDING
    url = reverse("events:decide", args=["salo", listing.pk])
    # With a reason, the decision asks first, carrying the reason; nothing changes before the answer.
    page = client.post(url, {"decision": "reject", "reason": "Mainos"}).content.decode()
    assert 'name="confirmed"' in page and 'value="Mainos"' in page
    assert Listing.objects.get().status == ListingStatus.PENDING
    client.post(url, {"decision": "reject", "reason": "Mainos", "confirmed": "1"})
    assert Listing.objects.get().status == ListingStatus.REJECTED


def test_a_coordinator_marks_an_ngo_trusted(client, submitted):
    client.force_login(factories.official(factories.salo(), role="coordinator"))
    client.post(reverse("events:trusted", args=["salo"]), {"organisation": submitted.organisation.slug, "trusted": "1"})
    assert TrustedOrganisation.objects.filter(organisation=submitted.organisation).exists()
    assert submitted.organisation.name in client.get(reverse("events:trusted", args=["salo"])).content.decode()


def test_the_trusted_page_offers_the_ngos_serving_the_body(client, submitted):
    factories.organisation("Tampereen Kuoro ry", areas=[factories.tampere()])
    client.force_login(factories.official(factories.salo(), role="coordinator"))
    page = client.get(reverse("events:trusted", args=["salo"])).content.decode()
    assert f'<option value="{submitted.organisation.slug}">' in page and "Tampereen Kuoro ry" not in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_queue_reads_a_fixed_number_of_queries(client, django_assert_num_queries, n):
    ngo = factories.organisation()
    by = factories.representative(ngo)
    for i in range(n):
        event = ef.event(ngo, by=by, name_fi=f"Tapahtuma {i}")
        services.event_submit(by=by, event=event, bodies=[factories.salo()])
    client.force_login(factories.official(factories.salo(), role="official"))
    client.get(reverse("events:queue", args=["salo"]))
    with django_assert_num_queries(5):  # session, user, body, roles, queue
        response = client.get(reverse("events:queue", args=["salo"]))
    assert response.content.decode().count('<section class="card">') == n
