"""Filter building blocks shared by the apps' API viewsets."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from kumppani.core.models import Term


class _TermsField(django_filters.fields.ModelMultipleChoiceField):
    def clean(self, value):
        # "?theme=" (an empty value, as a form sends it) means no filter, not an unknown term.
        return super().clean([v for v in (value or []) if v])


class TermsFilter(django_filters.ModelMultipleChoiceFilter):
    """Filter by terms given as slugs or codes; repeated, every one of them must match."""

    field_class = _TermsField


def documented(filter_, description: str):
    """Document a filter by slugs or codes as a string parameter in the OpenAPI document."""
    return extend_schema_field({"type": "string", "description": description})(filter_)


def term_filter(field_name: str, vocabulary: str, description: str):
    """Filter by terms of a vocabulary given as slugs; repeated, every one of them must match."""
    return documented(
        TermsFilter(
            field_name=f"{field_name}__slug",
            queryset=Term.objects.filter(vocabulary=vocabulary),
            to_field_name="slug",
            conjoined=True,
        ),
        description,
    )


# Ids and years are checked as whole numbers in a range before any query: "?programme=1e30" or a
# number past the database's integer is a 400 that names the parameter, never a 500.
MAX_ID = 2**31 - 1


class _StrictBooleanField(forms.Field):
    widget = forms.TextInput
    default_error_messages = {"invalid": _("Give true or false.")}

    def to_python(self, value):
        # "?open=" names the filter without a value: refused like "?open=x" (as the document's
        # boolean type says), not read as "no filter" (as "?year=" is refused below).
        if value is None:
            return None
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


@extend_schema_field({"type": "boolean"})
class StrictBooleanFilter(django_filters.BooleanFilter):
    """true or false; any other value is refused (not read as "no filter")."""

    field_class = _StrictBooleanField


class _WholeNumberField(forms.IntegerField):
    default_error_messages = {"invalid": _("Give a whole number.")}

    def to_python(self, value):
        # "?year=" names the filter without a number: refused like "?year=x" (as the document's
        # integer type says), not read as "no filter".
        if value == "":
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An object's numeric id."""

    field_class = _WholeNumberField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2200})
class YearFilter(django_filters.NumberFilter):
    """A year, e.g. 2026."""

    field_class = _WholeNumberField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        super().__init__(*args, **kwargs)
