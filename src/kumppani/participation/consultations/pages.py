"""Consultations on other pages: the body page's list and the person's own page's panels."""

from kumppani.core.pages import Section, register_body_section, register_dashboard_panel
from kumppani.participation.consultations import queries

PANEL_ROWS = 10


def body_consultations(request, body) -> dict | None:
    consultations = list(queries.body_consultations(body, request.user)[:PANEL_ROWS])
    can_add = request.user.has_perm("participation.add_consultation", body)
    if not consultations and not can_add:
        return None
    return {"body": body, "consultations": consultations, "can_add": can_add}


def my_consultations(request) -> dict | None:
    asked = queries.open_for_my_ngos(request.user)[:PANEL_ROWS]
    waiting = list(queries.waiting_for_response(request.user)[:PANEL_ROWS])
    if not asked and not waiting:
        return None
    return {"asked": asked, "waiting": waiting}


def register() -> None:
    register_body_section(
        Section("consultations", "participation/consultations/_body_section.html", body_consultations, order=60)
    )
    register_dashboard_panel(
        Section("consultations", "participation/consultations/_dashboard.html", my_consultations, order=60)
    )
