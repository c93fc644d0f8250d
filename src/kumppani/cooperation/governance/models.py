"""Governance tables of the cooperation app: the NGO networks of an area (JANE-style), a body's
councils and working groups with their NGO seats, the nomination requests a body sends to a
network, and the partnership table's meetings with their action items."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.models import PublicBody, Term
from kumppani.organisations.models import Organisation

__all__ = [
    "ActionItem",
    "ExpertAnswer",
    "ExpertPurpose",
    "ExpertRequest",
    "ExpertRequestStatus",
    "GroupKind",
    "MeasureStatus",
    "Meeting",
    "MeetingKind",
    "Negotiation",
    "NegotiationMeasure",
    "NegotiationStatus",
    "NgoNetwork",
    "Nomination",
    "NominationRequest",
    "NominationStatus",
    "Seat",
    "WorkingGroup",
]


class NgoNetwork(models.Model):
    """A group of the NGOs of an area with its own chair (Pohjois-Karjala's JANE, a local
    Paikallis-JANE, Tampere's Järjestöedustamo). It nominates NGO representatives to the groups of
    the bodies of its area."""

    area = models.ForeignKey(PublicBody, verbose_name=_("area"), on_delete=models.PROTECT, related_name="ngo_networks")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("regional network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_networks",
    )
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("chair"), on_delete=models.PROTECT, related_name="chaired_networks"
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinators"), blank=True, related_name="coordinated_networks"
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("member NGOs"), blank=True, related_name="ngo_networks"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("NGO network")
        verbose_name_plural = _("NGO networks")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:network", args=[self.slug])


class GroupKind(models.TextChoices):
    OLDER_PEOPLE_COUNCIL = "older_people_council", _("Council for older people")
    DISABILITY_COUNCIL = "disability_council", _("Disability council")
    YOUTH_COUNCIL = "youth_council", _("Youth council")
    WORKING_GROUP = "working_group", _("Working group")
    STEERING_GROUP = "steering_group", _("Steering group")


class WorkingGroup(models.Model):
    """A council, working group or steering group of a body with seats for NGO representatives."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="working_groups"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=GroupKind.choices, default=GroupKind.WORKING_GROUP)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    ngo_seats = models.PositiveSmallIntegerField(_("seats for NGO representatives"), default=1)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("council or working group")
        verbose_name_plural = _("councils and working groups")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:group", args=[self.pk])


class NominationStatus(models.TextChoices):
    SENT = "sent", _("Waiting for the network's nominations")
    NOMINATED = "nominated", _("Nominated, waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class NominationRequest(models.Model):
    """A body asks a network to nominate NGO representatives (and their deputies) to a group."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="nomination_requests"
    )
    network = models.ForeignKey(
        NgoNetwork, verbose_name=_("NGO network"), on_delete=models.PROTECT, related_name="nomination_requests"
    )
    seats = models.PositiveSmallIntegerField(_("representatives"), default=1)
    deputies = models.BooleanField(_("each with a deputy"), default=True)
    deadline = models.DateField(_("nominations by"))
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    message = models.TextField(_("message to the network"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=NominationStatus.choices, default=NominationStatus.SENT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    nominated_at = models.DateTimeField(_("nominated"), null=True, blank=True)
    decided_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("nomination request")
        verbose_name_plural = _("nomination requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.group} ← {self.network}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:nomination_request", args=[self.pk])


class Nomination(models.Model):
    """One representative (and deputy) a network's chair nominated in answer to a request."""

    request = models.ForeignKey(
        NominationRequest, verbose_name=_("nomination request"), on_delete=models.CASCADE, related_name="nominations"
    )
    organisation = models.ForeignKey(Organisation, verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("representative"), max_length=200)
    email = models.EmailField(_("representative's e-mail"), blank=True)
    deputy_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("deputy's NGO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deputy_name = models.CharField(_("deputy"), max_length=200, blank=True)
    deputy_email = models.EmailField(_("deputy's e-mail"), blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Seat(models.Model):
    """An NGO representative's seat in a group for a term, with a deputy. Who sits where is public."""

    group = models.ForeignKey(WorkingGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="seats")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="governance_seats"
    )
    name = models.CharField(_("representative"), max_length=200)
    email = models.EmailField(_("representative's e-mail"), blank=True)
    deputy_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("deputy's NGO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governance_deputy_seats",
    )
    deputy_name = models.CharField(_("deputy"), max_length=200, blank=True)
    deputy_email = models.EmailField(_("deputy's e-mail"), blank=True)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.SET_NULL, related_name="seat")

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["term_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(term_end__gte=models.F("term_start")), name="seat_term_order")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class MeetingKind(models.TextChoices):
    PARTNERSHIP_TABLE = "partnership_table", _("Partnership table")
    NETWORK = "network", _("Network meeting")


class Meeting(models.Model):
    """A partnership table or network meeting of a body: date, agenda, participants and minutes.
    The agenda and participants are public; the minutes when approved."""

    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="+")
    network = models.ForeignKey(
        NgoNetwork, verbose_name=_("NGO network"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.PARTNERSHIP_TABLE
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("officials taking part"), blank=True, related_name="+"
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("NGOs taking part"), blank=True, related_name="governance_meetings"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:meeting", args=[self.pk])


class ActionItem(models.Model):
    """Something a meeting agreed to do, owned by an official or by an NGO, due on a date. It shows
    on the owners' own pages until it is marked done."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("what is to be done"), max_length=300)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("official responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governance_actions",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("NGO responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governance_actions",
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = versioning.version_field()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_user__isnull=False) | models.Q(owner_organisation__isnull=False),
                name="action_item_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ExpertPurpose(models.TextChoices):
    WELFARE_REPORT = "welfare_report", _("Welfare report")
    WORKING_GROUP = "working_group", _("Working group")
    EVENT = "event", _("Event")
    PLANNING = "planning", _("Planning of services")
    OTHER = "other", _("Other")


class ExpertRequestStatus(models.TextChoices):
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")
    FULFILLED = "fulfilled", _("Fulfilled")


class ExpertRequest(models.Model):
    """An official asks the NGOs of the area for expert help. The NGOs whose themes match are told
    by e-mail; the request is public, the answers are for the body's officials and the answering NGO."""

    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="+")
    sector = models.ForeignKey(
        "cooperation.Sector", verbose_name=_("sector"), on_delete=models.PROTECT, related_name="expert_requests"
    )
    topic = models.CharField(_("topic"), max_length=200)
    needed = models.TextField(_("what is needed"))
    purpose = models.CharField(_("for"), max_length=20, choices=ExpertPurpose.choices, default=ExpertPurpose.OTHER)
    deadline = models.DateField(_("answers by"))
    themes = models.ManyToManyField(
        Term, verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to={"vocabulary": "theme"}
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ExpertRequestStatus.choices, default=ExpertRequestStatus.OPEN
    )
    notified_count = models.PositiveIntegerField(_("NGOs told"), default=0)
    cooperation_form = models.ForeignKey(
        "cooperation.CooperationForm",
        verbose_name=_("recorded as cooperation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("expert request")
        verbose_name_plural = _("expert requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("cooperation:expert_request", args=[self.pk])


class ExpertAnswer(models.Model):
    """An NGO's offer of expert help in answer to a request."""

    request = models.ForeignKey(
        ExpertRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="answers"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="expert_answers"
    )
    text = models.TextField(_("what we offer"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("answered"), default=timezone.now)
    is_chosen = models.BooleanField(_("chosen"), default=False)

    class Meta:
        verbose_name = _("expert answer")
        verbose_name_plural = _("expert answers")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "organisation"], name="one_expert_answer_per_ngo")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.request}"


class NegotiationStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    AGREED = "agreed", _("Agreed")


class Negotiation(models.Model):
    """The yearly negotiation (vuosineuvottelu) of a county or municipality with the NGOs of its area
    on health-promotion goals, measures, cooperation and monitoring. It opens with last year's
    follow-up; once agreed, its record is fixed and printable."""

    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    previous = models.OneToOneField(
        "self",
        verbose_name=_("last year's negotiation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next",
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("NGOs taking part"), blank=True, related_name="governance_negotiations"
    )
    summary = models.TextField(_("what was agreed"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NegotiationStatus.choices, default=NegotiationStatus.PREPARING
    )
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("yearly negotiation")
        verbose_name_plural = _("yearly negotiations")
        ordering = ["-year", "pk"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="one_negotiation_per_body_year")]

    def __str__(self) -> str:
        return f"{self.body} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:negotiation", args=[self.pk])


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")


class NegotiationMeasure(models.Model):
    """An agreed goal and measure, who is responsible (sectors and NGOs), how it is measured and when
    it is followed up. A measure not done is carried over to next year's negotiation."""

    negotiation = models.ForeignKey(
        Negotiation, verbose_name=_("negotiation"), on_delete=models.CASCADE, related_name="measures"
    )
    goal = models.CharField(_("goal"), max_length=300)
    measure = models.TextField(_("measure"))
    sectors = models.ManyToManyField(
        "cooperation.Sector", verbose_name=_("responsible sectors"), blank=True, related_name="+"
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("responsible NGOs"), blank=True, related_name="governance_measures"
    )
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    monitoring_on = models.DateField(_("followed up on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED)
    follow_up = models.TextField(_("follow-up"), blank=True)
    carried_from = models.OneToOneField(
        "self",
        verbose_name=_("carried over from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_to",
    )
    version = versioning.version_field()

    class Meta:
        verbose_name = _("agreed measure")
        verbose_name_plural = _("agreed measures")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.goal
