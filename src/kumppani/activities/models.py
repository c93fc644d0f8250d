"""The activities' data: an NGO activity with its places, regular times and breaks; service paths
and their steps; saved client lists."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.collation import set_name_sort_keys
from kumppani.core.models import Language, PublicBody, Term, choice_label
from kumppani.core.validators import CleanTextMixin, validate_phone, validate_postal_code
from kumppani.organisations.models import Organisation

# An NGO is asked to confirm its activities twice a year; after a year without a confirmation
# an activity is stale: it shows a warning and leaves the default search results.
CONFIRM_INTERVAL = timedelta(days=182)
STALE_AFTER = timedelta(days=365)


class ActivityType(models.TextChoices):
    PEER_SUPPORT = "peer_support", _("Peer support group")
    SUPPORT_GROUP = "support_group", _("Support group")
    ADVICE = "advice", _("Advice and counselling")
    MEETING_PLACE = "meeting_place", _("Meeting place / drop-in")
    CLUB_HOUSE = "club_house", _("Club house")
    CRISIS_HELP = "crisis_help", _("Crisis help")
    VOLUNTEERING = "volunteering", _("Volunteering")
    RECREATION = "recreation", _("Recreation")
    TRAINING = "training", _("Training or lecture")
    OTHER = "other", _("Other activity")


class ActivityStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class ScheduleKind(models.TextChoices):
    RECURRING = "recurring", _("Regular times")
    BY_APPOINTMENT = "by_appointment", _("By appointment")


class JoinMethod(models.TextChoices):
    JUST_COME = "just_come", _("Just come")
    REGISTER = "register", _("Register in advance")
    REFERRAL = "referral", _("Referral by a professional")


class Activity(CleanTextMixin, models.Model):
    """An NGO's activity or service: a peer support group, advice, a meeting place, …"""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("web address"), max_length=140, unique=True)
    # The token of the form page that created the activity: the same page sent twice (a double click,
    # the back button) finds this activity instead of making a copy; the database keeps it unique.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.CASCADE, related_name="activities"
    )
    name = models.CharField(_("name"), max_length=250)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
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
    areas = models.ManyToManyField(
        PublicBody,
        verbose_name=_("whose residents may take part"),
        blank=True,
        related_name="activities",
        help_text=_("A wellbeing services county means all of its municipalities."),
    )
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online address"), blank=True)
    schedule_kind = models.CharField(
        _("schedule"), max_length=20, choices=ScheduleKind.choices, default=ScheduleKind.RECURRING
    )
    schedule_note = models.CharField(_("more about the times"), max_length=300, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    fee = models.DecimalField(_("fee (€)"), max_digits=8, decimal_places=2, null=True, blank=True)
    cost_description = models.CharField(_("about the cost"), max_length=300, blank=True)
    join_method = models.CharField(
        _("how to join"), max_length=20, choices=JoinMethod.choices, default=JoinMethod.JUST_COME
    )
    how_to_join = models.TextField(_("joining instructions"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    website = models.URLField(_("web site"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.ACTIVE)
    # Denormalised from the places so that the "accessible" filter needs no join.
    is_accessible = models.BooleanField(_("accessible"), default=False, editable=False)
    confirmed_at = models.DateTimeField(_("last confirmed"), default=timezone.now, db_index=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)
    version = versioning.version_field()
    sort_key_fi = models.CharField(max_length=250, db_index=True, editable=False, default="")
    sort_key_sv = models.CharField(max_length=250, db_index=True, editable=False, default="")
    sort_key_en = models.CharField(max_length=250, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "confirmed_at"], name="activity_status_idx"),
            # Covers the public listing's filter and its facet counts, so that counting tens of
            # thousands of activities reads this index and not the (wide) rows.
            models.Index(
                fields=["status", "confirmed_at", "organisation", "kind", "is_free", "is_online", "is_accessible"],
                name="activity_listing_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.set_sort_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", kwargs={"slug": self.slug})

    def get_kind_display(self) -> str:
        return choice_label(ActivityType, self.kind)

    def get_status_display(self) -> str:
        return choice_label(ActivityStatus, self.status)

    def get_join_method_display(self) -> str:
        return choice_label(JoinMethod, self.join_method)

    def set_sort_keys(self) -> None:
        """Derive the sort keys from the names (bulk_create callers call this themselves)."""
        set_name_sort_keys(self)

    @property
    def is_stale(self) -> bool:
        return self.confirmed_at < timezone.now() - STALE_AFTER

    @property
    def needs_confirmation(self) -> bool:
        return self.confirmed_at < timezone.now() - CONFIRM_INTERVAL


class Place(CleanTextMixin, models.Model):
    """Where an activity meets. An activity may have several places, or none when it is online."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=5, validators=[validate_postal_code])
    municipality = models.ForeignKey(
        PublicBody,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind__in": ["municipality", "city_county"]},
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(59), MaxValueValidator(71)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(19), MaxValueValidator(32)],
    )
    is_accessible = models.BooleanField(_("accessible without steps"), default=False)
    accessibility_details = models.CharField(_("accessibility details"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["id"]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.street_address) if part)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every other week")
    MONTHLY = "monthly", _("Once a month")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ScheduleRule(models.Model):
    """A regular meeting time: e.g. every Tuesday 17–19, or the first Monday of the month."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="schedule_rules")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    # For monthly rules: which weekday of the month (1–4, or -1 for the last one).
    week_of_month = models.SmallIntegerField(
        _("week of the month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-1), MaxValueValidator(4)],
    )
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    valid_from = models.DateField(_("first day"), null=True, blank=True)
    valid_until = models.DateField(_("last day"), null=True, blank=True)
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("regular time")
        verbose_name_plural = _("regular times")
        ordering = ["weekday", "start_time"]
        indexes = [models.Index(fields=["weekday", "start_time"], name="schedule_weekday_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="schedule_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H.%M}–{self.end_time:%H.%M}"

    def get_weekday_display(self) -> str:
        return choice_label(Weekday, self.weekday)

    def get_frequency_display(self) -> str:
        return choice_label(Frequency, self.frequency)


class ScheduleException(models.Model):
    """A date when the activity does not meet (or meets differently): holidays, summer break."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="schedule_exceptions")
    date = models.DateField(_("date"))
    until = models.DateField(_("until"), null=True, blank=True, help_text=_("For a break of several days."))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exception to the times")
        verbose_name_plural = _("exceptions to the times")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.day}.{self.date.month}.{self.date.year} {self.note}".strip()  # 5.12.2026


class ServicePath(CleanTextMixin, models.Model):
    """A body's service path (palvelupolku): ordered steps, some of them NGO activities."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="service_paths"
    )
    slug = models.SlugField(_("web address"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("service path")
        verbose_name_plural = _("service paths")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["body", "slug"], name="unique_path_slug")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("activities:path", kwargs={"body": self.body.slug, "slug": self.slug})


class StepKind(models.TextChoices):
    PUBLIC = "public", _("Public service")
    NGO = "ngo", _("NGO activity")


class PathStep(CleanTextMixin, models.Model):
    path = models.ForeignKey(ServicePath, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind of step"), max_length=10, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    link = models.URLField(_("link"), blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("NGO activities"), blank=True, related_name="path_steps"
    )

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["path", "position"]

    def __str__(self) -> str:
        return self.title


class ClientList(models.Model):
    """A list of activities a professional collected for a client (ohjauslista), shared by its link."""

    token = models.CharField(max_length=32, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fi")
    title = models.CharField(_("title"), max_length=200, blank=True)
    note = models.TextField(_("note to the client"), blank=True)
    activities = models.ManyToManyField(Activity, through="ClientListItem", related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("client list")
        verbose_name_plural = _("client lists")

    def __str__(self) -> str:
        return self.title or self.token

    def get_absolute_url(self) -> str:
        return reverse("activities:client_list", kwargs={"token": self.token})


class ClientListItem(models.Model):
    client_list = models.ForeignKey(ClientList, on_delete=models.CASCADE, related_name="items")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["client_list", "activity"], name="unique_client_list_item")]

    def __str__(self) -> str:
        return str(self.activity_id)
