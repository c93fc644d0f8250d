"""Checks for text that people type anywhere in Kumppani: no control or direction-override
characters, no unbounded lengths, and phone numbers, postal codes and bank accounts in forms a
person can use.

Models take them in through `CleanTextMixin`, so a form, the API and an import refuse the same
text with the same message."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import iban
from stdnum.exceptions import ValidationError as StdnumError

# Long texts (descriptions, principles, minutes) are ample at this length; a larger paste is a mistake.
TEXT_MAX_LENGTH = 20_000

# Characters that reverse or embed writing direction: they make a name read differently from what
# it is ("U+202E" turns "ry.exe" into "exe.yr") and have no place in Finnish or Swedish text.
_DIRECTION_OVERRIDES = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}

_PHONE = re.compile(r"^\+?[0-9(][0-9 ()\-]*$")
_POSTAL_CODE = re.compile(r"^[0-9]{5}$")


def reject_hidden_characters(value: str) -> None:
    for character in value:
        if character in _DIRECTION_OVERRIDES or (
            unicodedata.category(character) == "Cc" and character not in _ALLOWED_CONTROLS
        ):
            raise ValidationError(
                _("The text contains a hidden control character (%(code)s). Please type the text again."),
                code="hidden_character",
                params={"code": f"U+{ord(character):04X}"},
            )


def validate_phone(value: str) -> None:
    """A phone number as Finns write it: +358 40 123 4567, 040-123 4567, (09) 123 456."""
    digits = sum(character.isdigit() for character in value)
    if value and (not _PHONE.match(value.strip()) or not 5 <= digits <= 15):
        raise ValidationError(
            _("“%(value)s” is not a phone number. Write it with digits, e.g. 040 123 4567 or +358 40 123 4567."),
            code="invalid_phone",
            params={"value": value},
        )


def normalise_iban(value: str) -> str:
    """A valid bank account number (IBAN, checked with python-stdnum) printed in groups of four,
    FI21 1234 5600 0007 85, or a ValidationError that says what is wrong."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return iban.format(iban.validate(value))
    except StdnumError:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid bank account number (IBAN). A Finnish one starts with FI and has "
                "18 characters, e.g. FI21 1234 5600 0007 85."
            ),
            code="invalid_iban",
            params={"value": value},
        ) from None


def validate_iban(value: str) -> None:
    normalise_iban(value)


def validate_postal_code(value: str) -> None:
    if value and not _POSTAL_CODE.match(value):
        raise ValidationError(
            _("“%(value)s” is not a postal code. A Finnish postal code has five digits, e.g. 24100."),
            code="invalid_postal_code",
            params={"value": value},
        )


def text_errors(instance: models.Model, exclude=None) -> dict[str, list[ValidationError]]:
    """{field: [error]} for each text field of `instance` with a hidden character or over its length."""
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)) or (exclude and field.name in exclude):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str) or not value:
            continue
        try:
            reject_hidden_characters(value)
            if isinstance(field, models.TextField) and not field.max_length and len(value) > TEXT_MAX_LENGTH:
                raise ValidationError(
                    _("The text is too long: %(length)s characters, at most %(limit)s."),
                    code="too_long",
                    params={"length": len(value), "limit": TEXT_MAX_LENGTH},
                )
        except ValidationError as error:
            errors.setdefault(field.name, []).append(error)
    return errors


class CleanTextMixin:
    """Models whose texts people type: full_clean() refuses hidden characters and overlong texts in
    every character and text field, beside the fields' own checks."""

    def clean_fields(self, exclude=None):
        errors = text_errors(self, exclude)
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            for field, messages in error.update_error_dict({}).items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)
