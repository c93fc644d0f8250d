"""Kinds of local NGO and the words they use about themselves, in Finnish, Swedish and English.

The texts are in data/texts.toml. In the patterns {g} is the Finnish genitive of the place
("Salon", "Tampereen"), {sv} and {en} its Swedish and English names. The benchmark builds its
national register from the same kinds.
"""

from dataclasses import dataclass

from kumppani.demo.datafiles import by_language, toml


@dataclass(frozen=True)
class Kind:
    key: str
    size: int  # the smallest town (places.Town.size) that has one
    founded: tuple[int, int]
    members: tuple[int, int]
    name: tuple[str, str, str]  # fi, sv, en
    themes: tuple[str, ...]
    targets: tuple[str, ...]
    languages: tuple[str, ...]  # besides Finnish
    short: tuple[str, str, str]
    long: tuple[str, str, str]


def _kind(data: dict) -> Kind:
    return Kind(
        key=data["key"],
        size=data["size"],
        founded=tuple(data["founded"]),
        members=tuple(data["members"]),
        name=by_language(data["name"]),
        themes=tuple(data["themes"]),
        targets=tuple(data["targets"]),
        languages=tuple(data["languages"]),
        short=by_language(data["short"]),
        long=by_language(data["long"]),
    )


_DATA = toml("texts.toml")
KINDS = [_kind(kind) for kind in _DATA["kinds"]]
# A village association: {g} is the village's genitive, {en} its name.
VILLAGE = _kind(_DATA["village"])

_DESCRIPTIONS = _DATA["descriptions"]
# One of these ends most Finnish descriptions ({fee}: membership fee in euros).
CLOSINGS_FI: list[str] = _DESCRIPTIONS["closings_fi"]
OPENING_HOURS_FI: str = _DESCRIPTIONS["opening_hours_fi"]
DAYS_FI: list[str] = _DESCRIPTIONS["days_fi"]
HOURS: list[str] = _DESCRIPTIONS["hours"]
CLOSING_SV: str = _DESCRIPTIONS["closing_sv"]
CLOSING_EN: str = _DESCRIPTIONS["closing_en"]
WELCOME_SV: str = _DESCRIPTIONS["welcome_sv"]
WELCOME_EN: str = _DESCRIPTIONS["welcome_en"]

# People: fake but plausible names for contact persons.
_PEOPLE = _DATA["people"]
FIRST_NAMES: list[str] = _PEOPLE["first_names"]
LAST_NAMES: list[str] = _PEOPLE["last_names"]
SWEDISH_FIRST_NAMES: list[str] = _PEOPLE["swedish_first_names"]
SWEDISH_LAST_NAMES: list[str] = _PEOPLE["swedish_last_names"]
SAMI_LAST_NAMES: list[str] = _PEOPLE["sami_last_names"]
ROLES_FI: list[str] = _PEOPLE["roles_fi"]
ROLES_SV: list[str] = _PEOPLE["roles_sv"]
