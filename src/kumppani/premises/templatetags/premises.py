"""Template helpers of the premises pages."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import get_language

register = template.Library()
NBSP = "\xa0"


@register.filter
def euros(value) -> str:
    """1 234,50 € (in English €1,234.50)."""
    if value is None:
        return "–"
    text = f"{Decimal(value).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    if (get_language() or "fi")[:2] == "en":
        return f"€{text}"
    whole, cents = text.split(".")
    return f"{whole.replace(',', NBSP)},{cents}{NBSP}€"


@register.filter
def hours(value) -> str:
    """Hours with one decimal, written the Finnish way: 12,5."""
    text = f"{Decimal(value).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,.1f}"
    if (get_language() or "fi")[:2] == "en":
        return text
    whole, tenth = text.split(".")
    return f"{whole.replace(',', NBSP)},{tenth}"
