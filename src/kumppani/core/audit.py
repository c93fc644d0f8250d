"""The audit history: every domain function that changes something records it here."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import AuditEntry, BodyRoleKind
from kumppani.core.templatetags.kumppani import euros

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
CHANGE_LABELS: dict[str, dict[str, str]] = {
    # A body's people: role_added / role_removed record the role and the person's address.
    "core.publicbody": dict(BodyRoleKind.choices),
}


# Recorded keys that are no model field but hold an amount of money ("grants.application": {"amount"}).
MONEY_KEYS: dict[str, set[str]] = {}
# Names of the codes a key's list holds when its field has no choices of its own (a JSON list).
VALUE_CHOICES: dict[str, dict[str, dict]] = {}


def register_change_labels(
    object_type: str, labels: dict, *, money: tuple[str, ...] = (), choices: dict | None = None
) -> None:
    """Name the recorded keys of `object_type` ("app_label.modelname") that are no model field, so
    the history and a stale form's message never show a raw key; `money` names those of them whose
    values are amounts in euros, shown as 1 234,50 €; `choices` ({key: [(code, label), …]}) names
    the codes a key's values are ("rules" → "Rules of the association")."""
    CHANGE_LABELS.setdefault(object_type, {}).update(labels)
    MONEY_KEYS.setdefault(object_type, set()).update(money)
    for key, pairs in (choices or {}).items():
        VALUE_CHOICES.setdefault(object_type, {})[key] = dict(pairs)


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
    no, a date as 5.12.2026 and a time as 18.00 in the active language's short format, money as
    1 234,50 €, a list joined with commas, nothing as a dash."""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if _empty(value):
        return "–"
    if isinstance(value, list):
        names = VALUE_CHOICES.get(object_type, {}).get(field, {})
        return ", ".join(str(names.get(v, v)) for v in value)
    model_field = _model_field(object_type, field)
    if field in MONEY_KEYS.get(object_type, ()):
        model_field = models.DecimalField(max_digits=12, decimal_places=2)
    elif model_field is None and isinstance(value, str):
        model_field = _field_for_iso_text(value)
    shown = _typed_value(model_field, value)
    if shown is not None:
        return shown
    choices = dict(getattr(model_field, "flatchoices", None) or [])
    return str(choices.get(value, value))


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _field_for_iso_text(value: str):
    """A key that is no model field may still hold a date recorded as text (a usage report's due
    date on its application): read it as one, so that no ISO date reaches a person."""
    if _ISO_DATE.match(value):
        return models.DateField()
    if _ISO_DATETIME.match(value):
        return models.DateTimeField()
    return None


def _typed_value(model_field, value) -> str | None:
    """A date, time or amount recorded as text (snapshot() stores str(value)) in the people's
    format; None when the field is of no such type or the text does not read as one."""
    try:
        if isinstance(model_field, models.DateTimeField):
            moment = dt.datetime.fromisoformat(str(value))
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
        if isinstance(model_field, models.DateField):
            return formats.date_format(dt.date.fromisoformat(str(value)[:10]), "SHORT_DATE_FORMAT")
        if isinstance(model_field, models.TimeField):
            return formats.time_format(dt.time.fromisoformat(str(value)), "TIME_FORMAT")
        if isinstance(model_field, models.DecimalField):
            amount = Decimal(str(value))
            if model_field.decimal_places == 2:  # the project's amounts of money are all in cents
                return euros(amount, "always")
            return formats.number_format(amount, use_l10n=True)
    except (ValueError, TypeError, InvalidOperation):
        return None
    return None


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


def is_edit(action: str) -> bool:
    """An action that records the edited fields of a thing: "updated" or "<thing>_updated"."""
    return action == "updated" or action.endswith("_updated")


def record(
    *, actor, obj: models.Model, action: str, changes: dict | None = None, message: str = ""
) -> AuditEntry | None:
    """Write a history entry of `obj`. An edit (is_edit) that changed nothing writes none: a form
    saved as it was is no event in anyone's history."""
    if is_edit(action) and not changes:
        return None
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
