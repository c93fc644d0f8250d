"""The bulletin's document: the issue's events grouped by day, compact, with the organiser's name
and contact, rendered in Finnish, in Swedish or in both side by side; the PDF is made from the
same HTML with WeasyPrint, as the grant letters are."""

import datetime as dt
import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from kumppani.events import queries
from kumppani.events.models import BulletinIssue, BulletinLanguage

PDF_CACHE_SECONDS = 24 * 60 * 60


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


def _draw(document: str) -> bytes:
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=document).write_pdf()


def pdf(issue: BulletinIssue) -> bytes:
    """The issue as PDF. Drawing it takes seconds, so the PDF is kept under the fingerprint of its
    HTML, which holds every text it shows: an unchanged issue is handed out again at once, and any
    change (an event approved, moved or cancelled, the issue's title) makes a new fingerprint and
    so a new PDF at once."""
    document = html(issue)
    key = f"kumppani:bulletin-pdf:{issue.pk}:" + hashlib.sha256(document.encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        content = _draw(document)
        cache.set(key, content, PDF_CACHE_SECONDS)
    return content
