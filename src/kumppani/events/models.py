"""Events of NGOs and public bodies, the bodies' calendars they are published in, and the bulletin.

A recurring event is stored as one Event with its recurrence rule (weekly or every other week until
a last day) and its cancelled dates: exactly what iCalendar calls RRULE and EXDATE, so the .ics and
the feeds write the series as one VEVENT that a phone shows correctly. For the calendar views each
date of the series is also kept as an Occurrence row, written by the services whenever the event
changes; a month view is then a range query on an index, however long the series are.

The place is a street address with its municipality, a space of the premises app that the NGO has
booked, or an online link. When a space is named, the services copy its name, street address and
municipality into the event's own place fields, so the calendar, the bulletin, the feeds, JSON-LD
and the API show the space's place without reading the premises tables.
"""

import datetime as dt
import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.activities.models import Activity
from kumppani.core.models import Language, PublicBody, Term
from kumppani.organisations.models import Organisation
from kumppani.premises.models import Space

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not approved")
    CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("event", "Postponed")


# Statuses a resident sees: a cancelled or postponed event stays on the calendar, marked as such.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.POSTPONED)


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every other week")


class Registration(models.TextChoices):
    NOT_NEEDED = "not_needed", _("No registration needed")
    LINK = "link", _("Register on a web page")
    EMAIL = "email", _("Register by e-mail")
    PHONE = "phone", _("Register by phone")


class Event(models.Model):
    """An event organised by an NGO (or by a public body itself)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("web address"), max_length=140, unique=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    organiser_body = models.ForeignKey(
        PublicBody,
        verbose_name=_("organised by the public body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_events",
    )
    name = models.CharField(_("title"), max_length=200)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence = models.CharField(_("repeats"), max_length=10, choices=Recurrence.choices, blank=True, default="")
    recurrence_until = models.DateField(_("last day of the series"), null=True, blank=True)
    # The place (or online). See the module docstring for the premises seam.
    place_name = models.CharField(_("name of the place"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        PublicBody,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind__in": ["municipality", "city_county"]},
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("booked space"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("A space your NGO has a confirmed booking for at the time of the event."),
    )
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online address"), blank=True)
    themes = models.ManyToManyField(
        Term, verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to={"vocabulary": "theme"}
    )
    target_groups = models.ManyToManyField(
        Term,
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "target_group"},
    )
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True, related_name="+")
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(_("price"), max_length=200, blank=True, help_text=_("For example: 5 €, children free."))
    registration = models.CharField(
        _("registration"), max_length=12, choices=Registration.choices, default=Registration.NOT_NEEDED
    )
    registration_url = models.URLField(_("registration page"), blank=True)
    registration_email = models.EmailField(_("registration e-mail"), blank=True)
    registration_phone = models.CharField(_("registration phone"), max_length=40, blank=True)
    capacity = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    is_accessible = models.BooleanField(_("accessible without steps"), default=False)
    accessibility_info = models.CharField(_("accessibility details"), max_length=500, blank=True)
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity of the NGO"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    status_reason = models.CharField(_("reason"), max_length=500, blank=True)
    # The start before a published event was moved: schema.org's EventRescheduled and previousStartDate.
    previous_start = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["status", "start"], name="event_status_start_idx"),
            # The API's and the feeds' time order over every status: read in order, stopped at a page.
            # With the status and the end, a walk that tests each event needs no row of the table.
            models.Index(fields=["start", "id", "status", "end"], name="event_time_order_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(organiser_body__isnull=False),
                name="event_has_organiser",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_manage_url(self) -> str:
        """The organiser's own list of events, where this one is changed and sent."""
        if self.organisation_id:
            return reverse("events:manage", args=[self.organisation.slug])
        return reverse("events:body_manage", args=[self.organiser_body.slug])

    def get_edit_url(self) -> str:
        if self.organisation_id:
            return reverse("events:edit", args=[self.organisation.slug, self.slug])
        return reverse("events:body_edit", args=[self.organiser_body.slug, self.slug])

    @property
    def organiser(self):
        return self.organisation or self.organiser_body

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_series(self) -> bool:
        return bool(self.recurrence)

    @property
    def local_start(self) -> dt.datetime:
        return timezone.localtime(self.start, HELSINKI)

    @property
    def local_end(self) -> dt.datetime:
        return timezone.localtime(self.end, HELSINKI)

    def location_text(self) -> str:
        parts = [self.place_name, self.street_address]
        town = " ".join(p for p in (self.postal_code, self.municipality.name if self.municipality_id else "") if p)
        return ", ".join(p for p in [*parts, town] if p)


class CancelledDate(models.Model):
    """One date of a series that does not take place (EXDATE)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="cancelled_dates")
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["event", "date"], name="unique_cancelled_date")]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}"


class Occurrence(models.Model):
    """One date of an event, derived from it by the services; the calendar views read these."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField()
    end = models.DateTimeField()
    is_cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "event_id"]
        indexes = [
            models.Index(fields=["start", "end"], name="occurrence_range_idx"),
            # The dates of a set of events in a period (a body's calendar, a search's matches).
            models.Index(fields=["event", "start"], name="occurrence_event_start_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} {self.start:%Y-%m-%d %H:%M}"

    @property
    def local_start(self) -> dt.datetime:
        return timezone.localtime(self.start, HELSINKI)

    @property
    def local_end(self) -> dt.datetime:
        return timezone.localtime(self.end, HELSINKI)


class CalendarDay(models.Model):
    """A day of a public event in a calendar: one row for each day an occurrence touches (in
    Helsinki), in each body's calendar that approved the event and in the calendar of all bodies
    (body empty). Written by the services whenever an event, its dates, its status or its listings
    change; only public events (published, cancelled, postponed, approved somewhere) have rows.

    A calendar's month, week, day and list views and its feeds read a range of (body, day) from one
    index, so a busy body's month costs the same as a quiet one's, and a window over the day gives
    each day's first few events and its count in one query."""

    body = models.ForeignKey(
        PublicBody, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    day = models.DateField()
    start = models.DateTimeField()
    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["body", "day", "start", "event", "occurrence"], name="calendarday_body_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.event_id}"


def local_days(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    """The days in Helsinki that [start, end) touches (at least the day it starts)."""
    first = timezone.localtime(start, HELSINKI).date()
    final = (timezone.localtime(end, HELSINKI) - dt.timedelta(microseconds=1)).date()
    return [first + dt.timedelta(days=n) for n in range(max((final - first).days, 0) + 1)]


class ListingStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class Listing(models.Model):
    """An event submitted to one body's calendar, with that body's own decision."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="listings")
    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=ListingStatus.choices, default=ListingStatus.PENDING)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("calendar listing")
        verbose_name_plural = _("calendar listings")
        ordering = ["submitted_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "body"], name="unique_event_listing")]
        # A body's queue, and its approved events read from the index alone (calendar, feeds, API).
        # An event's approved listings (is it public?) from the index alone, too.
        indexes = [
            models.Index(fields=["body", "status", "event"], name="listing_body_status_event_idx"),
            models.Index(fields=["event", "status"], name="listing_event_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.body}"


class TrustedOrganisation(models.Model):
    """An NGO whose events a body publishes without moderation."""

    body = models.ForeignKey(PublicBody, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "organisation"], name="unique_trusted_organisation")]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.body}"


class BulletinLanguage(models.TextChoices):
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    BOTH = "fi_sv", _("Finnish and Swedish side by side")


class BulletinIssue(models.Model):
    """One issue of a body's printed bulletin (kaupunkitiedote): the events of a period, of those
    submitted by the issue's deadline."""

    body = models.ForeignKey(PublicBody, on_delete=models.CASCADE, related_name="bulletin_issues")
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    deadline = models.DateTimeField(_("submission deadline"))
    language = models.CharField(
        _("language"), max_length=5, choices=BulletinLanguage.choices, default=BulletinLanguage.FI
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")
        ordering = ["period_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="bulletin_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title
