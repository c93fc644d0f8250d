"""Demo premises: five spaces in Salo, three in Tampere and one of the Pirkanmaa wellbeing services
county, with this season's weekly bookings of demo NGOs (some waiting for approval), and a premises
manager account for each body. Running it again adds only what is missing.

Coming bookings are made through kumppani.premises.services, as an NGO would make them. The weeks of
the season that have already passed (since 1 September) are written as history directly, because
the services rightly refuse to book a past time; they give the usage report something to count.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody, User
from kumppani.demo import accounts
from kumppani.organisations.models import Membership, MembershipRole, Organisation
from kumppani.premises import calendar, services
from kumppani.premises.models import Booking, BookingSeries, BookingStatus, Space

WEEKDAYS = range(5)
ALL_WEEK = range(7)

# (body key, manager e-mail local part, manager name)
MANAGERS = [
    ("734", "tilat.salo", "Pekka Laaksonen"),  # made by accounts.py
    ("837", "tilat.tampere", "Elina Koivisto"),
    ("county:837", "tilat.pirha", "Marko Salonen"),
]


def _hours(days, opens: int, closes: int):
    return [(day, dt.time(opens), dt.time(closes)) for day in days]


# Each space: body key, texts fi/sv/en, details, opening hours, and its weekly bookings:
# (NGO slug, weekday, start hour, end hour, purpose, people, approved?).
SPACES = [
    {
        "body": "734",
        "unit": ("Salon pääkirjasto", "Salo huvudbibliotek", "Salo Main Library"),
        "name": ("Kirjaston kokoushuone Kajava", "Bibliotekets mötesrum Kajava", "Library meeting room Kajava"),
        "description": (
            "Valoisa kokoushuone kirjaston toisessa kerroksessa. Sopii yhdistysten kokouksiin ja pienryhmille.",
            "Ljust mötesrum på bibliotekets andra våning. Passar för föreningsmöten och små grupper.",
            "A bright meeting room on the library's second floor, for association meetings and small groups.",
        ),
        "address": ("Kirjastonkatu 1", "24100"),
        "capacity": 16,
        "accessible": True,
        "accessibility": ("Hissi toiseen kerrokseen, induktiosilmukka.", "Hiss till andra våningen, hörslinga.", ""),
        "equipment": ["projector", "wifi", "loop", "whiteboard"],
        "hours": _hours(WEEKDAYS, 9, 20) + _hours([5], 10, 16),
        "price_public": "25",
        "bookings": [
            ("salon-seudun-omaishoitajat-ry", 1, 17, 19, "Omaishoitajien vertaistukiryhmä", 12, True),
            ("salon-mielenterveysseura-ry", 3, 17, 19, "Mielenterveyden vertaisryhmä", 10, False),
            ("salon-seudun-muisti-ry", 0, 13, 15, "Muistikahvila", 14, True),
        ],
    },
    {
        "body": "734",
        "unit": ("Moision koulu", "Moisio skola", "Moisio School"),
        "name": ("Moision koulun liikuntasali", "Moisio skolas gymnastiksal", "Moisio School gym"),
        "description": (
            "Koulun liikuntasali iltaisin ja viikonloppuisin. Pukuhuoneet ja suihkut.",
            "Skolans gymnastiksal på kvällar och veckoslut. Omklädningsrum och duschar.",
            "The school gym in the evenings and at weekends, with changing rooms and showers.",
        ),
        "address": ("Moisiontie 10", "24800"),
        "capacity": 60,
        "accessible": True,
        "accessibility": ("Esteetön sisäänkäynti pihan puolelta.", "", ""),
        "equipment": ["gym", "sound"],
        "hours": _hours(WEEKDAYS, 17, 21) + _hours([5, 6], 9, 18),
        "price_public": "40",
        "min": 60,
        "bookings": [
            ("salon-erityisliikunta-ry", 2, 18, 20, "Erityisliikunnan sählyvuoro", 20, True),
            ("salon-nuorten-tukipiste-ry", 4, 17, 19, "Nuorten liikuntailta", 25, False),
        ],
    },
    {
        "body": "734",
        "unit": ("Nuorisopalvelut", "Ungdomstjänster", "Youth services"),
        "name": ("Nuorisotila Kipinä", "Ungdomslokalen Kipinä", "Youth centre Kipinä"),
        "description": (
            "Nuorisotalon sali ja keittiö. Päivisin vapaana järjestöjen ryhmille.",
            "Ungdomsgårdens sal och kök. Dagtid ledig för föreningarnas grupper.",
            "The youth centre's hall and kitchen, free for NGO groups in the daytime.",
        ),
        "address": ("Asemakatu 5", "24100"),
        "capacity": 30,
        "accessible": False,
        "accessibility": (
            "Sisäänkäynnissä kolme porrasta.",
            "Tre trappsteg vid ingången.",
            "Three steps at the entrance.",
        ),
        "equipment": ["kitchen", "sound", "wifi"],
        "hours": _hours(WEEKDAYS, 10, 21),
        "price_public": "20",
        "bookings": [("salon-ukrainalaiset-ry", 2, 12, 14, "Ukrainalaisten perheiden kohtaamispaikka", 20, True)],
    },
    {
        "body": "734",
        "unit": ("Salon terveyskeskus", "Salo hälsocentral", "Salo Health Centre"),
        "name": ("Terveyskeskuksen ryhmähuone", "Hälsocentralens grupprum", "Health centre group room"),
        "description": (
            "Rauhallinen ryhmähuone terveyskeskuksen ensimmäisessä kerroksessa vertaisryhmille.",
            "Lugnt grupprum på hälsocentralens första våning för kamratgrupper.",
            "A quiet group room on the health centre's ground floor for peer groups.",
        ),
        "address": ("Sairaalantie 9", "24130"),
        "capacity": 12,
        "accessible": True,
        "accessibility": ("Esteetön, lähellä esteetön WC.", "Tillgängligt, tillgänglig toalett nära.", ""),
        "equipment": ["wifi", "whiteboard"],
        "hours": _hours(WEEKDAYS, 8, 18),
        "price_public": "15",
        "bookings": [("salon-seudun-diabetesyhdistys-ry", 1, 14, 16, "Diabeteksen vertaistukiryhmä", 10, True)],
    },
    {
        "body": "734",
        "unit": ("Salon kaupungintalo", "Salo stadshus", "Salo City Hall"),
        "name": ("Kaupungintalon auditorio", "Stadshusets auditorium", "City hall auditorium"),
        "description": (
            "Auditorio yleisötilaisuuksiin ja seminaareihin. Kuulutuslaitteet ja esitystekniikka.",
            "Auditorium för offentliga evenemang och seminarier.",
            "An auditorium for public events and seminars, with presentation equipment.",
        ),
        "address": ("Tehdastie 2", "24100"),
        "capacity": 150,
        "accessible": True,
        "accessibility": ("Pyörätuolipaikat eturivissä, induktiosilmukka.", "", ""),
        "equipment": ["projector", "sound", "loop", "piano"],
        "hours": _hours(WEEKDAYS, 16, 21),
        "price_public": "80",
        "min": 120,
        "bookings": [],
        "singles": [("salon-mielenterveysseura-ry", 6, 17, 20, "Mielenterveysviikon yleisötilaisuus", 120, False)],
    },
    {
        "body": "837",
        "unit": ("Tampereen pääkirjasto Metso", "Tammerfors huvudbibliotek Metso", "Tampere Main Library Metso"),
        "name": ("Metson ryhmätila Pilvi", "Metsos grupprum Pilvi", "Metso group room Pilvi"),
        "description": (
            "Ryhmätila pääkirjastossa.",
            "Grupprum i huvudbiblioteket.",
            "A group room in the main library.",
        ),
        "address": ("Pirkankatu 2", "33210"),
        "capacity": 20,
        "accessible": True,
        "accessibility": ("Hissi, induktiosilmukka.", "", ""),
        "equipment": ["projector", "wifi", "loop"],
        "hours": _hours(WEEKDAYS, 9, 20) + _hours([5], 10, 16),
        "price_public": "30",
        "bookings": [
            ("tampereen-seudun-omaishoitajat-ry", 1, 17, 19, "Omaishoitajien iltaryhmä", 15, True),
            ("tampereen-martat-ry", 3, 17, 20, "Marttailta", 18, False),
        ],
    },
    {
        "body": "837",
        "unit": ("Hervannan nuorisotalo", "Hervanta ungdomsgård", "Hervanta Youth Centre"),
        "name": ("Hervannan nuorisotalon sali", "Hervanta ungdomsgårds sal", "Hervanta Youth Centre hall"),
        "description": ("Sali ja keittiö nuorisotalossa.", "Sal och kök på ungdomsgården.", "Hall and kitchen."),
        "address": ("Insinöörinkatu 38", "33720"),
        "capacity": 40,
        "accessible": True,
        "accessibility": ("", "", ""),
        "equipment": ["kitchen", "sound"],
        "hours": _hours(WEEKDAYS, 12, 21),
        "price_public": "25",
        "bookings": [("tampereen-nuorten-tukipiste-ry", 2, 16, 18, "Nuorten ryhmä", 15, True)],
    },
    {
        "body": "837",
        "unit": ("Kalevan koulu", "Kalevas skola", "Kaleva School"),
        "name": ("Kalevan koulun liikuntasali", "Kalevas skolas gymnastiksal", "Kaleva School gym"),
        "description": ("Liikuntasali iltaisin.", "Gymnastiksal på kvällar.", "The gym in the evenings."),
        "address": ("Sammonkatu 40", "33540"),
        "capacity": 50,
        "accessible": False,
        "accessibility": ("Sali toisessa kerroksessa, ei hissiä.", "", ""),
        "equipment": ["gym"],
        "hours": _hours(WEEKDAYS, 17, 21),
        "price_public": "45",
        "bookings": [("tampereen-erityisliikunta-ry", 0, 18, 20, "Erityisliikuntaryhmä", 16, True)],
    },
    {
        "body": "county:837",
        "municipality": "837",
        "unit": ("Hatanpään sairaala", "Hatanpää sjukhus", "Hatanpää Hospital"),
        "name": ("Hatanpään kokoushuone Kaisla", "Hatanpää mötesrum Kaisla", "Hatanpää meeting room Kaisla"),
        "description": (
            "Hyvinvointialueen kokoushuone järjestöjen vertaisryhmille ja kokouksille.",
            "Välfärdsområdets mötesrum för organisationernas kamratgrupper och möten.",
            "The wellbeing services county's meeting room for NGOs' peer groups and meetings.",
        ),
        "address": ("Hatanpäänkatu 24", "33900"),
        "capacity": 18,
        "accessible": True,
        "accessibility": ("Esteetön sisäänkäynti A-ovelta.", "", ""),
        "equipment": ["projector", "wifi"],
        "hours": _hours(WEEKDAYS, 8, 19),
        "price_public": "30",
        "who": "all_ngos",
        "bookings": [
            ("tampereen-seudun-mielenterveysomaiset-ry", 2, 17, 19, "Omaisten vertaisryhmä", 12, True),
            ("tampereen-klubitalo-ry", 4, 13, 15, "Klubitalon tiedotustilaisuus", 15, False),
        ],
    },
]


def _body(key: str) -> PublicBody:
    code = key.removeprefix("county:")
    municipality = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=code)
    return municipality.county if key.startswith("county:") else municipality


def _manager(key: str, local: str, name: str, password: str) -> User:
    email = f"{local}@{accounts.DOMAIN}"
    user, _ = User.objects.get_or_create(email=email, defaults={"full_name": name, "password": password})
    BodyRole.objects.get_or_create(
        user=user, body=_body(key), role=BodyRoleKind.PREMISES_MANAGER, defaults={"sector": "Tilapalvelut"}
    )
    return user


def _booker(organisation: Organisation, password: str) -> User:
    """The NGO's demo representative, or one made for booking."""
    member = organisation.memberships.select_related("user").order_by("pk").first()
    if member is not None:
        return member.user
    user, _ = User.objects.get_or_create(
        email=f"varaaja.{organisation.slug[:40]}@{accounts.DOMAIN}",
        defaults={"full_name": f"Varaaja, {organisation.name}"[:200], "password": password},
    )
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": MembershipRole.REPRESENTATIVE}
    )
    return user


def _history(space: Space, organisation: Organisation, by: User, rule, today: dt.date) -> None:
    """This season's past weeks, as confirmed bookings (see the module docstring)."""
    _slug, weekday, start, end, purpose, people, _approved = rule
    season = dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    day = season + dt.timedelta(days=(weekday - season.weekday()) % 7)
    rows = []
    while day < today:
        if not calendar.holiday_name(day):
            begins, ends = calendar.local(day, dt.time(start)), calendar.local(day, dt.time(end))
            rows.append(
                Booking(
                    space=space,
                    organisation=organisation,
                    booked_by=by,
                    start=begins,
                    end=ends,
                    held_until=ends,
                    purpose=purpose,
                    people=people,
                    status=BookingStatus.CONFIRMED,
                    hourly_price=services.hourly_price(space, organisation),
                    public_hourly_price=space.price_public,
                    decided_at=begins - dt.timedelta(days=14),
                )
            )
        day += dt.timedelta(days=7)
    Booking.objects.bulk_create(rows)


def load(users: dict[str, User]) -> str:
    """Add the missing demo spaces with their bookings. Returns the lines `kumppani demo` prints."""
    password = make_password(accounts.PASSWORD)
    managers = {key: _manager(key, local, name, password) for key, local, name in MANAGERS}
    today = calendar.local_date(timezone.now())
    season_end = dt.date(today.year if today.month < 6 else today.year + 1, 5, 31)
    added = bookings = 0
    for spec in SPACES:
        body = _body(spec["body"])
        if Space.objects.filter(body=body, name_fi=spec["name"][0]).exists():
            continue
        by = managers[spec["body"]]
        texts = {}
        for field, values in (
            ("unit_name", spec["unit"]),
            ("name", spec["name"]),
            ("description", spec["description"]),
        ):
            texts.update({f"{field}_{lang}": value for lang, value in zip(("fi", "sv", "en"), values, strict=True)})
        texts.update(
            {
                f"accessibility_details_{lang}": value
                for lang, value in zip(("fi", "sv", "en"), spec["accessibility"], strict=True)
            }
        )
        space = services.space_save(
            by=by,
            body=body,
            data={
                **texts,
                "street_address": spec["address"][0],
                "postal_code": spec["address"][1],
                "municipality": _body(spec.get("municipality", spec["body"])),
                "capacity": spec["capacity"],
                "is_accessible": spec["accessible"],
                "equipment_codes": spec["equipment"],
                "price_public": Decimal(spec["price_public"]),
                "min_minutes": spec.get("min", 60),
                "max_minutes": 240,
                "max_days_ahead": 270,
                "buffer_minutes": 15,
                "who_may_book": spec.get("who", "body_ngos"),
            },
            opening_hours=spec["hours"],
        )
        added += 1
        for rule in spec["bookings"]:
            slug, weekday, start, end, purpose, people, approved = rule
            organisation = Organisation.objects.prefetch_related("areas").get(slug=slug)
            booker = _booker(organisation, password)
            _history(space, organisation, booker, rule, today)
            first = today + dt.timedelta(days=7 + (weekday - today.weekday()) % 7)
            try:
                made = services.booking_create(
                    by=booker,
                    space=space,
                    organisation=organisation,
                    start=calendar.local(first, dt.time(start)),
                    end=calendar.local(first, dt.time(end)),
                    purpose=purpose,
                    people=people,
                    repeat_until=season_end,
                )
            except ValidationError:
                continue  # a date the rules refuse (e.g. the end of the season is past the booking window)
            bookings += len(made)
            if approved:
                services.booking_decide(by=by, booking=made[0], approve=True, whole_series=True)
        for slug, weeks, start, end, purpose, people, _approved in spec.get("singles", []):
            organisation = Organisation.objects.prefetch_related("areas").get(slug=slug)
            day = today + dt.timedelta(weeks=weeks)
            day += dt.timedelta(days=(1 - day.weekday()) % 7)
            try:
                made = services.booking_create(
                    by=_booker(organisation, password),
                    space=space,
                    organisation=organisation,
                    start=calendar.local(day, dt.time(start)),
                    end=calendar.local(day, dt.time(end)),
                    purpose=purpose,
                    people=people,
                )
            except ValidationError:
                continue
            bookings += len(made)
    series = BookingSeries.objects.count()
    lines = [
        f"Premises: {added} spaces and {bookings} coming bookings added ({series} weekly bookings in all).",
        "Premises managers: " + ", ".join(f"{local}@{accounts.DOMAIN}" for _key, local, _name in MANAGERS),
    ]
    return "\n".join(lines) + "\n"
