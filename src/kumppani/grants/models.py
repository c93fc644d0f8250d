"""The grants data: a body's grant programmes (with their assessment criteria and extra
questions), the NGOs' applications (budget, other funding, answers, attachments, completion
requests), reviews and scores, board meetings and decisions, instalments and usage reports.

Only the shape of the data lives here; which status may follow which is in `grants.workflow`,
and every change is made by the domain functions in `grants.services`.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.activities.models import Activity
from kumppani.core import versioning
from kumppani.core.models import PublicBody, Term
from kumppani.core.validators import CleanTextMixin, validate_iban, validate_phone
from kumppani.grants.uploads import private_storage
from kumppani.organisations.models import Organisation


def money(verbose_name, **kwargs):
    """Euros and cents, never floats."""
    kwargs.setdefault("validators", [MinValueValidator(Decimal("0"))])
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class ProgrammeKind(models.TextChoices):
    OPERATING = "operating", _("Operating grant")
    PROJECT = "project", _("Project grant")
    PREMISES = "premises", _("Premises grant")
    SMALL = "small", _("Small grant, open all year")


class AttachmentKind(models.TextChoices):
    RULES = "rules", _("Rules of the association")
    ACTION_PLAN = "action_plan", _("Action plan")
    BUDGET = "budget", _("Budget")
    FINANCIAL_STATEMENTS = "financial_statements", _("Financial statements")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    AUDIT_REPORT = "audit_report", _("Auditor's or operations inspector's report")
    OTHER = "other", _("Other attachment")


class GrantProgramme(CleanTextMixin, models.Model):
    """A body's grant round for a year (avustuslaji), with its principles and criteria."""

    body = models.ForeignKey(
        PublicBody, verbose_name=_("public body"), on_delete=models.PROTECT, related_name="grant_programmes"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    slug = models.SlugField(_("web address"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    description = models.TextField(_("description"), blank=True)
    principles = models.TextField(_("grant principles"), blank=True)
    appropriation = money(_("appropriation (€)"))
    max_amount = money(_("largest grant (€)"), null=True, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Empty for a programme open all year.")
    )
    requires_registered = models.BooleanField(_("only registered associations"), default=True)
    requires_serving_body = models.BooleanField(_("only NGOs serving the body's residents"), default=True)
    eligible_themes = models.ManyToManyField(
        Term, verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to={"vocabulary": "theme"}
    )
    # The body's sector (toimiala) whose money the programme gives, for the welfare report's grants
    # by sector; one of the programme's body's sectors (grants.services.programmes checks it).
    sector = models.ForeignKey(
        "cooperation.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_programmes",
    )
    required_attachments = models.JSONField(_("required attachments"), default=list, blank=True)
    conditions = models.TextField(_("grant conditions"), blank=True)
    report_due = models.DateField(_("usage report due"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    version = versioning.version_field()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("grant programme")
        verbose_name_plural = _("grant programmes")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "year", "slug"], name="unique_programme_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:programme", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        """The name with the year, in the active language: "Yleisavustukset 2027" — and a name that
        already says its year ("Kesäavustukset 2027") is not given it twice."""
        name = self.name or ""
        return name if str(self.year) in name else f"{name} {self.year}".strip()

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now and (self.closes_at is None or now < self.closes_at)


class Criterion(models.Model):
    """An assessment criterion with its weight; reviewers score each from 0 to 5."""

    programme = models.ForeignKey(GrantProgramme, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """An extra question of the programme's application form."""

    programme = models.ForeignKey(GrantProgramme, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    COMPLETION_REQUESTED = "completion_requested", _("Completion requested")
    IN_REVIEW = "in_review", _("In review")
    PROPOSED = "proposed", _("Proposed to the board")
    DECIDED = "decided", _("Decided")
    PAID = "paid", _("Paid")
    REPORTED = "reported", _("Usage report filed")
    APPROVED = "approved", _("Usage report approved")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    RECOVERY = "recovery", _("Marked for recovery")


class Application(CleanTextMixin, models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    programme = models.ForeignKey(
        GrantProgramme, verbose_name=_("grant programme"), on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="grant_applications"
    )
    status = models.CharField(
        _("status"), max_length=24, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    title = models.CharField(_("what the grant is for"), max_length=250)
    purpose = models.TextField(_("purpose and activities"), blank=True)
    target_groups = models.ManyToManyField(
        Term,
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "target_group"},
    )
    themes = models.ManyToManyField(
        Term, verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to={"vocabulary": "theme"}
    )
    expected_outcomes = models.TextField(_("expected outcomes"), blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("activities funded"), blank=True, related_name="grant_applications"
    )
    amount_requested = money(_("amount applied for (€)"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True, validators=[validate_phone])
    # Where the grant is paid; the decision letter names it. Stored as formatted by normalise_iban.
    bank_account = models.CharField(_("bank account (IBAN)"), max_length=42, blank=True, validators=[validate_iban])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Incremented on every save of the draft, so that a stale form cannot overwrite newer work.
    version = models.PositiveIntegerField(default=1)
    recovery_amount = money(_("amount to recover (€)"), null=True, blank=True)
    recovery_reason = models.TextField(_("reason for recovery"), blank=True)

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["programme", "status"], name="application_programme_idx")]

    def __str__(self) -> str:
        return f"{self.reference} {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("grants:application", kwargs={"pk": self.pk})


class BudgetLineKind(models.TextChoices):
    INCOME = "income", _("Income")
    EXPENSE = "expense", _("Expense")


class BudgetLine(models.Model):
    """A line of the budget; the usage report fills in what actually came in and went out."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("kind"), max_length=10, choices=BudgetLineKind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(_("item"), max_length=200)
    amount = money(_("budgeted (€)"))
    actual_amount = money(_("actual (€)"), null=True, blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["kind", "position", "id"]

    def __str__(self) -> str:
        return f"{self.description} {self.amount} €"


class FundingSource(models.TextChoices):
    STEA = "stea", _("STEA")
    MUNICIPALITY = "municipality", _("Another municipality")
    COUNTY = "county", _("Wellbeing services county")
    STATE = "state", _("Other state funding")
    OTHER = "other", _("Other source")


class FundingStatus(models.TextChoices):
    APPLIED = "applied", _("Applied for")
    GRANTED = "granted", _("Granted")


class OtherFunding(models.Model):
    """Other public funding the NGO declared: STEA, other municipalities, the county."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="other_funding")
    source = models.CharField(_("source"), max_length=20, choices=FundingSource.choices)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    amount = money(_("amount (€)"))
    status = models.CharField(_("status"), max_length=10, choices=FundingStatus.choices)
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("other funding")
        verbose_name_plural = _("other funding")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.amount} €"


class Answer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="unique_answer")]

    def __str__(self) -> str:
        return self.text[:50]


class AttachmentStage(models.TextChoices):
    APPLICATION = "application", _("Application")
    COMPLETION = "completion", _("Completion")
    USAGE_REPORT = "usage_report", _("Usage report")


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    stage = models.CharField(max_length=20, choices=AttachmentStage.choices, default=AttachmentStage.APPLICATION)
    kind = models.CharField(_("kind"), max_length=30, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to="grants/%Y/", storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.original_name


class CompletionRequest(models.Model):
    """The official's request to complete an application (täydennyspyyntö), with a deadline."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="completion_requests")
    message = models.TextField(_("what is missing"))
    deadline = models.DateTimeField(_("deadline"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    response = models.TextField(_("reply"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("completion request")
        verbose_name_plural = _("completion requests")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.application} {self.requested_at:%d.%m.%Y}"


class ReviewAssignment(models.Model):
    """One reviewer's review of one application. Each reviewer has their own row."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_reviews")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)
    has_conflict = models.BooleanField(_("conflict of interest"), default=False)
    conflict_reason = models.CharField(_("reason for the conflict of interest"), max_length=300, blank=True)
    proposed_amount = money(_("proposed amount (€)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="unique_review")]
        # The programme summary's version reads the last change of each application's reviews.
        indexes = [models.Index(fields=["application", "updated_at"], name="review_changed_idx")]

    def __str__(self) -> str:
        return f"{self.application} – {self.reviewer}"


class Score(models.Model):
    review = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="unique_score")]

    def __str__(self) -> str:
        return f"{self.criterion} {self.score}"


class MeetingStatus(models.TextChoices):
    PREPARING = "preparing", _("Proposal being prepared")
    PROPOSED = "proposed", _("Proposal ready")
    DECIDED = "decided", _("Decided")


class BoardMeeting(CleanTextMixin, models.Model):
    """The board meeting (lautakunta) and section (§) that decides a programme's grants."""

    body = models.ForeignKey(PublicBody, on_delete=models.PROTECT, related_name="board_meetings")
    programme = models.ForeignKey(GrantProgramme, on_delete=models.PROTECT, related_name="meetings")
    board_name = models.CharField(_("board"), max_length=200)
    date = models.DateField(_("meeting date"))
    section = models.CharField(_("section (§)"), max_length=20)
    # Printed in the instructions for requesting rectification on every decision letter.
    rectification_address = models.TextField(
        _("where to send a request for rectification"),
        blank=True,
        help_text=_("The registry's postal address, visiting address and e-mail address."),
    )
    status = models.CharField(max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PREPARING)
    secretary = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateField(_("decision notified"), null=True, blank=True)
    version = versioning.version_field()

    class Meta:
        verbose_name = _("board meeting")
        verbose_name_plural = _("board meetings")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.board_name} {self.date:%d.%m.%Y} § {self.section}"


class Decision(models.Model):
    """The proposal for one application and, once the board has met, its decision."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="decision")
    meeting = models.ForeignKey(BoardMeeting, on_delete=models.PROTECT, related_name="decisions")
    proposed_amount = money(_("proposed amount (€)"))
    proposal_reasoning = models.TextField(_("reasoning for the proposal"), blank=True)
    amount = money(_("granted amount (€)"), null=True, blank=True)
    reasoning = models.TextField(_("reasoning"), blank=True)
    conditions = models.TextField(_("grant conditions"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        # The programme summary's version reads the last change of each application's decision.
        indexes = [models.Index(fields=["application", "updated_at"], name="decision_changed_idx")]

    def __str__(self) -> str:
        return f"{self.application} {self.amount if self.amount is not None else self.proposed_amount} €"


class InstalmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")


class Instalment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="instalments")
    due_date = models.DateField(_("payment date"))
    amount = money(_("amount (€)"))
    status = models.CharField(
        _("status"), max_length=10, choices=InstalmentStatus.choices, default=InstalmentStatus.PLANNED
    )
    paid_at = models.DateField(_("paid"), null=True, blank=True)

    class Meta:
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.due_date:%d.%m.%Y} {self.amount} €"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


class UsageReport(models.Model):
    """The report on the use of a grant (käyttöselvitys)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="usage_report")
    due_date = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    achievements = models.TextField(_("what was achieved"), blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("comment"), blank=True)
    reminder_before_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_after_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("usage report")
        verbose_name_plural = _("usage reports")

    def __str__(self) -> str:
        return f"{self.application} ({self.get_status_display()})"
