"""Core's part of a person's own page (/oma/): their roles in public bodies and, for the platform
admin, the admin tools. The apps add the NGO roles and the counted tasks (core.pages)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import BodyRoleKind
from kumppani.core.pages import STAFF_KEY, Role, Task, body_role_key, register_role_source, register_task_source
from kumppani.core.rules import is_platform_admin

# What a person in each body role does here: shown on their role's card while nothing is counted.
ROLE_HELP = {
    BodyRoleKind.COORDINATOR: _(
        "You look after the NGOs of this area: verify new NGOs, approve their representatives and keep "
        "the cooperation going."
    ),
    BodyRoleKind.OFFICIAL: _(
        "You record your sector's cooperation with NGOs, ask them for expert help and handle grant applications."
    ),
    BodyRoleKind.BOARD_SECRETARY: _("You prepare the board's grant lists and record the board's decisions."),
    BodyRoleKind.PREMISES_MANAGER: _("You publish the spaces NGOs may use and approve their bookings."),
    BodyRoleKind.VIEWER: _("You can read this body's information in Kumppani, but not change it."),
}
ROLE_ORDER = {
    BodyRoleKind.COORDINATOR: 20,
    BodyRoleKind.OFFICIAL: 30,
    BodyRoleKind.BOARD_SECRETARY: 40,
    BodyRoleKind.PREMISES_MANAGER: 50,
    BodyRoleKind.VIEWER: 60,
}


def body_roles(request) -> list[Role]:
    user = request.user
    if not user.is_authenticated:
        return []
    roles = []
    for role in user.body_roles.select_related("body").order_by("body__name", "role"):
        title = f"{role.get_role_display()}{f' ({role.sector})' if role.sector else ''} – {role.body.name}"
        roles.append(
            Role(
                key=body_role_key(role.body_id, role.role),
                title=title,
                help=str(ROLE_HELP.get(role.role, "")),
                url=role.body.get_absolute_url(),
                order=ROLE_ORDER.get(role.role, 90),
            )
        )
    if is_platform_admin(user):
        roles.append(
            Role(STAFF_KEY, str(_("Platform admin")), str(_("You manage public bodies, users and vocabularies.")))
        )
    return roles


def admin_tools(request) -> list[Task]:
    """The platform admin's tools, as links (no count)."""
    if not is_platform_admin(request.user):
        return []
    return [
        Task(STAFF_KEY, str(_("Admin site: bodies, users and vocabularies")), None, reverse("admin:index"), order=10),
        Task(STAFF_KEY, str(_("Sent e-mails")), None, reverse("core:outbox"), order=20),
    ]


def register() -> None:
    register_role_source("core", body_roles)
    register_task_source("core", admin_tools)
