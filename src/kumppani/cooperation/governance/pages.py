"""Governance on other pages: on a body's page the links to its councils and working groups and to
its meetings with NGOs; on a person's own page the nomination requests waiting for their network,
the nominations waiting for their confirmation and their open action items (with "Mark done")."""

from django.utils.translation import gettext_lazy as _

from kumppani.cooperation.governance import queries
from kumppani.core import audit
from kumppani.core.pages import Section, register_body_section, register_dashboard_panel

PANEL_ROWS = 10

ACTION_LABELS = {
    "network_created": _("NGO network set up"),
    "network_updated": _("NGO network changed"),
    "group_created": _("Council or working group added"),
    "group_updated": _("Council or working group changed"),
    "nomination_requested": _("Nominations asked for"),
    "nominated": _("Representatives nominated"),
    "nominations_confirmed": _("Nominations confirmed"),
    "nomination_cancelled": _("Nomination request cancelled"),
    "table_meeting_created": _("Meeting with NGOs planned"),
    "table_meeting_updated": _("Meeting with NGOs changed"),
    "minutes_approved": _("Minutes approved"),
    "action_added": _("Action item added"),
    "action_done": _("Action item done"),
    "negotiation_opened": _("Yearly negotiation opened"),
    "negotiation_updated": _("Yearly negotiation changed"),
    "measure_added": _("Agreed measure added"),
    "measure_updated": _("Agreed measure changed"),
    "negotiation_agreed": _("Yearly negotiation agreed"),
    "expert_requested": _("Expert help asked for"),
    "expert_answered": _("Expert help offered"),
    "expert_request_closed": _("Expert request closed"),
    "expert_request_fulfilled": _("Expert help recorded as realised cooperation"),
}


# Recorded keys that are no field of the object they are recorded on (core.audit.field_label).
CHANGE_LABELS = {
    "cooperation.cooperationform": {"realisation": _("realisation")},
    "cooperation.nominationrequest": {"nominees": _("nominees")},
    "cooperation.expertrequest": {"answer": _("answer from"), "organisations": _("NGOs that gave the help")},
    "cooperation.negotiation": {
        "carried_over": _("measures carried over from last year"),
        "goal": _("goal"),
        "measure": _("measure"),
        "indicator": _("indicator"),
        "monitoring_on": _("followed up on"),
        "follow_up": _("follow-up"),
        "sectors": _("responsible sectors"),
    },
}


def body_governance(request, body) -> dict | None:
    seat_count = queries.current_seats().filter(group__body=body).count()
    return {"body": body, "seat_count": seat_count}


def my_governance(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    context = {
        "to_nominate": list(queries.requests_to_nominate(request.user)[:PANEL_ROWS]),
        "to_confirm": list(queries.nominations_to_confirm(request.user)[:PANEL_ROWS]),
        "actions": list(queries.open_actions_for(request.user)[:PANEL_ROWS]),
        "expert_requests": list(queries.open_expert_requests_for(request.user)[:PANEL_ROWS]),
    }
    if not any(context.values()):
        return None
    return context


def register() -> None:
    """Called from the cooperation app's AppConfig.ready()."""
    audit.register_action_labels(ACTION_LABELS)
    for object_type, labels in CHANGE_LABELS.items():
        audit.register_change_labels(object_type, labels)
    register_body_section(Section("governance", "cooperation/governance/_body_section.html", body_governance, order=55))
    register_dashboard_panel(Section("governance", "cooperation/governance/_dashboard.html", my_governance, order=35))
