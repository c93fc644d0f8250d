"""Demo governance: Pohjois-Karjala's JANE and Joensuu's Paikallis-JANE nominating NGO representatives
to two of Joensuu's working groups (one confirmed, one waiting for the chair), Tampere's
Järjestöedustamo with nominations waiting for the city's confirmation, the yearly negotiation of the
Pirkanmaa wellbeing services county (last year's agreed, this year's opened with its follow-up), and
a partnership table meeting in Salo with action items. Everything is made through the services, as
people would make it; running it again adds nothing when the networks exist.
"""

import datetime as dt

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from kumppani.cooperation import services as record
from kumppani.cooperation.governance import services
from kumppani.cooperation.governance.models import MeasureStatus, NgoNetwork
from kumppani.cooperation.models import Sector
from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody, User
from kumppani.demo import accounts
from kumppani.organisations.models import Membership, MembershipRole, Organisation, OrganisationStatus

# (e-mail local part, name, body key or "", body role, what to try) — printed after the demo table.
PEOPLE = [
    ("koordinaattori.joensuu", "Marjut Turunen", "167", BodyRoleKind.COORDINATOR, "confirm JANE's nominations"),
    ("pj.jane", "Jaana Kettunen", "", "", "chair of JANE and Paikallis-JANE: nominate to a working group"),
    ("pj.edustamo", "Olli Virtanen", "", "", "chair of Tampere's Järjestöedustamo"),
    ("koordinaattori.pirha", "Heidi Laine", "county:837", BodyRoleKind.COORDINATOR, "Pirkanmaa's yearly negotiation"),
]


def _body(key: str) -> PublicBody:
    municipality = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=key.removeprefix("county:"))
    return municipality.county if key.startswith("county:") else municipality


def _person(local: str, name: str, key: str, role: str, password: str) -> User:
    user, _ = User.objects.get_or_create(
        email=f"{local}@{accounts.DOMAIN}", defaults={"full_name": name, "password": password}
    )
    if key:
        BodyRole.objects.get_or_create(user=user, body=_body(key), role=role)
    return user


def _ngos(body: PublicBody, count: int, exclude=()) -> list[Organisation]:
    return list(
        Organisation.objects.filter(
            areas__in=body.area_body_ids(), status=OrganisationStatus.ACTIVE, merged_into__isnull=True
        )
        .exclude(name__in=exclude)
        .distinct()
        .order_by("name")[:count]
    )


def _chair_represents(chair: User, members: list[Organisation]) -> None:
    """A network's chair comes from one of its member NGOs, as in JANE and Järjestöedustamo."""
    if members and not chair.memberships.exists():
        Membership.objects.get_or_create(
            user=chair, organisation=members[0], defaults={"role": MembershipRole.REPRESENTATIVE}
        )


def _nominees(ngos: list[Organisation], names: list[tuple[str, str]]) -> list[dict]:
    return [
        {
            "organisation": ngos[i % len(ngos)],
            "name": name,
            "email": "",
            "deputy_organisation": ngos[(i + 1) % len(ngos)],
            "deputy_name": deputy,
            "deputy_email": "",
        }
        for i, (name, deputy) in enumerate(names)
    ]


def _joensuu(people: dict[str, User], today: dt.date) -> None:
    joensuu = _body("167")
    county = joensuu.county
    coordinator, chair = people["koordinaattori.joensuu"], people["pj.jane"]
    networks = ("Pohjois-Karjalan JANE", "Tampereen Järjestöedustamo")
    jane = services.network_save(
        by=coordinator,
        area=county,
        chair=chair,
        data={
            "name_fi": "Pohjois-Karjalan JANE – järjestöjen neuvottelukunta",
            "name_sv": "JANE i Norra Karelen – organisationernas delegation",
            "name_en": "North Karelia NGO Advisory Board JANE",
            "description_fi": "Maakunnan sote-järjestöjen yhteinen neuvottelukunta, joka nimeää järjestöjen "
            "edustajat kuntien ja hyvinvointialueen työryhmiin.",
        },
    )
    members = _ngos(county, 10, networks)
    services.network_members_set(by=chair, network=jane, organisations=members)
    _chair_represents(chair, members)
    local = services.network_save(
        by=coordinator,
        area=joensuu,
        chair=chair,
        parent=jane,
        data={
            "name_fi": "Joensuun Paikallis-JANE",
            "name_sv": "Lokala JANE i Joensuu",
            "name_en": "Joensuu local JANE",
            "description_fi": "Joensuun järjestöjen paikallinen verkosto JANEn rinnalla.",
        },
    )
    ngos = _ngos(joensuu, 8, networks)
    services.network_members_set(by=chair, network=local, organisations=ngos)
    wellbeing = services.group_save(
        by=coordinator,
        body=joensuu,
        data={
            "name_fi": "Hyvinvointikertomuksen työryhmä",
            "name_sv": "Arbetsgruppen för välfärdsberättelsen",
            "kind": "working_group",
            "ngo_seats": 2,
            "description_fi": "Valmistelee Joensuun laajan hyvinvointikertomuksen ja sen järjestöyhteistyön luvun.",
        },
    )
    youth = services.group_save(
        by=coordinator,
        body=joensuu,
        data={"name_fi": "Lasten ja nuorten hyvinvointiryhmä", "kind": "working_group", "ngo_seats": 2},
    )
    services.group_save(
        by=coordinator,
        body=joensuu,
        data={"name_fi": "Joensuun vanhusneuvosto", "kind": "older_people_council", "ngo_seats": 3},
    )
    request = services.nomination_request_create(
        by=coordinator,
        group=wellbeing,
        network=local,
        seats=2,
        deputies=True,
        deadline=today + dt.timedelta(days=1),
        term_start=dt.date(today.year, 1, 1),
        term_end=dt.date(today.year + 1, 12, 31),
        message="Toivomme edustajia, jotka tuntevat mielenterveys- ja päihdetyön sekä ikäihmisten arjen.",
    )
    services.nomination_submit(
        by=chair,
        request=request,
        nominees=_nominees(ngos, [("Anne Hyvönen", "Pekka Ikonen"), ("Sirpa Kärkkäinen", "Jari Pesonen")]),
    )
    services.nomination_confirm(by=coordinator, request=request)
    services.nomination_request_create(
        by=coordinator,
        group=youth,
        network=jane,
        seats=2,
        deputies=True,
        deadline=today + dt.timedelta(days=21),
        term_start=today + dt.timedelta(days=45),
        term_end=dt.date(today.year + 2, 12, 31),
        message="Ryhmä kokoontuu neljästi vuodessa. Toivomme ainakin yhtä nuorten järjestön edustajaa.",
    )


def _tampere(people: dict[str, User], today: dt.date) -> None:
    tampere = _body("837")
    coordinator = User.objects.get(email=f"koordinaattori.tampere@{accounts.DOMAIN}")
    chair = people["pj.edustamo"]
    edustamo = services.network_save(
        by=coordinator,
        area=tampere,
        chair=chair,
        data={
            "name_fi": "Tampereen Järjestöedustamo",
            "name_sv": "Organisationsrepresentationen i Tammerfors",
            "name_en": "Tampere NGO Forum",
            "description_fi": "Kokoaa järjestöjen hyvinvointitiedon, tunnistaa palvelutarpeita ja nimeää "
            "järjestöjen edustajat kaupungin työryhmiin.",
        },
    )
    ngos = _ngos(tampere, 10, ("Tampereen Järjestöedustamo",))
    services.network_members_set(by=chair, network=edustamo, organisations=ngos)
    _chair_represents(chair, ngos)
    council = services.group_save(
        by=coordinator,
        body=tampere,
        data={"name_fi": "Tampereen vammaisneuvosto", "kind": "disability_council", "ngo_seats": 3},
    )
    request = services.nomination_request_create(
        by=coordinator,
        group=council,
        network=edustamo,
        seats=2,
        deputies=True,
        deadline=today + dt.timedelta(days=10),
        term_start=today + dt.timedelta(days=30),
        term_end=dt.date(today.year + 2, 5, 31),
    )
    services.nomination_submit(
        by=chair,
        request=request,
        nominees=_nominees(ngos, [("Riikka Salo", "Tero Nurmi"), ("Kalle Aaltonen", "Minna Lahti")]),
    )  # waits for Jukka Heinonen's confirmation


def _pirkanmaa(people: dict[str, User], today: dt.date) -> None:
    county = _body("county:837")
    coordinator = people["koordinaattori.pirha"]
    hyte = Sector.objects.filter(body=county, name_fi="Hyvinvoinnin ja terveyden edistäminen").first()
    if hyte is None:
        hyte = record.sector_save(body=county, name_fi="Hyvinvoinnin ja terveyden edistäminen", by=coordinator)
    elderly = Sector.objects.filter(body=county, name_fi="Ikääntyneiden palvelut").first()
    if elderly is None:
        elderly = record.sector_save(body=county, name_fi="Ikääntyneiden palvelut", by=coordinator)
    ngos = _ngos(county, 5, ("Tampereen Järjestöedustamo",))
    last = services.negotiation_open(by=coordinator, body=county, year=today.year - 1)
    services.negotiation_update(
        by=coordinator,
        negotiation=last,
        data={
            "held_on": dt.date(today.year - 1, 3, 14),
            "place": "Pirkanmaan hyvinvointialue, Arvo Ylpön katu 35",
            "summary": "Sovittiin yhteisistä hyte-tavoitteista: yksinäisyyden vähentäminen, omaishoitajien "
            "jaksaminen ja järjestöjen toiminta osaksi palvelupolkuja.",
        },
        organisations=ngos,
    )
    measures = [
        (
            "Yksinäisyys vähenee",
            "Järjestöjen kohtaamispaikat ja vertaisryhmät esitellään sote-keskusten asiakasohjauksessa.",
            "Ohjattujen asiakkaiden määrä",
            MeasureStatus.IN_PROGRESS,
            "Ohjaus alkanut kolmessa sote-keskuksessa; laajennetaan.",
        ),
        (
            "Omaishoitajat jaksavat",
            "Omaishoitajien vertaisryhmät kaikissa seutukunnissa yhdessä omaisjärjestöjen kanssa.",
            "Ryhmien määrä ja osallistujat",
            MeasureStatus.DONE,
            "Ryhmät toimivat kaikissa seutukunnissa.",
        ),
        (
            "Järjestöt mukana palvelupoluilla",
            "Mielenterveyspalvelujen palvelupolulle lisätään järjestöjen vertaistuki.",
            "Palvelupolut, joilla järjestöjen toiminta näkyy",
            MeasureStatus.NOT_DONE,
            "Siirtyi resurssisyistä; jatketaan tänä vuonna.",
        ),
    ]
    for goal, measure, indicator, _status, _follow_up in measures:
        services.measure_save(
            by=coordinator,
            negotiation=last,
            data={
                "goal": goal,
                "measure": measure,
                "indicator": indicator,
                "monitoring_on": dt.date(today.year - 1, 10, 15),
                "status": MeasureStatus.PLANNED,
                "follow_up": "",
            },
            sectors=[hyte, elderly] if "Omaishoitajat" in goal else [hyte],
            organisations=ngos[:2],
        )
    services.negotiation_agree(by=coordinator, negotiation=last)
    # The year's follow-up, written during the year after the agreement.
    for saved, (_goal, _measure, _indicator, status, follow_up) in zip(
        last.measures.order_by("pk"), measures, strict=True
    ):
        services.measure_save(by=coordinator, measure=saved, data={"status": status, "follow_up": follow_up})
    current = services.negotiation_open(by=coordinator, body=county, year=today.year)
    services.negotiation_update(
        by=coordinator,
        negotiation=current,
        data={"held_on": today + dt.timedelta(days=20), "place": "Tampere-talo", "summary": ""},
        organisations=ngos,
    )


def _salo_table(users: dict[str, User], today: dt.date) -> None:
    salo = _body(accounts.SALO)
    coordinator, official = users["koordinaattori.salo"], users["viranhaltija.salo"]
    ngos = list(Organisation.objects.filter(slug__in=["salon-mielenterveysseura-ry", "salon-seudun-omaishoitajat-ry"]))
    ngos += _ngos(salo, 3, [ngo.name for ngo in ngos])
    moment = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=14), dt.time(14)))
    meeting = services.meeting_save(
        by=coordinator,
        body=salo,
        data={
            "kind": "partnership_table",
            "title": "Salon kumppanuuspöytä, syksy",
            "starts_at": moment,
            "place": "Salon kaupungintalo, valtuustosali",
            "agenda": "1. Avustusten aikataulu ensi vuonna\n2. Hyvinvointikertomuksen järjestöluku\n"
            "3. Kaupunkitiedotteen tapahtumat\n4. Järjestöjen tilojen käyttö",
            "minutes": "Sovittiin, että järjestöt kokoavat kokemustiedon hyvinvointikertomukseen ja "
            "kaupunki päivittää avustusperiaatteet verkkosivuille.",
            "network": None,
        },
        officials=[coordinator, official],
        organisations=ngos,
    )
    services.meeting_minutes_approve(by=coordinator, meeting=meeting)
    services.action_item_add(
        by=coordinator,
        meeting=meeting,
        title="Kootaan jäsenten kokemustieto mielenterveyspalveluista hyvinvointikertomukseen",
        due_on=today + dt.timedelta(days=30),
        owner_organisation=ngos[0],
    )
    services.action_item_add(
        by=coordinator,
        meeting=meeting,
        title="Päivitetään avustusperiaatteet kaupungin verkkosivuille",
        due_on=today + dt.timedelta(days=21),
        owner_user=official,
    )
    _salo_expert_request(coordinator, ngos[0], today)


def _salo_expert_request(coordinator: User, ngo: Organisation, today: dt.date) -> None:
    """An open request for expert help for the welfare report, already answered by one NGO."""
    salo = _body(accounts.SALO)
    sector = salo.sectors.order_by("pk").first()
    if sector is None:
        return
    request = services.expert_request_create(
        by=coordinator,
        body=salo,
        sector=sector,
        topic="Kokemustietoa mielenterveyspalveluista hyvinvointikertomukseen",
        needed="Kaipaamme järjestöjen kokemustietoa siitä, miten salolaiset saavat apua mielenterveyden "
        "pulmiin ja missä kohdin apu viipyy. Riittää lyhyt kuvaus ja yhteyshenkilö.",
        purpose="welfare_report",
        deadline=today + dt.timedelta(days=20),
    )
    representative = User.objects.filter(memberships__organisation=ngo, is_active=True).order_by("pk").first()
    if representative is not None:
        services.expert_answer_submit(
            by=representative,
            request=request,
            organisation=ngo,
            text="Kokoamme vertaisryhmiemme kokemukset ja kerromme ne hyvinvointityöryhmälle.",
        )


def load(users: dict[str, User]) -> str:
    """Add the demo governance. Returns the lines `kumppani demo` prints."""
    password = make_password(accounts.PASSWORD)
    people = {local: _person(local, name, key, role, password) for local, name, key, role, _try in PEOPLE}
    lines = ["", "Governance demo accounts (same password):"]
    lines += [f"  {local}@{accounts.DOMAIN}  {name}: {try_}" for local, name, _key, _role, try_ in PEOPLE]
    if NgoNetwork.objects.exists():
        return "\n".join(["Governance: already there.", *lines])
    today = timezone.localdate()
    _joensuu(people, today)
    _tampere(people, today)
    _pirkanmaa(people, today)
    _salo_table(users, today)
    return "\n".join(["Governance: JANE and Järjestöedustamo, Pirkanmaa's yearly negotiation, Salo's table.", *lines])
