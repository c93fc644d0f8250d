"""Spaces that public bodies offer to NGOs, their opening hours and closed days, and bookings.

Times are stored as aware datetimes and shown in Europe/Helsinki. A booking is never deleted: it
moves requested → confirmed / rejected → cancelled, and the history stays readable.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation


class Equipment(models.TextChoices):
    PROJECTOR = "projector", _("Projector or screen")
    WIFI = "wifi", _("Wireless network")
    KITCHEN = "kitchen", _("Kitchen")
    SOUND = "sound", _("Sound system")
    INDUCTION_LOOP = "loop", _("Induction loop")
    WHITEBOARD = "whiteboard", _("Whiteboard")
    GYM = "gym", _("Sports equipment")
    PIANO = "piano", _("Piano")


class WhoMayBook(models.TextChoices):
    BODY_NGOS = "body_ngos", _("NGOs working in the body's area")
    ALL_NGOS = "all_ngos", _("Every NGO")


class Space(models.Model):
    """A room or hall a public body offers to NGOs, with its booking rules and prices."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    body = models.ForeignKey(PublicBody, verbose_name=_("offered by"), on_delete=models.PROTECT, related_name="spaces")
    unit_name = models.CharField(
        _("unit"), max_length=200, blank=True, help_text=_("E.g. the library, school or health centre.")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        PublicBody, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.PositiveIntegerField(_("number of people"))
    is_accessible = models.BooleanField(_("accessible"), default=False)
    accessibility_details = models.TextField(_("accessibility"), blank=True)
    # The chosen Equipment codes between spaces (" kitchen wifi "), so that one LIKE finds a code
    # on both databases without a join per filter.
    equipment_codes = models.CharField(_("equipment"), max_length=300, blank=True, default="")
    # Photos: SpacePhoto (several, in order, each with its description).
    min_minutes = models.PositiveIntegerField(_("shortest booking (minutes)"), default=60)
    max_minutes = models.PositiveIntegerField(_("longest booking (minutes)"), default=240)
    max_days_ahead = models.PositiveIntegerField(_("how far ahead (days)"), default=270)
    buffer_minutes = models.PositiveIntegerField(_("minutes between bookings"), default=0)
    who_may_book = models.CharField(
        _("who may book"), max_length=20, choices=WhoMayBook.choices, default=WhoMayBook.BODY_NGOS
    )
    price_own_ngos = models.DecimalField(
        _("hourly price for NGOs of the area (€)"), max_digits=8, decimal_places=2, default=Decimal("0")
    )
    price_public = models.DecimalField(
        _("public hourly price (€)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("What others pay. The value of free use is counted with this price."),
    )
    needs_approval = models.BooleanField(_("bookings need approval"), default=True)
    # The longest time (minutes from a start to its held_until) any booking or blocked time of the
    # space has held, kept only when it is over a day (SHORT_SPAN): the overlap queries read a
    # bounded range of the (space, start) index, from the window's start minus the longer of the two.
    longest_minutes = models.PositiveIntegerField(default=0, editable=False)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("named managers"), blank=True, related_name="managed_spaces"
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def equipment(self) -> list[str]:
        return self.equipment_codes.split()

    def equipment_labels(self) -> list[str]:
        return equipment_labels(self.equipment)


def equipment_labels(codes: list[str]) -> list[str]:
    """The names of the Equipment codes in the active language (unknown codes left out)."""
    labels = dict(Equipment.choices)
    return [str(labels[code]) for code in codes if code in labels]


class SpacePhoto(models.Model):
    """A photo of a space. Its description (alt text) is required in Finnish: a screen reader reads
    it to those who cannot see the photo."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="spaces/")
    alt = models.CharField(
        _("description of the photo"), max_length=300, help_text=_("What the photo shows, for screen readers.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo of a space")
        verbose_name_plural = _("photos of spaces")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt


class OpeningHours(models.Model):
    """When a space may be booked on one weekday (0 = Monday)."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    opens = models.TimeField(pgettext_lazy("opening hours", "opens"))
    closes = models.TimeField(pgettext_lazy("opening hours", "closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [models.UniqueConstraint(fields=["space", "weekday"], name="premises_one_opening_per_day")]

    def __str__(self) -> str:
        return f"{self.weekday}: {self.opens:%H.%M}–{self.closes:%H.%M}"


class ClosedDay(models.Model):
    """A day the space is closed besides the Finnish public holidays (which are always closed)."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("date"))
    note = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["space", "date"], name="premises_one_closed_day")]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.note}".strip()


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for approval")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


# Bookings in these statuses hold their time; the exclusion constraint covers only them.
ACTIVE_STATUSES = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)
# Bookings and blocked times up to a day long need no record in Space.longest_minutes.
SHORT_SPAN = dt.timedelta(days=1)


def overlap_floor(space: "Space", moment: dt.datetime) -> dt.datetime:
    """The earliest start of a booking of `space` that can still be held at `moment`."""
    return moment - max(SHORT_SPAN, dt.timedelta(minutes=space.longest_minutes))


class BookingSeries(models.Model):
    """A weekly booking (e.g. every Tuesday 17–19 from September to May): one Booking per date."""

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="series")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="booking_series")
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    first_date = models.DateField(_("first day"))
    last_date = models.DateField(_("last day"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("weekly booking")
        verbose_name_plural = _("weekly bookings")

    def __str__(self) -> str:
        return f"{self.space_id} {self.weekday} {self.start_time:%H.%M} {self.first_date}–{self.last_date}"


class Booking(models.Model):
    """A time an NGO holds a space, or a time the manager blocks (organisation is then empty)."""

    space = models.ForeignKey(Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="bookings")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("NGO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="space_bookings",
    )
    series = models.ForeignKey(BookingSeries, null=True, blank=True, on_delete=models.PROTECT, related_name="bookings")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("booked by"), on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    # end + the space's buffer at the time of booking: the time no other booking may overlap.
    held_until = models.DateTimeField()
    purpose = models.CharField(_("purpose"), max_length=300)
    people = models.PositiveIntegerField(_("number of people"), default=1)
    is_block = models.BooleanField(_("blocked by the manager"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=BookingStatus.choices)
    hourly_price = models.DecimalField(_("hourly price (€)"), max_digits=8, decimal_places=2, default=Decimal("0"))
    public_hourly_price = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["space", "start"], name="premises_booking_space_start"),
            models.Index(fields=["organisation", "start"], name="premises_booking_org_start"),
            models.Index(fields=["status", "space"], name="premises_booking_status"),
            # The space search's "free then": every space's bookings around a time, read from the index alone.
            models.Index(fields=["start", "held_until", "status", "space"], name="premises_booking_around"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="premises_booking_ends_after")
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.start:%Y-%m-%d %H:%M}"

    @property
    def hours(self) -> Decimal:
        return Decimal((self.end - self.start).total_seconds()) / Decimal(3600)
