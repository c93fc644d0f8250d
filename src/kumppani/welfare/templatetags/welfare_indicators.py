"""`{% load welfare_indicators %}` `{% indicator_trends chapter trends %}`: each indicator the chapter
follows (`chapter.followed`, see welfare.queries.report_chapters) as a trend beside the county and
the whole country, chart and table
(welfare/_indicator_trends.html). `trends` holds the trends of all the report's chapters, which the
view reads in one query (welfare.indicators.trends)."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kumppani.welfare import indicators

register = template.Library()


@register.inclusion_tag("welfare/_indicator_trends.html")
def indicator_trends(chapter, trends: dict):
    """Each trend with the ids of its figure (unique on the page: two chapters may follow the same
    indicator) and its chart."""
    shown = []
    for indicator in chapter.followed:
        if indicator.pk in trends:
            trend, ident = trends[indicator.pk], f"trend-{chapter.pk}-{indicator.pk}"
            shown.append({"trend": trend, "ident": ident, "svg": mark_safe(indicators.chart_svg(trend, ident))})
    # The words every figure repeats, translated here once for the chapter rather than per figure.
    return {
        "trends": shown,
        "year_label": _("Year"),
        "no_values": _("No values of this indicator yet."),
        "source_line": _("Source: THL, Sotkanet.fi; values for the body's own area may be entered by its coordinator."),
    }


@register.filter
def fi_number(value) -> str:
    """A number as Finns write it: 1 234,5."""
    return indicators.format_number(value)
