"""`{% load cooperation_summary %}`: the realisation summary's rows as HTML, built in Python. A large
city has thousands of NGO rows, each shown as a bar and as a table row; building them here rather
than in a template loop keeps the page fast."""

from html import escape  # Django's escape() is this one behind a check for lazy strings

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_BAR = (
    '<div><span>{label}</span>\n<svg viewBox="0 0 100 4" preserveAspectRatio="none">'
    '<rect x="0" width="{realised}" height="4" fill="#1f6f4a"/>'
    '<rect x="{realised}" width="{partly}" height="4" fill="#b36b00"/>'
    '<rect x="{partly_x}" width="{not_realised}" height="4" fill="#a4262c"/>'
    '<rect x="{unmarked_x}" width="{unmarked}" height="4" fill="#c9ced6"/></svg></div>'
)
_ROW = (
    '<tr><th scope="row">{label}</th><td>{realised}</td><td>{partly}</td><td>{not_realised}</td>'
    "<td>{unmarked}</td><td>{total}</td></tr>"
)


@register.filter
def summary_bars(rows) -> SafeString:
    """Each row's realisation as a bar of four parts (realised, partly, not realised, not marked)."""
    parts = []
    for row in rows:
        realised, partly, not_realised, unmarked = row.shares()
        parts.append(
            _BAR.format(
                label=escape(row.label),
                realised=realised,
                partly=partly,
                partly_x=realised + partly,
                not_realised=not_realised,
                unmarked_x=realised + partly + not_realised,
                unmarked=unmarked,
            )
        )
    return mark_safe("".join(parts))  # the labels are escaped, the rest are numbers


@register.filter
def summary_table_rows(rows) -> SafeString:
    """Each row's counts as a table row."""
    return mark_safe(  # the labels are escaped, the rest are numbers
        "".join(
            _ROW.format(
                label=escape(row.label),
                realised=row.realised,
                partly=row.partly,
                not_realised=row.not_realised,
                unmarked=row.unmarked,
                total=row.total,
            )
            for row in rows
        )
    )
