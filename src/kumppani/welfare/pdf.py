"""The welfare report as a PDF for the council, made with WeasyPrint from an HTML template (as the
grants' decision letters are). The charts are the same inline SVG as on the web page, each with its
table right below."""

import logging

from django.template.loader import render_to_string
from django.utils import translation

from kumppani.welfare.document import ReportDocument

# WeasyPrint reports every step at INFO level; the server log needs none of it.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def report_html(document: ReportDocument) -> str:
    with translation.override(document.language):
        return render_to_string("welfare/pdf/report.html", {"doc": document, "LANG": document.language})


def render(document: ReportDocument):
    """WeasyPrint's laid-out document (pages and their boxes), before it is written as PDF."""
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=report_html(document)).render()


def report_pdf(document: ReportDocument) -> bytes:
    return render(document).write_pdf()


def page_texts(rendered) -> list[str]:
    """The text on each page of a laid-out document, in reading order (for checking what it says)."""
    texts = []
    for page in rendered.pages:
        words = []
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            text = getattr(box, "text", None)
            if isinstance(text, str):
                words.append(text)
            stack.extend(reversed(list(getattr(box, "children", []) or [])))
        texts.append(" ".join(words))
    return texts
