"""PDF documents of the board stage:

- the decision letter (päätöskirje) to each applicant, in Finnish or Swedish by the applicant's
  language, with the instructions for requesting rectification (oikaisuvaatimusohje), made with
  WeasyPrint from an HTML template;
- the board list: every application of the meeting with the amounts applied for, proposed and
  decided, the totals and the reasoning, drawn with ReportLab (see below why).
"""

import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, Table

from kumppani.grants.euros import format_euros
from kumppani.grants.models import BoardMeeting, Decision, MeetingStatus
from kumppani.grants.queries import board

RECTIFICATION_DAYS = 14
EMAIL_DEEMED_DAYS = 3  # a decision sent by e-mail is deemed received on the third day (kuntalaki 140 §)
POST_DEEMED_DAYS = 7  # by post, on the seventh day

PDF_CACHE_SECONDS = 24 * 60 * 60

# WeasyPrint reports every step of every document at INFO level; the server log needs none of it.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=html).write_pdf()


def letter_language(decision: Decision) -> str:
    return board.applicant_languages([decision.application])[decision.application_id]


def rectification_dates(notified_at: dt.date | None) -> tuple[dt.date, dt.date] | tuple[None, None]:
    """(deemed received, last day for a request) when the decision was e-mailed on `notified_at`.

    The day of receipt is not counted; a last day on a weekend or holiday moves to the next
    working day, which the letter says in words rather than computing holidays here."""
    if notified_at is None:
        return None, None
    received = notified_at + dt.timedelta(days=EMAIL_DEEMED_DAYS)
    return received, received + dt.timedelta(days=RECTIFICATION_DAYS)


def letter_context(decision: Decision) -> dict:
    meeting = decision.meeting
    application = decision.application
    received, last_day = rectification_dates(meeting.notified_at)
    return {
        "decision": decision,
        "application": application,
        "organisation": application.organisation,
        "programme": application.programme,
        "meeting": meeting,
        "body": meeting.body,
        "granted": bool(decision.amount),
        "is_county": meeting.body.is_county,
        "received": received,
        "last_day": last_day,
        "days": RECTIFICATION_DAYS,
        "email_days": EMAIL_DEEMED_DAYS,
        "post_days": POST_DEEMED_DAYS,
    }


def decision_letter_html(decision: Decision, language: str | None = None) -> str:
    language = language or letter_language(decision)
    with translation.override(language):
        return render_to_string("grants/pdf/decision_letter.html", {**letter_context(decision), "LANG": language})


def decision_letter_pdf(decision: Decision, language: str | None = None) -> bytes:
    return html_to_pdf(decision_letter_html(decision, language))


# The board list -----------------------------------------------------------------------------------
# A board list may have a thousand applications. WeasyPrint lays out about ninety a second, so the
# list is drawn with ReportLab's platypus instead: a table whose header repeats on every page.
# Helvetica, built into every PDF reader, covers Finnish and Swedish (Latin-1) and needs no font file.

FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 15 * mm
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
HEADER_FILL = colors.HexColor("#e8e8e8")
OVER = colors.HexColor("#8a1c1c")


@dataclass(frozen=True)
class BoardListEntry:
    """One application on the list, as the texts the PDF shows."""

    number: int
    applicant: str
    title: str
    reference: str
    requested: str
    proposed: str
    decided: str
    proposal_reasoning: str
    board_reasoning: str
    earlier: str


@dataclass(frozen=True)
class BoardListDocument:
    """Everything the board list PDF says, already translated and formatted. Equal documents make
    equal PDFs, so its fingerprint is the cache key."""

    body: str
    board: str
    kind: str  # PROPOSAL or DECISIONS
    date_section: str
    heading: str
    facts: tuple[tuple[str, str], ...]
    over_appropriation: bool
    show_decided: bool
    entries: tuple[BoardListEntry, ...]
    totals: tuple[str, str, str]  # applied for, proposed, decided

    def fingerprint(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()


def _translated(obj, field: str) -> str:
    return getattr(obj, f"{field}_{translation.get_language()}", None) or getattr(obj, f"{field}_fi", "") or ""


def _earlier(row: board.BoardRow) -> str:
    grants = "; ".join(f"{g.year} {g.body} {format_euros(g.amount)}" for g in row.previous_grants)
    cooperation = "; ".join(str(c) for c in row.cooperation)
    return " ".join(
        (
            grants or gettext("No grants in the previous three years."),
            cooperation or gettext("No cooperation records yet."),
        )
    )


def _decided(amount, no_grant: str) -> str:
    """Nothing before the board has decided, "No grant" for a nought, else the amount."""
    if amount is None:
        return ""
    return format_euros(amount) if amount else no_grant


def board_list_document(meeting: BoardMeeting, *, hidden: set[int] = frozenset()) -> BoardListDocument:
    rows, totals = board.board_rows(meeting, hidden=hidden)
    programme = meeting.programme
    decided = meeting.status == MeetingStatus.DECIDED
    facts = [
        (gettext("Applications on the list"), str(len(rows))),
        (gettext("Applied for"), format_euros(totals.requested)),
        (gettext("Proposed"), format_euros(totals.proposed)),
    ]
    if decided:
        counts = gettext("Granted: %(granted)s, no grant: %(declined)s.") % {
            "granted": totals.granted_count,
            "declined": totals.declined_count,
        }
        facts.append((gettext("Decided"), f"{format_euros(totals.decided)} ({counts})"))
    facts.append((gettext("Appropriation"), format_euros(programme.appropriation)))
    no_grant = gettext("No grant")
    entries = []
    for number, row in enumerate(rows, start=1):
        decision, application = row.decision, row.decision.application
        board_reasoning = decision.reasoning if decision.reasoning != decision.proposal_reasoning else ""
        entries.append(
            BoardListEntry(
                number=number,
                applicant=_translated(application.organisation, "name"),
                title=application.title,
                reference=application.reference,
                requested=format_euros(application.amount_requested),
                proposed=format_euros(decision.proposed_amount),
                decided=_decided(decision.amount, no_grant),
                proposal_reasoning=decision.proposal_reasoning,
                board_reasoning=board_reasoning,
                earlier=_earlier(row),
            )
        )
    return BoardListDocument(
        body=meeting.body.name,
        board=_translated(meeting, "board_name"),
        kind=gettext("DECISIONS") if decided else gettext("PROPOSAL"),
        date_section=f"{meeting.date.day}.{meeting.date.month}.{meeting.date.year} § {meeting.section}",
        heading=gettext("Grants: %(name)s") % {"name": programme.title},
        facts=tuple(facts),
        over_appropriation=max(totals.proposed, totals.decided) > programme.appropriation,
        show_decided=decided or any(entry.decided for entry in entries),
        entries=tuple(entries),
        totals=(format_euros(totals.requested), format_euros(totals.proposed), format_euros(totals.decided)),
    )


def _styles() -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=9.6)
    return {
        "cell": cell,
        "cell-bold": ParagraphStyle("cell-bold", parent=cell, fontName=BOLD),
        "cell-small": ParagraphStyle("cell-small", parent=cell, fontSize=7, leading=8.4, textColor=GREY),
        "head": ParagraphStyle("head", parent=cell, fontName=BOLD),
        "head-right": ParagraphStyle("head-right", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13),
        "body-right": ParagraphStyle("body-right", fontName=FONT, fontSize=10, leading=13, alignment=TA_RIGHT),
        "strong": ParagraphStyle("strong", fontName=BOLD, fontSize=11.5, leading=14),
        "strong-right": ParagraphStyle("strong-right", fontName=BOLD, fontSize=11.5, leading=14, alignment=TA_RIGHT),
        "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=4 * mm, spaceAfter=3 * mm),
        "fact": ParagraphStyle("fact", fontName=FONT, fontSize=10, leading=13, textColor=GREY),
        "fact-value": ParagraphStyle("fact-value", fontName=BOLD, fontSize=10, leading=13),
        "over": ParagraphStyle("over", fontName=BOLD, fontSize=10, leading=13, textColor=OVER, spaceBefore=2 * mm),
    }


class _CellParagraph(Paragraph):
    """A paragraph in a table cell. The table asks for its size three times with the same width (to
    fill the page, to split the table and to draw the row); its lines are broken only once."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]


def _markup(text: str) -> str:
    """Plain text for a Paragraph: its markup characters escaped and its line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def _heading(document: BoardListDocument, styles) -> list:
    letterhead = Table(
        [
            [
                Paragraph(_markup(document.body), styles["strong"]),
                Paragraph(_markup(document.kind), styles["strong-right"]),
            ],
            [
                Paragraph(_markup(document.board), styles["body"]),
                Paragraph(_markup(document.date_section), styles["body-right"]),
            ],
        ],
        colWidths=["60%", "40%"],
        style=[
            ("LINEBELOW", (0, -1), (-1, -1), 0.75, colors.HexColor("#999999")),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
        ],
    )
    facts = Table(
        [
            [Paragraph(_markup(label), styles["fact"]), Paragraph(_markup(value), styles["fact-value"])]
            for label, value in document.facts
        ],
        colWidths=[55 * mm, 120 * mm],
        hAlign="LEFT",
        style=[
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ],
    )
    flowables = [letterhead, Paragraph(_markup(document.heading), styles["h1"]), facts]
    if document.over_appropriation:
        flowables.append(Paragraph(_markup(gettext("The amounts exceed the appropriation.")), styles["over"]))
    flowables.append(Spacer(0, 5 * mm))
    return flowables


def _entry_cells(entry: BoardListEntry, styles, show_decided: bool) -> list:
    applicant = f"<b>{_markup(entry.applicant)}</b><br/>{_markup(entry.title)} ({_markup(entry.reference)})"
    reasoning = _markup(entry.proposal_reasoning)
    if entry.board_reasoning:
        board_says = f"{_markup(gettext('Board:'))} {_markup(entry.board_reasoning)}"
        reasoning = f"{reasoning}<br/>{board_says}" if reasoning else board_says
    cells = [str(entry.number), _CellParagraph(applicant, styles["cell"]), entry.requested, entry.proposed]
    if show_decided:
        cells.append(entry.decided)
    cells += [_CellParagraph(reasoning, styles["cell"]), _CellParagraph(_markup(entry.earlier), styles["cell-small"])]
    return cells


def _table(document: BoardListDocument, styles, width: float) -> LongTable:
    amounts = [gettext("Applied for"), gettext("Proposed")] + ([gettext("Decided")] if document.show_decided else [])
    header = [
        "#",
        Paragraph(_markup(gettext("Applicant")), styles["head"]),
        *(Paragraph(_markup(label), styles["head-right"]) for label in amounts),
        Paragraph(_markup(gettext("Reasoning")), styles["head"]),
        Paragraph(_markup(gettext("Earlier grants and cooperation")), styles["head"]),
    ]
    totals = ["", Paragraph(_markup(gettext("Total")), styles["head"]), *document.totals[: len(amounts)], "", ""]
    rows = [header, *(_entry_cells(e, styles, document.show_decided) for e in document.entries), totals]
    # Number, applicant and amounts are fixed; the reasoning and the history share what is left.
    fixed = [7 * mm, 58 * mm] + [23 * mm] * len(amounts)
    rest = width - sum(fixed)
    last = len(rows) - 1
    amount_columns = (2, 1 + len(amounts))
    return LongTable(
        rows,
        colWidths=[*fixed, rest * 0.58, rest * 0.42],
        repeatRows=1,
        style=[
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("FONT", (0, 0), (-1, 0), BOLD, 8),
            ("FONT", (0, last), (-1, last), BOLD, 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (amount_columns[0], 0), (amount_columns[1], -1), "RIGHT"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LINEABOVE", (0, last), (-1, last), 1, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )


class _NumberedCanvas(canvas.Canvas):
    """Writes "page / pages" and the meeting in each footer, once the number of pages is known."""

    def __init__(self, *args, footer: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []

    def showPage(self):  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.drawString(MARGIN, MARGIN / 2, self._footer)
            self.drawRightString(width - MARGIN, MARGIN / 2, f"{number} / {len(self._pages)}")
            super().showPage()
        super().save()


def render_board_list(document: BoardListDocument) -> bytes:
    buffer = io.BytesIO()
    pagesize = landscape(A4)
    template = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=gettext("Grant list for the board"),
        author=document.body,
        subject=document.heading,
        lang=translation.get_language() or "fi",
    )
    styles = _styles()
    story = [*_heading(document, styles), _table(document, styles, pagesize[0] - 2 * MARGIN)]
    if not document.entries:
        story.append(Paragraph(_markup(gettext("No applications on the proposal yet.")), styles["body"]))
    footer = f"{document.body} · {document.board} · {document.kind} {document.date_section}"
    template.build(story, canvasmaker=partial(_NumberedCanvas, footer=footer))
    return buffer.getvalue()


def board_list_pdf(meeting: BoardMeeting, *, hidden: set[int] = frozenset()) -> bytes:
    """The board list as PDF. The PDF of the very same texts is kept and handed out again until
    anything in them changes: the board members download the list again and again before a meeting."""
    document = board_list_document(meeting, hidden=hidden)
    key = "kumppani:board-list-pdf:" + document.fingerprint()
    content = cache.get(key)
    if content is None:
        content = render_board_list(document)
        cache.set(key, content, PDF_CACHE_SECONDS)
    return content
