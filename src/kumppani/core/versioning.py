"""No lost updates: what several people edit carries a version, and a save from an older form is refused.

The convention, for a model that more than one person edits (an NGO, an activity, a service path, a
grant programme, a board meeting):

- the model has `version = versioning.version_field()`;
- its form carries the version it was made from in a hidden field (`VersionedFormMixin`), and its
  API serializer a `version` field (`version_serializer_field()`);
- its service, inside `transaction.atomic()`, calls `check(obj, version)` before changing anything:
  the row is locked until the transaction ends, and a version other than the stored one is refused
  with a ValidationError(code="stale") that lists what changed meanwhile, with the current values;
- after the change, `claim(obj, changes)` moves to the next version when something changed and
  returns the changes with the version's move for `audit.record`: the history is how a later stale
  form learns what changed after it was made;
- every other service that changes such an object claims the next version too, so that a form made
  before the change cannot undo it.

The API answers a stale change with 409 Conflict (core.api.exceptions), the page shows the form again
with what the person typed (`keep_input`).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

STALE = "stale"
# A changed text is shown only so far in the message; the form and the history show it all.
_SHOWN_LENGTH = 120
# How far back the history is read for what changed meanwhile (newest first).
_HISTORY_DEPTH = 200


def version_field() -> models.PositiveIntegerField:
    """The model field: 1 when created, one more for every saved change."""
    return models.PositiveIntegerField(_("version"), default=1, editable=False)


def version_serializer_field(**kwargs):
    """The API's `version`: read it with the object, send it back with a change."""
    from rest_framework import serializers

    return serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2_147_483_647,
        help_text="The version you last read. Send it back with a change: a change based on an older version is "
        "refused with 409 Conflict and a message listing what changed meanwhile, so that nobody's work is "
        "overwritten. Required with PUT; a PATCH without it changes only the fields it sends.",
        **kwargs,
    )


class VersionedFormMixin(forms.Form):
    """A form that edits a versioned object: the version it was made from travels with it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2_147_483_647)


def _locked_version(obj: models.Model) -> int | None:
    return type(obj)._base_manager.select_for_update().filter(pk=obj.pk).values_list("version", flat=True).first()


def check(obj: models.Model, version: int | None) -> None:
    """Lock the object's row until the transaction ends; refuse a change made from another version.

    `version` None is a change that names no version (an API PATCH of some fields): it is checked
    against the version the object was read at in the same request. Call inside transaction.atomic()."""
    stored = _locked_version(obj)
    if version is None:
        version = obj.version
    if stored != version or obj.version != stored:
        raise stale_error(obj, version)


def claim(obj: models.Model, changes: dict) -> dict:
    """After a change made under `check`: when something changed, move to the next version and
    return `changes` with the version's move, for `audit.record`. Nothing changed, nothing claimed.

    The UPDATE names the old version, so of two saves from the same version only one can claim it,
    even where the database does not lock rows (SQLite)."""
    if not changes:
        return changes
    old = obj.version
    if not type(obj)._base_manager.filter(pk=obj.pk, version=old).update(version=F("version") + 1):
        raise stale_error(obj, old)
    obj.version = old + 1
    return {**changes, "version": [old, old + 1]}


def changes_since(obj: models.Model, version: int) -> dict[str, list]:
    """{field: [value when version `version` was read, value now]} for each field changed since,
    read from the history (newest first)."""
    from kumppani.core.audit import history_for

    changed: dict[str, list] = {}
    for entry in history_for(obj).select_related(None).only("changes")[:_HISTORY_DEPTH]:
        move = entry.changes.get("version") if isinstance(entry.changes, dict) else None
        if not (isinstance(move, list) and len(move) == 2 and isinstance(move[0], int)):
            continue
        if move[0] < version:
            break
        for field, values in entry.changes.items():
            if field == "version" or not isinstance(values, list) or len(values) != 2:
                continue
            if field in changed:
                changed[field][0] = values[0]  # an older entry: its old value is older still
            else:
                changed[field] = list(values)
    return changed


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def stale_error(obj: models.Model, version: int) -> ValidationError:
    """The refusal of a change made from an older version, naming what changed since then."""
    from kumppani.core.audit import field_label, value_label

    object_type = obj._meta.label_lower
    changed = changes_since(obj, version)
    message = gettext("Someone else saved these details after you opened them, so your changes were not saved.")
    if changed:
        listed = "; ".join(
            f"{field_label(object_type, field)}: {_shown(value_label(object_type, field, values[1]))}"
            for field, values in changed.items()
        )
        message += " " + gettext("Changed meanwhile (now): %(changes)s.") % {"changes": listed}
    message += " " + gettext("Check your changes against these and save again.")
    return ValidationError(message, code=STALE)


def is_stale(error: ValidationError) -> bool:
    return (
        any(getattr(e, "code", None) == STALE for e in error.error_list)
        if not hasattr(error, "error_dict")
        else any(getattr(e, "code", None) == STALE for errors in error.error_dict.values() for e in errors)
    )


def keep_input(form: forms.BaseForm, obj: models.Model, version: int) -> None:
    """Show a refused stale form again, ready for a second, informed save: it keeps what the person
    typed, carries the current version, and a field the person had not changed shows its new value
    (so saving again keeps the other person's change to it)."""
    stored = type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first()
    data = form.data.copy()
    for field, (before, now) in changes_since(obj, version).items():
        if field not in form.fields or isinstance(now, (list, bool)) or isinstance(before, (list, bool)):
            continue
        name = form.add_prefix(field)
        if _text(data.get(name)) == _text(before):
            data[name] = _text(now)
    data[form.add_prefix("version")] = str(stored)
    form.data = data


def _text(value) -> str:
    return "" if value is None else str(value).replace("\r\n", "\n").strip()
