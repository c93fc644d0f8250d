"""The active filters of a directory as removable chips: each says what it filters by and links to
the same search without it. Built from the directory's filter form, so every directory shows its
filters the same way."""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

# Parameters that are not filters: the order and the page.
NOT_FILTERS = frozenset({"sort", "page"})


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str  # the query string ("?…") of the same search without this filter


def _without(params: QueryDict, name: str, value: str) -> str:
    rest = params.copy()
    rest.pop("page", None)
    kept = [v for v in rest.getlist(name) if v != value]
    if kept:
        rest.setlist(name, kept)
    else:
        rest.pop(name, None)
    return f"?{rest.urlencode()}" if rest else "?"


def _value_label(field: forms.Field, value: str, cleaned) -> str | None:
    if isinstance(field, forms.BooleanField):
        return str(field.label) if cleaned else None
    if isinstance(field, forms.ModelMultipleChoiceField):
        key = field.to_field_name or "pk"
        for obj in cleaned or []:
            if str(getattr(obj, key)) == value:
                return f"{field.label}: {field.label_from_instance(obj)}"
        return None
    if isinstance(field, forms.ChoiceField):
        choices = {str(k): v for k, v in field.choices}
        return f"{field.label}: {choices[value]}" if value in choices else None
    return f"{field.label}: “{value}”"


def active_filters(form: forms.Form, params: QueryDict, *, skip: frozenset[str] = frozenset()) -> list[Chip]:
    """The filters `params` asks for that `form` understood, in the order of the form's fields; the
    fields named in `skip` are not filters (e.g. a calendar's view and date)."""
    if not form.is_bound or not form.is_valid():
        return []
    chips = []
    for name, field in form.fields.items():
        if name in NOT_FILTERS or name in skip:
            continue
        for value in params.getlist(name):
            value = value.strip()
            if not value:
                continue
            label = _value_label(field, value, form.cleaned_data.get(name))
            if label:
                chips.append(Chip(label, _without(params, name, value)))
    return chips
