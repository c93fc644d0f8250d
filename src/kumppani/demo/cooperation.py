"""Demo cooperation record: the Salo model of good NGO cooperation (JärjestöSotehanke 113) as Salo's
record. Strategic, practical and financial forms of cooperation with Salo's NGOs, last year's
realisation marked by the city and, for some, by the NGO; one form still waiting for the NGO's
confirmation and one NGO proposal waiting for the sector's decision. Salo's sectors and the
coordinator's public contact details come too. Running it again adds nothing.

Everything goes through kumppani.cooperation.services, as the officials and NGOs would do it.
"""

import datetime as dt

from django.utils import timezone

from kumppani.cooperation import services
from kumppani.cooperation.models import Category, CooperationForm, Kind, Sector
from kumppani.core.models import BodyKind, PublicBody
from kumppani.organisations.models import Organisation

SALO = "734"

# (slug, fi, sv, en); the sector official is viranhaltija.salo in the first two.
SECTORS = [
    ("sote", "Sosiaali- ja terveyspalvelut", "Social- och hälsovårdstjänster", "Social and health services"),
    ("hyte", "Hyvinvoinnin ja terveyden edistäminen", "Främjande av hälsa och välfärd", "Health promotion"),
    ("vanhus", "Vanhuspalvelut", "Äldreomsorg", "Elderly services"),
    ("nuoriso", "Nuorisopalvelut", "Ungdomstjänster", "Youth services"),
    ("kulttuuri", "Kulttuuri- ja vapaa-aikapalvelut", "Kultur- och fritidstjänster", "Culture and leisure"),
]

MIELI, OMAISET = "salon-mielenterveysseura-ry", "salon-seudun-omaishoitajat-ry"
MUISTI, SYDAN = "salon-seudun-muisti-ry", "salon-sydanyhdistys-ry"
ELAKE, NUORET = "salon-elakkeensaajat-ry", "salon-nuorten-tukipiste-ry"
MIELIOMAISET, INVALIDIT = "salon-seudun-mielenterveysomaiset-ry", "salon-invalidit-ry"

# (sector, category, kind, title fi, title sv, description fi, frequency, NGOs, last year's outcome
#  by the city, the NGO's view or "", the city's note, the NGO's note)
FORMS = [
    (
        "hyte",
        Category.STRATEGIC,
        Kind.EXPERT_HELP,
        "Järjestöjen osuus hyvinvointikertomuksessa",
        "Föreningarnas del i välfärdsberättelsen",
        "Hyvinvointikertomuksessa raportoidaan kaupungin ja sote-järjestöjen yhteistyöstä; järjestöt tuovat "
        "kokemustietoa jäsenistään hyvinvointikertomuksen valmisteluun.",
        "Kerran vuodessa, keväällä",
        [MIELI, SYDAN, MUISTI],
        "realised",
        "realised",
        "Järjestöjen kokemustieto on mukana kertomuksen luvuissa 3 ja 5.",
        "Saimme kommentoida luonnosta ajoissa.",
    ),
    (
        "sote",
        Category.STRATEGIC,
        Kind.OTHER,
        "Järjestöyhteistyö kaupunginjohtajan johtoryhmässä",
        "Föreningssamarbete i stadsdirektörens ledningsgrupp",
        "Kaupunginjohtajan johtoryhmässä käsitellään terveyttä ja hyvinvointia koskevien asioiden yhteydessä "
        "järjestöyhteistyötä, ja toimintakertomuksessa kerrotaan sen toteutumisesta.",
        "Kaksi kertaa vuodessa",
        [MIELI, OMAISET],
        "partly",
        "",
        "Käsitelty kerran syksyllä; kevään käsittely siirtyi.",
        "",
    ),
    (
        "vanhus",
        Category.PRACTICAL,
        Kind.SEAT,
        "Järjestöedustus vanhuspalvelujen työryhmässä",
        "Föreningsrepresentation i äldreomsorgens arbetsgrupp",
        "Vanhuspuolen työryhmässä on järjestöjen edustajat, jotka tuovat ikäihmisten ja omaishoitajien äänen "
        "palvelujen suunnitteluun.",
        "Noin kuusi kokousta vuodessa",
        [OMAISET, MUISTI, ELAKE],
        "realised",
        "partly",
        "Järjestöjen edustajat osallistuivat viiteen kuudesta kokouksesta.",
        "Kokousajat olivat usein työaikaan, mikä vaikeutti vapaaehtoisten osallistumista.",
    ),
    (
        "sote",
        Category.PRACTICAL,
        Kind.EXPERT_HELP,
        "Asiantuntija-apu ohjaustyöryhmälle",
        "Expertstöd till styrgruppen",
        "Kaupungin edustajat pyytävät sote-järjestöiltä asiantuntija-apua tarvittaessa ja säännöllisesti "
        "ohjaustyöryhmän työskentelyyn.",
        "Tarvittaessa",
        [MIELI, MIELIOMAISET],
        "realised",
        "realised",
        "",
        "",
    ),
    (
        "kulttuuri",
        Category.PRACTICAL,
        Kind.COMMUNICATION,
        "Yhdistysten ilmoitukset Salon kaupunkitiedotteessa",
        "Föreningarnas annonser i Salo stads informationsblad",
        "Kaupungin ilmaisjakelulehdessä yhdistykset voivat maksutta ilmoittaa tapahtumistaan ja toiminnoistaan.",
        "Jokaisessa numerossa",
        [MIELI, OMAISET, SYDAN, ELAKE, INVALIDIT],
        "realised",
        "",
        "Ilmoituksia julkaistiin 11 numerossa.",
        "",
    ),
    (
        "hyte",
        Category.PRACTICAL,
        Kind.JOINT_EVENT,
        "Mielenterveysviikon yhteinen tapahtuma",
        "Gemensamt evenemang under mentalvårdsveckan",
        "Kaupunki ja järjestöt järjestävät yhdessä mielenterveysviikon tapahtuman kirjastolla.",
        "Kerran vuodessa",
        [MIELI, MIELIOMAISET],
        "not_realised",
        "not_realised",
        "Tapahtuma peruttiin tilojen remontin vuoksi.",
        "Toivomme, että tapahtuma järjestetään tänä vuonna.",
    ),
    (
        "nuoriso",
        Category.FINANCIAL,
        Kind.PREMISES,
        "Matalan kynnyksen kohtaamispaikan maksuton tila",
        "Avgiftsfri lokal för en lågtröskelmötesplats",
        "Kaupunki antaa nuorten kohtaamispaikalle maksuttoman tilan nuorisotalolta; konkreettista matalan "
        "kynnyksen avointa yhteistyötä.",
        "Viikoittain",
        [NUORET],
        "realised",
        "realised",
        "",
        "Kohtaamispaikassa kävi vuoden aikana noin 400 nuorta.",
    ),
    (
        "sote",
        Category.FINANCIAL,
        Kind.OTHER,
        "Yhdistysten tukemisen periaatteiden yhteinen arviointi",
        "Gemensam utvärdering av principerna för föreningsstöd",
        "Kaupungin Yhdistykset-sivulla julkaistut yhdistysten tukemisen periaatteet arvioidaan yhdessä järjestöjen "
        "kanssa ennen avustushakua.",
        "Kerran vuodessa, syksyllä",
        [MIELI, OMAISET, SYDAN],
        "partly",
        "",
        "Arviointitilaisuus pidettiin, mutta muutokset jäivät seuraavaan vuoteen.",
        "",
    ),
]


def load(users) -> str:
    salo = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code=SALO).first()
    if salo is None or CooperationForm.objects.filter(body=salo).exists():
        return "Cooperation record: already there.\n"
    coordinator, official = users["koordinaattori.salo"], users["viranhaltija.salo"]
    ngo_people = {MIELI: users["mielenterveysseura"], OMAISET: users["omaishoitajat"]}
    sectors: dict[str, Sector] = {}
    for key, fi, sv, en in SECTORS:
        sectors[key] = services.sector_save(body=salo, name_fi=fi, name_sv=sv, name_en=en, by=coordinator)
    for key in ("sote", "hyte", "vanhus"):
        services.sector_officials_set(sector=sectors[key], officials=[official], by=coordinator)
    services.coordinator_contact_save(
        body=salo,
        user=coordinator,
        title_fi="Järjestöyhteistyön koordinaattori",
        title_sv="Koordinator för föreningssamarbete",
        phone="02 778 1234",
        email="jarjestot@salo.example",
        by=coordinator,
    )
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in={s for f in FORMS for s in f[7]})}
    year = timezone.localdate().year
    start, end = dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    created = 0
    for index, (
        sector,
        category,
        kind,
        fi,
        sv,
        text,
        frequency,
        slugs,
        outcome,
        ngo_outcome,
        note,
        ngo_note,
    ) in enumerate(FORMS):
        partners = [organisations[slug] for slug in slugs if slug in organisations]
        if not partners:
            continue
        form = services.form_create(
            body=salo,
            sector=sectors[sector],
            organisations=partners,
            category=category,
            kind=kind,
            title=fi,
            title_sv=sv,
            description=text,
            responsible=official if sector in ("sote", "hyte", "vanhus") else coordinator,
            ngo_contact=ngo_people.get(slugs[0]),
            starts_on=dt.date(year - 2, 1, 1),
            frequency=frequency,
            by=official if sector in ("sote", "hyte", "vanhus") else coordinator,
        )
        created += 1
        marker = official if sector in ("sote", "hyte", "vanhus") else coordinator
        services.realisation_mark(
            form=form, period_start=start, period_end=end, outcome=outcome, note=note, side="body", by=marker
        )
        for partner in partners:
            person = ngo_people.get(partner.slug)
            if person is None or (index == 1 and partner.slug == OMAISET):
                continue  # the johtoryhmä form waits for Omaishoitajat's confirmation
            services.form_confirm(form=form, organisation=partner, by=person)
        reporter = ngo_people.get(slugs[0])
        if ngo_outcome and reporter is not None:
            services.realisation_mark(
                form=form,
                period_start=start,
                period_end=end,
                outcome=ngo_outcome,
                note=ngo_note,
                side="ngo",
                by=reporter,
            )
    if OMAISET in organisations:
        services.form_propose(
            organisation=organisations[OMAISET],
            sector=sectors["vanhus"],
            category=Category.PRACTICAL,
            kind=Kind.SERVICE_PATH,
            title="Omaishoitajien vertaisryhmä osaksi kotihoidon palvelupolkua",
            title_sv="Kamratgrupp för närståendevårdare som del av hemvårdens servicestig",
            description="Kotihoidon työntekijät kertoisivat uusille omaishoitajille vertaisryhmästämme.",
            starts_on=dt.date(year, 1, 1),
            frequency="Kerran kuukaudessa",
            by=ngo_people[OMAISET],
        )
    return f"Cooperation record: Salo's {len(SECTORS)} sectors and {created} forms of cooperation added.\n"
