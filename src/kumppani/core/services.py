"""Business rules of the core app: roles in public bodies."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core.models import BodyRole, BodyRoleKind, User


@transaction.atomic
def body_role_remove(*, role: BodyRole, by: User) -> None:
    """A coordinator takes a role away. The last coordinator of a body cannot remove themself,
    so a body is never left without someone who can invite the next one."""
    if not by.has_perm("core.coordinate_body", role.body):
        raise PermissionDenied
    if (
        role.role == BodyRoleKind.COORDINATOR
        and not BodyRole.objects.filter(body=role.body, role=BodyRoleKind.COORDINATOR).exclude(pk=role.pk).exists()
        and not by.is_staff
    ):
        raise ValidationError(
            _("The last NGO coordinator cannot be removed. Invite another coordinator first."),
            code="last_coordinator",
        )
    audit.record(actor=by, obj=role.body, action="role_removed", changes={role.role: [role.user.email, None]})
    role.delete()
