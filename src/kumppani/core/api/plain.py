"""For the lists that write their page from plain values rather than through their serializer (the
events' and the NGOs' `list_json`): building a page of 50 rows and their relations as model
instances, and DRF writing them field by field, was half of such an answer. Each such list has a
test that holds its items to what the object's own address answers through the serializer."""

from collections.abc import Iterable

from django.utils import timezone

from kumppani.core.api.fields import LANGUAGES


def datetime_writer():
    """A function that writes a date and time as the serializers do (DRF's DateTimeField: ISO 8601
    in the current time zone, "Z" for UTC), the time zone read once for a whole list: DRF reads it
    again for each value, a tenth of the events' list."""
    zone = timezone.get_current_timezone()

    def text(value):
        if value is None:
            return None
        written = value.astimezone(zone).isoformat()
        return written[:-6] + "Z" if written.endswith("+00:00") else written

    return text


def grouped(pairs: Iterable[tuple]) -> dict:
    """{key: [value, …]} of (key, value) pairs, in their order: e.g. each event's theme slugs."""
    found: dict = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return found


def texts(row: dict, base: str) -> dict:
    """A translated field of a values() row as TranslatedField writes it: {"fi": …, "sv": …, "en": …}."""
    return {language: row[f"{base}_{language}"] or None for language in LANGUAGES}
