"""Places on core's pages that the apps above fill: the sections of a public body's page and the
panels of a person's own page (/oma/). Core knows no app; each app registers its own in its
AppConfig.ready(), so a new app adds its tasks and its part of the body page without touching core.

A section is a template and a function that gives its context, or None when the section has nothing
to show to this person; sections are shown in the order of their `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from kumppani.core.models import PublicBody


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable[..., dict | None]
    order: int = 100


_body_sections: dict[str, Section] = {}
_dashboard_panels: dict[str, Section] = {}


def register_body_section(section: Section) -> None:
    """Add a section to every public body's page: context(request, body) → dict or None."""
    _body_sections[section.name] = section


def register_dashboard_panel(section: Section) -> None:
    """Add a panel to the signed-in person's own page: context(request) → dict or None."""
    _dashboard_panels[section.name] = section


def _render(sections: dict[str, Section], request: HttpRequest, *args) -> list[SafeString]:
    rendered = []
    for section in sorted(sections.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, *args)
        if context is not None:
            # The templates are the apps' own and autoescaped; the result is trusted HTML.
            rendered.append(mark_safe(render_to_string(section.template, context, request)))
    return rendered


def body_sections(request: HttpRequest, body: PublicBody) -> list[SafeString]:
    return _render(_body_sections, request, body)


def dashboard_panels(request: HttpRequest) -> list[SafeString]:
    return _render(_dashboard_panels, request)
