"""A welfare report as a plain document: what the PDF for the council and the editable DOCX both
say, already translated into the document's language and formatted as Finns write numbers and
dates. `pdf.py` and `docx.py` only lay it out.

Built inside `translation.override(language)`: the headings, the indicator titles and the names of
the areas are in that language; the chapters' texts are as their editors wrote them.

A chapter's `tables` are, in order, the NGO chapter's figures (welfare.ngo_chapter), the
experiential knowledge used as evidence (welfare.evidence) and the indicators' trends, each a table
with a chart; a table with a `heading` starts a part of the chapter."""

from dataclasses import dataclass, field, replace

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kumppani.core.models import LanguageStatus, PublicBody
from kumppani.welfare import evidence, indicators, ngo_chapter, queries
from kumppani.welfare.models import Indicator, ReportStatus, WelfareReport

SOURCE_NOTE = "THL, Sotkanet.fi (CC BY 4.0)"


@dataclass(frozen=True)
class Table:
    """A table with its caption; a trend also has its chart (drawn from the same numbers)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    trend: indicators.Trend | None = None
    note: str = ""
    heading: str = ""  # shown above the table when it starts a part of the chapter
    numeric: bool = True  # the columns after the first hold numbers (aligned right)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class DocumentChapter:
    title: str
    sections: tuple[Section, ...]
    responsible: str = ""
    tables: tuple[Table, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReportDocument:
    language: str
    title: str
    body: str
    kind: str
    period: str
    status: str
    decision: str  # the council's decision, or that the report is a draft
    chapters: tuple[DocumentChapter, ...]
    labels: dict = field(default_factory=dict, hash=False, compare=False)  # words the layouts need

    @property
    def filename_stem(self) -> str:
        from django.utils.text import slugify

        return slugify(f"{self.body}-{self.title}")[:80] or "hyvinvointikertomus"


def languages(body: PublicBody) -> list[str]:
    """The languages the body's reports are made in: Finnish, and Swedish for a bilingual or
    Swedish-speaking body (the majority language first)."""
    status = body.language_status
    if status == LanguageStatus.FINNISH:
        return ["fi"]
    if status in (LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SV):
        return ["sv", "fi"]
    return ["fi", "sv"]


def format_date(value) -> str:
    """5.12.2026, as Finns (and Finland's Swedes) write it."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def _paragraphs(text: str) -> tuple[str, ...]:
    """A text as its paragraphs (blank lines between them); single line breaks stay inside."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n")]
    return tuple(part for part in parts if part)


def _name(obj, field_name: str = "name") -> str:
    language = translation.get_language()
    return getattr(obj, f"{field_name}_{language}", None) or getattr(obj, f"{field_name}_fi", None) or str(obj)


def trend_table(trend: indicators.Trend) -> Table:
    return Table(
        caption=trend.caption,
        header=(_("Year"), *(series.label for series in trend.series)),
        rows=tuple((str(year), *values) for year, values in trend.rows),
        trend=trend,
        note=_("Source: %(source)s") % {"source": SOURCE_NOTE},
    )


def figure_tables(chapter) -> tuple[Table, ...]:
    """The NGO chapter's figures, a table for each group (grants, cooperation, seats …)."""
    groups: dict[str, list] = {}
    for figure in ngo_chapter.figures(chapter):
        groups.setdefault(figure.group, []).append((figure.label, figure.value))
    return tuple(
        Table(
            caption=group,
            header=(_("What"), _("Figure")),
            rows=tuple(rows),
            heading=_("The figures") if number == 0 else "",
        )
        for number, (group, rows) in enumerate(groups.items())
    )


def evidence_table(chapter) -> tuple[Table, ...]:
    """The knowledge reports and survey results on the chapter's theme, each NGO credited."""
    found = evidence.for_chapter(chapter)
    if not found:
        return ()
    return (
        Table(
            caption=_("Experiential knowledge from NGOs"),
            header=(_("Report or survey"), pgettext("a report", "From"), _("Date")),
            rows=tuple((item.title, item.credit, item.date) for item in found),
            heading=_("Experiential knowledge"),
            numeric=False,
        ),
    )


def build(report: WelfareReport, language: str) -> ReportDocument:
    """The report as a document in `language` ("fi" or "sv")."""
    with translation.override(language):
        chapters = queries.report_chapters(report)
        used = Indicator.objects.filter(pk__in=report.chapters.values("indicators"))
        trends = indicators.trends(used, report.body)
        built = []
        for chapter in chapters:
            sections = tuple(
                Section(heading, _paragraphs(text))
                for heading, text in (
                    (_("Situation"), chapter.situation),
                    (_("Goals"), chapter.goals),
                    (_("Measures and who is responsible"), chapter.measures),
                    (_("Assessment"), chapter.assessment),
                )
                if (text or "").strip()
            )
            responsible = ", ".join([sector.name for sector in chapter.sectors] + [_name(ngo) for ngo in chapter.ngos])
            trend_tables = [trend_table(trends[i.pk]) for i in chapter.followed if not trends[i.pk].is_empty]
            if trend_tables:
                trend_tables[0] = replace(trend_tables[0], heading=_("Indicators followed"))
            tables = figure_tables(chapter) + evidence_table(chapter) + tuple(trend_tables)
            built.append(
                DocumentChapter(
                    title=chapter.title,
                    sections=sections,
                    responsible=responsible,
                    tables=tables,
                )
            )
        if report.status == ReportStatus.APPROVED:
            decision = _("Approved by the council on %(date)s (§ %(section)s).") % {
                "date": format_date(report.council_decision_date),
                "section": report.council_section,
            }
        else:
            decision = _("Draft: not public until the council has approved it.")
        period = (
            str(report.first_year)
            if report.first_year == report.last_year
            else f"{report.first_year}–{report.last_year}"
        )
        return ReportDocument(
            language=language,
            title=report.title,
            body=_name(report.body),
            kind=str(report.get_kind_display()),
            period=period,
            status=str(report.get_status_display()),
            decision=decision,
            chapters=tuple(built),
            labels={
                "responsible": _("Responsible:"),
                "contents": _("Contents"),
                "no_chapters": _("No chapters yet."),
                "chart": _("Chart"),
                "made": _("Made in Kumppani on %(date)s.") % {"date": format_date(_today())},
                "welfare_report": _("Welfare report"),
            },
        )


def _today():
    from django.utils import timezone

    return timezone.localdate()
