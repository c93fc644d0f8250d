"""Consultations (kuuleminen, lausuntopyyntö): a body asks NGOs, its councils and residents what they
think, and answers with a published response.

A consultation moves draft → open → closed → responded → finished. While open it takes statements
only between its opening and closing moments (Europe/Helsinki, exact to the second). It cannot be
finished (closed for good) before the body has published its response, which names the statements
that changed something.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.cooperation.governance.models import WorkingGroup
from kumppani.cooperation.models import Sector
from kumppani.core import versioning
from kumppani.core.models import PublicBody, Term
from kumppani.organisations.models import Organisation
from kumppani.participation.consultations.uploads import private_storage

__all__ = [
    "Consultation",
    "ConsultationDocument",
    "ConsultationResponse",
    "ConsultationSection",
    "ConsultationStatus",
    "ResidentComment",
    "ResponseLink",
    "Statement",
    "StatementAnswer",
    "StatementStatus",
]


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed, response pending")
    RESPONDED = "responded", _("Response published")
    FINISHED = "finished", _("Closed for good")


class Consultation(models.Model):
    """A body's (or a sector's) consultation with its audience: NGOs of areas or themes, named
    councils, residents."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="consultations"
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    opens_at = models.DateTimeField(pgettext_lazy("a consultation", "opens"))
    closes_at = models.DateTimeField(pgettext_lazy("a consultation", "closes"))
    status = models.CharField(
        _("status"), max_length=12, choices=ConsultationStatus.choices, default=ConsultationStatus.DRAFT
    )
    audience_areas = models.ManyToManyField(
        PublicBody, verbose_name=_("NGOs of these areas"), blank=True, related_name="+"
    )
    audience_themes = models.ManyToManyField(
        Term,
        verbose_name=_("NGOs of these themes"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "theme"},
    )
    councils = models.ManyToManyField(
        WorkingGroup, verbose_name=_("councils"), blank=True, related_name="consultations"
    )
    residents = models.BooleanField(_("residents may comment"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="consultation_time_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:consultation_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status != ConsultationStatus.DRAFT

    def accepts_statements(self, at=None) -> bool:
        """Open, and the moment is at or after opening and before closing (exact to the second)."""
        at = at or timezone.now()
        return self.status == ConsultationStatus.OPEN and self.opens_at <= at < self.closes_at

    def is_past_closing(self, at=None) -> bool:
        """The statements' time is over: closed by status, or open but past its closing moment."""
        at = at or timezone.now()
        return self.status in (
            ConsultationStatus.CLOSED,
            ConsultationStatus.RESPONDED,
            ConsultationStatus.FINISHED,
        ) or (self.status == ConsultationStatus.OPEN and at >= self.closes_at)

    @property
    def phase(self) -> str:
        """What the public sees: draft, upcoming, open, pending (no response yet), responded, finished."""
        now = timezone.now()
        if self.status == ConsultationStatus.DRAFT:
            return "draft"
        if self.status == ConsultationStatus.OPEN and now < self.opens_at:
            return "upcoming"
        if self.status == ConsultationStatus.OPEN and now < self.closes_at:
            return "open"
        if self.status in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED):
            return "pending"
        return self.status

    @property
    def days_since_closing(self) -> int:
        closed = min(self.closed_at or self.closes_at, self.closes_at)
        return max(0, (timezone.localdate() - timezone.localdate(closed)).days)


class ConsultationSection(models.Model):
    """A part of the consultation with its background text and the question asked about it."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("background"), blank=True)
    question = models.TextField(_("question"))
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class ConsultationDocument(models.Model):
    """A background document: private until the consultation is published (opened)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="participation/%Y/", storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("background document")
        verbose_name_plural = _("background documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")


class Statement(models.Model):
    """A statement on behalf of an NGO (drafted by a representative, sent by the NGO's admin) or of
    a council (from its meeting, with the minutes). Public after closing unless marked not public;
    a draft is the NGO's own."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="statements"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("NGO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_statements",
    )
    council = models.ForeignKey(
        WorkingGroup, verbose_name=_("council"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    summary = models.TextField(_("summary"), blank=True)
    is_public = models.BooleanField(_("public after closing"), default=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    minutes = models.FileField(
        pgettext_lazy("a council", "minutes"), upload_to="participation/%Y/", storage=private_storage, blank=True
    )
    minutes_name = models.CharField(_("minutes file name"), max_length=200, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, council__isnull=True)
                | models.Q(organisation__isnull=True, council__isnull=False),
                name="statement_one_author",
            ),
            models.UniqueConstraint(fields=["consultation", "organisation"], name="one_statement_per_ngo"),
            models.UniqueConstraint(fields=["consultation", "council"], name="one_statement_per_council"),
        ]

    def __str__(self) -> str:
        return str(self.organisation or self.council)

    def get_absolute_url(self) -> str:
        return reverse("participation:consultation_statement", args=[self.pk])

    @property
    def author(self):
        return self.organisation or self.council


class StatementAnswer(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    section = models.ForeignKey(ConsultationSection, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["section__position", "section_id"]
        constraints = [models.UniqueConstraint(fields=["statement", "section"], name="one_answer_per_section")]

    def __str__(self) -> str:
        return self.text[:60]


class ResidentComment(models.Model):
    """A resident's comment: signed in, or with a name and an e-mail address confirmed by a link.
    Shown once confirmed, unless a moderator has hidden it (with the reason)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        ConsultationSection,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("comment"))
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("resident's comment")
        verbose_name_plural = _("residents' comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:40]}"


class ConsultationResponse(models.Model):
    """The body's answer: what it heard and what it changed. Published before the consultation can
    be closed for good."""

    consultation = models.OneToOneField(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="response"
    )
    heard = models.TextField(_("what we heard"))
    changed = models.TextField(_("what we changed"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = versioning.version_field()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return str(self.consultation)


class ResponseLink(models.Model):
    """A statement that changed something, and what it changed."""

    response = models.ForeignKey(ConsultationResponse, on_delete=models.CASCADE, related_name="links")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="response_links")
    what_changed = models.TextField(_("what changed"))

    class Meta:
        verbose_name = _("statement that changed something")
        verbose_name_plural = _("statements that changed something")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["response", "statement"], name="one_link_per_statement")]

    def __str__(self) -> str:
        return self.what_changed[:60]
