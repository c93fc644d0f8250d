"""Events on the NGO's profile: {% load ngo_events %}{% coming_events organisation %}."""

from django import template

from kumppani.events import queries

register = template.Library()


@register.inclusion_tag("events/pages/_ngo_events.html")
def coming_events(organisation):
    """The NGO's next public event dates (one query)."""
    return {"items": queries.coming(queries.Criteria(organisation=organisation))}
