"""Business rules of events: writing them, submitting them to bodies' calendars, moderation,
cancelling and postponing, trusted NGOs and the bulletin's issues.

Every change goes through one of these functions. Each checks its permission (events.rules),
validates everything before anything is written, runs in one transaction, records the audit
history, keeps the occurrences and the search index current and queues the e-mails.
The pages and the API call the same functions.

An event is never deleted: a draft stays a draft, a published event is cancelled or postponed,
and the calendar and the feeds show it as such.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail
from kumppani.core.models import BodyKind, Language, PublicBody, Term, User, Vocabulary
from kumppani.core.slugs import unique_slug
from kumppani.events import indexing
from kumppani.events.models import (
    HELSINKI,
    PUBLIC_STATUSES,
    BulletinIssue,
    CalendarDay,
    CancelledDate,
    Event,
    EventStatus,
    Listing,
    ListingStatus,
    Occurrence,
    Recurrence,
    Registration,
    TrustedOrganisation,
    local_days,
)
from kumppani.events.rules import EDITOR_ROLES
from kumppani.organisations.models import Organisation
from kumppani.premises.models import Booking, BookingStatus, Space

CHANGE = "events.change_event"
MODERATE = "events.moderate"
MANAGE = "events.manage_calendar"
LANGS = ("fi", "sv", "en")
_TRANSLATED = ("name", "short_description", "description", "place_name", "price", "accessibility_info", "image_alt")
_M2M = ("themes", "target_groups", "languages")
_TIME_FIELDS = ("start", "end", "all_day", "recurrence", "recurrence_until")
_LOCATION_FIELDS = ("space", "street_address", "postal_code", "municipality", "is_online", "online_url")
EDITABLE_FIELDS = [
    *(f"{field}_{lang}" for field in _TRANSLATED for lang in LANGS),
    *_TIME_FIELDS,
    *_LOCATION_FIELDS,
    "is_free",
    "registration",
    "registration_url",
    "registration_email",
    "registration_phone",
    "capacity",
    "is_accessible",
    "image",
    "contact_name",
    "contact_email",
    "contact_phone",
    "activity",
    *_M2M,
]
# A change to these sends a published event of an NGO that is not trusted back to moderation.
SIGNIFICANT_FIELDS = [*(f"name_{lang}" for lang in LANGS), *_TIME_FIELDS, *_LOCATION_FIELDS, "place_name_fi"]
AUDITED_FIELDS = [f for f in EDITABLE_FIELDS if f != "image"] + ["status", "status_reason"]
MAX_SERIES_DAYS = 366
PLACE_BODY_KINDS = (BodyKind.MUNICIPALITY, BodyKind.CITY_COUNTY)


# Times ----------------------------------------------------------------------------------------


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment of a wall-clock time in Helsinki. A time that does not exist (the hour
    skipped when summer time starts) is refused rather than silently moved."""
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=HELSINKI)
    if aware.astimezone(dt.UTC).astimezone(HELSINKI).replace(tzinfo=None) != naive:
        raise ValidationError(
            _("%(time)s on %(date)s does not exist: the clocks are moved forward that night.")
            % {"time": time.strftime("%H.%M"), "date": f"{day.day}.{day.month}.{day.year}"},
            code="nonexistent_time",
        )
    return aware


def occurrence_times(
    *, start: dt.datetime, end: dt.datetime, recurrence: str, until: dt.date | None, cancelled: set[dt.date]
) -> list[tuple[dt.datetime, dt.datetime, bool]]:
    """(start, end, cancelled) of every date of an event. A series keeps its local wall-clock time
    across the changes to and from summer time: 18.00 stays 18.00 (as RRULE with a TZID does)."""
    local_start = timezone.localtime(start, HELSINKI).replace(tzinfo=None)
    length = timezone.localtime(end, HELSINKI).replace(tzinfo=None) - local_start
    if not recurrence or until is None:
        return [(start, end, local_start.date() in cancelled)]
    step = dt.timedelta(days=14 if recurrence == Recurrence.BIWEEKLY else 7)
    times, current = [], local_start
    while current.date() <= until:
        times.append(
            (current.replace(tzinfo=HELSINKI), (current + length).replace(tzinfo=HELSINKI), current.date() in cancelled)
        )
        current += step
    return times


# Validation -----------------------------------------------------------------------------------


def _add(errors: dict, key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _check_relations(data: dict, errors: dict) -> None:
    vocabularies = {"themes": Vocabulary.THEME, "target_groups": Vocabulary.TARGET_GROUP}
    for field, vocabulary in vocabularies.items():
        if any(not isinstance(t, Term) or t.vocabulary != vocabulary for t in data.get(field) or []):
            _add(errors, field, _("Choose from the list."))
    if any(not isinstance(language, Language) for language in data.get("languages") or []):
        _add(errors, "languages", _("Choose from the list."))


def _when(start: dt.datetime, end: dt.datetime) -> str:
    start, end = timezone.localtime(start, HELSINKI), timezone.localtime(end, HELSINKI)
    return f"{start.day}.{start.month}.{start.year} {start:%H.%M}–{end:%H.%M}"


def spaces_for(*, organisation: Organisation | None = None, body: PublicBody | None = None):
    """The spaces an organiser may name as its event's place: an NGO the spaces it has a confirmed
    booking of that has not ended, a body its own spaces."""
    if body is not None:
        return Space.objects.filter(body=body).select_related("municipality")
    booked = Booking.objects.filter(
        organisation=organisation, status=BookingStatus.CONFIRMED, end__gt=timezone.now()
    ).values("space_id")
    return Space.objects.filter(pk__in=booked).select_related("municipality")


def _check_space(event: Event, cancelled: list[dt.date], errors: dict) -> None:
    """A space is the event's place only when its organiser may use it then: an NGO needs a
    confirmed booking of the space that covers every date of the event (a booking still waiting
    for the manager's approval is not enough: the space may yet go to someone else); a body names
    its own spaces, whose use it arranges itself."""
    if not event.space_id or not (event.start and event.end):
        return
    if event.organiser_body_id:
        if event.space.body_id != event.organiser_body_id:
            _add(errors, "space", _("Choose one of your own spaces."))
        return
    slots = [
        (start, end)
        for start, end, is_cancelled in occurrence_times(
            start=event.start,
            end=event.end,
            recurrence=event.recurrence,
            until=event.recurrence_until,
            cancelled=set(cancelled),
        )
        if not is_cancelled
    ]
    if not slots:
        return
    bookings = list(
        Booking.objects.filter(
            space_id=event.space_id,
            organisation_id=event.organisation_id,
            status=BookingStatus.CONFIRMED,
            start__lt=slots[-1][1],
            end__gt=slots[0][0],
        ).values_list("start", "end")
    )
    missing = [(s, e) for s, e in slots if not any(b_start <= s and e <= b_end for b_start, b_end in bookings)]
    if missing:
        shown = ", ".join(_when(s, e) for s, e in missing[:5])
        if len(missing) > 5:
            shown += " …"
        _add(
            errors,
            "space",
            _(
                "Your NGO has no confirmed booking of this space for the time of the event (%(dates)s). "
                "Book the space first, or wait until the booking is approved, or change the time."
            )
            % {"dates": shown},
        )


def _copy_space_place(event: Event) -> None:
    """The space's name, street address and municipality become the event's place."""
    space = event.space
    for lang in LANGS:
        name = getattr(space, f"name_{lang}", "") or ""
        unit = getattr(space, f"unit_name_{lang}", "") or ""
        text = ", ".join(p for p in (name, unit) if p)[:200]
        setattr(event, f"place_name_{lang}", text if (name or lang == "fi") else "")
    event.street_address, event.postal_code = space.street_address, space.postal_code
    event.municipality_id = space.municipality_id
    event.municipality = space.municipality


def _validate(event: Event, data: dict, cancelled: list[dt.date]) -> None:
    """Raise one ValidationError with everything that is wrong, before anything is saved."""
    errors: dict[str, list[str]] = {}
    try:
        event.full_clean(exclude=["slug", "organisation", "organiser_body", *_TRANSLATED], validate_unique=False)
    except ValidationError as error:
        for field, texts in error.message_dict.items():
            if field != "__all__":
                for text in texts:
                    _add(errors, field, text)
    if not (event.name_fi or "").strip():
        _add(errors, "name_fi", _("Give the title in Finnish."))
    if event.start and event.end and event.end < event.start:
        _add(errors, "end", _("The event must end after it starts."))
    if event.recurrence:
        if event.recurrence_until is None:
            _add(errors, "recurrence_until", _("Give the last day of the series: a series must end."))
        elif event.start and event.recurrence_until < timezone.localtime(event.start, HELSINKI).date():
            _add(errors, "recurrence_until", _("The last day of the series must not be before its first day."))
        elif event.start and (event.recurrence_until - event.start.date()).days > MAX_SERIES_DAYS:
            _add(errors, "recurrence_until", _("A series can last a year at most. Add a new series for the next."))
        if (
            event.start
            and event.end
            and timezone.localtime(event.end, HELSINKI).date() != timezone.localtime(event.start, HELSINKI).date()
            and not event.all_day
        ):
            _add(errors, "end", _("A date of a series must end on the day it starts."))
    elif cancelled:
        _add(errors, "cancelled_dates", _("Only a date of a series can be cancelled; cancel the event itself."))
    _check_space(event, cancelled, errors)
    if event.municipality_id and event.municipality.kind not in PLACE_BODY_KINDS:
        _add(errors, "municipality", _("Choose a municipality, not a wellbeing services county."))
    if event.is_online and not event.online_url and not event.street_address:
        _add(errors, "online_url", _("Give the address of the online event."))
    if not event.is_online and not (event.street_address and event.municipality_id):
        _add(errors, "street_address", _("Give the street address and the municipality, or mark the event as online."))
    if event.image and not (event.image_alt_fi or "").strip():
        _add(errors, "image_alt_fi", _("Describe the image in a few words for those who cannot see it."))
    needs = {
        Registration.LINK: ("registration_url", _("Give the address of the registration page.")),
        Registration.EMAIL: ("registration_email", _("Give the e-mail address for registration.")),
        Registration.PHONE: ("registration_phone", _("Give the phone number for registration.")),
    }
    if event.registration in needs:
        field, message = needs[event.registration]
        if not getattr(event, field):
            _add(errors, field, message)
    if not event.is_free and not (event.price_fi or "").strip():
        _add(errors, "price_fi", _("Give the price, or mark the event as free of charge."))
    if event.activity_id and event.organisation_id and event.activity.organisation_id != event.organisation_id:
        _add(errors, "activity", _("Choose one of the NGO's own activities."))
    _check_relations(data, errors)
    if errors:
        raise ValidationError(errors, code="invalid")


def _apply(event: Event, data: dict) -> None:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable event fields: {sorted(unknown)}")
    for field, value in data.items():
        if field in _M2M:
            continue
        if value is None and field not in (
            "space",
            "municipality",
            "activity",
            "capacity",
            "recurrence_until",
            "start",
            "end",
        ):
            value = False if field in ("is_free", "is_online", "is_accessible", "all_day") else ""
        setattr(event, field, value)
    if event.all_day and event.start:
        # An all-day event runs from the first day's midnight to the midnight after its last day.
        first = timezone.localtime(event.start, HELSINKI).date()
        last = timezone.localtime(event.end, HELSINKI).date() if event.end else first
        if event.end and timezone.localtime(event.end, HELSINKI).time() == dt.time(0) and last > first:
            last -= dt.timedelta(days=1)
        event.start = dt.datetime.combine(first, dt.time(0), HELSINKI)
        event.end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), HELSINKI)
    if not event.recurrence:
        event.recurrence_until = None
    if event.space_id:
        _copy_space_place(event)
    if event.is_free:
        for lang in LANGS:
            setattr(event, f"price_{lang}", "")
    if event.registration == Registration.NOT_NEEDED:
        event.registration_url = event.registration_email = event.registration_phone = ""


def _check(by: User | None, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def _materialise(event: Event) -> None:
    cancelled = set(event.cancelled_dates.values_list("date", flat=True))
    event.occurrences.all().delete()
    Occurrence.objects.bulk_create(
        [
            Occurrence(event=event, start=start, end=end, is_cancelled=is_cancelled)
            for start, end, is_cancelled in occurrence_times(
                start=event.start,
                end=event.end,
                recurrence=event.recurrence,
                until=event.recurrence_until,
                cancelled=cancelled,
            )
        ]
    )


def _refresh_calendar(event: Event) -> None:
    """Rewrite the event's CalendarDay rows: one for each day of each date, in the calendar of all
    bodies and in each body's that approved it, while the event is public; none otherwise."""
    CalendarDay.objects.filter(event_id=event.pk).delete()
    public = event.status in PUBLIC_STATUSES
    bodies = (
        list(event.listings.filter(status=ListingStatus.APPROVED).values_list("body_id", flat=True)) if public else []
    )
    if bodies:
        CalendarDay.objects.bulk_create(
            [
                CalendarDay(body_id=body_id, day=day, start=occurrence.start, occurrence=occurrence, event_id=event.pk)
                for occurrence in event.occurrences.all()
                for day in local_days(occurrence.start, occurrence.end)
                for body_id in [None, *bodies]
            ]
        )
    indexing.index_coming(event)


def _set_cancelled_dates(event: Event, dates: list[dt.date]) -> None:
    event.cancelled_dates.exclude(date__in=dates).delete()
    existing = set(event.cancelled_dates.values_list("date", flat=True))
    CancelledDate.objects.bulk_create([CancelledDate(event=event, date=d) for d in sorted(set(dates) - existing)])


def _snapshot(event: Event) -> dict:
    values = audit.snapshot(event, AUDITED_FIELDS)
    values["cancelled_dates"] = [str(d) for d in event.cancelled_dates.values_list("date", flat=True)]
    return values


# Writing events -------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    by: User,
    data: dict,
    organisation: Organisation | None = None,
    body: PublicBody | None = None,
    cancelled_dates: list[dt.date] = (),
) -> Event:
    """A new event of an NGO (or of a body) as a draft; it is public only after it is submitted
    to a body's calendar and approved there."""
    if (organisation is None) == (body is None):
        raise ValueError("An event has one organiser: an NGO or a body.")
    _check(by, CHANGE, organisation or body)
    now = timezone.now()
    event = Event(organisation=organisation, organiser_body=body, created_at=now, updated_at=now, created_by=by)
    _apply(event, data)
    _validate(event, data, list(cancelled_dates))
    event.slug = unique_slug(Event.objects.all(), event.name_fi, fallback="tapahtuma", max_length=120)
    event.save()
    for field in _M2M:
        getattr(event, field).set(data.get(field) or [])
    _set_cancelled_dates(event, list(cancelled_dates))
    _materialise(event)
    audit.record(actor=by, obj=event, action="event_created", changes=audit.diff({}, _snapshot(event)))
    indexing.reindex(event)
    return event


def _is_trusted(event: Event, body_id: int) -> bool:
    if event.organiser_body_id:
        return event.organiser_body_id == body_id
    return TrustedOrganisation.objects.filter(body_id=body_id, organisation_id=event.organisation_id).exists()


@transaction.atomic
def event_update(*, by: User, event: Event, data: dict, cancelled_dates: list[dt.date] | None = None) -> Event:
    """Change an event. When the title, the time or the place of a published event changes, the
    bodies that do not trust its NGO moderate it again (it leaves their calendar until then);
    other changes show at once. The event page tells when it was last changed."""
    _check(by, CHANGE, event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = _snapshot(event)
    old_start = event.start
    _apply(event, data)
    dates = (
        cancelled_dates if cancelled_dates is not None else list(event.cancelled_dates.values_list("date", flat=True))
    )
    _validate(event, data, dates)
    significant = [f for f in SIGNIFICANT_FIELDS if f in data and before.get(f) != audit.snapshot(event, [f])[f]]
    if event.status in (EventStatus.PUBLISHED, EventStatus.POSTPONED) and "start" in significant:
        event.previous_start = old_start
        if event.status == EventStatus.POSTPONED:
            event.status = EventStatus.PUBLISHED  # a new time for a postponed event: it is rescheduled
    event.updated_at = timezone.now()
    event.save()
    for field in _M2M:
        if field in data:
            getattr(event, field).set(data[field] or [])
    if cancelled_dates is not None:
        _set_cancelled_dates(event, cancelled_dates)
    _materialise(event)
    if significant and event.status in (EventStatus.PUBLISHED, EventStatus.SUBMITTED):
        for listing in event.listings.filter(status=ListingStatus.APPROVED):
            if not _is_trusted(event, listing.body_id):
                listing.status, listing.decided_at, listing.decided_by = ListingStatus.PENDING, None, None
                listing.submitted_at = timezone.now()
                listing.save(update_fields=["status", "decided_at", "decided_by", "submitted_at"])
                _tell_editors(event, listing.body, changed=True)
        _recompute_status(event)
    _refresh_calendar(event)
    audit.record(actor=by, obj=event, action="updated", changes=audit.diff(before, _snapshot(event)))
    indexing.reindex(event)
    return event


def _recompute_status(event: Event) -> None:
    """An event in moderation is published when some body approved it, awaiting while some body has
    not decided, and not approved when every body said no. Cancelled and postponed stay as they are."""
    if event.status not in (EventStatus.SUBMITTED, EventStatus.PUBLISHED, EventStatus.REJECTED):
        return
    statuses = list(event.listings.values_list("status", "reason"))
    if any(s == ListingStatus.APPROVED for s, _r in statuses):
        status, reason = EventStatus.PUBLISHED, ""
    elif any(s == ListingStatus.PENDING for s, _r in statuses):
        status, reason = EventStatus.SUBMITTED, ""
    elif statuses:
        status, reason = EventStatus.REJECTED, "; ".join(r for s, r in statuses if r)[:500]
    else:
        status, reason = EventStatus.DRAFT, ""
    if (status, reason) != (event.status, event.status_reason):
        event.status, event.status_reason = status, reason
        event.save(update_fields=["status", "status_reason"])


@transaction.atomic
def event_submit(*, by: User, event: Event, bodies: list[PublicBody]) -> list[Listing]:
    """Send the event to the calendars of `bodies`. A body that trusts the NGO (or the body's own
    event) publishes it at once; the others put it in their editors' queue."""
    _check(by, CHANGE, event)
    if not bodies:
        raise ValidationError({"bodies": _("Choose at least one calendar.")}, code="no_bodies")
    if event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        raise ValidationError(_("A cancelled or postponed event cannot be submitted."), code="not_open")
    now = timezone.now()
    listings = []
    for body in bodies:
        listing, created = Listing.objects.get_or_create(event=event, body=body, defaults={"submitted_at": now})
        if not created and listing.status != ListingStatus.REJECTED:
            listings.append(listing)
            continue
        trusted = _is_trusted(event, body.pk)
        listing.status = ListingStatus.APPROVED if trusted else ListingStatus.PENDING
        listing.reason, listing.submitted_at = "", now
        listing.decided_at, listing.decided_by = (now, by) if trusted else (None, None)
        listing.save()
        listings.append(listing)
        audit.record(
            actor=by,
            obj=event,
            action="event_published" if trusted else "event_submitted",
            changes={"calendar": [None, body.name]},
        )
        if not trusted:
            _tell_editors(event, body)
    if event.status == EventStatus.DRAFT:
        event.status = EventStatus.SUBMITTED
        event.save(update_fields=["status"])
    _recompute_status(event)
    _refresh_calendar(event)
    return listings


def _body_language(body: PublicBody) -> str:
    return "sv" if body.language_status.startswith("sv") else "fi"


def _tell_editors(event: Event, body: PublicBody, *, changed: bool = False) -> None:
    """One e-mail to the body's event editors (its coordinators and officials): an event waits in
    their queue. An event a body publishes at once (its own, or a trusted NGO's) sends none: the
    editors trusted it so as not to be asked."""
    to = list(
        dict.fromkeys(
            User.objects.filter(body_roles__body=body, body_roles__role__in=EDITOR_ROLES, is_active=True)
            .exclude(email="")
            .order_by("pk")
            .values_list("email", flat=True)
        )
    )
    if to:
        mail.send(
            to=to,
            template="events/email/submitted",
            context={"event": event, "body": body, "changed": changed},
            language=_body_language(body),
        )


def _recipients(event: Event) -> list[str]:
    emails = [event.contact_email, getattr(event.created_by, "email", "")]
    if event.organisation_id and event.organisation.email:
        emails.append(event.organisation.email)
    return list(dict.fromkeys(e for e in emails if e))


@transaction.atomic
def listing_decide(*, by: User, listing: Listing, approve: bool, reason: str = "") -> Listing:
    """A body's event editor approves the event for the body's calendar, or rejects it with a reason.
    The NGO is told by e-mail either way."""
    _check(by, MODERATE, listing.body)
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Tell the organiser why the event was not approved.")}, code="no_reason")
    listing = Listing.objects.select_for_update().select_related("event", "body").get(pk=listing.pk)
    event = listing.event
    if event.status == EventStatus.DRAFT:
        raise ValidationError(_("The event has not been submitted."), code="not_submitted")
    listing.status = ListingStatus.APPROVED if approve else ListingStatus.REJECTED
    listing.reason = "" if approve else reason
    listing.decided_at, listing.decided_by = timezone.now(), by
    listing.save()
    _recompute_status(event)
    _refresh_calendar(event)
    audit.record(
        actor=by,
        obj=event,
        action="event_approved" if approve else "event_rejected",
        changes={"calendar": [None, listing.body.name]},
        message=listing.reason,
    )
    to = _recipients(event)
    if to:
        mail.send(
            to=to,
            template="events/email/decision",
            context={"event": event, "listing": listing, "approved": approve, "reason": listing.reason},
            language=_body_language(listing.body),
        )
    return listing


@transaction.atomic
def event_set_status(*, by: User, event: Event, status: str, reason: str = "") -> Event:
    """Cancel or postpone an event (it stays on the calendar, marked), or make a postponed or
    cancelled event current again."""
    _check(by, CHANGE, event)
    if status not in (EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.PUBLISHED):
        raise ValidationError({"status": _("Choose cancelled or postponed.")}, code="bad_status")
    event = Event.objects.select_for_update().get(pk=event.pk)
    old = event.status
    if old not in (EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.POSTPONED):
        raise ValidationError(_("Only a published event can be cancelled or postponed."), code="not_published")
    if status == EventStatus.PUBLISHED and not event.listings.filter(status=ListingStatus.APPROVED).exists():
        raise ValidationError(_("The event is not approved in any calendar."), code="not_approved")
    event.status, event.status_reason, event.updated_at = status, (reason or "").strip()[:500], timezone.now()
    event.save(update_fields=["status", "status_reason", "updated_at"])
    _refresh_calendar(event)
    audit.record(actor=by, obj=event, action="status_changed", changes={"status": [old, status]}, message=reason)
    return event


@transaction.atomic
def trust_set(*, by: User, body: PublicBody, organisation: Organisation, trusted: bool) -> None:
    """A coordinator marks an NGO trusted: its events are published in the body's calendar at once."""
    _check(by, MANAGE, body)
    if trusted:
        _obj, created = TrustedOrganisation.objects.get_or_create(
            body=body, organisation=organisation, defaults={"created_by": by}
        )
    else:
        created = bool(TrustedOrganisation.objects.filter(body=body, organisation=organisation).delete()[0])
    if created:
        audit.record(
            actor=by,
            obj=organisation,
            action="event_trust_added" if trusted else "event_trust_removed",
            changes={"calendar": [None, body.name]},
        )


# The bulletin ---------------------------------------------------------------------------------


@transaction.atomic
def bulletin_issue_save(*, by: User, body: PublicBody, data: dict, issue: BulletinIssue | None = None) -> BulletinIssue:
    """Create or change an issue of the body's bulletin: its period, submission deadline and language."""
    _check(by, MANAGE, body)
    if issue is not None and issue.body_id != body.pk:
        raise PermissionDenied
    issue = issue or BulletinIssue(body=body)
    for field in ("title", "period_start", "period_end", "deadline", "language", "is_published"):
        if field in data:
            setattr(issue, field, data[field])
    errors: dict[str, list[str]] = {}
    try:
        issue.full_clean(exclude=["body"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if issue.period_start and issue.period_end and issue.period_end < issue.period_start:
        _add(errors, "period_end", _("The last day must not be before the first day."))
    if (
        issue.deadline
        and issue.period_start
        and timezone.localtime(issue.deadline, HELSINKI).date() > issue.period_start
    ):
        _add(errors, "deadline", _("The deadline must be before the issue's first day."))
    if errors:
        raise ValidationError(errors, code="invalid")
    creating = issue.pk is None
    issue.save()
    audit.record(actor=by, obj=issue, action="created" if creating else "updated")
    return issue


# Booked spaces --------------------------------------------------------------------------------


def events_losing_their_space(bookings: list[Booking]) -> list[Event]:
    """Events (sent or published, not cancelled) whose place is a space of these cancelled bookings
    by the same NGO and which have a date in a cancelled booking's time."""
    found = {}
    for booking in bookings:
        if booking.organisation_id is None:
            continue
        events = Event.objects.filter(
            space_id=booking.space_id,
            organisation_id=booking.organisation_id,
            status__in=(EventStatus.SUBMITTED, EventStatus.PUBLISHED, EventStatus.POSTPONED),
            occurrences__start__lt=booking.end,
            occurrences__end__gt=booking.start,
            occurrences__is_cancelled=False,
        ).select_related("organisation", "created_by")
        for event in events:
            found.setdefault(event.pk, (event, []))[1].append(booking)
    return [event for event, _bookings in found.values()]


def tell_organiser_space_lost(*, bookings: list[Booking], **_kwargs) -> None:
    """The booking behind an announced event was cancelled: the NGO is told, so that it changes the
    place or cancels the event. The event itself is not changed: only the NGO knows what is right."""
    for event in events_losing_their_space(bookings):
        to = _recipients(event)
        if to:
            mail.send(
                to=to,
                template="events/email/space_lost",
                context={"event": event, "space": bookings[0].space},
                language=_body_language(bookings[0].space.body),
            )
