"""`{% load welfare_indicators %}` `{% indicator_trends chapter trends %}`: each indicator the chapter
follows as a trend beside the county and the whole country, chart and table
(welfare/_indicator_trends.html). `trends` holds the trends of all the report's chapters, which the
view reads in one query (welfare.indicators.trends)."""

from django import template

from kumppani.welfare import indicators

register = template.Library()


@register.inclusion_tag("welfare/_indicator_trends.html")
def indicator_trends(chapter, trends: dict):
    return {"trends": [trends[i.pk] for i in chapter.indicators.all() if i.pk in trends]}


@register.filter
def fi_number(value) -> str:
    """A number as Finns write it: 1 234,5."""
    return indicators.format_number(value)
