"""Hidden characters, overlong texts, phone numbers and postal codes are refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from kumppani.core.validators import (
    TEXT_MAX_LENGTH,
    CleanTextMixin,
    reject_hidden_characters,
    validate_phone,
    validate_postal_code,
)


class Note(CleanTextMixin, models.Model):
    title = models.CharField(max_length=50)
    body = models.TextField(blank=True)

    class Meta:
        app_label = "core"
        managed = False

    def __str__(self) -> str:
        return self.title


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\u202e", "\u2066", "\x85"])
def test_hidden_characters_are_refused_with_their_code(character):
    with pytest.raises(ValidationError) as error:
        reject_hidden_characters(f"Yhdistys{character}ry")
    assert error.value.code == "hidden_character"
    assert f"U+{ord(character):04X}" in error.value.messages[0]


def test_line_breaks_tabs_and_finnish_letters_pass():
    reject_hidden_characters("Åbo Akademi\r\nÄänekosken\tyhdistys – “lainausmerkit” ja emoji 🙂")


def test_a_model_reports_every_bad_text_field_beside_the_fields_own_checks():
    note = Note(title="x" * 51 + "\u202e", body="a" * (TEXT_MAX_LENGTH + 1))
    with pytest.raises(ValidationError) as error:
        note.full_clean()
    codes = {field: sorted(e.code for e in errors) for field, errors in error.value.error_dict.items()}
    assert codes == {"title": ["hidden_character", "max_length"], "body": ["too_long"]}


@pytest.mark.parametrize("phone", ["+358 40 123 4567", "040-123 4567", "(09) 123 456", "0401234567"])
def test_phone_numbers_as_finns_write_them_pass(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["soita minulle", "12", "+358 40 123 4567 890 123", "040/123"])
def test_other_phone_numbers_are_refused(phone):
    with pytest.raises(ValidationError) as error:
        validate_phone(phone)
    assert error.value.code == "invalid_phone"


def test_postal_codes_have_five_digits():
    validate_postal_code("24100")
    for wrong in ("2410", "FI-24100", "24 100"):
        with pytest.raises(ValidationError) as error:
            validate_postal_code(wrong)
        assert error.value.code == "invalid_postal_code"
