"""`{% load welfare_indicators %}` `{% indicator_trends chapter %}`: each indicator the chapter follows
as a trend beside the county and the whole country, chart and table (welfare/_indicator_trend.html).

The trends of all the report's chapters are read in one query, at the first chapter, and kept on the
report for the rest of the page."""

from django import template

from kumppani.welfare import indicators

register = template.Library()


def report_trends(report) -> dict:
    cached = getattr(report, "_indicator_trends", None)
    if cached is None:
        from kumppani.welfare.models import Indicator

        used = Indicator.objects.filter(pk__in=report.chapters.values("indicators"))
        cached = indicators.trends(used, report.body)
        report._indicator_trends = cached
    return cached


@register.inclusion_tag("welfare/_indicator_trends.html")
def indicator_trends(chapter):
    report = chapter.report
    found = report_trends(report)
    return {"trends": [found[i.pk] for i in chapter.indicators.all() if i.pk in found]}


@register.filter
def fi_number(value) -> str:
    """A number as Finns write it: 1 234,5."""
    return indicators.format_number(value)
