"""Premises on other pages: a body's spaces on its page (with the managers' and officials' links),
and on a person's own page the bookings waiting for their approval and their NGOs' coming bookings.
And the places on premises' own pages that apps above fill: links on a booking's page and sections
of a space's page."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_body_section, register_dashboard_panel
from kumppani.organisations.pages import Link, register_ngo_link
from kumppani.premises import queries

PANEL_ROWS = 10

# Links that apps above premises add to a booking's page (e.g. events: "Announce this as an
# event"). Each is a function (request, booking) -> {"label": …, "url": …} or None.
_booking_actions = []


def register_booking_action(action) -> None:
    if action not in _booking_actions:
        _booking_actions.append(action)


def booking_actions(request, booking) -> list:
    links = (action(request, booking) for action in _booking_actions)
    return [link for link in links if link is not None]


# Sections that apps above premises add to a space's page (e.g. events: the coming public events
# held in the space). Each is a core.pages.Section whose context(request, space) gives a dict or
# None when there is nothing to show; shown in the order of their `order`.
_space_sections: dict[str, Section] = {}


def register_space_section(section: Section) -> None:
    _space_sections[section.name] = section


def space_sections(request, space) -> list[SafeString]:
    rendered = []
    for section in sorted(_space_sections.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, space)
        if context is not None:
            # The templates are the apps' own and autoescaped; the result is trusted HTML.
            rendered.append(mark_safe(render_to_string(section.template, context, request)))
    return rendered


def body_spaces(request, body) -> dict | None:
    spaces = list(body.spaces.filter(is_published=True).select_related("municipality").order_by("name", "pk")[:20])
    can_manage = request.user.has_perm("premises.add_space", body)
    can_see_usage = request.user.has_perm("premises.view_usage", body)
    if not spaces and not can_manage:
        return None
    return {"body": body, "spaces": spaces, "can_manage": can_manage, "can_see_usage": can_see_usage}


def my_bookings(request) -> dict | None:
    waiting = list(queries.waiting_for(request.user)[:PANEL_ROWS]) if not request.user.is_staff else []
    coming = list(queries.coming_for(request.user)[:PANEL_ROWS])
    if not waiting and not coming:
        return None
    return {"waiting": waiting, "coming": coming}


def register() -> None:
    register_body_section(Section("premises", "premises/_body_section.html", body_spaces, order=40))
    register_dashboard_panel(Section("premises", "premises/_dashboard.html", my_bookings, order=40))
    register_ngo_link(
        "space_bookings",
        Link(_("Space bookings"), lambda organisation: reverse("premises:ngo_bookings", args=[organisation.slug]), 30),
    )
