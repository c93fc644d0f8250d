"""Demo consultations: Salo asks its NGOs about the city's welfare plan (open, with statements sent
and one still a draft), Salo's earlier consultation on its NGO grant principles (closed, with the
response published and the statements that changed something), and Tampere's disability council
heard on the city's accessibility programme (its statement from a meeting, with the minutes; closed,
the response pending).
Everything goes through the services, as people would do it; running it again adds nothing.
"""

import datetime as dt

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone

from kumppani.cooperation.governance.models import GroupKind, WorkingGroup
from kumppani.core.models import BodyKind, PublicBody, User
from kumppani.demo import accounts
from kumppani.organisations.models import Membership, MembershipRole, Organisation, OrganisationStatus
from kumppani.participation.consultations import services
from kumppani.participation.consultations.models import Consultation, Statement

# A one-page PDF: the council's minutes.
MINUTES_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _user(email_local: str) -> User:
    return User.objects.get(email=f"{email_local}@{accounts.DOMAIN}")


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _secretary(organisation: Organisation, password: str) -> User:
    """The NGO's admin who sends its statements (an existing admin, or a demo secretary)."""
    membership = organisation.memberships.filter(role=MembershipRole.ADMIN).select_related("user").first()
    if membership is not None:
        return membership.user
    person, _ = User.objects.get_or_create(
        email=f"sihteeri.{organisation.pk}@{accounts.DOMAIN}",
        defaults={"full_name": f"{organisation.name}, sihteeri", "password": password},
    )
    Membership.objects.get_or_create(user=person, organisation=organisation, defaults={"role": MembershipRole.ADMIN})
    return person


def _send(consultation, organisation, drafter, sender, summary, answers) -> Statement:
    sections = list(consultation.sections.all())
    statement = services.statement_save(
        by=drafter,
        consultation=consultation,
        organisation=organisation,
        answers={section.pk: text for section, text in zip(sections, answers, strict=False)},
        summary=summary,
    )
    return services.statement_send(by=sender, statement=statement)


def _sections(consultation, by, sections) -> None:
    for title, question, required in sections:
        services.section_add(
            by=by, consultation=consultation, data={"title_fi": title, "question_fi": question, "required": required}
        )
    consultation.refresh_from_db()


def _salo_welfare_plan(official: User, salo: PublicBody, ngos: list[Organisation], password: str, today) -> None:
    plan = services.consultation_create(
        by=official,
        body=salo,
        data={
            "title_fi": "Salon hyvinvointisuunnitelma 2027–2030",
            "title_sv": "Salo stads välfärdsplan 2027–2030",
            "title_en": "Salo's welfare plan 2027–2030",
            "summary_fi": "Salo tekee hyvinvointisuunnitelman neljäksi vuodeksi. Kerro, mitä järjestönne "
            "jäsenet ja asiakkaat tarvitsevat, mikä jo toimii ja mitä suunnitelmasta puuttuu. "
            "Kuulemme myös asukkaita.",
            "summary_sv": "Salo gör en välfärdsplan för fyra år. Berätta vad era medlemmar behöver, vad som "
            "redan fungerar och vad som saknas i planen.",
            "opens_at": _moment(today - dt.timedelta(days=7), 8),
            "closes_at": _moment(today + dt.timedelta(days=14), 16),
            "residents": True,
        },
    )
    _sections(
        plan,
        official,
        [
            (
                "Yksinäisyys ja osallisuus",
                "Miten yksinäisyyttä voitaisiin vähentää? Mitä järjestönne voi tehdä yhdessä kaupungin kanssa?",
                True,
            ),
            ("Mielenterveys", "Mitä matalan kynnyksen mielenterveystukea Salossa tarvitaan lisää?", False),
            ("Omaishoitajien jaksaminen", "Mikä auttaisi omaishoitajia jaksamaan?", False),
        ],
    )
    services.consultation_open(by=official, consultation=plan)
    admin = _user("mielenterveysseura")
    mind = Organisation.objects.get(slug="salon-mielenterveysseura-ry")
    _send(
        plan,
        mind,
        admin,
        admin,
        "Kohtaamispaikka ja vertaistuki osaksi suunnitelmaa",
        [
            "Kohtaamispaikkamme tavoittaa viikoittain noin 60 yksinäistä aikuista. Toivomme, että kaupunki "
            "tarjoaa tilat maksutta myös iltaisin.",
            "Matalan kynnyksen keskusteluapua tarvitaan ilman ajanvarausta. Vertaisohjaajamme voivat olla "
            "mukana terveysasemilla kerran viikossa.",
            "",
        ],
    )
    for organisation in ngos[:2]:
        secretary = _secretary(organisation, password)
        _send(
            plan,
            organisation,
            secretary,
            secretary,
            "Järjestöjen yhteinen kerho-ohjelma",
            [
                f"{organisation.name} järjestää viikoittaisia ryhmiä. Ryhmiin tarvitaan lisää esteettömiä tiloja.",
                "",
                "",
            ],
        )
    # Omaishoitajat's representative has started a draft that the NGO's admin has yet to send.
    carers = Organisation.objects.get(slug="salon-seudun-omaishoitajat-ry")
    services.statement_save(
        by=_user("omaishoitajat"),
        consultation=plan,
        organisation=carers,
        answers={plan.sections.last().pk: "Lakisääteiset vapaat toteutuvat huonosti: sijaishoitoa on vähän."},
        summary="Omaishoitajien vapaat",
    )
    services.comment_submit(
        by=_user("aino.rantanen"),
        consultation=plan,
        text="Kirjaston lukupiiri on ollut äidilleni tärkeä. Lisää tällaista!",
        section=plan.sections.first(),
    )


def _salo_grant_principles(official: User, salo: PublicBody, ngos: list[Organisation], password: str, today) -> None:
    principles = services.consultation_create(
        by=official,
        body=salo,
        data={
            "title_fi": "Järjestöavustusten periaatteet 2027",
            "title_sv": "Principerna för understöd till organisationer 2027",
            "summary_fi": "Uudistimme järjestöavustusten periaatteet. Kysyimme järjestöiltä, ovatko ne selkeät "
            "ja oikeudenmukaiset.",
            "opens_at": _moment(today - dt.timedelta(days=60), 8),
            "closes_at": _moment(today + dt.timedelta(days=1), 16),
        },
    )
    _sections(
        principles,
        official,
        [
            ("Haku ja aikataulu", "Onko hakuaika riittävä ja ajankohta sopiva?", True),
            ("Arviointi", "Ovatko arviointiperusteet selkeät?", False),
        ],
    )
    services.consultation_open(by=official, consultation=principles)
    statements = []
    for organisation, text in zip(
        ngos[2:5],
        [
            "Hakuaika joulukuussa on vaikea: hallitukset kokoontuvat harvoin. Toivomme hakuaikaa tammikuulle.",
            "Hakuaika on sopiva, mutta ohjeet voisivat olla selkeämmät.",
            "Pienten yhdistysten on vaikea tehdä talousarvio. Kevyempi haku alle 1 000 euron avustuksille?",
        ],
        strict=False,
    ):
        secretary = _secretary(organisation, password)
        statements.append(_send(principles, organisation, secretary, secretary, "", [text, ""]))
    services.consultation_close(by=official, consultation=principles)
    links = {}
    if statements:
        links[statements[0].pk] = "Hakuaika siirrettiin tammikuulle (8.1.–5.2.)."
    if len(statements) > 2:
        links[statements[2].pk] = "Alle 1 000 euron avustuksille tuli kevyempi haku ilman talousarviota."
    principles.refresh_from_db()
    services.response_save(
        by=official,
        consultation=principles,
        heard="Järjestöt pitivät periaatteita pääosin selkeinä. Hakuaika joulukuussa oli monelle hankala, ja "
        "pienet yhdistykset toivoivat kevyempää hakua.",
        changed="Siirsimme hakuajan tammikuulle ja teimme pienille avustuksille kevyemmän haun. Ohjeita "
        "selkeytetään ennen seuraavaa hakua.",
        links=links,
    )
    services.response_publish(by=official, consultation=principles)


def _tampere_council_hearing(today) -> str:
    tampere = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code="837")
    coordinator = _user("koordinaattori.tampere")
    council = WorkingGroup.objects.filter(body=tampere, kind=GroupKind.DISABILITY_COUNCIL).first()
    if council is None:
        return "no disability council in Tampere"
    hearing = services.consultation_create(
        by=coordinator,
        body=tampere,
        data={
            "title_fi": "Tampereen esteettömyysohjelma 2027–2030",
            "title_sv": "Tammerfors tillgänglighetsprogram 2027–2030",
            "summary_fi": "Esteettömyysohjelma linjaa, miten kaupungin palvelut, rakennukset ja verkkosivut "
            "tehdään kaikille sopiviksi. Pyydämme vammaisneuvoston lausunnon.",
            "opens_at": _moment(today - dt.timedelta(days=30), 8),
            "closes_at": _moment(today + dt.timedelta(days=10), 16),
        },
        councils=[council],
    )
    _sections(
        hearing,
        coordinator,
        [
            ("Liikkuminen kaupungissa", "Mitkä liikkumisen esteet pitää korjata ensin?", True),
            ("Asiointi ja tieto", "Miten kaupungin tieto ja asiointi saadaan kaikille saavutettaviksi?", False),
        ],
    )
    services.consultation_open(by=coordinator, consultation=hearing)
    hearing.refresh_from_db()
    first, second = hearing.sections.all()
    services.council_statement_record(
        by=coordinator,
        consultation=hearing,
        council=council,
        answers={
            first.pk: "Ratikkapysäkkien reunakivet ja talvikunnossapito ovat suurimmat esteet.",
            second.pk: "Selkokieliset tiedotteet ja viittomakielinen neuvonta kerran viikossa.",
        },
        summary="Vammaisneuvosto kannattaa ohjelmaa ja pyytää kolmea korjausta.",
        meeting_date=today - dt.timedelta(days=3),
        minutes=ContentFile(MINUTES_PDF, name="vammaisneuvosto-poytakirja.pdf"),
    )
    # Closed early, once the council had spoken: the response is still pending.
    services.consultation_close(by=coordinator, consultation=hearing)
    return "a disability council hearing in Tampere (response pending)"


def load(users: dict[str, User]) -> str:
    """Add the demo consultations. Returns the line `kumppani demo` prints."""
    if Consultation.objects.exists():
        return "Consultations: already there."
    today = timezone.localdate()
    password = make_password(accounts.PASSWORD)
    salo = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=accounts.SALO)
    official = _user("viranhaltija.salo")
    ngos = list(
        Organisation.objects.filter(areas=salo, status=OrganisationStatus.ACTIVE, merged_into__isnull=True)
        .exclude(slug__in=["salon-mielenterveysseura-ry", "salon-seudun-omaishoitajat-ry"])
        .order_by("name")[:5]
    )
    _salo_welfare_plan(official, salo, ngos, password, today)
    _salo_grant_principles(official, salo, ngos, password, today)
    tampere = _tampere_council_hearing(today)
    return f"Consultations: Salo's welfare plan (open) and grant principles (answered), {tampere}."
