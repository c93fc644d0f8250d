"""An NGO's activities on its profile page: {% load ngo_activities %}{% ngo_activities organisation %}.

Residents see the published ones (active and confirmed within a year); the NGO's representatives
and its coordinators also get the link to "Our activities" and how many need confirming."""

from django import template
from django.utils.translation import get_language

from kumppani.activities import freshness, queries

register = template.Library()


@register.inclusion_tag("activities/manage/_ngo_activities.html", takes_context=True)
def ngo_activities(context, organisation):
    user = context["request"].user
    activities = (
        queries.current_activities()
        .filter(organisation=organisation)
        .order_by(queries.name_order(get_language()), "pk")
        .prefetch_related("schedule_rules")
    )
    can_manage = user.has_perm("activities.change_activity", organisation)
    return {
        "organisation": organisation,
        "activities": activities,
        "can_manage": can_manage,
        "to_confirm": freshness.needing_confirmation(organisation.activities.all()).count() if can_manage else 0,
    }
