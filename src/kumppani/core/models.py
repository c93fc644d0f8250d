"""Core's tables: public bodies (municipalities and wellbeing services counties), users and their
roles in a body, the shared vocabularies and languages, the audit history, the e-mail outbox, the
runs of scheduled jobs and the search index."""

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    COUNTY = "county", _("Wellbeing services county")
    CITY_COUNTY = "city_county", _("City arranging its own social and health services")


class LanguageStatus(models.TextChoices):
    FINNISH = "fi", _("Finnish-speaking")
    SWEDISH = "sv", _("Swedish-speaking")
    BILINGUAL_FI = "fi_sv", _("Bilingual, Finnish majority")
    BILINGUAL_SV = "sv_fi", _("Bilingual, Swedish majority")


def choice_label(choices: type[models.Choices], value) -> str:
    """`value`'s label in `choices`, as a model's get_FOO_display() gives it. Django's own method
    rebuilds the field's whole choice list on every call (20–50 µs), and a page of results or an
    export calls it hundreds of times; the models whose lists are long define theirs with this."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


class PublicBody(models.Model):
    """A municipality, a wellbeing services county or the City of Helsinki.

    Every official acts within one body; NGOs are shared between bodies.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    code = models.CharField(_("code"), max_length=8, help_text=_("Statistics Finland code"))
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    language_status = models.CharField(
        _("language status"), max_length=5, choices=LanguageStatus.choices, default=LanguageStatus.FINNISH
    )
    region_code = models.CharField(_("region code"), max_length=4, blank=True)
    region_name = models.CharField(_("region"), max_length=100, blank=True)
    county = models.ForeignKey(
        "self",
        verbose_name=_("wellbeing services county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipalities",
        limit_choices_to={"kind__in": [BodyKind.COUNTY, BodyKind.CITY_COUNTY]},
    )
    website = models.URLField(_("web site"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("public body")
        verbose_name_plural = _("public bodies")
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="unique_body_kind_code")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:body", kwargs={"slug": self.slug})

    def get_kind_display(self) -> str:
        return choice_label(BodyKind, self.kind)

    @property
    def is_bilingual(self) -> bool:
        return self.language_status in (LanguageStatus.BILINGUAL_FI, LanguageStatus.BILINGUAL_SV)

    @property
    def is_county(self) -> bool:
        return self.kind in (BodyKind.COUNTY, BodyKind.CITY_COUNTY)

    def area_body_ids(self):
        """The bodies that serve this body's residents, and so share its NGOs, activities and grant
        history: a municipality with its county; a county (or Helsinki) with all its municipalities.

        The one place where the municipality–county line is drawn. For a county it is a subquery
        (usable in `pk__in` without a query of its own); for a municipality a list of ids."""
        if self.is_county:
            return PublicBody.objects.filter(models.Q(pk=self.pk) | models.Q(county_id=self.pk)).values("pk")
        return self.responsible_body_ids()

    def responsible_body_ids(self) -> list[int]:
        """The bodies responsible for this area: the body itself and its county, if any (an NGO that
        works in a municipality is in the care of the municipality's and the county's officials)."""
        return [self.pk, *([self.county_id] if self.county_id else [])]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fi")
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("platform admin"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_perm(self, perm: str, obj=None) -> bool:
        """The project's permissions are rules (`rules.add_perm`) and are answered by the rules
        alone. Django's model permissions serve only its admin: asking them for a rule the person
        lacks would read them, two queries on every page that checks one."""
        if self.is_active and self.is_superuser:
            return True
        if rules.perm_exists(perm):
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class BodyRoleKind(models.TextChoices):
    COORDINATOR = "coordinator", _("NGO coordinator")
    OFFICIAL = "official", _("Sector official")
    BOARD_SECRETARY = "board_secretary", _("Board secretary")
    PREMISES_MANAGER = "premises_manager", _("Premises manager")
    VIEWER = "viewer", _("Viewer")


class BodyRole(models.Model):
    """A person's role within one public body."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="body_roles")
    body = models.ForeignKey(PublicBody, verbose_name=_("public body"), on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=BodyRoleKind.choices)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("role in a public body")
        verbose_name_plural = _("roles in public bodies")
        constraints = [models.UniqueConstraint(fields=["user", "body", "role"], name="unique_body_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.body}"


class Vocabulary(models.TextChoices):
    THEME = "theme", _("Theme")
    TARGET_GROUP = "target_group", _("Target group")


class Term(models.Model):
    """A term of a shared vocabulary: themes and target groups, built from YSO concepts."""

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    slug = models.SlugField(_("identifier"), max_length=80)
    name = models.CharField(_("name"), max_length=150)
    yso_id = models.CharField(_("YSO concept"), max_length=30, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["vocabulary", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "slug"], name="unique_term_slug")]

    def __str__(self) -> str:
        return self.name

    @property
    def yso_uri(self) -> str:
        return f"http://www.yso.fi/onto/yso/{self.yso_id.removeprefix('yso:')}" if self.yso_id else ""


class Language(models.Model):
    """A language an NGO or an activity works in (ISO 639-1 code, or fse/fsl for sign languages)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class AuditEntry(models.Model):
    """Who changed what, when and from which value. Written only by domain functions."""

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object"), max_length=40)
    object_repr = models.CharField(_("object name"), max_length=250)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit history")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-created_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutboxMessage(models.Model):
    """An e-mail as it was sent, kept only where the outbox backend is in use (development and demo)."""

    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    from_email = models.CharField(_("from"), max_length=250)
    to = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("message"))

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class ScheduledRun(models.Model):
    """One row per scheduled job and day: the unique constraint lets only one worker run it."""

    job = models.CharField(max_length=100)
    due = models.DateField()
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "due"], name="unique_scheduled_run")]

    def __str__(self) -> str:
        return f"{self.job} {self.due}"


class SearchEntry(models.Model):
    """The search document of one object: its words as base forms and compound parts.

    Each kind has its own full-text index (core.search.index_migration): on SQLite an FTS5 table
    kept in step by triggers, on PostgreSQL a GIN index on the kind's rows of the column `vector`,
    the tsvector of `tokens` that PostgreSQL keeps (generated, stored; not a field of the model).
    """

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    tokens = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
