"""What the apps' forms share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError, *, default_field: str | None = None) -> None:
    """Show a domain function's ValidationError on the form that was saved: each error beside the
    field it names, the rest (and fields the form does not have) at the top of the form, or beside
    `default_field` when the error names no field at all (e.g. the file of an upload form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(default_field, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, errors)
