"""The eight demo municipalities: the word forms the NGO names need, and addresses that exist
(data/places.toml)."""

from dataclasses import dataclass

from kumppani.demo.datafiles import pairs, toml


@dataclass(frozen=True)
class Town:
    code: str  # Statistics Finland municipality code
    genitive: str  # "Salon": Salon Mielenterveysseura, Salon alueella
    sv: str
    en: str
    size: int  # 1 small, 2 town, 3 city: which kinds of NGO it has and how many
    count: int  # how many NGOs the demo generates for it
    postal_codes: tuple[str, ...]
    post_office: str
    streets: tuple[str, ...]
    phone_area: str
    villages: tuple[tuple[str, str], ...]  # (genitive, name): Perniön Kyläyhdistys ry
    swedish: bool = False  # the NGOs here write in Swedish first


def _town(data: dict) -> Town:
    return Town(
        **{
            **data,
            "postal_codes": tuple(data["postal_codes"]),
            "streets": tuple(data["streets"]),
            "villages": tuple(pairs(data["villages"])),
        }
    )


TOWNS = [_town(town) for town in toml("places.toml")["towns"]]

BY_CODE = {town.code: town for town in TOWNS}
