"""Service paths on other apps' pages: a body's published paths on its page, and the paths an
NGO's activities are used on, on the NGO's profile."""

from django import template

from kumppani.activities.paths import queries as path_queries

register = template.Library()


@register.simple_tag
def published_paths(body):
    """{% published_paths body as paths %}: the body's published paths (one query)."""
    return list(path_queries.body_paths(body))


@register.inclusion_tag("activities/paths/_used_on_paths.html")
def used_on_paths(organisation):
    """{% used_on_paths organisation %}: where the NGO's activities are part of a service path (one query)."""
    return {"uses": path_queries.paths_using(organisation)}
