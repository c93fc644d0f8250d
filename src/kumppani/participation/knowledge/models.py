"""Experiential knowledge reports (kokemustieto): what an NGO has seen among the people it works with,
sent to a public body, which acknowledges and answers it. Once sent, a report's public summary, its
figures, its recommendations and the quotes given with consent are public; the observations in full
are seen by the NGO and the body."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import PublicBody, Term, Vocabulary
from kumppani.organisations.models import Organisation

__all__ = ["KnowledgeQuote", "KnowledgeReport", "ReportStatus"]


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Received")
    ANSWERED = "answered", _("Answered")


PUBLIC_STATUSES = (ReportStatus.SENT, ReportStatus.ACKNOWLEDGED, ReportStatus.ANSWERED)


class KnowledgeReport(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.CASCADE, related_name="knowledge_reports"
    )
    body = models.ForeignKey(
        PublicBody, verbose_name=_("sent to"), on_delete=models.CASCADE, related_name="knowledge_reports"
    )
    title = models.CharField(_("title"), max_length=200)
    themes = models.ManyToManyField(
        Term, verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to={"vocabulary": Vocabulary.THEME}
    )
    target_groups = models.ManyToManyField(
        Term,
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.TARGET_GROUP},
    )
    area = models.CharField(_("area"), max_length=200, blank=True, help_text=_("For example a village or a district."))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    observations = models.TextField(_("what we have seen"))
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    contacts = models.PositiveIntegerField(_("contacts"), null=True, blank=True)
    members_heard = models.PositiveIntegerField(_("members heard"), null=True, blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    public_summary = models.TextField(_("public summary"))
    topic = models.CharField(
        _("topic of the welfare report"),
        max_length=100,
        blank=True,
        help_text=_("Optional: the topic of the municipal or county welfare report this belongs to."),
    )
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("received"), null=True, blank=True)
    response = models.TextField(_("the body's answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("knowledge report")
        verbose_name_plural = _("knowledge reports")
        ordering = ["-sent_at", "-created_at"]
        indexes = [models.Index(fields=["body", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="knowledge_period_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:knowledge_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class KnowledgeQuote(models.Model):
    """A resident's or member's own words, kept only with their consent to publish them."""

    report = models.ForeignKey(KnowledgeReport, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(_("quote"))
    consent = models.BooleanField(_("the person agreed to its publication"), default=False)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["report", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(consent=True), name="quote_with_consent")]

    def __str__(self) -> str:
        return self.text[:60]
