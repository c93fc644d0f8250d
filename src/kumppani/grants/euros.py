"""Euros and cents as Finns write them: "1 500,50 €" in Finnish, Swedish and English alike.

Amounts are Decimal everywhere; this module only reads and writes their text. The summary pages
format a thousand amounts per request, so formatting is a plain string operation rather than
Django's localisation machinery.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from django.utils.translation import get_language

CENT = Decimal("0.01")
NBSP = "\xa0"


def format_euros(value: Decimal | None, language: str | None = None, *, empty: str = "–") -> str:
    """`value` with two decimals, grouped thousands and the euro sign, in `language` (default: the active one)."""
    if value is None:
        return empty
    return _format_euros(Decimal(value), (language or get_language() or "fi")[:2])


@lru_cache(maxsize=4096)  # grant amounts repeat (round sums), and a summary formats thousands of them
def _format_euros(value: Decimal, language: str) -> str:
    # One form in every language, as Finns write it (DESIGN §5); `language` stays for the callers.
    text = f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"  # "1,234.50"
    whole, cents = text.split(".")
    return f"{whole.replace(',', NBSP)},{cents}{NBSP}€"


def format_score(value: Decimal | None, language: str | None = None) -> str:
    """A score such as 3.67 with the decimal comma of Finnish and Swedish; "–" when there is none."""
    if value is None:
        return "–"
    text = f"{Decimal(value):.2f}"
    return text if (language or get_language() or "fi")[:2] == "en" else text.replace(".", ",")


def format_input(value: Decimal | None, language: str | None = None) -> str:
    """`value` for a form field: "1500,50" (no grouping, no sign), or "1500.50" in English."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
    return text if (language or get_language() or "fi")[:2] == "en" else text.replace(".", ",")


def parse_euros(text: str) -> Decimal:
    """An amount typed by a person: spaces, the euro sign and a decimal comma are accepted.

    Raises ValueError for anything that is not an amount with at most two decimals."""
    cleaned = str(text).strip().replace(NBSP, "").replace(" ", "").replace("€", "").replace("\u202f", "")
    if "," in cleaned and "." in cleaned:  # "1.500,50" or "1,500.50": the last one marks the cents
        grouping = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(grouping, "")
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite() or value != value.quantize(CENT):
        raise ValueError(text)
    return value.quantize(CENT)
