"""`{% load welfare_documents %}` `{% report_downloads report %}`: the links to the report as a PDF
for the council and as an editable DOCX, in each of the body's languages."""

from django import template

from kumppani.welfare import document

register = template.Library()

LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska"}


@register.inclusion_tag("welfare/_report_downloads.html")
def report_downloads(report):
    return {
        "report": report,
        "languages": [(code, LANGUAGE_NAMES[code]) for code in document.languages(report.body)],
    }
