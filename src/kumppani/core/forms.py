"""What the apps' forms share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import DjangoTemplates

from kumppani.core.validators import reject_hidden_characters


def add_service_errors(form: forms.BaseForm, error: ValidationError, *, default_field: str | None = None) -> None:
    """Show a domain function's ValidationError on the form that was saved: each error beside the
    field it names, the rest (and fields the form does not have) at the top of the form, or beside
    `default_field` when the error names no field at all (e.g. the file of an upload form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(default_field, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, errors)


# A long text typed into a form (a description, a purpose, an answer) is ample at this length.
FORM_TEXT_MAX_LENGTH = 10_000


def _reject_hidden_characters(value) -> None:
    if isinstance(value, str):  # a UUIDField is a CharField whose value is a UUID
        reject_hidden_characters(value)


class CleanTextFormMixin:
    """Every text field of the form refuses hidden characters (core.validators), and a text
    without a limit of its own gets FORM_TEXT_MAX_LENGTH: a form refuses what the model would."""

    def full_clean(self):
        if not getattr(self, "_text_checks_added", False):
            for field in self.fields.values():
                if (
                    not isinstance(field, forms.CharField)
                    or isinstance(field, forms.UUIDField)
                    or isinstance(field.widget, forms.PasswordInput)
                ):
                    continue
                field.validators.append(_reject_hidden_characters)
                if field.max_length is None:
                    field.max_length = FORM_TEXT_MAX_LENGTH
                    field.validators.append(MaxLengthValidator(FORM_TEXT_MAX_LENGTH))
                    field.widget.attrs.setdefault("maxlength", str(FORM_TEXT_MAX_LENGTH))
            self._text_checks_added = True
        super().full_clean()


class MarkedBoundField(forms.BoundField):
    """A field that says it is required: its label (or legend) has the class "required", which the
    style sheet marks with *, and its input carries aria-required beside the browser's `required`."""

    def css_classes(self, extra_classes=None):
        classes = super().css_classes(extra_classes)
        return f"{classes} required".strip() if self.field.required and "required" not in classes else classes

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        if self.field.required and not hasattr(self.form, "required_css_class"):
            attrs = {**(attrs or {})}
            attrs["class"] = f"{attrs.get('class', '')} required".strip()
        return super().label_tag(contents, attrs, label_suffix, tag)

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        # Only where the browser's `required` goes: ARIA allows no aria-required on a radio button
        # or on one box of a group of checkboxes.
        if attrs.get("required"):
            attrs["aria-required"] = "true"
        return attrs


class Renderer(DjangoTemplates):
    """The project's form renderer (settings.FORM_RENDERER): Django's default templates, and
    fields that mark themselves required."""

    bound_field_class = MarkedBoundField
