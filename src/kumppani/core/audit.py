"""The audit history: every domain function that changes something records it here."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import AuditEntry

ACTION_LABELS = {
    "created": _("Added to the register"),
    "updated": _("Information changed"),
    "verified": _("Verified"),
    "status_changed": _("Status changed"),
    "contacts_changed": _("Contact persons changed"),
    "merged": _("A duplicate entry merged into this"),
    "merged_into": _("Merged into another entry"),
    "invited": _("Invitation sent"),
    "member_added": _("Representative added"),
    "member_removed": _("Representative removed"),
    "membership_requested": _("Asked to represent the NGO"),
    "membership_approved": _("Request approved"),
    "membership_declined": _("Request declined"),
    "role_added": _("Role added"),
    "role_removed": _("Role removed"),
    "signed_up": _("Signed up"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def field_label(object_type: str, field: str) -> str:
    """The field's own name as the forms show it ("name_sv" → "name [sv]"), or the key itself."""
    try:
        return str(apps.get_model(object_type)._meta.get_field(field).verbose_name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return field


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The current values of `fields`, in a form that can be stored as JSON."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(o) for o in getattr(obj, name).all()) if obj.pk else []
        else:
            value = getattr(obj, field.attname)
            values[name] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return values


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for each field whose value changed."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def record(*, actor, obj: models.Model, action: str, changes: dict | None = None, message: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:250],
        changes=changes or {},
        message=message[:500],
    )


def history_for(obj: models.Model):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")
