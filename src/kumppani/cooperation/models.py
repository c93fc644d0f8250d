"""A body's sectors and NGO coordinators, the forms of cooperation it agrees with NGOs, and
whether each was realised in a period (the Salo model: not grants, only the cooperation).

A form of cooperation is never deleted: it moves proposed → active / declined → ended, and each
period's realisation stays with it. The governance models live in `governance/models.py`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core import versioning
from kumppani.core.models import PublicBody, choice_label
from kumppani.organisations.models import Organisation
from kumppani.premises.models import Booking, BookingSeries


class Sector(models.Model):
    """A sector (toimiala) of a public body, e.g. youth services, with the officials who work in it."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="sectors"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=120)
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("officials"), blank=True, related_name="cooperation_sectors"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["body", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "slug"], name="unique_sector_slug")]

    def __str__(self) -> str:
        return self.name


class CoordinatorContact(models.Model):
    """How the public reaches a body's NGO coordinator (the person has the body role `coordinator`)."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="coordinator_contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinator"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)

    class Meta:
        verbose_name = _("coordinator's contact details")
        verbose_name_plural = _("coordinators' contact details")
        constraints = [models.UniqueConstraint(fields=["body", "user"], name="unique_coordinator_contact")]

    def __str__(self) -> str:
        return f"{self.user} – {self.body}"


class Category(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    PRACTICAL = "practical", _("Practical")
    FINANCIAL = "financial", _("Financial")


class Kind(models.TextChoices):
    EXPERT_HELP = "expert_help", _("Expert help")
    SEAT = "seat", _("Seat in a working group or council")
    JOINT_EVENT = "joint_event", _("Joint event")
    COMMUNICATION = "communication", _("Communication channel")
    SERVICE_PATH = "service_path", _("Part of a service path")
    PREMISES = "premises", _("Premises")
    TRAINING = "training", _("Training")
    VOLUNTEERING = "volunteering", _("Volunteering")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", pgettext_lazy("in force", "Active")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended")


class ReviewPeriod(models.TextChoices):
    YEAR = "year", _("Yearly")
    HALF_YEAR = "half_year", _("Every half-year")


class CooperationForm(models.Model):
    """One agreed way a body's sector and one or more NGOs work together."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="cooperation_forms"
    )
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="forms")
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("NGOs"), through="Partner", related_name="cooperation_forms"
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible official"), on_delete=models.PROTECT, related_name="+"
    )
    ngo_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("NGO's contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    frequency = models.CharField(
        _("agreed frequency"), max_length=200, blank=True, help_text=_("E.g. monthly, twice a year.")
    )
    review_period = models.CharField(
        _("realisation reviewed"), max_length=10, choices=ReviewPeriod.choices, default=ReviewPeriod.YEAR
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    version = versioning.version_field()
    # When an NGO proposed the form: which one; the sector's official accepts or declines it.
    proposed_by = models.ForeignKey(
        Organisation, verbose_name=_("proposed by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.CharField(_("reason"), max_length=1000, blank=True)
    # A premises booking or weekly booking recorded as premises cooperation.
    booking = models.ForeignKey(Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    booking_series = models.ForeignKey(
        BookingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The end of the last period whose overdue review the responsible official was reminded of.
    reminded_for = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("form of cooperation")
        verbose_name_plural = _("forms of cooperation")
        ordering = ["-starts_on", "pk"]
        indexes = [models.Index(fields=["body", "status"], name="coop_form_body_status")]

    def __str__(self) -> str:
        return self.title

    # The labels from the enums: Django's get_FOO_display() rebuilds the choice list on every call,
    # and each card of a record or body page shows three of them.
    def get_category_display(self) -> str:
        return choice_label(Category, self.category)

    def get_kind_display(self) -> str:
        return choice_label(Kind, self.kind)

    def get_status_display(self) -> str:
        return choice_label(Status, self.status)


class Partner(models.Model):
    """An NGO in a form of cooperation, and whether its representative has confirmed the form."""

    form = models.ForeignKey(CooperationForm, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="cooperation_partnerships"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("NGO in a form of cooperation")
        verbose_name_plural = _("NGOs in forms of cooperation")
        constraints = [models.UniqueConstraint(fields=["form", "organisation"], name="unique_cooperation_partner")]

    def __str__(self) -> str:
        return f"{self.organisation_id} – {self.form_id}"


class Outcome(models.TextChoices):
    REALISED = "realised", _("Realised")
    PARTLY = "partly", _("Partly realised")
    NOT_REALISED = "not_realised", _("Not realised")


class Side(models.TextChoices):
    BODY = "body", _("Public body")
    NGO = "ngo", _("NGO")


class Realisation(models.Model):
    """Whether a form of cooperation was realised in one period, as each side sees it.

    `outcome` is the body's marking (only its officials set it); the NGO adds its own view."""

    form = models.ForeignKey(CooperationForm, on_delete=models.CASCADE, related_name="realisations")
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    body_note = models.TextField(_("the body's note"), blank=True)
    body_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body_marked_at = models.DateTimeField(null=True, blank=True)
    ngo_outcome = models.CharField(_("the NGO's view"), max_length=12, choices=Outcome.choices, blank=True)
    ngo_note = models.TextField(_("the NGO's note"), blank=True)
    ngo_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ngo_marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        ordering = ["form", "-period_start"]
        # The realisation summary looks up each form's outcome for a period: with the outcome in the
        # index, a large city's thousands of lookups need not read the rows.
        indexes = [models.Index(fields=["form", "period_start", "outcome"], name="coop_realisation_outcome")]
        constraints = [
            models.UniqueConstraint(fields=["form", "period_start"], name="unique_realisation_period"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="coop_realisation_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form_id} {self.period_start}–{self.period_end} {self.outcome}"

    def get_outcome_display(self) -> str:
        return choice_label(Outcome, self.outcome)

    def get_ngo_outcome_display(self) -> str:
        return choice_label(Outcome, self.ngo_outcome)


from kumppani.cooperation.governance.models import *  # noqa: E402,F403
