"""Activities' times in words on any page: {% load activity_schedule %}, then
{{ activity|schedule_summary }}, {% for line in activity|schedule_lines %} or {{ rule|rule_words }}."""

from django import template

from kumppani.activities import schedule_text

register = template.Library()


@register.filter
def schedule_summary(activity) -> str:
    """ "Tiistaisin klo 17–19; torstaisin klo 10–12" (uses prefetched rules)."""
    return schedule_text.summary(activity)


@register.filter
def schedule_lines(activity) -> list[str]:
    return schedule_text.describe_all(activity)


@register.filter
def rule_words(rule) -> str:
    return schedule_text.describe(rule)


@register.filter
def current_rules(activity) -> list:
    """The regular times that have not ended."""
    return schedule_text.current_rules(activity)
