"""Reads of the index whose number of queries does not grow with the data: the national table (stored
rows of a year, with last year's score beside each), a body's index page, and the CSV/XLSX files."""

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kumppani.core.models import BodyKind, PublicBody
from kumppani.core.opendata import safe_row
from kumppani.welfare import criteria as c
from kumppani.welfare.models import Chapter, IndexResult, ReportStatus, WelfareReport


def index_years() -> list[int]:
    """The years that have stored results, newest first. One query."""
    return list(IndexResult.objects.order_by("-year").values_list("year", flat=True).distinct())


def counties() -> list[PublicBody]:
    """The wellbeing services counties (and Helsinki) for the county filter. One query."""
    return list(PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).order_by("name"))


def _light_labels() -> dict[str, str]:
    """The lights' words for screen readers and the decimal separator, looked up once per table."""
    return {
        "green": escape(_("green")),
        "yellow": escape(_("yellow")),
        "red": escape(_("red")),
        "decimal": escape(get_format("DECIMAL_SEPARATOR")),
    }


def score_html(value, labels: dict[str, str] | None = None) -> SafeString:
    """welfare/_score.html in Python, character for character: the score with one decimal and its
    traffic light (for a table of hundreds of scores, where an include per score is slow)."""
    value = Decimal(value)
    light = c.light(value)
    labels = labels or _light_labels()
    # As floatformat:1 writes a score of 0–100 (no thousands to group).
    number = str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", labels["decimal"])
    # The number and the labels are escaped; the light is one of three words.
    return mark_safe(
        f'<span class="light light-{light}">{number}<span class="visually-hidden"> ({labels[light]})</span></span>\n'
    )


@dataclass
class TableRow:
    result: IndexResult
    previous: Decimal | None = None
    url: str = ""
    labels: dict[str, str] | None = None

    @property
    def overall_html(self) -> SafeString:
        return score_html(self.result.overall, self.labels)

    @property
    def dimension_cells(self) -> SafeString:
        """A table cell per dimension in TEAviisari's order, each with its score and light."""
        scores = self.result.dimensions
        return mark_safe(  # score_html escapes
            "".join(f'<td class="num">{score_html(scores.get(key, "0"), self.labels)}</td>' for key, _l in c.DIMENSIONS)
        )

    @property
    def body(self) -> PublicBody:
        return self.result.body

    @property
    def light(self) -> str:
        return c.light(self.result.overall)

    @property
    def change(self) -> Decimal | None:
        return None if self.previous is None else self.result.overall - self.previous

    def dimension_scores(self) -> list[tuple[str, str, Decimal, str]]:
        """[(key, label, score, light)] in TEAviisari's order."""
        scores = self.result.dimensions
        return [
            (key, label, Decimal(scores.get(key, "0")), c.light(scores.get(key, "0"))) for key, label in c.DIMENSIONS
        ]


def national_results(year: int, county: PublicBody | None = None):
    """The stored results of a year, best first, optionally of one county's area (the county and its
    municipalities). A queryset: one query however many bodies."""
    results = IndexResult.objects.filter(year=year).select_related("body", "body__county")
    if county is not None:
        results = results.filter(Q(body=county) | Q(body__county=county))
    # The table shows the scores only: each result's criteria (the large part) are read by the files.
    return results.order_by("-overall", "body__name", "pk").defer("criteria", "computed_at")


def with_previous(results: list[IndexResult], year: int) -> list[TableRow]:
    """Each result with the same body's overall score of the previous year. One query."""
    previous = dict(
        IndexResult.objects.filter(year=year - 1, body_id__in=[r.body_id for r in results]).values_list(
            "body_id", "overall"
        )
    )
    # One reverse() for every row: a body's address differs only by its slug.
    address = reverse("welfare:body_index", args=["-slug-"])
    labels = _light_labels()
    return [
        TableRow(result, previous.get(result.body_id), address.replace("-slug-", result.body.slug), labels)
        for result in results
    ]


@dataclass
class CriterionLine:
    criterion: c.Criterion
    status: str
    source: str
    evidence_url: str
    figures: dict
    justification: str

    @property
    def status_label(self) -> str:
        return str(c.STATUS_LABELS[self.status])

    @property
    def summary(self) -> str:
        if not self.criterion.summary:
            return ""
        try:
            return str(self.criterion.summary) % self.figures
        except (KeyError, TypeError, ValueError):
            return ""

    @property
    def gain(self) -> Decimal:
        """Points the overall score would rise if this criterion were met."""
        return (c.weight(self.criterion) * (1 - c.VALUES[self.status])).quantize(Decimal("0.1"))


@dataclass
class DimensionBlock:
    key: str
    label: str
    score: Decimal
    lines: list[CriterionLine] = field(default_factory=list)

    @property
    def light(self) -> str:
        return c.light(self.score)


@dataclass
class BodyIndex:
    result: IndexResult
    dimensions: list[DimensionBlock]

    @property
    def light(self) -> str:
        return c.light(self.result.overall)

    def raise_most(self, count: int = 3) -> list[CriterionLine]:
        """The criteria not (fully) met whose meeting would add most to the overall score."""
        lines = [line for block in self.dimensions for line in block.lines if line.status != c.MET]
        return sorted(lines, key=lambda line: (-line.gain, c.CRITERIA.index(line.criterion)))[:count]


def _evidence_url(evidence: dict | None) -> str:
    if not evidence:
        return ""
    return c.Evidence(evidence["name"], tuple(evidence.get("args", [])), evidence.get("query", "")).url


def body_index(result: IndexResult) -> BodyIndex:
    """A stored result as the body's page shows it: per dimension its criteria with their status,
    evidence and figures (no query: it reads the snapshot)."""
    stored = {row["key"]: row for row in result.criteria}
    blocks = []
    for key, label in c.DIMENSIONS:
        block = DimensionBlock(key, str(label), Decimal(result.dimensions.get(key, "0")))
        for criterion in c.per_dimension()[key]:
            row = stored.get(criterion.key, {})
            block.lines.append(
                CriterionLine(
                    criterion,
                    row.get("status", c.NOT_MET),
                    row.get("source", "missing"),
                    _evidence_url(row.get("evidence")),
                    row.get("figures", {}),
                    row.get("justification", ""),
                )
            )
        blocks.append(block)
    return BodyIndex(result, blocks)


def body_history(body: PublicBody) -> list[IndexResult]:
    """The body's stored results over the years, newest first. One query."""
    return list(IndexResult.objects.filter(body=body).order_by("-year").only("year", "overall", "body_id"))


# Files -------------------------------------------------------------------------------------------


def table_rows(results) -> list[list]:
    header = [_("Public body"), _("Code"), _("Wellbeing services county"), _("Year"), _("Overall score")]
    header += [str(label) for _key, label in c.DIMENSIONS]
    header += [str(criterion.title) for criterion in c.CRITERIA]
    rows = [header]
    if hasattr(results, "defer"):  # national_results() leaves the criteria out; the files need them
        results = results.defer(None)
    for result in results:
        statuses = {row["key"]: row["status"] for row in result.criteria}
        rows.append(
            [
                result.body.name,
                result.body.code,
                result.body.county.name if result.body.county else "",
                result.year,
                float(result.overall),
                *[float(Decimal(result.dimensions.get(key, "0"))) for key, _label in c.DIMENSIONS],
                *[str(c.STATUS_LABELS[statuses.get(crit.key, c.NOT_MET)]) for crit in c.CRITERIA],
            ]
        )
    return rows


def table_csv(results) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(safe_row(row) for row in table_rows(results))
    return buffer.getvalue().encode("utf-8-sig")


def table_xlsx(results, year: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    for row in table_rows(results):
        sheet.append(safe_row(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Welfare reports ---------------------------------------------------------------------------------


def body_reports(body: PublicBody) -> list:
    """The body's reports, newest first, with their chapters' editors (for the draft permission).
    Two queries."""
    return list(
        WelfareReport.objects.filter(body=body)
        .select_related("body")
        .prefetch_related(Prefetch("chapters", queryset=Chapter.objects.prefetch_related("editors")))
        .order_by("-first_year", "kind", "pk")
    )


def _linked(through, report, target: str, field: str, order: str, extra: tuple[str, ...] = ()) -> list:
    """[(chapter pk, the target), ...] for the report's links to `target` (a sector, an NGO, an
    indicator), the target as a namespace of its pk, `extra` and its `field` in the active language
    (Finnish when it has none) and in each language (name_fi, ...) as the `content` tag reads it.
    Values from the link table: model rows cost three times as much on the public report page."""
    languages = [code for code, _name in settings.LANGUAGES]
    active = get_language()
    rows = (
        through.objects.filter(chapter__report=report)
        .order_by(f"{target}__{order}", f"{target}_id")
        .values_list(
            "chapter_id",
            f"{target}_id",
            *(f"{target}__{name}" for name in extra),
            *(f"{target}__{field}_{code}" for code in languages),
        )
    )
    result = []
    for chapter_id, pk, *values in rows:
        texts = {code: text or "" for code, text in zip(languages, values[len(extra) :], strict=True)}
        item = SimpleNamespace(pk=pk, **dict(zip(extra, values, strict=False)))
        setattr(item, field, texts.get(active) or texts["fi"])
        for code, text in texts.items():
            setattr(item, f"{field}_{code}", text)
        result.append((chapter_id, item))
    return result


def report_chapters(report) -> list[Chapter]:
    """The report's chapters in order with their theme, and on each as lists the `sectors` and `ngos`
    responsible and the indicators `followed` (see _linked). Four queries however many chapters."""
    chapters = list(report.chapters.select_related("theme").order_by("position", "pk"))
    by_pk = {}
    for chapter in chapters:
        chapter.sectors, chapter.ngos, chapter.followed = [], [], []
        by_pk[chapter.pk] = chapter
    for chapter_id, sector in _linked(Chapter.responsible_sectors.through, report, "sector", "name", "name"):
        by_pk[chapter_id].sectors.append(sector)
    links = Chapter.responsible_organisations.through
    for chapter_id, ngo in _linked(links, report, "organisation", "name", "name"):
        by_pk[chapter_id].ngos.append(ngo)
    links = Chapter.indicators.through
    for chapter_id, indicator in _linked(links, report, "indicator", "title", "sotkanet_id", ("sotkanet_id",)):
        by_pk[chapter_id].followed.append(indicator)
    return chapters


def work_chapters(report) -> list:
    """The report's chapters in order with their theme, editors and indicators, for the working page.
    Three queries however many chapters."""
    return list(report.chapters.select_related("theme").prefetch_related("editors").order_by("position", "pk"))


def my_chapters(user) -> list:
    """The chapters a person edits in reports not yet approved, in bodies where they still work, with
    their report and body. One query."""
    return list(
        Chapter.objects.filter(editors=user, report__body__roles__user=user)
        .exclude(report__status=ReportStatus.APPROVED)
        .select_related("report__body")
        .distinct()
        .order_by("report__body__name", "report__first_year", "position")
    )
