"""Demo NGO-friendliness index: a few self-assessments by the coordinators of Salo, Tampere, Joensuu
and the Pirkanmaa county (the criteria the platform cannot count), then the index of every body on
the platform for last year and this year, computed from the demo grants, cooperation, premises,
events and register; and the Sotkanet indicators the welfare reports can follow. Running it again
adds nothing when the index exists."""

from django.utils import timezone

from kumppani.core.models import BodyKind, PublicBody, User
from kumppani.demo import accounts
from kumppani.welfare import services
from kumppani.welfare.models import IndexResult

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
    if IndexResult.objects.exists():
        return "NGO-friendliness index: already there.\n"
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
    return (
        f"NGO-friendliness index: {assessed} self-assessments, {computed} yearly results; "
        f"{indicators} Sotkanet indicators.\n"
    )
