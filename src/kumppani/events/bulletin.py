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


def _day(issue: BulletinIssue, day, items, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "events/bulletin/_day.html", {"issue": issue, "day": day, "items": items, "language": language}
        )


def html(issue: BulletinIssue) -> str:
    """The issue's document. Both languages side by side are one table row per day, so that a day's
    Finnish and Swedish texts stay level on the page and a page may break between any two days."""
    languages = ["fi", "sv"] if issue.language == BulletinLanguage.BOTH else [issue.language]
    rows = [[_day(issue, day, items, language) for language in languages] for day, items in _days(issue)]
    with translation.override(languages[0]):
        return render_to_string(
            "events/bulletin/document.html", {"issue": issue, "rows": rows, "bilingual": len(languages) == 2}
        )


def pdf(issue: BulletinIssue) -> bytes:
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=html(issue)).write_pdf()
