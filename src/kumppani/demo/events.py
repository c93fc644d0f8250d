"""Two months of demo events around today for the eight demo municipalities, through the events
services as NGOs and editors would make them: weekly series (one with a cancelled date), single
events, an all-day one, some awaiting approval, a cancelled and a postponed one; Salo trusts one
NGO; a published bulletin issue for Salo and a bilingual one for Porvoo (Borgå).

Running it again adds nothing when events exist.
"""

import datetime as dt
import random

from django.utils import timezone

from kumppani.core.models import Language, PublicBody, Term, User, Vocabulary
from kumppani.demo.places import BY_CODE
from kumppani.events import services
from kumppani.events.models import HELSINKI, Event, Listing, ListingStatus
from kumppani.organisations.models import Organisation

SEED = 20261205
SALO, PORVOO = "734", "638"
# (fi, sv, en, short fi, short sv, hour, weekly)
EVENTS = [
    (
        "Kuoroilta",
        "Körkväll",
        "Choir evening",
        "Laulamme yhdessä, uudet laulajat tervetuloa.",
        "Vi sjunger tillsammans, nya sångare välkomna.",
        18,
        True,
    ),
    (
        "Vertaistukiryhmä omaishoitajille",
        "Kamratstödsgrupp för närståendevårdare",
        "Peer support for carers",
        "Keskustelua ja kahvia omaishoitajille.",
        "Samtal och kaffe för närståendevårdare.",
        17,
        True,
    ),
    (
        "Senioreiden tuolijumppa",
        "Stolgymnastik för seniorer",
        "Chair exercise for seniors",
        "Kevyttä liikuntaa istuen, sopii kaikille.",
        "Lätt motion sittande, passar alla.",
        10,
        True,
    ),
    (
        "Joulukonsertti",
        "Julkonsert",
        "Christmas concert",
        "Paikallisten kuorojen joululauluja.",
        "Julsånger med lokala körer.",
        18,
        False,
    ),
    (
        "Mielenterveysluento: uni ja jaksaminen",
        "Föreläsning: sömn och ork",
        "Talk: sleep and wellbeing",
        "Asiantuntija kertoo unesta ja palautumisesta.",
        "En sakkunnig berättar om sömn och återhämtning.",
        17,
        False,
    ),
    (
        "Perhekahvila",
        "Familjecafé",
        "Family café",
        "Lapsiperheiden kohtaamispaikka, leikkiä ja kahvia.",
        "Mötesplats för barnfamiljer, lek och kaffe.",
        9,
        True,
    ),
    (
        "Joulumyyjäiset",
        "Julbasar",
        "Christmas fair",
        "Käsitöitä, leivonnaisia ja arpajaiset.",
        "Handarbeten, bakverk och lotteri.",
        11,
        False,
    ),
    (
        "Kyläillan tanssit",
        "Dans på bygdegården",
        "Village dance",
        "Elävää musiikkia ja tanssia nuorille ja vanhoille.",
        "Levande musik och dans för unga och gamla.",
        19,
        False,
    ),
    (
        "Digiapu: kysy kännykästä",
        "Digihjälp: fråga om mobilen",
        "Digital help: ask about your phone",
        "Vapaaehtoiset neuvovat puhelimen ja tabletin käytössä.",
        "Frivilliga hjälper med telefon och surfplatta.",
        13,
        True,
    ),
    (
        "Luontoretki",
        "Naturutflykt",
        "Nature walk",
        "Opastettu kävely lähimetsässä, omat eväät mukaan.",
        "Guidad promenad i närskogen, egen matsäck.",
        10,
        False,
    ),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), HELSINKI)


def _data(template, day, body, rng, terms, languages) -> dict:
    fi, sv, en, short_fi, short_sv, hour, _weekly = template
    town = BY_CODE[body.code]
    data = {
        "name_fi": fi,
        "name_sv": sv,
        "name_en": en,
        "short_description_fi": short_fi,
        "short_description_sv": short_sv,
        "start": _at(day, hour),
        "end": _at(day, hour + 2),
        "street_address": rng.choice(town.streets) + f" {rng.randint(1, 40)}",
        "postal_code": town.postal_codes[0],
        "municipality": body,
        "is_accessible": rng.random() < 0.6,
        "themes": rng.sample(terms[Vocabulary.THEME], 2),
        "target_groups": rng.sample(terms[Vocabulary.TARGET_GROUP], 1),
        "languages": [languages["sv"], languages["fi"]] if town.swedish else [languages["fi"]],
        "contact_email": "tapahtumat@example.org",
        "contact_phone": f"{town.phone_area} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    }
    if rng.random() < 0.3:
        data.update({"is_free": False, "price_fi": "5 €, lapset ilmaiseksi", "price_sv": "5 €, barn gratis"})
    return data


def load(users: dict[str, User]) -> int:
    if Event.objects.exists():
        return 0
    rng = random.Random(SEED)
    admin = users["admin"]
    today = timezone.localtime(timezone.now(), HELSINKI).date()
    terms = {v: list(Term.objects.filter(vocabulary=v)) for v in (Vocabulary.THEME, Vocabulary.TARGET_GROUP)}
    languages = {lang.code: lang for lang in Language.objects.filter(code__in=["fi", "sv"])}
    count = 0
    for code in BY_CODE:
        body = PublicBody.objects.get(kind__in=["municipality", "city_county"], code=code)
        ngos = list(Organisation.objects.filter(areas=body, merged_into__isnull=True).order_by("pk")[:6])
        if not ngos:
            continue
        if code == SALO:
            services.trust_set(by=admin, body=body, organisation=ngos[0], trusted=True)
        for n, template in enumerate(EVENTS):
            ngo = ngos[n % len(ngos)]
            day = today + dt.timedelta(days=rng.randint(-25, 35))
            data = _data(template, day, body, rng, terms, languages)
            cancelled = []
            if template[6]:
                day = today - dt.timedelta(days=21 - n % 7)
                data.update({"start": _at(day, template[5]), "end": _at(day, template[5] + 2)})
                data.update({"recurrence": "weekly", "recurrence_until": day + dt.timedelta(weeks=8)})
                cancelled = [day + dt.timedelta(weeks=2 + n % 5)]  # a holiday
            if template[0] == "Joulumyyjäiset":
                data.update({"all_day": True})
            event = services.event_create(by=admin, organisation=ngo, data=data, cancelled_dates=cancelled)
            count += 1
            if n == 9:
                continue  # a draft the NGO has not sent yet
            [listing] = services.event_submit(by=admin, event=event, bodies=[body])
            if n in (4, 8) or listing.status == ListingStatus.APPROVED:
                continue  # awaits the editors (or was published at once: a trusted NGO)
            services.listing_decide(by=admin, listing=listing, approve=True)
            if n == 3 and code == SALO:
                services.event_set_status(by=admin, event=event, status="postponed", reason="Esiintyjä sairastui.")
            elif n == 7:
                services.event_set_status(
                    by=admin, event=event, status="cancelled", reason="Liian vähän ilmoittautuneita."
                )
        _bulletin(admin, body, today)
    # The bulletin counts events sent by its deadline; the demo's were all sent before it.
    Listing.objects.update(submitted_at=_at(today - dt.timedelta(days=30), 9))
    return count


def _bulletin(admin: User, body: PublicBody, today: dt.date) -> None:
    if body.code not in (SALO, PORVOO):
        return
    first = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)  # next Monday
    services.bulletin_issue_save(
        by=admin,
        body=body,
        data={
            "title": "Kaupunkitiedote" if body.code == SALO else "Kaupunkitiedote – Stadsmeddelande",
            "period_start": first,
            "period_end": first + dt.timedelta(days=27),
            "deadline": _at(first - dt.timedelta(days=3), 16),
            "language": "fi" if body.code == SALO else "fi_sv",
            "is_published": True,
        },
    )


def load_in_booked_space(users: dict[str, User]) -> int:
    """One Salo NGO announces its next confirmed booking of a space as a public event, so the demo
    shows a booked space as an event's place. Run after the premises demo; adds nothing twice."""
    from kumppani.premises.models import Booking, BookingStatus

    if Event.objects.filter(space__isnull=False).exists():
        return 0
    booking = (
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            organisation__isnull=False,
            space__body__slug="salo",
            start__gt=timezone.now() + dt.timedelta(days=2),
        )
        .select_related("space", "organisation")
        .order_by("start")
        .first()
    )
    if booking is None:
        return 0
    admin = users["admin"]
    data = {
        "name_fi": "Avoin ilta: tule tutustumaan",
        "name_sv": "Öppen kväll: kom och bekanta dig",
        "short_description_fi": "Kerromme toiminnastamme ja keitämme kahvit. Kaikki ovat tervetulleita.",
        "short_description_sv": "Vi berättar om vår verksamhet och bjuder på kaffe. Alla är välkomna.",
        "start": booking.start,
        "end": booking.end,
        "space": booking.space,
        "is_accessible": booking.space.is_accessible,
        "contact_email": booking.organisation.email or "",
    }
    event = services.event_create(by=admin, organisation=booking.organisation, data=data)
    [listing] = services.event_submit(by=admin, event=event, bodies=[booking.space.body])
    if listing.status != ListingStatus.APPROVED:
        services.listing_decide(by=admin, listing=listing, approve=True)
    return 1
