"""The welfare app's tables. The NGO-friendly municipality index: a body's self-assessments of the
criteria the platform cannot compute, and the stored yearly result of every body (so the national
table reads rows, not the whole platform); the criteria themselves are code: `welfare.criteria`.
Sotkanet's indicators and their values. The welfare report with its chapters."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.models import PublicBody, Term
from kumppani.core.validators import CleanTextMixin
from kumppani.organisations.models import Organisation


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
    # When its values were last fetched from Sotkanet's REST API (no new fetch within a day).
    fetched_at = models.DateTimeField(_("fetched from Sotkanet"), null=True, blank=True)

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
    is, where the platform knows it (the wellbeing services counties). A value the body's coordinator
    entered by hand has no region, only its area."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    region = models.PositiveIntegerField(_("Sotkanet region"), null=True, blank=True)
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
            models.UniqueConstraint(fields=["indicator", "region", "year", "gender"], name="welfare_one_value"),
            models.UniqueConstraint(
                fields=["indicator", "area", "year", "gender"],
                condition=models.Q(region__isnull=True),
                name="welfare_one_hand_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.region} {self.year} {self.gender}: {self.value}"


class ReportKind(models.TextChoices):
    TERM = "term", _("Welfare report and plan for the council term")
    YEARLY = "yearly", _("Yearly welfare report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    APPROVED = "approved", _("Approved by the council")


class WelfareReport(CleanTextMixin, models.Model):
    """A body's welfare report (hyvinvointikertomus): the four-year report and plan of a council term
    or the yearly report. Its chapters are written by the editors from the body's sectors and
    assembled by the NGO coordinator; it moves draft → review → approved (with the council's
    decision date and section), and an approved report is public and no longer changes."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="welfare_reports"
    )
    kind = models.CharField(_("kind"), max_length=6, choices=ReportKind.choices)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    council_decision_date = models.DateField(_("council's decision date"), null=True, blank=True)
    council_section = models.CharField(_("section (§)"), max_length=20, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("welfare report")
        verbose_name_plural = _("welfare reports")
        ordering = ["-first_year", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "kind", "first_year"], name="welfare_one_report_per_period"),
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")), name="welfare_report_years_in_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ChapterKind(models.TextChoices):
    THEME = "theme", _("Theme chapter")
    NGO = "ngo", _("Cooperation with NGOs (generated from the platform's data)")


class Chapter(CleanTextMixin, models.Model):
    """A theme of the report (e.g. loneliness, older people): the situation, goals, measures with the
    responsible parties, the indicators followed and an assessment. Its editors write it. The NGO
    chapter (kind "ngo") also shows figures computed from the platform's data (`welfare.ngo_chapter`);
    `frozen` keeps the figures and the evidence as they were when the council approved the report."""

    report = models.ForeignKey(WelfareReport, on_delete=models.CASCADE, related_name="chapters")
    kind = models.CharField(_("kind"), max_length=5, choices=ChapterKind.choices, default=ChapterKind.THEME)
    # {"figures": {language: [figure, ...]}, "evidence": {language: [evidence, ...]}, "generated": {field: text}}
    frozen = models.JSONField(_("figures and evidence at approval"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    theme = models.ForeignKey(
        Term,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"vocabulary": "theme"},
    )
    situation = models.TextField(_("situation"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    measures = models.TextField(_("measures and who is responsible"), blank=True)
    assessment = models.TextField(_("assessment"), blank=True)
    responsible_sectors = models.ManyToManyField(
        "cooperation.Sector", verbose_name=_("responsible sectors"), blank=True, related_name="+"
    )
    responsible_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("responsible NGOs"), blank=True, related_name="+"
    )
    indicators = models.ManyToManyField(Indicator, verbose_name=_("indicators"), blank=True, related_name="+")
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("editors"), blank=True, related_name="welfare_chapters"
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    # Two editors may have the chapter open at once: a save from an older page is refused.
    version = versioning.version_field()

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["report", "position", "pk"]

    def __str__(self) -> str:
        return self.title
