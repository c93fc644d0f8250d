"""The eight demo municipalities: the word forms the NGO names need, and addresses that exist."""

from dataclasses import dataclass


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


TOWNS = [
    Town(
        "734",
        "Salon",
        "Salo",
        "Salo",
        2,
        21,
        ("24100", "24240", "24260"),
        "Salo",
        ("Vilhonkatu", "Turuntie", "Helsingintie", "Anjalankatu", "Horninkatu", "Rummunlyöjänkatu", "Asemakatu"),
        "02",
        (("Perniön", "Perniö"), ("Kiikalan", "Kiikala"), ("Suomusjärven", "Suomusjärvi"), ("Kiskon", "Kisko")),
    ),
    Town(
        "837",
        "Tampereen",
        "Tammerfors",
        "Tampere",
        3,
        29,
        ("33100", "33200", "33500", "33720"),
        "Tampere",
        ("Hämeenkatu", "Kuninkaankatu", "Satakunnankatu", "Hallituskatu", "Pyynikintie", "Sammonkatu", "Otavalankatu"),
        "03",
        (("Teiskon", "Teisko"), ("Aitolahden", "Aitolahti")),
    ),
    Town(
        "698",
        "Rovaniemen",
        "Rovaniemi",
        "Rovaniemi",
        2,
        17,
        ("96100", "96200", "96400"),
        "Rovaniemi",
        ("Koskikatu", "Rovakatu", "Valtakatu", "Korkalonkatu", "Ainonkatu", "Pohjolankatu"),
        "016",
        (("Vikajärven", "Vikajärvi"), ("Sinetän", "Sinettä"), ("Meltauksen", "Meltaus"), ("Muurolan", "Muurola")),
    ),
    Town(
        "758",
        "Sodankylän",
        "Sodankylä",
        "Sodankylä",
        1,
        8,
        ("99600",),
        "Sodankylä",
        ("Jäämerentie", "Sompiontie", "Kitisentie", "Lapinrannantie"),
        "016",
        (("Vuotson", "Vuotso"), ("Kelujärven", "Kelujärvi"), ("Vaalajärven", "Vaalajärvi")),
    ),
    Town(
        "047",
        "Enontekiön",
        "Enontekis",
        "Enontekiö",
        1,
        4,
        ("99400",),
        "Enontekiö",
        ("Ounastie", "Hetantie", "Peuratie"),
        "016",
        (("Kilpisjärven", "Kilpisjärvi"), ("Karesuvannon", "Karesuvanto"), ("Leppäjärven", "Leppäjärvi")),
    ),
    Town(
        "167",
        "Joensuun",
        "Joensuu",
        "Joensuu",
        2,
        21,
        ("80100", "80110", "80200"),
        "Joensuu",
        ("Siltakatu", "Torikatu", "Kauppakatu", "Kirkkokatu", "Rantakatu", "Koskikatu"),
        "013",
        (("Enon", "Eno"), ("Kiihtelysvaaran", "Kiihtelysvaara"), ("Tuupovaaran", "Tuupovaara")),
    ),
    Town(
        "564",
        "Oulun",
        "Uleåborg",
        "Oulu",
        3,
        28,
        ("90100", "90120", "90130", "90500"),
        "Oulu",
        ("Isokatu", "Kirkkokatu", "Hallituskatu", "Torikatu", "Pakkahuoneenkatu", "Kajaanintie"),
        "08",
        (("Haukiputaan", "Haukipudas"), ("Kiimingin", "Kiiminki"), ("Yli-Iin", "Yli-Ii")),
    ),
    Town(
        "638",
        "Porvoon",
        "Borgå",
        "Porvoo",
        2,
        6,  # and ten hand-written Swedish and bilingual NGOs
        ("06100", "06150", "06400"),
        "Porvoo",
        ("Mannerheiminkatu", "Rauhankatu", "Runeberginkatu", "Piispankatu", "Aleksanterinkatu"),
        "019",
        (),
    ),
]

BY_CODE = {town.code: town for town in TOWNS}
