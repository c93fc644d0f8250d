"""The bulletin's document: the issue's events grouped by day, compact, with the organiser's name
and contact, rendered in Finnish, in Swedish or in both side by side; the PDF is made from the
same HTML with WeasyPrint, as the grant letters are."""

import datetime as dt

from django.template.loader import render_to_string
from django.utils import translation

from kumppani.events import queries
from kumppani.events.models import BulletinIssue, BulletinLanguage


def _days(issue: BulletinIssue):
    items = queries.bulletin_occurrences(issue)
    last = issue.period_end + dt.timedelta(days=1)
    return [(day, found) for day, found in queries.by_day(items, issue.period_start, last) if found]


def _column(issue: BulletinIssue, days, language: str) -> str:
    with translation.override(language):
        return render_to_string("events/bulletin/_column.html", {"issue": issue, "days": days, "language": language})


def html(issue: BulletinIssue) -> str:
    days = _days(issue)
    languages = ["fi", "sv"] if issue.language == BulletinLanguage.BOTH else [issue.language]
    columns = [_column(issue, days, language) for language in languages]
    with translation.override(languages[0]):
        return render_to_string("events/bulletin/document.html", {"issue": issue, "columns": columns})


def pdf(issue: BulletinIssue) -> bytes:
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=html(issue)).write_pdf()
