"""Business rules of spaces and bookings.

Every change goes through one of these functions: each checks its permission, validates everything
before writing, runs in one transaction, records the audit history and queues the e-mails. The
pages and the API call the same functions.

No double bookings, even when two requests arrive at the same moment: the database refuses them.
On PostgreSQL an exclusion constraint (migration 0002) forbids two active bookings of one space
whose held times (start … end + buffer) overlap; the space row is also locked first, so the second
request waits and then gets a clear message instead of a constraint error. On SQLite every
transaction starts with BEGIN IMMEDIATE (settings.DATABASES' transaction_mode) and we write the
space row first: SQLite lets one writer at a time, so the check and the insert that follow it in
the same transaction cannot interleave with another booking's.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core import mail as kumppani_mail
from kumppani.core.models import BodyRoleKind, PublicBody, User
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import responsible_body_ids
from kumppani.premises import calendar, signals
from kumppani.premises.models import (
    ACTIVE_STATUSES,
    SHORT_SPAN,
    Booking,
    BookingSeries,
    BookingStatus,
    ClosedDay,
    Equipment,
    OpeningHours,
    Space,
    SpacePhoto,
    WhoMayBook,
    overlap_floor,
)

LANGS = ("fi", "sv", "en")
SPACE_FIELDS = [
    *(f"{field}_{lang}" for field in ("unit_name", "name", "description", "accessibility_details") for lang in LANGS),
    "street_address",
    "postal_code",
    "municipality",
    "capacity",
    "is_accessible",
    "equipment_codes",
    "min_minutes",
    "max_minutes",
    "max_days_ahead",
    "buffer_minutes",
    "who_may_book",
    "price_own_ngos",
    "price_public",
    "needs_approval",
    "is_published",
]
AUDITED_FIELDS = list(SPACE_FIELDS)
# Web addresses under tilat/ that are pages of the app itself.
RESERVED_SLUGS = ("varaukset",)


def _field_error(field: str, message: str, code: str) -> ValidationError:
    """An error beside one field of the form, with a code the API and the tests can read."""
    return ValidationError({field: [ValidationError(message, code=code)]})


def _require(by: User | None, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def date_text(day: dt.date) -> str:
    """5.12.2026 in every language, as Kumppani writes dates."""
    return f"{day.day}.{day.month}.{day.year}"


def time_text(moment: dt.datetime | dt.time) -> str:
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(calendar.HELSINKI).time()
    return moment.strftime("%H.%M")


# Spaces ---------------------------------------------------------------------------------------


def _space_problems(space: Space, opening_hours) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if space.min_minutes > space.max_minutes:
        errors["max_minutes"] = [_("The longest booking must not be shorter than the shortest.")]
    if space.capacity < 1:
        errors["capacity"] = [_("Give the number of people the space fits.")]
    unknown = set(space.equipment) - set(Equipment.values)
    if unknown:
        errors["equipment_codes"] = [_("Unknown equipment: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}]
    for weekday, opens, closes in opening_hours:
        if closes <= opens:
            errors.setdefault("opening_hours", []).append(
                _("%(day)s: the closing time must be after the opening time.") % {"day": weekday_name(weekday)}
            )
    return errors


def weekday_name(weekday: int) -> str:
    return formats.date_format(dt.date(2024, 1, 1) + dt.timedelta(days=weekday), "l")


def space_save(
    *,
    by: User,
    body: PublicBody,
    data: dict,
    opening_hours: list[tuple[int, dt.time, dt.time]],
    managers: list[User] | None = None,
    photo=None,
    photo_alt: dict | None = None,
    space: Space | None = None,
) -> Space:
    """Publish a new space of `body` or change one. `data` holds SPACE_FIELDS; `opening_hours` the
    (weekday, opens, closes) of each open weekday (0 = Monday); `managers` are the named managers;
    `photo` with `photo_alt` ({"fi": …, "sv": …, "en": …}) adds a photo after the others."""
    unknown = set(data) - set(SPACE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable space fields: {sorted(unknown)}")
    if space is None:
        _require(by, "premises.add_space", body)
        space = Space(body=body)
        before = {}
    else:
        _require(by, "premises.change_space", space)
        before = audit.snapshot(space, AUDITED_FIELDS)
    if "equipment_codes" in data:
        codes = data["equipment_codes"]
        codes = codes.split() if isinstance(codes, str) else list(codes)
        data = {**data, "equipment_codes": f" {' '.join(sorted(set(codes)))} " if codes else ""}
    for field, value in data.items():
        setattr(space, field, value)
    errors = _space_problems(space, opening_hours)
    if photo is not None:
        errors.update(_photo_problems(photo_alt or {}))
    if errors:
        raise ValidationError(
            {
                field: [ValidationError(message, code="invalid") for message in messages]
                for field, messages in errors.items()
            }
        )
    with transaction.atomic():
        created = space.pk is None
        if created:
            space.slug = unique_slug(
                Space.objects.all(), space.name_fi, fallback="tila", max_length=110, reserved=RESERVED_SLUGS
            )
        space.save()
        space.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(space=space, weekday=weekday, opens=opens, closes=closes)
            for weekday, opens, closes in opening_hours
        )
        if managers is not None:
            space.managers.set(managers)
        if photo is not None:
            added = _add_photo(space, photo, photo_alt or {})
            audit.record(actor=by, obj=space, action="space_photo_added", changes={"photo": [None, added.alt_fi]})
        changes = audit.diff(before, audit.snapshot(space, AUDITED_FIELDS))
        audit.record(actor=by, obj=space, action="space_created" if created else "space_updated", changes=changes)
    return space


# Photos ---------------------------------------------------------------------------------------


def _photo_problems(alt: dict) -> dict[str, list[str]]:
    if not (alt.get("fi") or "").strip():
        return {"photo_alt_fi": [_("Describe the photo in words for those who cannot see it.")]}
    return {}


def _alt_values(alt: dict) -> dict:
    return {f"alt_{lang}": (alt.get(lang) or "").strip()[:300] or None for lang in LANGS}


def _add_photo(space: Space, image, alt: dict) -> SpacePhoto:
    last = space.photos.aggregate(last=Max("position"))["last"]
    return SpacePhoto.objects.create(
        space=space, image=image, position=0 if last is None else last + 1, **_alt_values(alt)
    )


def _photo_error(problems: dict) -> ValidationError:
    return ValidationError(
        {field: [ValidationError(m, code="no_alt_text") for m in messages] for field, messages in problems.items()}
    )


@transaction.atomic
def space_photo_add(*, by: User, space: Space, image, alt: dict) -> SpacePhoto:
    """Add a photo after the space's others. `alt` is its description by language; Finnish is required."""
    _require(by, "premises.change_space", space)
    problems = _photo_problems(alt)
    if problems:
        raise _photo_error(problems)
    photo = _add_photo(space, image, alt)
    audit.record(actor=by, obj=space, action="space_photo_added", changes={"photo": [None, photo.alt_fi]})
    return photo


@transaction.atomic
def space_photo_update(*, by: User, photo: SpacePhoto, alt: dict, position: int | None = None) -> SpacePhoto:
    """Change a photo's descriptions and its place in the order (0 first)."""
    _require(by, "premises.change_space", photo.space)
    problems = _photo_problems(alt)
    if problems:
        raise _photo_error(problems)
    before = {"alt_fi": photo.alt_fi, "position": photo.position}
    for field, value in _alt_values(alt).items():
        setattr(photo, field, value)
    if position is not None:
        photo.position = max(0, int(position))
    photo.save()
    after = {"alt_fi": photo.alt_fi, "position": photo.position}
    audit.record(actor=by, obj=photo.space, action="space_photo_changed", changes=audit.diff(before, after))
    return photo


@transaction.atomic
def space_photo_remove(*, by: User, photo: SpacePhoto) -> None:
    """Take a photo off the space (the file stays until the media clean-up)."""
    space = photo.space
    _require(by, "premises.change_space", space)
    alt = photo.alt_fi
    photo.delete()
    audit.record(actor=by, obj=space, action="space_photo_removed", changes={"photo": [alt, None]})


def closed_day_set(*, by: User, space: Space, date: dt.date, closed: bool, note: str = "") -> None:
    """Mark a day closed (an exception to the weekly opening hours) or open again."""
    _require(by, "premises.change_space", space)
    with transaction.atomic():
        if closed:
            ClosedDay.objects.update_or_create(space=space, date=date, defaults={"note": note})
        else:
            ClosedDay.objects.filter(space=space, date=date).delete()
        audit.record(
            actor=by, obj=space, action="space_updated", changes={"closed_days": [None, date.isoformat()]}, message=note
        )


# Booking rules -------------------------------------------------------------------------------


def may_book(space: Space, organisation: Organisation) -> bool:
    """Whether the NGO may book the space at all: every NGO, or only those working in the body's area."""
    return space.who_may_book == WhoMayBook.ALL_NGOS or space.body_id in responsible_body_ids(organisation)


def hourly_price(space: Space, organisation: Organisation) -> Decimal:
    """NGOs of the body's area pay the NGO price (free by default); others pay the public price."""
    return space.price_own_ngos if space.body_id in responsible_body_ids(organisation) else space.price_public


def slot_problem(space: Space, start: dt.datetime, end: dt.datetime, *, now: dt.datetime) -> ValidationError | None:
    """What makes one time impossible by the space's rules (not by other bookings), or None."""
    day = calendar.local_date(start)
    minutes = (end - start).total_seconds() / 60
    if end <= start:
        return ValidationError(_("The end must be after the start."), code="ends_before_start")
    if start < now:
        return ValidationError(_("%(date)s has already passed.") % {"date": date_text(day)}, code="in_past")
    if minutes < space.min_minutes:
        return ValidationError(
            _("A booking must be at least %(minutes)s minutes long.") % {"minutes": space.min_minutes},
            code="too_short",
        )
    if minutes > space.max_minutes:
        return ValidationError(
            _("A booking may be at most %(minutes)s minutes long.") % {"minutes": space.max_minutes},
            code="too_long",
        )
    if day > calendar.local_date(now) + dt.timedelta(days=space.max_days_ahead):
        return ValidationError(
            _("%(date)s is too far ahead: you can book at most %(days)s days ahead.")
            % {"date": date_text(day), "days": space.max_days_ahead},
            code="too_far_ahead",
        )
    holiday = calendar.holiday_name(day)
    if holiday:
        return ValidationError(
            _("%(date)s is a public holiday (%(name)s), and the space is closed.")
            % {"date": date_text(day), "name": holiday},
            code="holiday",
        )
    if any(closed.date == day for closed in space.closed_days.all()):
        return ValidationError(_("The space is closed on %(date)s.") % {"date": date_text(day)}, code="closed_day")
    local_start, local_end = start.astimezone(calendar.HELSINKI), end.astimezone(calendar.HELSINKI)
    hours = [h for h in space.opening_hours.all() if h.weekday == day.weekday()]
    if local_end.date() != day or not any(
        h.opens <= local_start.time() and local_end.time() <= h.closes for h in hours
    ):
        if hours:
            text = ", ".join(f"{time_text(h.opens)}–{time_text(h.closes)}" for h in hours)
            message = _("On %(weekday)s the space is open %(hours)s.") % {
                "weekday": weekday_name(day.weekday()),
                "hours": text,
            }
        else:
            message = _("The space is not open on %(weekday)s.") % {"weekday": weekday_name(day.weekday())}
        return ValidationError(message, code="outside_hours")
    return None


def series_dates(space: Space, first: dt.date, last: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """(dates to book, dates skipped) of a weekly series: public holidays and closed days are skipped."""
    closed = {day.date for day in space.closed_days.all()}
    booked, skipped = [], []
    for day in calendar.weekly_dates(first, last):
        (skipped if day in closed or calendar.holiday_name(day) else booked).append(day)
    return booked, skipped


def conflicts(
    space: Space, slots: list[tuple[dt.datetime, dt.datetime]], *, exclude=()
) -> list[tuple[dt.datetime, str]]:
    """(start of our slot, "conflict" or "buffer") of each slot that collides with an active booking or
    a blocked time: overlapping it ("conflict") or inside the buffer minutes around it ("buffer")."""
    if not slots:
        return []
    buffer = dt.timedelta(minutes=space.buffer_minutes)
    first, last = min(s for s, _e in slots), max(e for _s, e in slots) + buffer
    existing = list(
        Booking.objects.filter(
            space=space,
            status__in=ACTIVE_STATUSES,
            start__gte=overlap_floor(space, first),
            start__lt=last,
            held_until__gt=first,
        )
        .exclude(pk__in=exclude)
        .values_list("start", "end", "held_until")
    )
    found = []
    for start, end in slots:
        held = end + buffer
        for other_start, other_end, other_held in existing:
            if other_start < end and start < other_end:
                found.append((start, "conflict"))
                break
            if other_start < held and start < other_held:
                found.append((start, "buffer"))
                break
    return found


def _conflict_error(space: Space, found) -> ValidationError:
    dates = ", ".join(date_text(calendar.local_date(start)) for start, _kind in found)
    if all(kind == "buffer" for _start, kind in found):
        return ValidationError(
            _("Too close to another booking on %(dates)s: the space needs %(minutes)s minutes between bookings.")
            % {"dates": dates, "minutes": space.buffer_minutes},
            code="buffer",
        )
    return ValidationError(_("The space is already booked on %(dates)s.") % {"dates": dates}, code="conflict")


def _note_span(space: Space, start: dt.datetime, held_until: dt.datetime) -> None:
    """Keep Space.longest_minutes when a booking or block is held for over a day (see models)."""
    if held_until - start > SHORT_SPAN:
        minutes = int((held_until - start).total_seconds() // 60) + 1
        Space.objects.filter(pk=space.pk, longest_minutes__lt=minutes).update(longest_minutes=minutes)
        space.longest_minutes = max(space.longest_minutes, minutes)


def _lock(space: Space) -> None:
    """Take the space's write lock before reading its bookings (see the module's docstring)."""
    if connection.vendor == "postgresql":
        locked = Space.objects.select_for_update().only("longest_minutes").get(pk=space.pk)
    else:
        Space.objects.filter(pk=space.pk).update(is_published=F("is_published"))
        locked = Space.objects.only("longest_minutes").get(pk=space.pk)
    # Read under the lock: the overlap query's bound must know a long block just written.
    space.longest_minutes = locked.longest_minutes


def _managers(space: Space) -> list[User]:
    named = list(space.managers.filter(is_active=True))
    by_role = User.objects.filter(
        is_active=True, body_roles__body_id=space.body_id, body_roles__role=BodyRoleKind.PREMISES_MANAGER
    )
    people = {person.pk: person for person in [*named, *by_role]}
    return list(people.values())


def _email(people, template: str, context: dict, attachments=None) -> None:
    for person in people:
        kumppani_mail.send(
            to=[person.email], template=template, context=context, language=person.language, attachments=attachments
        )


def _confirmation_mail(bookings: list[Booking]) -> None:
    first = bookings[0]
    context = {
        "space_name": first.space.name,
        "organisation_name": first.organisation.name,
        "dates": [
            f"{date_text(calendar.local_date(b.start))} {time_text(b.start)}–{time_text(b.end)}" for b in bookings
        ],
        "link": _link(first),
    }
    _email(
        [first.booked_by],
        "premises/email/booking_confirmed",
        context,
        [("varaus.ics", calendar.ics(bookings), "text/calendar")],
    )


def _link(booking: Booking) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse("premises:booking", args=[booking.pk])


def booking_create(
    *,
    by: User,
    space: Space,
    organisation: Organisation,
    start: dt.datetime,
    end: dt.datetime,
    purpose: str,
    people: int,
    repeat_until: dt.date | None = None,
) -> list[Booking]:
    """Book `start`–`end` for the NGO, once or every week up to `repeat_until` (holidays and closed
    days skipped). The whole series is refused if any date breaks a rule or collides with another
    booking, naming those dates. Bookings that need approval wait as requested; the others are
    confirmed at once and the booker gets the calendar file."""
    _require(by, "premises.book_for", organisation)
    if not space.is_published or not may_book(space, organisation):
        raise ValidationError(_("Your NGO cannot book this space."), code="not_allowed")
    if not purpose.strip():
        raise _field_error("purpose", _("Tell what the space is used for."), "required")
    if people < 1 or people > space.capacity:
        raise _field_error(
            "people", _("The space fits at most %(count)s people.") % {"count": space.capacity}, "capacity"
        )
    now = timezone.now()
    local_start, local_end = start.astimezone(calendar.HELSINKI), end.astimezone(calendar.HELSINKI)
    if repeat_until is None:
        days = [local_start.date()]
    else:
        if repeat_until < local_start.date():
            raise _field_error("repeat_until", _("The last day must not be before the first day."), "invalid")
        days, _skipped = series_dates(space, local_start.date(), repeat_until)
        if not days:
            raise ValidationError(_("There are no open days in the series."), code="empty_series")
    duration = end - start
    # Each date at the same wall-clock time: 17.00 stays 17.00 across the summer-time change.
    slots = [
        (calendar.local(day, local_start.time()), calendar.local(day, local_start.time()) + duration) for day in days
    ]
    if local_end.date() != local_start.date():
        slots = [(s, calendar.local(s.date(), local_end.time())) for s, _e in slots]
    problems = [(s, problem) for s, e in slots if (problem := slot_problem(space, s, e, now=now))]
    if problems:
        if len(slots) == 1:
            raise problems[0][1]
        first = problems[0][1]
        dates = ", ".join(date_text(calendar.local_date(s)) for s, _p in problems)
        raise ValidationError(
            _("These dates cannot be booked: %(dates)s. %(reason)s") % {"dates": dates, "reason": first.messages[0]},
            code=first.code,
        )
    price = hourly_price(space, organisation)
    status = BookingStatus.REQUESTED if space.needs_approval else BookingStatus.CONFIRMED
    buffer = dt.timedelta(minutes=space.buffer_minutes)
    try:
        with transaction.atomic():
            _lock(space)
            found = conflicts(space, slots)
            if found:
                raise _conflict_error(space, found)
            series = None
            if repeat_until is not None:
                series = BookingSeries.objects.create(
                    space=space,
                    organisation=organisation,
                    weekday=local_start.weekday(),
                    start_time=slots[0][0].astimezone(calendar.HELSINKI).time(),
                    end_time=slots[0][1].astimezone(calendar.HELSINKI).time(),
                    first_date=days[0],
                    last_date=days[-1],
                )
            for s, e in slots:
                _note_span(space, s, e + buffer)
            bookings = Booking.objects.bulk_create(
                Booking(
                    space=space,
                    organisation=organisation,
                    series=series,
                    booked_by=by,
                    start=s,
                    end=e,
                    held_until=e + buffer,
                    purpose=purpose.strip(),
                    people=people,
                    status=status,
                    hourly_price=price,
                    public_hourly_price=space.price_public,
                    decided_at=None if space.needs_approval else now,
                )
                for s, e in slots
            )
            if bookings[0].pk is None:  # a database that returns no ids from a bulk insert
                bookings = list(Booking.objects.filter(space=space, start__in=[s for s, _e in slots], status=status))
            for booking in bookings:
                booking.space, booking.organisation = space, organisation
            audit.record(
                actor=by,
                obj=bookings[0],
                action="booking_requested" if space.needs_approval else "booking_confirmed",
                message=_("%(count)s dates") % {"count": len(bookings)} if series else "",
            )
    except IntegrityError as error:
        # The exclusion constraint: another request took the time between our check and insert.
        raise ValidationError(_("The space was just booked for this time."), code="conflict") from error
    context = {
        "space_name": space.name,
        "organisation_name": organisation.name,
        "dates": [
            f"{date_text(calendar.local_date(b.start))} {time_text(b.start)}–{time_text(b.end)}" for b in bookings
        ],
        "link": _link(bookings[0]),
    }
    if space.needs_approval:
        transaction.on_commit(lambda: _email(_managers(space), "premises/email/booking_requested", context))
    else:
        transaction.on_commit(lambda: _confirmation_mail(bookings))
    return bookings


def _targets(booking: Booking, whole_series: bool, statuses) -> list[Booking]:
    if whole_series and booking.series_id:
        query = Booking.objects.filter(series_id=booking.series_id, status__in=statuses)
        return list(query.select_related("space__municipality", "organisation", "booked_by"))
    return [booking] if booking.status in statuses else []


def booking_decide(
    *, by: User, booking: Booking, approve: bool, reason: str = "", whole_series: bool = False
) -> list[Booking]:
    """The manager confirms or rejects a requested booking, or every waiting date of its series. A
    rejection states its reason; a confirmation sends the booker the calendar file."""
    _require(by, "premises.manage_bookings", booking)
    if not approve and not reason.strip():
        raise _field_error("reason", _("Tell the NGO why the booking is rejected."), "reason_required")
    with transaction.atomic():
        _lock(booking.space)
        targets = _targets(booking, whole_series, [BookingStatus.REQUESTED])
        if not targets:
            raise ValidationError(_("This booking is no longer waiting for a decision."), code="not_requested")
        now = timezone.now()
        status = BookingStatus.CONFIRMED if approve else BookingStatus.REJECTED
        Booking.objects.filter(pk__in=[b.pk for b in targets]).update(
            status=status, reason=reason.strip(), decided_by=by, decided_at=now
        )
        for target in targets:
            target.status, target.reason, target.decided_by, target.decided_at = status, reason.strip(), by, now
        audit.record(
            actor=by,
            obj=booking,
            action="booking_confirmed" if approve else "booking_rejected",
            message=reason.strip() or (_("%(count)s dates") % {"count": len(targets)}),
        )
    if approve:
        transaction.on_commit(lambda: _confirmation_mail(targets))
    else:
        context = {
            "space_name": booking.space.name,
            "organisation_name": booking.organisation.name,
            "dates": [date_text(calendar.local_date(b.start)) for b in targets],
            "reason": reason.strip(),
            "link": _link(booking),
        }
        transaction.on_commit(lambda: _email([booking.booked_by], "premises/email/booking_rejected", context))
    return targets


def booking_cancel(*, by: User, booking: Booking, whole_series: bool = False, reason: str = "") -> list[Booking]:
    """Cancel a booking that has not started (or every coming date of its series). It stays in the
    history as cancelled; the time is free again."""
    _require(by, "premises.cancel_booking", booking)
    now = timezone.now()
    with transaction.atomic():
        targets = [b for b in _targets(booking, whole_series, ACTIVE_STATUSES) if b.start > now]
        if not targets:
            raise ValidationError(_("A booking can be cancelled only before it starts."), code="started")
        Booking.objects.filter(pk__in=[b.pk for b in targets]).update(
            status=BookingStatus.CANCELLED, reason=reason.strip(), decided_by=by, decided_at=now
        )
        for target in targets:
            target.status = BookingStatus.CANCELLED
        audit.record(actor=by, obj=booking, action="booking_cancelled", message=reason.strip())
    if booking.organisation_id is not None:
        # The other side hears of it: the managers when the NGO cancels, the booker when a manager does.
        by_ngo = by.has_perm("premises.book_for", booking.organisation)
        people = _managers(booking.space) if by_ngo else [booking.booked_by]
        context = {
            "space_name": booking.space.name,
            "organisation_name": booking.organisation.name,
            "dates": [date_text(calendar.local_date(b.start)) for b in targets],
            "reason": reason.strip(),
            "link": _link(booking),
        }
        transaction.on_commit(lambda: _email(people, "premises/email/booking_cancelled", context))
    transaction.on_commit(lambda: signals.bookings_cancelled.send(sender=Booking, bookings=targets, by=by))
    return targets


def time_block(*, by: User, space: Space, start: dt.datetime, end: dt.datetime, reason: str) -> Booking:
    """The manager blocks a time (maintenance, the body's own use): no one can book it. A time that
    NGOs have already booked must be cancelled or rejected first."""
    _require(by, "premises.manage_bookings", space)
    if end <= start:
        raise _field_error("end", _("The end must be after the start."), "ends_before_start")
    if not reason.strip():
        raise _field_error("reason", _("Tell why the time is blocked."), "required")
    try:
        with transaction.atomic():
            _lock(space)
            found = conflicts(space, [(start, end)])
            if found:
                raise _conflict_error(space, found)
            _note_span(space, start, end + dt.timedelta(minutes=space.buffer_minutes))
            block = Booking.objects.create(
                space=space,
                booked_by=by,
                start=start,
                end=end,
                held_until=end + dt.timedelta(minutes=space.buffer_minutes),
                purpose=reason.strip(),
                people=0,
                is_block=True,
                status=BookingStatus.CONFIRMED,
                decided_by=by,
                decided_at=timezone.now(),
            )
            audit.record(actor=by, obj=block, action="time_blocked", message=reason.strip())
    except IntegrityError as error:
        raise ValidationError(_("The space was just booked for this time."), code="conflict") from error
    return block
