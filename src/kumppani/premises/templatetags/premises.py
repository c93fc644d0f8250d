"""Template helpers of the premises pages."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import get_language

from kumppani.core.templatetags.kumppani import euros as core_euros

register = template.Library()
NBSP = "\xa0"


@register.filter
def euros(value) -> str:
    """1 234,50 € in every language, as core's `euros` writes money everywhere (DESIGN §5); with cents
    always, so that a table's sums line up; "–" for none."""
    if value is None:
        return "–"
    return core_euros(value, "always")


@register.filter
def hours(value) -> str:
    """Hours with one decimal, written the Finnish way: 12,5."""
    text = f"{Decimal(value).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,.1f}"
    if (get_language() or "fi")[:2] == "en":
        return text
    whole, tenth = text.split(".")
    return f"{whole.replace(',', NBSP)},{tenth}"
