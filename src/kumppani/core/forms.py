"""What the apps' forms share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

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


_WIDGETS = "django/forms/widgets/"
_SELECT = f"{_WIDGETS}select.html"
_OPTION = f"{_WIDGETS}select_option.html"
# Django's templates of an <input> that hold nothing but input.html, and of a checkbox or radio
# button of a group (input_option.html).
_INPUTS = {
    f"{_WIDGETS}{name}.html"
    for name in (
        "input", "checkbox", "color", "date", "datetime", "email", "file", "hidden",
        "number", "password", "search", "tel", "text", "time", "url",
    )
}  # fmt: skip
_INPUT_OPTIONS = {f"{_WIDGETS}checkbox_option.html", f"{_WIDGETS}radio_option.html"}


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: a safe value stays as it is, any other is escaped."""
    text = "%s" % (value,)  # noqa: UP031 - as the template filter does it
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html in Python."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _select(widget: dict) -> str | None:
    """django/forms/widgets/select.html and select_option.html in Python, character for character:
    a select of every municipality has hundreds of options, and the template engine renders each
    as its own template. None when an option has a template of its own."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts).strip()


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html in Python."""
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    kind, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _input_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html in Python."""
    if not widget.get("wrap_label"):
        return _input(widget)
    target = widget["attrs"].get("id")
    label_for = f' for="{conditional_escape(target)}"' if target else ""
    # (input.html's own line break stays inside the label, as the template includes it.)
    return f"<label{label_for}>{_input(widget)}\n {conditional_escape(widget['label'])}</label>"


class Renderer(DjangoTemplates):
    """The project's form renderer (settings.FORM_RENDERER): Django's default templates, and
    fields that mark themselves required. A select and an input are written in Python (the same
    HTML as Django's templates): a select of hundreds of options would cost a template render each,
    and a search form's inputs and checkboxes took a fifth of its page's time."""

    bound_field_class = MarkedBoundField

    def render(self, template_name, context, request=None):
        if "widget" in context:
            if template_name == _SELECT:
                html = _select(context["widget"])
                if html is not None:
                    return html
            elif template_name in _INPUTS:
                return _input(context["widget"])
            elif template_name in _INPUT_OPTIONS:
                return _input_option(context["widget"])
        return super().render(template_name, context, request=request)
