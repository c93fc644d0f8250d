"""Loading the reference data: the real public bodies and the shared vocabularies. Idempotent."""

import csv
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from kumppani.core import vocabularies
from kumppani.core.models import BodyKind, Language, LanguageStatus, PublicBody, Term, Vocabulary

DATA_DIR = Path(__file__).resolve().parent / "data"

_LANGUAGE_STATUS = {
    "0": LanguageStatus.FINNISH,
    "2": LanguageStatus.SWEDISH,
    "1": LanguageStatus.BILINGUAL_FI,
    "3": LanguageStatus.BILINGUAL_SV,
}
_COUNTY_KIND = {"wellbeing_services_county": BodyKind.COUNTY, "city_of_helsinki": BodyKind.CITY_COUNTY}


def _read(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_public_bodies(PublicBody=PublicBody) -> tuple[int, int]:
    """Create or update the wellbeing services counties, the City of Helsinki and all municipalities.

    Åland is outside the wellbeing services reform: its municipalities have no county.
    Returns (counties, municipalities).
    """
    counties: dict[str, PublicBody] = {}
    for row in _read("wellbeing_services_counties_2026.csv"):
        kind = _COUNTY_KIND.get(row["type"])
        if kind is None:
            continue
        slug = slugify(row["hyvinvointialue_name_fi"])
        counties[row["hyvinvointialue_code"]], _ = PublicBody.objects.update_or_create(
            kind=kind,
            code=row["hyvinvointialue_code"],
            defaults={
                "slug": slug,
                "name_fi": row["hyvinvointialue_name_fi"],
                "name_sv": row["hyvinvointialue_name_sv"],
                "name_en": row["hyvinvointialue_name_en"],
                "language_status": LanguageStatus.BILINGUAL_FI if kind == BodyKind.CITY_COUNTY else "fi",
            },
        )
    municipalities = 0
    for row in _read("municipalities_2026.csv"):
        PublicBody.objects.update_or_create(
            kind=BodyKind.MUNICIPALITY,
            code=row["municipality_code"],
            defaults={
                "slug": slugify(row["name_fi"]),
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "language_status": _LANGUAGE_STATUS[row["language_status_code"]],
                "region_code": row["maakunta_code"],
                "region_name": row["maakunta_name_fi"],
                "county": counties.get(row["hyvinvointialue_code"]),
            },
        )
        municipalities += 1
    _set_county_languages(counties.values())
    return len(counties), municipalities


def _set_county_languages(counties) -> None:
    """A county is bilingual when any of its municipalities is."""
    for county in counties:
        statuses = set(county.municipalities.values_list("language_status", flat=True))
        if statuses & {LanguageStatus.BILINGUAL_FI, LanguageStatus.BILINGUAL_SV, LanguageStatus.SWEDISH}:
            county.language_status = LanguageStatus.BILINGUAL_FI
            county.save(update_fields=["language_status"])


@transaction.atomic
def load_vocabularies(Term=Term, Language=Language) -> None:
    for vocabulary, rows in (
        (Vocabulary.THEME, vocabularies.THEMES),
        (Vocabulary.TARGET_GROUP, vocabularies.TARGET_GROUPS),
    ):
        for position, (slug, yso_id, fi, sv, en) in enumerate(rows):
            Term.objects.update_or_create(
                vocabulary=vocabulary,
                slug=slug,
                defaults={"yso_id": yso_id, "name_fi": fi, "name_sv": sv, "name_en": en, "position": position},
            )
    for position, (code, fi, sv, en) in enumerate(vocabularies.LANGUAGES):
        Language.objects.update_or_create(
            code=code, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "position": position}
        )
