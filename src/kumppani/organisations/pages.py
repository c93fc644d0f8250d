"""The register's part of core's pages: a body's NGOs on its page; on a person's own page their NGOs
and, for a coordinator, the register of their bodies.

The apps above add their own buttons to an NGO's card and to a coordinated body's section with
`register_ngo_link` and `register_coordinator_link` (e.g. activities adds "Our activities")."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import (
    Finding,
    Hit,
    SearchArea,
    Section,
    register_body_section,
    register_dashboard_panel,
    register_search_area,
)
from kumppani.organisations.queries import coordinator_overview, public_organisations, search_found, serving_body


@dataclass(frozen=True)
class Link:
    label: str
    url: Callable  # the NGO (or body) → its address
    order: int = 100


_ngo_links: dict[str, Link] = {}
_coordinator_links: dict[str, Link] = {}


def register_ngo_link(name: str, link: Link) -> None:
    """A button on the card of each NGO a person represents: link.url(organisation)."""
    _ngo_links[name] = link


def register_coordinator_link(name: str, link: Link) -> None:
    """A button in the section of each body a person coordinates: link.url(body)."""
    _coordinator_links[name] = link


def _links(registry: dict[str, Link], obj) -> list[tuple[str, str]]:
    return [(link.label, link.url(obj)) for link in sorted(registry.values(), key=lambda link: link.order)]


def body_ngos(request, body) -> dict:
    organisations = serving_body(public_organisations(), body)
    return {
        "body": body,
        "organisation_count": organisations.count(),
        "recent": organisations.order_by("-updated_at")[:6],
        "can_coordinate": request.user.has_perm("core.coordinate_body", body),
    }


def my_ngos(request) -> dict:
    user = request.user
    memberships = list(user.memberships.select_related("organisation"))
    for membership in memberships:
        membership.links = _links(_ngo_links, membership.organisation)
    coordinated = coordinator_overview(user)
    for item in coordinated:
        item["links"] = _links(_coordinator_links, item["body"])
    return {"memberships": memberships, "coordinated": coordinated}


def find_ngos(query: str, limit: int) -> Finding:
    """The NGOs part of the front page's search."""
    total, found = search_found(query, limit, language=get_language())
    hits = [Hit(o.name, o.get_absolute_url(), ", ".join(area.name for area in o.areas.all())) for o in found]
    return Finding(total, hits)


def register() -> None:
    register_search_area(
        SearchArea(
            "organisations",
            _("NGOs"),
            "organisations:directory",
            find_ngos,
            lambda n: ngettext("%(count)s NGO", "%(count)s NGOs", n) % {"count": n},
            order=20,
        )
    )
    register_body_section(Section("organisations", "organisations/pages/body_ngos.html", body_ngos, order=10))
    register_dashboard_panel(Section("organisations", "organisations/pages/my_ngos.html", my_ngos, order=10))
