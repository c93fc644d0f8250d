"""Template filters of the grant payment, reporting and public decision pages."""

from django import template

from kumppani.grants.euros import format_euros

register = template.Library()


@register.filter
def euros(value) -> str:
    """1500.5 → "1 500,50 €" in Finnish and Swedish, "€1,500.50" in English; None → "–"."""
    return format_euros(value)


@register.filter
def signed_euros(value) -> str:
    """A difference with its sign: "+200,00 €", "−50,00 €", "0,00 €"."""
    if value is None:
        return "–"
    if value > 0:
        return "+" + format_euros(value)
    if value < 0:
        return "−" + format_euros(-value)
    return format_euros(value)
