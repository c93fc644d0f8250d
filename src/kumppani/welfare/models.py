"""The NGO-friendly municipality index: a body's self-assessments of the criteria the platform
cannot compute, and the stored yearly result of every body (so the national table reads rows, not
the whole platform). The criteria themselves are code: `welfare.criteria`."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import PublicBody
from kumppani.core.validators import CleanTextMixin


class AssessedStatus(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class SelfAssessment(CleanTextMixin, models.Model):
    """The coordinator's assessment of one self-assessed criterion for one year, with its reason."""

    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    criterion = models.CharField(_("criterion"), max_length=40)
    status = models.CharField(_("assessment"), max_length=10, choices=AssessedStatus.choices)
    justification = models.TextField(_("justification"), max_length=2000)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed"), default=timezone.now)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "criterion"], name="welfare_one_assessment_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.year} {self.criterion}: {self.status}"


class IndexResult(models.Model):
    """A body's index for one year as last computed: the overall score, the seven dimension scores
    and each criterion's status, source, evidence and figures (a snapshot, reproducible with
    `criteria.score`)."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="welfare_index"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    overall = models.DecimalField(_("overall score"), max_digits=4, decimal_places=1)
    # {dimension key: score 0–100}
    dimensions = models.JSONField(_("dimension scores"), default=dict)
    # [{key, status, source ("computed" | "self" | "missing"), evidence {name, args, query}, figures,
    #   justification}] in the order of criteria.CRITERIA
    criteria = models.JSONField(_("criteria"), default=list)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("index result")
        verbose_name_plural = _("index results")
        ordering = ["-year", "-overall", "body__name"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="welfare_one_index_per_year")]
        indexes = [models.Index(fields=["year", "-overall"], name="welfare_index_year_score")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.year}: {self.overall}"


class Indicator(models.Model):
    """A Sotkanet indicator a welfare report can follow (ids and titles from Sotkanet, THL)."""

    sotkanet_id = models.PositiveIntegerField(_("Sotkanet id"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    organisation = models.CharField(_("producer"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sotkanet_id"]

    def __str__(self) -> str:
        return f"{self.sotkanet_id} {self.title}"


class Gender(models.TextChoices):
    TOTAL = "total", _("Total")
    MALE = "male", _("Men")
    FEMALE = "female", _("Women")


class IndicatorValue(models.Model):
    """One value of an indicator for a Sotkanet region and year; `area` is the public body the region
    is, where the platform knows it (the wellbeing services counties)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    region = models.PositiveIntegerField(_("Sotkanet region"))
    area = models.ForeignKey(
        PublicBody, verbose_name=_("area"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices, default=Gender.TOTAL)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3, null=True, blank=True)
    absolute_value = models.DecimalField(_("absolute value"), max_digits=14, decimal_places=3, null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "region", "year", "gender"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region", "year", "gender"], name="welfare_one_value")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.region} {self.year} {self.gender}: {self.value}"
