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


# --- A person's tasks on their own page, by role ----------------------------------------------------
# Each role a person holds (a body role, an NGO they represent, a request waiting for approval, the
# platform admin) is a card at the top of /oma/ listing what waits for them in that role, with counts.
# Core gives the body roles and the platform admin; the apps add NGO roles and the tasks themselves.


@dataclass(frozen=True)
class Role:
    key: str  # what tasks name: role_key(body=…, kind=…), ngo_key(organisation) or "staff"
    title: str
    help: str = ""  # what a person in this role does here, shown while no task is counted
    url: str = ""
    order: int = 100


@dataclass(frozen=True)
class Task:
    role: str  # the Role.key this task belongs to
    label: str  # already counted, e.g. ngettext("%(count)s request …", …)
    count: int
    url: str
    due: object = None  # a date, shown as "by 15.12.2026"
    order: int = 100


_role_sources: dict[str, Callable[[HttpRequest], list[Role]]] = {}
_task_sources: dict[str, Callable[[HttpRequest], list[Task]]] = {}


def body_role_key(body_id: int, kind: str) -> str:
    return f"body:{body_id}:{kind}"


def ngo_key(organisation_id: int) -> str:
    return f"ngo:{organisation_id}"


STAFF_KEY = "staff"


def register_role_source(name: str, source: Callable[[HttpRequest], list[Role]]) -> None:
    """Roles a person holds in an app (e.g. the NGOs they represent): source(request) → [Role]."""
    _role_sources[name] = source


def register_task_source(name: str, source: Callable[[HttpRequest], list[Task]]) -> None:
    """What waits for a person, with counts: source(request) → [Task], each naming one of their roles.
    A task whose count is 0 still tells the person that nothing waits of that kind."""
    _task_sources[name] = source


@dataclass
class RoleCard:
    role: Role
    tasks: list[Task]

    @property
    def waiting(self) -> int:
        return sum(task.count for task in self.tasks)


def role_cards(request: HttpRequest) -> list[RoleCard]:
    """The person's roles in order, each with its tasks (counted ones first, then by order)."""
    roles: dict[str, Role] = {}
    for name in sorted(_role_sources):
        for role in _role_sources[name](request):
            roles.setdefault(role.key, role)
    tasks: dict[str, list[Task]] = {key: [] for key in roles}
    for name in sorted(_task_sources):
        for task in _task_sources[name](request):
            if task.role in tasks:
                tasks[task.role].append(task)
    cards = [
        RoleCard(role, sorted(tasks[role.key], key=lambda t: (t.count == 0, t.order, str(t.label))))
        for role in roles.values()
    ]
    return sorted(cards, key=lambda card: (card.role.order, card.role.title))


# --- Searching everything at once ----------------------------------------------------------------
# A resident does not know whether what they look for is an activity, an NGO or an event: the front
# page's search asks every directory at once, and a directory that finds nothing tells how many the
# others found for the same words. Each directory registers how it searches (AppConfig.ready()).


@dataclass(frozen=True)
class Hit:
    """One found thing: its name (or `obj`'s translated `field`, shown with core's `content` tag so
    that a text only in Finnish is marked as such), its address and a line about it."""

    title: str
    url: str
    note: str = ""
    obj: object = None
    field: str = ""


@dataclass(frozen=True)
class Finding:
    total: int
    hits: list[Hit]
    more: bool = False  # the count stopped at `total`: there are more


@dataclass(frozen=True)
class SearchArea:
    """A directory that takes search words as ?q=: `find(query, limit)` gives the number of its
    results and the best `limit` of them (none, and no query for them, when `limit` is 0; then the
    number may be where the count stopped, with `more`), each in a fixed number of queries;
    `counted(n)` names n results ("3 activities")."""

    name: str
    title: str
    directory: str  # the URL name of the directory
    find: Callable[[str, int], Finding]
    counted: Callable[[int], str]
    order: int = 100


_search_areas: dict[str, SearchArea] = {}


def register_search_area(area: SearchArea) -> None:
    _search_areas[area.name] = area


def search_areas() -> list[SearchArea]:
    return sorted(_search_areas.values(), key=lambda a: (a.order, a.name))


def directory_url(area: SearchArea, query: str = "") -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    url = reverse(area.directory)
    return f"{url}?{urlencode({'q': query})}" if query else url


def search_everywhere(query: str, *, limit: int) -> list[tuple[SearchArea, Finding, str]]:
    """(area, its finding, the address of all its results) for every directory."""
    return [(area, area.find(query, limit), directory_url(area, query)) for area in search_areas()]


def found_elsewhere(query: str, *, exclude: str) -> list[tuple[str, str]]:
    """(label, address) of the other directories that find something for `query` ("4 activities for
    “peer support”"), for a directory's "nothing found" box."""
    from django.utils.translation import gettext as _

    found = []
    for area in search_areas():
        if area.name == exclude:
            continue
        finding = area.find(query, 0)
        if finding.more:
            label = _("over %(found)s for “%(query)s”") % {"found": area.counted(finding.total), "query": query}
        elif finding.total:
            label = _("%(found)s for “%(query)s”") % {"found": area.counted(finding.total), "query": query}
        else:
            continue
        found.append((label, directory_url(area, query)))
    return found
