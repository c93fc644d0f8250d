"""Reading the demo's data files in data/: TOML for texts (multi-line Finnish reads well there),
CSV for tables. The modules beside this one turn them into the Python values the loaders use."""

import csv
import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data"
LANGUAGES = ("fi", "sv", "en")


def toml(name: str) -> dict:
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


def csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def by_language(texts: dict[str, str], languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """{"fi": …, "sv": …, "en": …} → (fi, sv, en): the order the loaders zip with the field names."""
    return tuple(texts[language] for language in languages)


def pairs(rows: list[list]) -> list[tuple]:
    """TOML arrays of pairs → tuples, as the literals were."""
    return [tuple(row) for row in rows]
