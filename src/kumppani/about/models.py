"""A body's privacy notice (the headings of the GDPR's article 13) and the feedback people send."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.models import PublicBody
from kumppani.core.validators import CleanTextMixin

TEXT_MAX = 5000


class PrivacyNotice(CleanTextMixin, models.Model):
    """What a body, as the controller, tells people about the personal data it processes in Kumppani.
    The rights of the data subject and the supervisory authority are the same for everyone and come
    from the template, so that no body can leave them out."""

    body = models.OneToOneField(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="privacy_notice"
    )
    controller = models.TextField(_("controller and its contact details"), max_length=TEXT_MAX)
    contact_person = models.TextField(_("contact person for the register"), max_length=TEXT_MAX, blank=True)
    data_protection_officer = models.TextField(_("data protection officer"), max_length=TEXT_MAX, blank=True)
    purposes = models.TextField(_("purposes and legal basis of the processing"), max_length=TEXT_MAX)
    data_categories = models.TextField(_("personal data processed"), max_length=TEXT_MAX)
    sources = models.TextField(_("where the data comes from"), max_length=TEXT_MAX, blank=True)
    recipients = models.TextField(_("who receives the data"), max_length=TEXT_MAX, blank=True)
    retention = models.TextField(_("how long the data is kept"), max_length=TEXT_MAX)
    version = versioning.version_field()
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")

    def __str__(self) -> str:
        return str(self.body)


class FeedbackTopic(models.TextChoices):
    SERVICE = "service", _("The service in general")
    CONTENT = "content", _("A mistake in the content")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    PRIVACY = "privacy", _("Privacy and personal data")


class Feedback(CleanTextMixin, models.Model):
    topic = models.CharField(_("topic"), max_length=20, choices=FeedbackTopic.choices, default=FeedbackTopic.SERVICE)
    body = models.ForeignKey(
        PublicBody,
        verbose_name=_("municipality or county"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=TEXT_MAX)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    page = models.CharField(_("page"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=5)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} {self.created_at:%d.%m.%Y}"
