"""Form fields shared by the grants forms."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kumppani.grants.euros import format_input, parse_euros
from kumppani.grants.services.programmes import dst_problem


class EuroField(forms.DecimalField):
    """An amount in euros as people type it: "1500", "1 500,50" or "1500.50 €"."""

    # A text box, not type=number: browsers' number boxes refuse the decimal comma.
    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_euros(value)
        except ValueError:
            raise ValidationError(_("Enter an amount in euros, such as 1500 or 1 500,50."), code="invalid") from None

    def prepare_value(self, value):
        return format_input(value) if isinstance(value, Decimal) else value


class LocalDateTimeInput(forms.DateTimeInput):
    """A date and time picker; the value is read in Helsinki time (settings.TIME_ZONE)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class HelsinkiDateTimeField(forms.DateTimeField):
    """A date and time in Finnish time. A time skipped or repeated at a daylight saving change is
    refused with a message that says so, rather than Django's general one."""

    widget = LocalDateTimeInput

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
            problem = dst_problem(error.params["datetime"]) or error.messages[0]
        raise ValidationError(problem, code="ambiguous_timezone")
