"""The audit history: every domain function that changes something records it here."""

from django.db import models

from kumppani.core.models import AuditEntry


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
