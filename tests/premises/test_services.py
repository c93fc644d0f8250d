"""The rules of spaces and bookings, through the services the pages and the API call."""

import datetime as dt
from decimal import Decimal

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kumppani.core.models import AuditEntry
from kumppani.premises import calendar, queries, services
from kumppani.premises.models import Booking, BookingStatus
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {"salo": salo, "boss": boss, "space": space, "ngo": ngo, "rep": factories.representative(ngo)}


def _code(error: pytest.ExceptionInfo) -> str:
    value = error.value
    if hasattr(value, "error_dict"):
        return next(iter(value.error_dict.values()))[0].code
    return value.error_list[0].code


# Spaces ---------------------------------------------------------------------------------------


def test_a_premises_manager_publishes_a_space_with_opening_hours(world):
    space = world["space"]
    assert space.slug == "kokoushuone-kajava"
    assert space.opening_hours.count() == 7
    assert space.price_own_ngos == Decimal("0")  # free for the body's NGOs by default
    assert AuditEntry.objects.filter(action="space_created", object_id=str(space.pk)).exists()


def test_only_the_bodys_premises_managers_publish_its_spaces(world):
    tampere_manager = premises.manager(factories.tampere())
    coordinator = factories.official(world["salo"], role="coordinator")
    for person in (tampere_manager, coordinator, world["rep"]):
        with pytest.raises(PermissionDenied):
            premises.space(world["salo"], by=person)


def test_a_photo_needs_its_description(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile("tila.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", content_type="image/gif")
    with pytest.raises(ValidationError) as error:
        services.space_save(
            by=world["boss"],
            body=world["salo"],
            space=world["space"],
            data={},
            opening_hours=premises.EVERY_DAY,
            photo=photo,
        )
    assert "photo_alt_fi" in error.value.error_dict


def test_equipment_is_stored_so_that_a_filter_finds_it(world):
    services.space_save(
        by=world["boss"],
        body=world["salo"],
        space=world["space"],
        data={"equipment_codes": ["wifi", "kitchen"]},
        opening_hours=premises.EVERY_DAY,
    )
    assert world["space"].equipment == ["kitchen", "wifi"]
    found = queries.spaces_matching(queries.Criteria(equipment=["wifi"]))
    assert list(found) == [world["space"]]
    assert list(queries.spaces_matching(queries.Criteria(equipment=["piano"]))) == []


# Booking rules ---------------------------------------------------------------------------------


def test_a_representative_books_a_free_time_and_it_waits_for_approval(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    day = premises.future_weekday(1)
    with django_capture_on_commit_callbacks(execute=True):
        (booking,) = premises.book(world["space"], world["ngo"], world["rep"], day)
    assert booking.status == BookingStatus.REQUESTED
    assert booking.hourly_price == Decimal("0")
    assert [m.to for m in mailoutbox] == [[world["boss"].email]]
    assert "odottaa" in mailoutbox[0].subject


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (17, 17.5, "too_short"),
        (9, 15, "too_long"),
        (6, 8, "outside_hours"),
        (20, 22, "outside_hours"),
    ],
)
def test_a_booking_against_the_rules_is_refused_with_its_reason(world, start, end, code):
    day = premises.future_weekday(2)
    start_at = premises.at(day, int(start), int(start % 1 * 60))
    end_at = premises.at(day, int(end), int(end % 1 * 60))
    with pytest.raises(ValidationError) as error:
        services.booking_create(
            by=world["rep"],
            space=world["space"],
            organisation=world["ngo"],
            start=start_at,
            end=end_at,
            purpose="x",
            people=5,
        )
    assert _code(error) == code
    assert Booking.objects.count() == 0


def test_too_far_ahead_on_a_holiday_on_a_closed_day_and_too_many_people_are_refused(world):
    space = world["space"]
    space.max_days_ahead = 30
    space.save()
    with pytest.raises(ValidationError) as error:
        premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1, weeks=10))
    assert _code(error) == "too_far_ahead"
    space.max_days_ahead = 800
    space.save()
    independence_day = dt.date(calendar.local_date(premises.at(premises.future_weekday(0), 12)).year + 1, 12, 6)
    with pytest.raises(ValidationError) as error:
        premises.book(space, world["ngo"], world["rep"], independence_day)
    assert _code(error) == "holiday"
    assert "Itsenäisyyspäivä" in error.value.messages[0]
    closed = premises.future_weekday(3)
    services.closed_day_set(by=world["boss"], space=space, date=closed, closed=True, note="Remontti")
    with pytest.raises(ValidationError) as error:
        premises.book(space, world["ngo"], world["rep"], closed)
    assert _code(error) == "closed_day"
    with pytest.raises(ValidationError) as error:
        premises.book(space, world["ngo"], world["rep"], premises.future_weekday(4), people=21)
    assert _code(error) == "capacity"


def test_an_overlapping_booking_and_one_inside_the_buffer_are_refused(world):
    space = world["space"]
    space.buffer_minutes = 30
    space.save()
    day = premises.future_weekday(1)
    premises.book(space, world["ngo"], world["rep"], day, 17, 19)
    with pytest.raises(ValidationError) as error:
        premises.book(space, world["ngo"], world["rep"], day, 18, 20)
    assert _code(error) == "conflict"
    with pytest.raises(ValidationError) as error:
        services.booking_create(
            by=world["rep"],
            space=space,
            organisation=world["ngo"],
            start=premises.at(day, 19, 15),
            end=premises.at(day, 20, 30),
            purpose="x",
            people=3,
        )
    assert _code(error) == "buffer"
    (later,) = services.booking_create(
        by=world["rep"],
        space=space,
        organisation=world["ngo"],
        start=premises.at(day, 19, 30),
        end=premises.at(day, 20, 30),
        purpose="x",
        people=3,
    )
    assert later.status == BookingStatus.REQUESTED


def test_a_person_books_only_for_an_ngo_they_represent_and_that_may_book(world):
    other = factories.organisation("Tampereen Yhdistys ry", areas=[factories.tampere()])
    day = premises.future_weekday(1)
    with pytest.raises(PermissionDenied):
        premises.book(world["space"], other, world["rep"], day)
    with pytest.raises(ValidationError) as error:
        premises.book(world["space"], other, factories.representative(other), day)
    assert _code(error) == "not_allowed"


def test_an_ngo_from_elsewhere_pays_the_public_price_where_every_ngo_may_book(world):
    space = world["space"]
    space.who_may_book, space.price_public = "all_ngos", Decimal("25.00")
    space.save()
    other = factories.organisation("Tampereen Yhdistys ry", areas=[factories.tampere()])
    (booking,) = premises.book(space, other, factories.representative(other), premises.future_weekday(1))
    assert booking.hourly_price == Decimal("25.00")


# Weekly series ---------------------------------------------------------------------------------


def test_a_weekly_series_skips_holidays_and_closed_days_and_keeps_its_local_time_across_summer_time(world):
    year = calendar.local_date(premises.at(premises.future_weekday(0), 12)).year + 1
    march_end = dt.date(year, 3, 31)
    dst_sunday = march_end - dt.timedelta(days=(march_end.weekday() + 1) % 7)
    first = dst_sunday - dt.timedelta(days=12)  # a Tuesday two weeks before the change
    closed = first + dt.timedelta(days=7)
    services.closed_day_set(by=world["boss"], space=world["space"], date=closed, closed=True)
    bookings = services.booking_create(
        by=world["rep"],
        space=world["space"],
        organisation=world["ngo"],
        start=premises.at(first, 17),
        end=premises.at(first, 19),
        purpose="Omaishoitajien ryhmä",
        people=12,
        repeat_until=first + dt.timedelta(weeks=3),
    )
    assert [calendar.local_date(b.start) for b in bookings] == [
        first,
        first + dt.timedelta(weeks=2),
        first + dt.timedelta(weeks=3),
    ]
    local = [b.start.astimezone(calendar.HELSINKI) for b in bookings]
    assert {(t.hour, t.minute) for t in local} == {(17, 0)}
    assert {t.utcoffset() for t in local} == {dt.timedelta(hours=2), dt.timedelta(hours=3)}
    assert len({b.series_id for b in bookings}) == 1


def test_a_series_that_meets_one_booking_is_refused_whole_naming_the_date(world):
    first = premises.future_weekday(1)
    taken = first + dt.timedelta(weeks=2)
    if calendar.holiday_name(taken):
        pytest.skip("the taken day is a holiday")
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    premises.book(world["space"], other, factories.representative(other), taken, 18, 20)
    with pytest.raises(ValidationError) as error:
        services.booking_create(
            by=world["rep"],
            space=world["space"],
            organisation=world["ngo"],
            start=premises.at(first, 17),
            end=premises.at(first, 19),
            purpose="x",
            people=5,
            repeat_until=first + dt.timedelta(weeks=4),
        )
    assert _code(error) == "conflict"
    assert services.date_text(taken) in error.value.messages[0]
    assert Booking.objects.filter(organisation=world["ngo"]).count() == 0


# Decisions, cancelling, blocking ---------------------------------------------------------------


def test_the_manager_confirms_a_series_and_the_ngo_gets_a_calendar_file(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    first = premises.future_weekday(1)
    bookings = premises.book(
        world["space"], world["ngo"], world["rep"], first, repeat_until=first + dt.timedelta(weeks=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        decided = services.booking_decide(by=world["boss"], booking=bookings[0], approve=True, whole_series=True)
    assert {b.status for b in decided} == {BookingStatus.CONFIRMED}
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED).count() == len(bookings)
    (message,) = mailoutbox
    assert message.to == [world["rep"].email]
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("varaus.ics", "text/calendar")
    parsed = icalendar.Calendar.from_ical(content)
    events = parsed.walk("VEVENT")
    assert len(events) == len(bookings)
    assert events[0].decoded("dtstart") == bookings[0].start


def test_a_rejection_needs_a_reason_and_frees_the_time(world, django_capture_on_commit_callbacks, mailoutbox):
    day = premises.future_weekday(1)
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], day)
    with pytest.raises(ValidationError) as error:
        services.booking_decide(by=world["boss"], booking=booking, approve=False)
    assert _code(error) == "reason_required"
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_decide(by=world["boss"], booking=booking, approve=False, reason="Sali on remontissa.")
    booking.refresh_from_db()
    assert (booking.status, booking.reason) == (BookingStatus.REJECTED, "Sali on remontissa.")
    assert "remontissa" in mailoutbox[-1].body
    premises.book(world["space"], world["ngo"], world["rep"], day)  # the time is free again


def test_a_manager_of_another_body_cannot_decide(world):
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    with pytest.raises(PermissionDenied):
        services.booking_decide(by=premises.manager(factories.tampere()), booking=booking, approve=True)
    with pytest.raises(PermissionDenied):
        services.booking_decide(by=world["rep"], booking=booking, approve=True)


def test_a_named_manager_decides_for_their_space(world):
    named = factories.user()
    world["space"].managers.add(named)
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    services.booking_decide(by=named, booking=booking, approve=True)
    assert Booking.objects.get().status == BookingStatus.CONFIRMED


def test_the_ngo_cancels_but_never_another_ngos_booking_and_nothing_is_deleted(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    with pytest.raises(PermissionDenied):
        services.booking_cancel(by=factories.representative(other), booking=booking)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(by=world["rep"], booking=booking, reason="Ryhmä on tauolla")
    assert [m.to for m in mailoutbox] == [[world["boss"].email]]  # the manager hears of it
    assert "Ryhmä on tauolla" in mailoutbox[0].body
    assert Booking.objects.get().status == BookingStatus.CANCELLED
    with pytest.raises(ValidationError) as error:
        services.booking_cancel(by=world["rep"], booking=Booking.objects.get())
    assert _code(error) == "started"


def test_a_booking_that_has_started_cannot_be_cancelled(world):
    (booking,) = premises.book(world["space"], world["ngo"], world["rep"], premises.future_weekday(1))
    Booking.objects.filter(pk=booking.pk).update(
        start=booking.start - dt.timedelta(days=30), end=booking.end - dt.timedelta(days=30)
    )
    booking.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.booking_cancel(by=world["rep"], booking=booking)
    assert _code(error) == "started"


def test_a_blocked_time_blocks_bookings(world):
    day = premises.future_weekday(1)
    services.time_block(
        by=world["boss"], space=world["space"], start=premises.at(day, 16), end=premises.at(day, 18), reason="Huolto"
    )
    with pytest.raises(ValidationError) as error:
        premises.book(world["space"], world["ngo"], world["rep"], day)
    assert _code(error) == "conflict"
    with pytest.raises(PermissionDenied):
        services.time_block(
            by=world["rep"], space=world["space"], start=premises.at(day, 8), end=premises.at(day, 9), reason="x"
        )


def test_a_space_without_approval_confirms_at_once_with_the_calendar_file(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    space = world["space"]
    space.needs_approval = False
    space.save()
    with django_capture_on_commit_callbacks(execute=True):
        (booking,) = premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1))
    assert booking.status == BookingStatus.CONFIRMED
    assert mailoutbox[0].attachments[0][0] == "varaus.ics"


# The welfare report ---------------------------------------------------------------------------


def test_the_value_of_free_use_is_the_hours_times_the_public_price(world):
    space = world["space"]
    space.price_public = Decimal("30.00")
    space.save()
    day = premises.future_weekday(1)
    (booking,) = premises.book(space, world["ngo"], world["rep"], day, 17, 19)
    services.booking_decide(by=world["boss"], booking=booking, approve=True)
    premises.book(space, world["ngo"], world["rep"], premises.future_weekday(2, weeks=3), 10, 13)  # waits: not counted
    rows = queries.usage(world["salo"], day.year)
    (row,) = rows
    assert (row.bookings, row.hours, row.value) == (1, Decimal("2"), Decimal("60.00"))


def test_a_refusal_is_told_in_swedish_with_the_holidays_swedish_name(world):
    from django.utils import translation

    year = premises.future_weekday(0).year + 1
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        premises.book(world["space"], world["ngo"], world["rep"], dt.date(year, 12, 6))
    assert error.value.messages[0] == f"6.12.{year} är en helgdag (Självständighetsdagen) och lokalen är stängd."
