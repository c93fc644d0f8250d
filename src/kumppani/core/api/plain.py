"""For the lists that write their page from plain values rather than through their serializer (the
events' and the NGOs' `list_json`): building a page of 50 rows and their relations as model
instances, and DRF writing them field by field, was half of such an answer. Each such list has a
test that holds its items to what the object's own address answers through the serializer."""

from collections.abc import Iterable

from rest_framework import serializers

from kumppani.core.api.fields import LANGUAGES

# A date and time in the current time zone, as the serializers write them.
datetime_text = serializers.DateTimeField().to_representation


def grouped(pairs: Iterable[tuple]) -> dict:
    """{key: [value, …]} of (key, value) pairs, in their order: e.g. each event's theme slugs."""
    found: dict = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return found


def texts(row: dict, base: str) -> dict:
    """A translated field of a values() row as TranslatedField writes it: {"fi": …, "sv": …, "en": …}."""
    return {language: row[f"{base}_{language}"] or None for language in LANGUAGES}
