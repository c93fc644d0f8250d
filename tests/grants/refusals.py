"""What the tests read of a domain function's refusal: the codes of its ValidationError, so that a
test checks why something was refused, not only that it was."""

from django.core.exceptions import ValidationError


def codes(error: ValidationError) -> list[str]:
    """The codes of every message of `error`, field by field for a dict-form error."""
    if hasattr(error, "error_dict"):
        return [item.code for items in error.error_dict.values() for item in items]
    return [item.code for item in error.error_list]


def field_codes(error: ValidationError) -> dict[str, list[str]]:
    """{field: [codes]} of a dict-form error."""
    return {field: [item.code for item in items] for field, items in error.error_dict.items()}
