"""The NGO register's data: an NGO (Organisation) with its contact persons, the people who
represent it (Membership), invitations by e-mail and requests to represent an NGO."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.collation import set_name_sort_keys
from kumppani.core.models import BodyRoleKind, Language, PublicBody, Term
from kumppani.core.validators import CleanTextMixin, validate_phone, validate_postal_code
from kumppani.organisations.validators import validate_association_id, validate_business_id


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    DISSOLVED = "dissolved", _("Dissolved")


def link_fields(path: str) -> tuple[str, ...]:
    """The NGO's fields that a link to it needs (slug, and name in every language), for `.only()`
    through the relation `path`: a list of NGOs need not load the rest of each register row."""
    return tuple(f"{path}__{name}" for name in ("slug", "name", "name_fi", "name_sv", "name_en"))


class Organisation(CleanTextMixin, models.Model):
    """An NGO (association, foundation or other non-profit) in the register."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=250)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    business_id = models.CharField(
        _("business ID"), max_length=9, blank=True, db_index=True, validators=[validate_business_id]
    )
    association_id = models.CharField(
        _("association register number"), max_length=12, blank=True, validators=[validate_association_id]
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
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
    areas = models.ManyToManyField(PublicBody, verbose_name=_("areas served"), blank=True, related_name="organisations")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    website = models.URLField(_("web site"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True, validators=[validate_postal_code])
    post_office = models.CharField(_("post office"), max_length=100, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OrganisationStatus.choices, default=OrganisationStatus.ACTIVE
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)
    version = versioning.version_field()
    # The name as each language sorts it (see core.collation.sort_key), kept by save(): ordering
    # by an indexed column is fast on both databases, where a collation function is not.
    sort_key_fi = models.CharField(max_length=250, db_index=True, editable=False, default="")
    sort_key_sv = models.CharField(max_length=250, db_index=True, editable=False, default="")
    sort_key_en = models.CharField(max_length=250, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("NGO")
        verbose_name_plural = _("NGOs")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "merged_into"], name="org_status_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.set_sort_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def set_sort_keys(self) -> None:
        """Derive the sort keys from the names (bulk_create callers call this themselves)."""
        set_name_sort_keys(self)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def org_identifier(self) -> str:
        return org_identifier(self.business_id)


def org_identifier(business_id: str) -> str:
    """The org-id.guide identifier of an NGO: FI-PRO-<business ID> where it has one."""
    return f"FI-PRO-{business_id}" if business_id else ""


class ContactPerson(models.Model):
    """A named contact person. Personal data: shown only to officials of the bodies the NGO serves."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contact_persons")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=150, blank=True, help_text=_("e.g. chair, secretary"))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    REPRESENTATIVE = "representative", _("Representative")
    ADMIN = "admin", _("Administrator")


class Membership(models.Model):
    """A person who may keep an NGO's information current."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.REPRESENTATIVE
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("NGO representative")
        verbose_name_plural = _("NGO representatives")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class InvitationKind(models.TextChoices):
    ORGANISATION = "organisation", _("NGO representative")
    BODY = "body", _("Role in a public body")


class Invitation(models.Model):
    """An invitation link sent by e-mail. Only a hash of the token is stored; the link expires."""

    kind = models.CharField(max_length=20, choices=InvitationKind.choices)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    membership_role = models.CharField(max_length=20, choices=MembershipRole.choices, blank=True)
    body = models.ForeignKey(PublicBody, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    body_role = models.CharField(max_length=20, choices=BodyRoleKind.choices, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Declined")


class MembershipRequest(models.Model):
    """A person who signed up asks to represent an NGO; a coordinator of a body it serves decides."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="membership_requests")
    message = models.TextField(_("message to the coordinator"), blank=True)
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("request to represent an NGO")
        verbose_name_plural = _("requests to represent an NGO")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(status="pending"),
                name="unique_pending_membership_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"
