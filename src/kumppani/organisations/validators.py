"""Identifiers of Finnish associations, checked with python-stdnum."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import associationid, ytunnus


def normalise_business_id(value: str) -> str:
    """A valid business ID (Y-tunnus) in its standard form 1234567-8, or a ValidationError."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except StdnumError:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid business ID. It has seven digits, a hyphen and a check digit, e.g. 1234567-8."
            ),
            code="invalid_business_id",
            params={"value": value},
        ) from None


def normalise_association_id(value: str) -> str:
    """A valid association register number in its standard form, or a ValidationError."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return associationid.format(associationid.validate(value))
    except StdnumError:
        raise ValidationError(
            _("“%(value)s” is not a valid association register number. It looks like 123.456."),
            code="invalid_association_id",
            params={"value": value},
        ) from None


def validate_business_id(value: str) -> None:
    normalise_business_id(value)


def validate_association_id(value: str) -> None:
    normalise_association_id(value)
