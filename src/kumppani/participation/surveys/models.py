"""Surveys: questions in fi/sv/en, distribution links per NGO and channel, anonymous answers.

Anonymity is built into the tables: an answer (Response) keeps the survey, the NGO and the channel
whose link brought it, and the day it came. It has no user, no IP address, no session, no link token
and no time of day, so nothing in the database tells who answered, nor which single-use link (which
an NGO may have handed to a named person) was spent on it.
"""

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation

__all__ = ["Answer", "Choice", "DistributionLink", "Question", "QuestionKind", "Response", "Survey"]


def new_token() -> str:
    return secrets.token_urlsafe(18)


class Survey(models.Model):
    """A survey of a public body. A barometer survey (barometer_year set) has the fixed question set
    of the yearly NGO barometer, whose questions and choices carry stable keys across bodies and years."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="surveys"
    )
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    opens_at = models.DateTimeField(pgettext_lazy("a consultation", "opens"))
    closes_at = models.DateTimeField(pgettext_lazy("a consultation", "closes"))
    open_link = models.BooleanField(
        _("anyone may answer through the survey's own address"),
        default=False,
        help_text=_("Otherwise answers come only through the distribution links."),
    )
    results_published = models.BooleanField(_("results published"), default=False)
    barometer_year = models.PositiveSmallIntegerField(_("barometer year"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="survey_closes_after"),
            models.UniqueConstraint(
                fields=["body", "barometer_year"],
                condition=models.Q(barometer_year__isnull=False),
                name="one_barometer_per_body_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:survey_detail", args=[self.slug])

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Free text")


class Question(models.Model):
    """A question; shown only when `show_if_choice` (a choice of an earlier question) was chosen, if set."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    key = models.SlugField(_("key"), max_length=60, blank=True, help_text=_("Stable across barometer surveys."))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    scale_min = models.PositiveSmallIntegerField(_("scale from"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(_("label of the lowest value"), max_length=100, blank=True)
    scale_max_label = models.CharField(_("label of the highest value"), max_length=100, blank=True)
    show_if_choice = models.ForeignKey(
        "Choice",
        verbose_name=_("shown only when this was chosen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conditional_questions",
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)

    @property
    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    key = models.SlugField(_("key"), max_length=60, blank=True)
    label = models.CharField(_("choice"), max_length=300)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position", "pk"]

    def __str__(self) -> str:
        return self.label


class DistributionLink(models.Model):
    """An address that brings answers through an NGO and/or a channel (a newsletter, a meeting, a
    poster). A single-use link works once: `used` turns true, and nothing records which answer used it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=100, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    single_use = models.BooleanField(_("works once"), default=False)
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("distribution link")
        verbose_name_plural = _("distribution links")
        ordering = ["survey", "organisation__name", "channel", "pk"]

    def __str__(self) -> str:
        return " – ".join(part for part in (self.organisation.name if self.organisation else "", self.channel) if part)

    def get_absolute_url(self) -> str:
        return reverse("participation:survey_answer_link", args=[self.token])


class Response(models.Model):
    """One person's answers. Deliberately without a person, an IP address, a session, a link or a time
    of day: only what the reach and the channel filter need."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=100, blank=True)
    submitted_on = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["survey", "organisation", "channel"])]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    """The answer to one question: a choice (one row per chosen choice), a scale value or a text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self) -> str:
        return f"{self.question}: {self.choice or self.value or self.text[:50]}"
