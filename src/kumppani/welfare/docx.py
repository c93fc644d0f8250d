"""The welfare report as an editable Word document (python-docx): the same document as the PDF, with
real headings (so Word's navigation and table of contents work), each chart as a picture with its
description as alternative text, and its table right below with the caption above it."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kumppani.welfare.document import ReportDocument, Table


def _language(document, language: str) -> None:
    """Mark the text's language (Word's spelling checker and screen readers read it)."""
    tag = {"fi": "fi-FI", "sv": "sv-FI"}.get(language, language)
    for style in document.styles:
        element = getattr(style, "element", None)
        if element is None:
            continue
        rpr = element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), tag)


def _table(document, table: Table) -> None:
    if table.trend is not None:
        document.add_heading(table.trend.title, level=4)
        document.add_picture(io.BytesIO(table.trend.png()), width=Cm(15))
        picture = document.paragraphs[-1]
        # The chart's description as the picture's alternative text.
        for doc_pr in picture._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", f"{table.trend.title}. {table.trend.description}")
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # The header row repeats on every page the table runs over.
    grid.rows[0]._tr.get_or_add_trPr().append(grid.rows[0]._tr.makeelement(qn("w:tblHeader"), {}))
    for row in table.rows:
        cells = grid.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            if i:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if table.note:
        note = document.add_paragraph(table.note)
        note.runs[0].font.size = Pt(8)


def report_docx(doc: ReportDocument) -> bytes:
    document = Document()
    _language(document, doc.language)
    properties = document.core_properties
    properties.title = doc.title
    properties.author = doc.body
    properties.language = doc.language
    document.add_paragraph(doc.body).runs[0].bold = True
    document.add_heading(doc.title, level=0)
    document.add_paragraph(f"{doc.kind}, {doc.period}")
    document.add_paragraph(doc.decision).runs[0].bold = True
    document.add_paragraph(doc.labels.get("made", ""))
    if not doc.chapters:
        document.add_paragraph(doc.labels.get("no_chapters", ""))
    for number, chapter in enumerate(doc.chapters, start=1):
        document.add_heading(f"{number}. {chapter.title}", level=1)
        for section in chapter.sections:
            document.add_heading(section.heading, level=2)
            for paragraph in section.paragraphs:
                document.add_paragraph(paragraph)
        if chapter.responsible:
            line = document.add_paragraph()
            line.add_run(doc.labels.get("responsible", "")).bold = True
            line.add_run(f" {chapter.responsible}")
        for table in chapter.tables:
            if table.heading:
                document.add_heading(table.heading, level=2)
            _table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
