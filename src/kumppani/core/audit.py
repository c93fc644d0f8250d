"""The audit history: every domain function that changes something records it here."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import AuditEntry

ACTION_LABELS = {
    "created": _("Added to the register"),
    "updated": _("Information changed"),
    "invited": _("Invitation sent"),
    "role_added": _("Role added"),
    "role_removed": _("Role removed"),
    "signed_up": _("Signed up"),
    "api_key_created": _("API key created"),
    "api_key_replaced": _("API key replaced with a new one"),
    "api_key_revoked": _("API key revoked"),
}


def register_action_labels(labels: dict) -> None:
    """Each app names its own actions in its AppConfig.ready(): {"path_created": _("…"), …}."""
    ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def _model_field(object_type: str, key: str):
    """The model field a change key names, or None. A dotted key names a field of a related
    model: a service path records its steps' changes as "steps.title_fi"."""
    try:
        model = apps.get_model(object_type)
        *relations, name = key.split(".")
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        return model._meta.get_field(name)
    except (LookupError, ValueError, AttributeError, FieldDoesNotExist):
        return None


IN_LANGUAGE = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}

# Names of the keys a history entry records that are no field of the model ("grants.boardmeeting":
# {"proposed_total": _("total proposed")}); each app registers its own in AppConfig.ready().
CHANGE_LABELS: dict[str, dict[str, str]] = {}


def register_change_labels(object_type: str, labels: dict) -> None:
    """Name the recorded keys of `object_type` ("app_label.modelname") that are no model field, so
    the history and a stale form's message never show a raw key."""
    CHANGE_LABELS.setdefault(object_type, {}).update(labels)


def field_label(object_type: str, field: str) -> str:
    """The field's name in plain words ("name_sv" → "name in Swedish"), a registered key's name, or
    the key itself (e.g. an application's reference, which people read as it is)."""
    if field in CHANGE_LABELS.get(object_type, {}):
        return str(CHANGE_LABELS[object_type][field])
    model_field = _model_field(object_type, field)
    if model_field is None:
        return field
    base, _sep, language = field.rpartition("_")
    base_field = _model_field(object_type, base) if language in IN_LANGUAGE else None
    if base_field is not None and hasattr(base_field, "verbose_name"):
        return f"{base_field.verbose_name} {IN_LANGUAGE[language]}"
    # A reverse relation (e.g. an application's budget lines) has no verbose name of its own.
    return str(getattr(model_field, "verbose_name", None) or model_field.related_model._meta.verbose_name_plural)


def value_label(object_type: str, field: str, value) -> str:
    """A recorded value as people read it: a choice by its label ("ngo" → "NGO activity"), yes or
    no, a list joined with commas, nothing as a dash."""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if _empty(value):
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    choices = dict(getattr(_model_field(object_type, field), "flatchoices", None) or [])
    return str(choices.get(value, value))


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


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for each field whose value changed (an empty field left empty has not)."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (_empty(before.get(name)) and _empty(value))
    }


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
