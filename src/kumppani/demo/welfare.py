"""Demo NGO-friendliness index: a few self-assessments by the coordinators of Salo, Tampere, Joensuu
and the Pirkanmaa county (the criteria the platform cannot count), then the index of every body on
the platform for last year and this year, computed from the demo grants, cooperation, premises,
events and register; and the Sotkanet indicators the welfare reports can follow. Running it again
adds nothing when the index exists."""

from django.utils import timezone

from kumppani.cooperation.models import Sector
from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody, Term, User, Vocabulary
from kumppani.demo import accounts
from kumppani.demo import cooperation as demo_cooperation
from kumppani.grants.models import GrantProgramme
from kumppani.organisations.models import Organisation
from kumppani.welfare import ngo_chapter, reports, services
from kumppani.welfare.models import IndexResult, Indicator, WelfareReport

# (coordinator's e-mail local part, body key, years ago, criterion, status, justification)
ASSESSMENTS = [
    (
        "koordinaattori.salo",
        "734",
        (0, 1),
        "grants_health_promotion",
        "met",
        "Sosiaali- ja terveyslautakunnan järjestöavustukset budjetoidaan hyvinvoinnin ja terveyden "
        "edistämisen määrärahasta (talousarvio, hyte-kohta).",
    ),
    (
        "koordinaattori.salo",
        "734",
        (0, 1),
        "cooperation_reported",
        "met",
        "Järjestöyhteistyö on oma lukunsa laajassa hyvinvointikertomuksessa ja lautakuntien "
        "toimintakertomuksissa (Salon malli).",
    ),
    (
        "koordinaattori.salo",
        "734",
        (0,),
        "strategy_preparation",
        "partly",
        "Järjestöt kutsuttiin kaupunkistrategian työpajaan, mutta hyvinvointisuunnitelman valmisteluun "
        "ne osallistuivat vain kyselyllä.",
    ),
    (
        "koordinaattori.tampere",
        "837",
        (0, 1),
        "strategy_preparation",
        "met",
        "Järjestöedustamo nimesi edustajat kaupunkistrategian ja hyvinvointisuunnitelman valmisteluryhmiin.",
    ),
    (
        "koordinaattori.tampere",
        "837",
        (0,),
        "grants_health_promotion",
        "partly",
        "Toiminta-avustukset ovat hyte-määrärahassa, kohdeavustukset vielä toimialojen omissa budjeteissa.",
    ),
    (
        "koordinaattori.pirha",
        "county:837",
        (0,),
        "strategy_preparation",
        "met",
        "Järjestöt olivat mukana hyvinvointialueen strategian ja alueellisen hyvinvointisuunnitelman "
        "työpajoissa sekä lausuivat luonnoksista.",
    ),
]


def _body(key: str) -> PublicBody | None:
    municipality = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code=key.removeprefix("county:")).first()
    if municipality is None:
        return None
    return municipality.county if key.startswith("county:") else municipality


def load() -> str:
    year = timezone.localdate().year
    indicators = services.indicators_load_reference()
    made = load_reports()
    if IndexResult.objects.exists():
        return made + "NGO-friendliness index: already there.\n"
    assessed = 0
    for local, key, years_ago, criterion, status, justification in ASSESSMENTS:
        body = _body(key)
        coordinator = User.objects.filter(email=f"{local}@{accounts.DOMAIN}").first()
        if body is None or coordinator is None:
            continue
        for ago in years_ago:
            services.self_assessment_save(
                body=body,
                year=year - ago,
                criterion=criterion,
                status=status,
                justification=justification,
                by=coordinator,
            )
            assessed += 1
    computed = services.index_compute_all(year=year - 1) + services.index_compute_all(year=year)
    return made + (
        f"NGO-friendliness index: {assessed} self-assessments, {computed} yearly results; "
        f"{indicators} Sotkanet indicators.\n"
    )


# Welfare reports ----------------------------------------------------------------------------------
# Salo's report and plan for the council term (a draft its editors are writing: koordinaattori.salo
# assembles it, viranhaltija.salo writes the chapters of the social and health sector) and the
# yearly reports of last year of Rovaniemi (approved by the council), Sodankylä (in review) and
# Enontekiö (a draft), whose coordinators are koordinaattori.<municipality> (demo password). The
# Lapland chapters' themes are those of the knowledge reports the NGOs sent last year
# (demo/knowledge.py) and of Rovaniemi's residents' survey of last year, shared through NGOs
# (demo/surveys.py), so each chapter shows them as evidence with the NGOs credited (seed 002). All
# four bodies are monolingual Finnish, so the reports are written in Finnish only.

SALO_REPORT = "Salon laaja hyvinvointikertomus ja -suunnitelma 2025–2028"

# (title, theme slug, sector keys, NGO slugs, Sotkanet ids, editors ("official"/"coordinator"),
#  situation, goals, measures, assessment)
SALO_CHAPTERS = [
    (
        "Mielenterveys",
        "mielenterveys",
        ("sote", "hyte"),
        ("salon-mielenterveysseura-ry", "salon-seudun-mielenterveysomaiset-ry"),
        (4, 1562, 10027),
        ("official",),
        "Psykiatrian avohoitokäyntien määrä on kasvanut kolme vuotta peräkkäin, ja nuorten hoitoon pääsy "
        "kestää usein yli kuukauden. Mielenterveysseuran kriisipuhelimeen tuli viime vuonna noin 1 200 "
        "yhteydenottoa, joista kolmannes iltaisin ja viikonloppuisin.",
        "Mielenterveyden tuki on saatavilla matalalla kynnyksellä ilman lähetettä. Nuorten odotusaika "
        "perustason hoitoon lyhenee alle kahteen viikkoon kauden aikana.",
        "Kaupunki ja hyvinvointialue jatkavat mielenterveysseuran kriisityön kumppanuussopimusta. "
        "Mielenterveysomaisten vertaisryhmät kokoontuvat kaupungin tiloissa maksutta. Kouluihin "
        "lisätään matalan kynnyksen vastaanottoja yhdessä järjestöjen kanssa.",
        "Kriisityön sopimus on voimassa ja vertaisryhmiä on kolme. Nuorten odotusajat eivät vielä ole "
        "lyhentyneet; seurataan hyvinvointialueen tilastoista puolivuosittain.",
    ),
    (
        "Yksinäisyys",
        "yksinaisyys",
        ("hyte", "kulttuuri"),
        ("salon-elakkeensaajat-ry", "salon-seudun-omaishoitajat-ry"),
        (),
        ("coordinator", "official"),
        "Asukaskyselyssä joka kymmenes vastaaja kertoi tuntevansa itsensä yksinäiseksi usein tai jatkuvasti. "
        "Yksinäisyys on yleisintä yksin asuvilla yli 75-vuotiailla ja 18–29-vuotiailla.",
        "Jokaisella asukkaalla on lähellään kohtaamispaikka, jonne voi tulla ilman ilmoittautumista.",
        "Kirjastot ja järjestöjen olohuoneet avataan yhteiseksi verkostoksi. Eläkkeensaajat ja "
        "omaishoitajat järjestävät ystävätoimintaa, jonka vapaaehtoiset kaupunki kouluttaa.",
        "Olohuoneverkostossa on kuusi paikkaa; ystävätoimintaan koulutettiin 24 vapaaehtoista.",
    ),
    (
        "Ikääntyneet",
        "muistisairaudet",
        ("vanhus", "sote"),
        ("salon-seudun-muisti-ry", "salon-seudun-omaishoitajat-ry", "salon-sydanyhdistys-ry"),
        (6, 322),
        ("official",),
        "Yli 75-vuotiaiden määrä kasvaa kauden aikana noin 1 300 hengellä. Muistisairaiden omaishoitajat "
        "kertovat jaksamisen vaikeuksista ja siitä, että tieto tuesta on hajallaan.",
        "Ikääntyneet asuvat kotona turvallisesti, ja omaishoitajat saavat tukea ennen kuin uupuvat.",
        "Muistiyhdistyksen muistikahvilat ja omaishoitajien vertaisryhmät kootaan samaan palveluoppaaseen "
        "vanhuspalvelujen kanssa. Sydänyhdistys vetää liikuntaryhmiä palvelutaloissa.",
        "",
    ),
    (
        "Lapset ja nuoret",
        "lastensuojelu",
        ("nuoriso", "kulttuuri"),
        ("salon-nuorten-tukipiste-ry", "salon-erityisliikunta-ry"),
        (1086, 405),
        ("official",),
        "Lastensuojeluilmoitusten osuus on pysynyt maan keskitasolla, mutta nuorten kokema koulu-uupumus on "
        "lisääntynyt. Harrastuksen puute on yleisempää vähävaraisissa perheissä.",
        "Jokaisella lapsella ja nuorella on mieluinen, maksuton harrastus ja turvallinen aikuinen.",
        "Nuorisopalvelut ja nuorten tukipiste pitävät iltaisin avointa toimintaa. Erityisliikunta järjestää "
        "maksuttomia ryhmiä kouluissa Suomen mallin mukaisesti.",
        "",
    ),
    (
        "Päihteet ja riippuvuudet",
        "paihteet-ja-riippuvuudet",
        ("sote",),
        ("salon-mielenterveysseura-ry",),
        (3090,),
        ("official",),
        "Huumausainerikokset ovat lisääntyneet, ja päihteitä käyttävien nuorten aikuisten hoitoon ohjaus "
        "on viivästynyt.",
        "Päihdetyö tavoittaa nuoret aikuiset ajoissa, ja läheiset saavat tukea.",
        "Etsivä nuorisotyö ja järjestöjen vertaistuki ohjaavat hoitoon yhteisellä toimintamallilla.",
        "",
    ),
]

# (code, status, coordinator's local part and name, chapters: (title, theme, situation, goals, measures, assessment))
LAPLAND_REPORTS = [
    (
        "698",
        "approved",
        ("koordinaattori.rovaniemi", "Anni Rovaniemi"),
        [
            (
                "Hyvinvointi ja osallisuus",
                "osallisuus",
                "Asukkaiden hyvinvointikyselyyn vastasi yli 600 asukasta, moni järjestöjen kautta. Vastaajista "
                "neljännes koki, ettei voi vaikuttaa asuinalueensa asioihin.",
                "Asukkaat ja järjestöt osallistuvat palvelujen suunnitteluun jo valmisteluvaiheessa.",
                "Järjestöt jakoivat kyselyn jäsenilleen; tulokset käsiteltiin järjestöfoorumissa.",
                "Kysely tavoitti myös ne, joita kaupunki ei yleensä tavoita. Käytäntö jatkuu vuosittain.",
            ),
            (
                "Mielenterveys",
                "mielenterveys",
                "Nuorten aikuisten mielenterveyspalvelujen jonot ovat pitkiä, etenkin kaupungin ulkopuolella.",
                "Matalan kynnyksen tukea on tarjolla myös kylissä.",
                "Järjestöjen chat-palvelu ja kylissä kiertävä vertaisryhmä.",
                "Vertaisryhmä kokoontui viidessä kylässä; palautetta kerätään jatkossa järjestöjen kautta.",
            ),
        ],
    ),
    (
        "758",
        "review",
        ("koordinaattori.sodankyla", "Sanna Sodankylä"),
        [
            (
                "Yksinäisyys ja pitkät etäisyydet",
                "yksinaisyys",
                "Järjestöjen kokemustietoraporttien mukaan syrjäkylien ikääntyneet jäävät talvella yksin, kun "
                "kuljetuksia ei ole.",
                "Kylätalot ovat auki ja kuljetus kohtaamispaikkoihin toimii myös talvella.",
                "Kyläyhdistykset ja kunta sopivat kylätalojen aukiolosta ja asiointikuljetuksista.",
                "",
            ),
            (
                "Ikääntyneet",
                "omaishoito",
                "Omaishoitajat kokevat, että tieto tuesta ei tavoita heitä.",
                "Jokainen omaishoitaja tietää, mistä saa tukea.",
                "Järjestö kokoaa tuen tiedot kunnan kanssa yhteiseen oppaaseen.",
                "",
            ),
        ],
    ),
    (
        "047",
        "draft",
        ("koordinaattori.enontekio", "Elli Enontekiö"),
        [
            (
                "Lapset ja nuoret",
                "perhetyo",
                "Nuorilla on vähän harrastusmahdollisuuksia kirkonkylän ulkopuolella.",
                "",
                "",
                "",
            ),
        ],
    ),
]


def _demo_user(local: str, name: str, body: PublicBody, role: str) -> User:
    from django.contrib.auth.hashers import make_password

    user = User.objects.filter(email=f"{local}@{accounts.DOMAIN}").first()
    if user is None:
        user = User.objects.create(
            email=f"{local}@{accounts.DOMAIN}", full_name=name, password=make_password(accounts.PASSWORD)
        )
    BodyRole.objects.get_or_create(user=user, body=body, role=role)
    return user


def _salo_report(indicators: dict) -> int:
    salo = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code="734").first()
    coordinator = User.objects.filter(email=f"koordinaattori.salo@{accounts.DOMAIN}").first()
    official = User.objects.filter(email=f"viranhaltija.salo@{accounts.DOMAIN}").first()
    if salo is None or coordinator is None or official is None:
        return 0
    report = reports.report_create(body=salo, kind="term", first_year=2025, title=SALO_REPORT, by=coordinator)
    names = {key: fi for key, fi, _sv, _en in demo_cooperation.SECTORS}
    by_name = {sector.name_fi: sector for sector in Sector.objects.filter(body=salo)}
    sectors = {key: by_name[name] for key, name in names.items() if name in by_name}
    people = {"coordinator": coordinator, "official": official}
    for title, theme, sector_keys, ngo_slugs, ids, editors, situation, goals, measures, assessment in SALO_CHAPTERS:
        chapter = reports.chapter_add(
            report=report,
            title=title,
            theme=Term.objects.filter(vocabulary=Vocabulary.THEME, slug=theme).first(),
            editors=[people[key] for key in editors],
            by=coordinator,
        )
        reports.chapter_write(
            chapter=chapter,
            data={"situation": situation, "goals": goals, "measures": measures, "assessment": assessment},
            sectors=[sectors[key] for key in sector_keys if key in sectors],
            organisations=list(Organisation.objects.filter(slug__in=ngo_slugs, areas=salo).distinct()),
            indicators=[indicators[i] for i in ids if i in indicators],
            by=people[editors[0]],
        )
    # Salo's grants are budgeted from health promotion (see ASSESSMENTS): its programmes, loaded
    # before the cooperation record named the sectors, give the health promotion sector's money.
    if "hyte" in sectors:
        GrantProgramme.objects.filter(body=salo, sector__isnull=True).update(sector=sectors["hyte"])
    # The NGO chapter from Salo's demo grants (by theme and by sector), cooperation, seats,
    # consultations and premises.
    ngo_chapter.generate(report=report, by=coordinator)
    return 1


def _lapland_reports(indicators: dict) -> int:
    import datetime as dt

    today = timezone.localdate()
    year = today.year - 1
    official = User.objects.filter(email=f"viranhaltija.rovaniemi@{accounts.DOMAIN}").first()
    made = 0
    for code, status, (local, name), chapters in LAPLAND_REPORTS:
        body = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code=code).first()
        if body is None:
            continue
        coordinator = _demo_user(local, name, body, BodyRoleKind.COORDINATOR)
        report = reports.report_create(
            body=body, kind="yearly", first_year=year, title=f"{body.name}: hyvinvointiraportti {year}", by=coordinator
        )
        ngos = list(Organisation.objects.filter(areas=body).order_by("name")[:2])
        for title, theme, situation, goals, measures, assessment in chapters:
            editors = [coordinator] + ([official] if code == "698" and official else [])
            chapter = reports.chapter_add(
                report=report,
                title=title,
                theme=Term.objects.filter(vocabulary=Vocabulary.THEME, slug=theme).first(),
                editors=editors,
                by=coordinator,
            )
            reports.chapter_write(
                chapter=chapter,
                data={"situation": situation, "goals": goals, "measures": measures, "assessment": assessment},
                organisations=ngos,
                indicators=[indicators[i] for i in (127, 5527) if i in indicators],
                by=coordinator,
            )
        ngo_chapter.generate(report=report, by=coordinator)
        if status in ("review", "approved"):
            reports.report_submit(report=report, by=coordinator)
        if status == "approved":
            reports.report_approve(
                report=report, decision_date=min(dt.date(year + 1, 4, 14), today), section="38", by=coordinator
            )
        made += 1
    return made


def load_reports() -> str:
    """The demo welfare reports; running it again adds nothing when they exist."""
    if WelfareReport.objects.exists():
        return "Welfare reports: already there.\n"
    indicators = {indicator.sotkanet_id: indicator for indicator in Indicator.objects.all()}
    made = _salo_report(indicators) + _lapland_reports(indicators)
    return (
        f"Welfare reports: {made} (Salo's term report, a draft: koordinaattori.salo and viranhaltija.salo edit it; "
        "Rovaniemi's approved, Sodankylä's in review, Enontekiö's draft: koordinaattori.<municipality>).\n"
    )
