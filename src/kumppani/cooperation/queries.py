"""Reads of the cooperation record whose number of queries does not grow with the data: a body's
forms, an NGO's record with a body, the realisation summaries and exports, the coordinators by
county and the record lines of the grant board list."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, FilteredRelation, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kumppani.cooperation.models import (
    Category,
    CooperationForm,
    CoordinatorContact,
    Outcome,
    Partner,
    Realisation,
    ReviewPeriod,
    Sector,
    Status,
)
from kumppani.cooperation.rules import sector_ids, sees_full_record
from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody
from kumppani.core.opendata import safe_row
from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.organisations.models import Organisation, link_fields
from kumppani.organisations.rules import membership_roles

# Forms whose title, category, kind, sector and outcomes everyone may see.
PUBLIC_STATUSES = (Status.ACTIVE, Status.ENDED)


# A form's NGOs as its card shows them: a link by name, so not the rest of the NGO's many columns.
_PARTNERS = (
    Partner.objects.select_related("organisation")
    .only(
        "form_id",
        "organisation_id",
        "confirmed_at",
        *link_fields("organisation"),
    )
    .order_by("organisation__name")
)


def _with_parts(forms: QuerySet) -> QuerySet:
    """One body's forms with what their cards show (the page has the body, so it is not joined):
    the NGOs in `partner_list`, the periods newest first in `realisation_list`."""
    return forms.select_related("sector").prefetch_related(
        Prefetch("partners", queryset=_PARTNERS, to_attr="partner_list"),
        Prefetch("realisations", queryset=Realisation.objects.order_by("-period_start"), to_attr="realisation_list"),
    )


def body_forms(body: PublicBody, viewer) -> QuerySet[CooperationForm]:
    """The body's forms of cooperation as `viewer` may list them: its officials see every one,
    others the active and ended ones."""
    forms = CooperationForm.objects.filter(body=body)
    if not (is_platform_admin(viewer) or body.pk in body_roles(viewer)):
        forms = forms.filter(status__in=PUBLIC_STATUSES)
    return _with_parts(forms).order_by("sector__name", "title", "pk")


def waiting_proposals(user) -> QuerySet[CooperationForm]:
    """Proposals from NGOs waiting for the user's decision (as the sector's official or coordinator)."""
    coordinated = [body_id for body_id, roles in body_roles(user).items() if BodyRoleKind.COORDINATOR in roles]
    return (
        CooperationForm.objects.filter(status=Status.PROPOSED)
        .filter(Q(sector_id__in=sector_ids(user)) | Q(body_id__in=coordinated) | Q(responsible=user))
        .select_related("proposed_by", "sector")
        .order_by("created_at")
    )


def waiting_confirmation(user) -> QuerySet[CooperationForm]:
    """Active forms that an NGO the user represents has not confirmed yet."""
    return (
        CooperationForm.objects.filter(
            status=Status.ACTIVE,
            partners__organisation_id__in=list(membership_roles(user)),
            partners__confirmed_at__isnull=True,
        )
        .select_related("body")
        .distinct()
        .order_by("created_at")
    )


@dataclass
class Record:
    organisation: Organisation
    body: PublicBody
    full: bool
    forms: list[CooperationForm]
    governance: dict = field(default_factory=dict)


def ngo_record(organisation: Organisation, body: PublicBody, viewer) -> Record:
    """The NGO's cooperation record with the body: complete for its representatives and the body's
    officials, the public parts (active and ended forms and their outcomes) for everyone else.
    A fixed number of queries, however many forms and periods."""
    from kumppani.cooperation.governance.queries import ngo_parts

    full = sees_full_record(viewer, organisation, body)
    partnered = Partner.objects.filter(organisation=organisation).values("form_id")
    forms = CooperationForm.objects.filter(body=body, pk__in=partnered)
    if not full:
        forms = forms.filter(status__in=PUBLIC_STATUSES)
    forms = list(_with_parts(forms).order_by("-status", "sector__name", "title", "pk"))
    return Record(organisation, body, full, forms, ngo_parts(organisation, body, full=full))


@dataclass
class OutcomeRow:
    label: str
    realised: int = 0
    partly: int = 0
    not_realised: int = 0
    unmarked: int = 0

    @property
    def total(self) -> int:
        return self.realised + self.partly + self.not_realised + self.unmarked

    def percent(self, part: int) -> int:
        return round(100 * part / self.total) if self.total else 0

    def shares(self) -> tuple[int, ...]:
        """The percentages realised, partly, not realised and not marked (for a bar of thousands)."""
        total = self.total
        parts = (self.realised, self.partly, self.not_realised, self.unmarked)
        return tuple(round(100 * part / total) for part in parts) if total else (0, 0, 0, 0)

    @property
    def realised_pct(self) -> int:
        return self.percent(self.realised)

    @property
    def partly_pct(self) -> int:
        return self.percent(self.partly)

    @property
    def not_realised_pct(self) -> int:
        return self.percent(self.not_realised)

    @property
    def unmarked_pct(self) -> int:
        return self.percent(self.unmarked)

    def add_counts(self, numbers) -> None:
        """Add the numbers of periods (realised, partly, not realised, not marked)."""
        self.realised += numbers[0]
        self.partly += numbers[1]
        self.not_realised += numbers[2]
        self.unmarked += numbers[3]


# The body's outcomes in the order of OutcomeRow's counts ('': not marked).
_OUTCOMES = (Outcome.REALISED, Outcome.PARTLY, Outcome.NOT_REALISED, "")


@dataclass
class Summary:
    body: PublicBody
    year: int
    total: OutcomeRow
    by_sector: list[OutcomeRow]
    by_ngo: list[OutcomeRow]
    by_category: list[OutcomeRow]


_NAME_COLUMN = {"fi": 0, "sv": 1, "en": 2}


def _translated(values: list, language: str) -> str:
    """The (fi, sv, en) value in `language`, else in Finnish (the fallback of the site's content)."""
    return values[_NAME_COLUMN.get(language, 0)] or values[0] or ""


def _period_outcomes(forms: QuerySet, year: int) -> QuerySet:
    """The forms with the body's outcome of their first and second period of `year`: '' where the
    period is not marked, NULL where the form has no such period. A yearly form has one period;
    a half-yearly one the halves it was in force in (as `services.periods` lists them for marking)."""
    half = Q(review_period=ReviewPeriod.HALF_YEAR)
    forms = forms.annotate(
        first_mark=FilteredRelation("realisations", condition=Q(realisations__period_start=dt.date(year, 1, 1))),
        second_mark=FilteredRelation("realisations", condition=Q(realisations__period_start=dt.date(year, 7, 1))),
    )
    return forms.annotate(
        first_outcome=Case(
            When(half & Q(starts_on__gt=dt.date(year, 6, 30)), then=Value(None)),
            default=Coalesce("first_mark__outcome", Value("")),
        ),
        second_outcome=Case(
            When(
                half & (Q(ends_on__isnull=True) | Q(ends_on__gte=dt.date(year, 7, 1))),
                then=Coalesce("second_mark__outcome", Value("")),
            ),
            default=Value(None),
        ),
    )


def realisation_summary(body: PublicBody, year: int, *, totals_only: bool = False) -> Summary:
    """How the body's agreed forms of cooperation were realised in `year`, per sector, per NGO and
    per category. A form counts once per period of the year (a half-yearly form twice); a period
    without the body's marking counts as not marked. `totals_only`: the total and the categories.

    One statement, whose rows grow with the sectors and NGOs, not with the forms (a large city has
    thousands): the ORM writes each form's outcomes (`_period_outcomes`), and the SQL around it
    reads them once and counts them per sector and category, and per NGO through the partners."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    in_year = Q(status__in=PUBLIC_STATUSES, starts_on__lte=end) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start))
    # No order: the model's default one would sort and join for nothing.
    forms = _period_outcomes(CooperationForm.objects.filter(in_year, body=body).order_by(), year)
    # The SQL below names f's columns: each is named after its field (an alias or the column itself).
    columns = ("id", "sector_id", "category", "first_outcome", "second_outcome")
    forms_sql, params = forms.values_list(*columns).query.sql_with_params()
    table = {model: connection.ops.quote_name(model._meta.db_table) for model in (Sector, Partner, Organisation)}
    # Realised, partly, not realised, not marked: the periods with that outcome, in OutcomeRow's order.
    counts = ", ".join(
        "COUNT(CASE WHEN f.first_outcome = %s THEN 1 END) + COUNT(CASE WHEN f.second_outcome = %s THEN 1 END)"
        for _outcome in _OUTCOMES
    )
    count_params = [outcome for outcome in _OUTCOMES for _half in (1, 2)]
    params = [*params, *count_params]
    counted = [
        f"""SELECT 's', g.*, t.name_fi, t.name_sv, t.name_en
        FROM (SELECT f.sector_id, f.category, {counts} FROM f GROUP BY f.sector_id, f.category) g
        JOIN {table[Sector]} t ON t.id = g.sector_id"""
    ]
    if not totals_only:
        counted.append(
            f"""SELECT 'n', g.*, t.name_fi, t.name_sv, t.name_en
            FROM (
                SELECT p.organisation_id, '', {counts} FROM f CROSS JOIN {table[Partner]} p WHERE p.form_id = f.id
                GROUP BY p.organisation_id
            ) g
            JOIN {table[Organisation]} t ON t.id = g.organisation_id"""
        )
        params += count_params
    # f is read twice: PostgreSQL (12+) and SQLite (3.35+) work it out once. The CROSS JOIN tells
    # SQLite to go from the body's forms to their partners, not through every partner of the country.
    sql = f"WITH f AS ({forms_sql}) {' UNION ALL '.join(counted)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    language = (get_language() or "fi")[:2]
    total = OutcomeRow(_("All"))
    sectors: dict[int, OutcomeRow] = {}
    ngos: dict[int, OutcomeRow] = {}
    categories = {value: OutcomeRow(str(label)) for value, label in Category.choices}
    for group, pk, category, realised, partly, not_realised, unmarked, *names in rows:
        numbers = (realised, partly, not_realised, unmarked)
        if group == "n":
            ngos[pk] = OutcomeRow(_translated(names, language), *numbers)
            continue
        sector = sectors.setdefault(pk, OutcomeRow(_translated(names, language)))
        for row in (total, sector, categories[category]):
            row.add_counts(numbers)
    return Summary(
        body,
        year,
        total,
        _by_label(sectors),
        _by_label(ngos),
        [row for row in categories.values() if row.total],
    )


def _by_label(rows: dict[int, OutcomeRow]) -> list[OutcomeRow]:
    """The rows in the order of their names; two NGOs of the same name in the order of their ids."""
    return [row for _pk, row in sorted(rows.items(), key=lambda item: (item[1].label, item[0]))]


def _record_rows(body: PublicBody):
    forms = CooperationForm.objects.filter(body=body).select_related("sector", "responsible")
    forms = forms.prefetch_related(
        Prefetch("partners", queryset=Partner.objects.select_related("organisation")),
        Prefetch("realisations", queryset=Realisation.objects.order_by("period_start")),
    ).order_by("sector__name", "title", "pk")
    yield [
        _("Sector"),
        _("Form of cooperation"),
        _("Category"),
        _("Kind"),
        _("Status"),
        _("NGOs"),
        _("Starts"),
        _("Ends"),
        _("Period"),
        _("Outcome"),
        _("The body's note"),
        _("The NGO's view"),
        _("The NGO's note"),
    ]
    for form in forms:
        head = [
            form.sector.name,
            form.title,
            form.get_category_display(),
            form.get_kind_display(),
            form.get_status_display(),
            ", ".join(p.organisation.name for p in form.partners.all()),
            _fi_date(form.starts_on),
            _fi_date(form.ends_on),
        ]
        realisations = list(form.realisations.all())
        if not realisations:
            yield [*head, "", "", "", "", ""]
        for r in realisations:
            yield [
                *head,
                f"{_fi_date(r.period_start)}–{_fi_date(r.period_end)}",
                r.get_outcome_display() if r.outcome else "",
                r.body_note,
                r.get_ngo_outcome_display() if r.ngo_outcome else "",
                r.ngo_note,
            ]


def _fi_date(day: dt.date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def record_csv(body: PublicBody) -> bytes:
    """The body's whole cooperation record with each period's realisation, one row per period."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(safe_row(row) for row in _record_rows(body))
    return buffer.getvalue().encode("utf-8-sig")


def record_xlsx(body: PublicBody) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Cooperation")[:31]
    for row in _record_rows(body):
        sheet.append(safe_row(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def summary_rows(summary: Summary) -> list[list]:
    rows = [[_("Group"), _("Name"), _("Realised"), _("Partly realised"), _("Not realised"), _("Not marked")]]
    for group, items in (
        (_("Sector"), summary.by_sector),
        (_("NGO"), summary.by_ngo),
        (_("Category"), summary.by_category),
    ):
        for row in items:
            rows.append([group, row.label, row.realised, row.partly, row.not_realised, row.unmarked])
    return rows


def summary_csv(summary: Summary) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(safe_row(row) for row in summary_rows(summary))
    return buffer.getvalue().encode("utf-8-sig")


def summary_xlsx(summary: Summary) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(summary.year)
    for row in summary_rows(summary):
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class CountyCoordinators:
    county: PublicBody
    coordinators: list = field(default_factory=list)


def coordinators_by_county() -> list[CountyCoordinators]:
    """Every wellbeing services county (and Helsinki) with its NGO coordinators and their public
    contact details; a county without one shows an empty list. Three queries."""
    counties = list(PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).order_by("name"))
    roles = BodyRole.objects.filter(body__in=counties, role=BodyRoleKind.COORDINATOR).select_related("user")
    contacts = {(c.body_id, c.user_id): c for c in CoordinatorContact.objects.filter(body__in=counties)}
    by_county: dict[int, list] = {}
    for role in roles.order_by("user__full_name"):
        by_county.setdefault(role.body_id, []).append((role.user, contacts.get((role.body_id, role.user_id))))
    return [CountyCoordinators(county, by_county.get(county.pk, [])) for county in counties]


def body_coordinators(body: PublicBody) -> list:
    """[(user, contact or None)] of the body's NGO coordinators. Two queries."""
    contacts = {c.user_id: c for c in CoordinatorContact.objects.filter(body=body)}
    roles = BodyRole.objects.filter(body=body, role=BodyRoleKind.COORDINATOR).select_related("user")
    return [(role.user, contacts.get(role.user_id)) for role in roles.order_by("user__full_name")]


def body_sectors(body: PublicBody) -> list[Sector]:
    return list(body.sectors.prefetch_related("officials").order_by("name"))


@dataclass
class BoardLine:
    """One form of cooperation on the grant board list, with its latest realisation."""

    title: str
    category: str
    kind: str
    status: str
    latest: str = ""

    def __str__(self) -> str:
        text = f"{self.title} ({self.category}, {self.kind})"
        return f"{text}: {self.latest}" if self.latest else f"{text}: {_('not marked yet')}"


def board_cooperation(organisation_ids, body: PublicBody) -> dict[int, list[BoardLine]]:
    """{organisation id: [BoardLine, …]}: each applicant's agreed forms of cooperation with the body
    and their latest realisation. Three queries, however many applicants."""
    forms = (
        CooperationForm.objects.filter(
            body=body, status__in=PUBLIC_STATUSES, partners__organisation_id__in=list(organisation_ids)
        )
        .distinct()
        .prefetch_related(
            "partners",
            Prefetch("realisations", queryset=Realisation.objects.exclude(outcome="").order_by("-period_start")),
        )
        .order_by("title", "pk")
    )
    wanted = set(organisation_ids)
    result: dict[int, list[BoardLine]] = {}
    for form in forms:
        latest = next(iter(form.realisations.all()), None)
        text = ""
        if latest is not None:
            text = f"{latest.get_outcome_display()} {_fi_date(latest.period_start)}–{_fi_date(latest.period_end)}"
        line = BoardLine(form.title, form.get_category_display(), form.get_kind_display(), form.status, text)
        for partner in form.partners.all():
            if partner.organisation_id in wanted:
                result.setdefault(partner.organisation_id, []).append(line)
    return result
