import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kumppani.core.models import AuditEntry
from kumppani.events import services
from kumppani.events.models import HELSINKI, Event, EventStatus, Listing, ListingStatus, Occurrence
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def test_a_new_event_is_a_draft_with_one_occurrence(ngo):
    event = ef.event(ngo)
    assert event.status == EventStatus.DRAFT
    assert [(o.local_start.hour, o.local_end.hour) for o in event.occurrences.all()] == [(18, 20)]
    assert AuditEntry.objects.filter(action="event_created", object_id=str(event.pk)).exists()


def test_a_weekly_series_keeps_its_local_time_across_both_clock_changes(ngo):
    # From early March to November: over the last Sundays of March and October.
    event = ef.event(
        ngo,
        day=dt.date(2026, 3, 3),
        recurrence="weekly",
        recurrence_until=dt.date(2026, 11, 10),
        cancelled_dates=[dt.date(2026, 4, 7)],
    )
    occurrences = list(event.occurrences.all())
    assert len(occurrences) == 37
    assert {(o.local_start.hour, o.local_start.minute, o.local_end.hour) for o in occurrences} == {(18, 0, 20)}
    assert {o.start.utcoffset() for o in occurrences} == {dt.timedelta(0)}  # stored in UTC
    utc_hours = {o.start.astimezone(dt.UTC).hour for o in occurrences}
    assert utc_hours == {16, 15}  # winter and summer time
    assert [o.local_start.date() for o in occurrences if o.is_cancelled] == [dt.date(2026, 4, 7)]


def test_an_all_day_event_covers_whole_days(ngo):
    event = ef.event(
        ngo,
        all_day=True,
        start=dt.datetime(2026, 12, 12, 10, tzinfo=HELSINKI),
        end=dt.datetime(2026, 12, 13, 15, tzinfo=HELSINKI),
    )
    assert (event.local_start, event.local_end) == (
        dt.datetime(2026, 12, 12, tzinfo=HELSINKI),
        dt.datetime(2026, 12, 14, tzinfo=HELSINKI),
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end": ef.at(dt.date(2026, 12, 10), 17)}, "end"),
        ({"recurrence": "weekly"}, "recurrence_until"),
        ({"image": SimpleUploadedFile("kuva.png", b"x", content_type="image/png")}, "image_alt_fi"),
        ({"name_fi": ""}, "name_fi"),
        ({"street_address": "", "municipality": None}, "street_address"),
        ({"is_free": False}, "price_fi"),
        ({"registration": "email"}, "registration_email"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(ngo, overrides, field):
    by = factories.representative(ngo)
    with pytest.raises(ValidationError) as error:
        services.event_create(by=by, organisation=ngo, data=ef.data(**overrides))
    assert field in error.value.message_dict
    assert not Event.objects.exists()
    assert not Occurrence.objects.exists()


def test_a_time_that_does_not_exist_is_refused():
    with pytest.raises(ValidationError) as error:
        services.local_datetime(dt.date(2026, 3, 29), dt.time(3, 30))
    assert error.value.code == "nonexistent_time"
    assert services.local_datetime(dt.date(2026, 3, 29), dt.time(4, 0)).utcoffset() == dt.timedelta(hours=3)


def test_another_ngo_cannot_write_the_event(ngo):
    event = ef.event(ngo)
    stranger = factories.representative(factories.organisation("Muu ry"))
    with pytest.raises(PermissionDenied):
        services.event_update(by=stranger, event=event, data={"name_fi": "Kaapattu"})
    with pytest.raises(PermissionDenied):
        services.event_create(by=stranger, organisation=ngo, data=ef.data())
    assert Event.objects.get().name_fi == "Joulukonsertti"


def test_submission_approval_and_the_ngo_is_told(ngo, mailoutbox):
    salo, porvoo = factories.salo(), factories.porvoo()
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    listings = services.event_submit(by=by, event=event, bodies=[salo, porvoo])
    event.refresh_from_db()
    assert event.status == EventStatus.SUBMITTED
    assert {item.status for item in listings} == {ListingStatus.PENDING}
    salo_listing = Listing.objects.get(body=salo)
    services.listing_decide(by=factories.official(salo, role="official"), listing=salo_listing, approve=True)
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert [m.to for m in mailoutbox] == [["tapahtumat@example.org", event.created_by.email]]


def test_rejection_needs_a_reason_and_the_reason_is_sent(ngo, mailoutbox):
    salo = factories.salo()
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    [listing] = services.event_submit(by=by, event=event, bodies=[salo])
    editor = factories.official(salo)
    with pytest.raises(ValidationError):
        services.listing_decide(by=editor, listing=listing, approve=False)
    services.listing_decide(by=editor, listing=listing, approve=False, reason="Ei kuulu kalenteriin.")
    event.refresh_from_db()
    assert (event.status, event.status_reason) == (EventStatus.REJECTED, "Ei kuulu kalenteriin.")
    [message] = mailoutbox
    assert "Ei kuulu kalenteriin." in message.body


def test_an_editor_of_another_body_cannot_moderate(ngo):
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    [listing] = services.event_submit(by=by, event=event, bodies=[factories.salo()])
    for outsider in (factories.official(factories.tampere()), factories.user(), by):
        with pytest.raises(PermissionDenied):
            services.listing_decide(by=outsider, listing=listing, approve=True)
    assert Listing.objects.get().status == ListingStatus.PENDING


def test_a_trusted_ngo_publishes_at_once(ngo):
    salo = factories.salo()
    services.trust_set(by=factories.official(salo, role="coordinator"), body=salo, organisation=ngo, trusted=True)
    by = factories.representative(ngo)
    event = ef.event(ngo, by=by)
    services.event_submit(by=by, event=event, bodies=[salo])
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


def test_an_official_cannot_mark_an_ngo_trusted(ngo):
    salo = factories.salo()
    with pytest.raises(PermissionDenied):
        services.trust_set(by=factories.official(salo, role="official"), body=salo, organisation=ngo, trusted=True)


def test_editing_the_time_sends_it_back_to_the_queue_but_a_description_does_not(ngo):
    event = ef.published(ngo)
    by = factories.representative(ngo)
    services.event_update(by=by, event=event, data={"description_fi": "Tervetuloa!"})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    services.event_update(by=by, event=event, data={"start": ef.at(dt.date(2026, 12, 10), 17)})
    event.refresh_from_db()
    assert event.status == EventStatus.SUBMITTED
    assert Listing.objects.get().status == ListingStatus.PENDING
    assert event.previous_start == ef.at(dt.date(2026, 12, 10), 18)


def test_cancelled_and_postponed_events_stay(ngo):
    event = ef.published(ngo)
    by = factories.representative(ngo)
    services.event_set_status(by=by, event=event, status="cancelled", reason="Sairastuminen")
    event.refresh_from_db()
    assert (event.status, event.status_reason) == (EventStatus.CANCELLED, "Sairastuminen")
    assert Event.objects.count() == 1
