"""The NGO directory, the activity search, the NGO API list and the HSDS services, each measured over
a few hundred distinct addresses: the searches residents, nurses and other sites' integrations send.

A page cache keyed on the address answers few of them, so bench/run.py measures each group twice:
on a server with the page cache on ("cached") and with it off (DIRECTORY_CACHE_SECONDS=0, "cold").
The targets are held by the cold figures.

The addresses are drawn (with a fixed seed) from real Finnish and Swedish words in base and inflected
forms, compounds, two-word queries and misspellings, combined with the filters (body, county, theme,
target group, language, type, weekday, time of day, free, accessible), the sort orders and deep
pages. Run inside the benchmark's database, where the body slugs and the taxonomy ids come from:
    python -m bench.directory urls --out urls.json
"""

import argparse
import json
import random
import re
from urllib.parse import urlencode

# The groups measured cold and held to the targets, in bench/run.py's order.
GROUPS = ("directory search", "NGO API list", "activity search", "HSDS services")
CACHED = " (cached)"
# Distinct addresses per group.
PER_GROUP = 300

# What people type: base forms, inflected forms, compounds, Swedish, two words, misspellings.
FINNISH_BASE = [
    "mielenterveys",
    "vertaistuki",
    "omaishoitaja",
    "muisti",
    "liikunta",
    "nuoret",
    "yksinäisyys",
    "kriisiapu",
    "päihde",
    "perhe",
    "lapset",
    "ikääntyneet",
    "vapaaehtoinen",
    "kahvila",
    "ryhmä",
    "neuvonta",
    "kuntoutus",
    "asunnottomuus",
    "työttömyys",
    "kotoutuminen",
    "vammaiset",
    "leski",
    "syöpä",
    "diabetes",
    "sydän",
    "kuurot",
    "partio",
    "kerho",
    "eläkeläiset",
    "yhdistys",
    "seura",
    "ruoka-apu",
    "velkaneuvonta",
    "lähisuhdeväkivalta",
    "maahanmuuttajat",
    "opiskelijat",
]
FINNISH_INFLECTED = [
    "mielenterveyden",
    "vertaistukea",
    "omaishoitajille",
    "muistisairaiden",
    "nuorille",
    "lapsiperheille",
    "ikäihmisille",
    "vapaaehtoisille",
    "kriisissä",
    "yksinäisille",
    "ryhmässä",
    "kerhoon",
    "liikuntaa",
    "päihteiden",
    "perheille",
    "omaishoitajien",
    "nuorten",
    "lasten",
    "vanhemmille",
    "leskien",
    "syöpää",
    "mielenterveyskuntoutujille",
    "maahanmuuttajien",
    "työttömille",
    "vammaisten",
]
FINNISH_COMPOUNDS = [
    "mielenterveysseura",
    "vertaistukiryhmä",
    "muistikahvila",
    "omaishoitajayhdistys",
    "nuorisotila",
    "perhekahvila",
    "kohtaamispaikka",
    "liikuntaryhmä",
    "vapaaehtoistoiminta",
    "kriisipuhelin",
    "leskiryhmä",
    "sydänyhdistys",
    "diabetesyhdistys",
    "eläkeläisyhdistys",
    "kuntosaliryhmä",
    "vertaistukiryhmät",
    "mielenterveysyhdistys",
    "muistiyhdistys",
    "lapsiperhetoiminta",
    "keskusteluapu",
]
SWEDISH = [
    "stödgrupp",
    "kamratstöd",
    "ungdomar",
    "äldre",
    "närståendevårdare",
    "föreningen",
    "minne",
    "frivilliga",
    "mötesplats",
    "familjer",
    "barn",
    "ensamhet",
    "kris",
    "motion",
    "psykisk",
    "stödgrupper",
    "närståendevårdarna",
    "ungdomarna",
    "seniorer",
    "invandrare",
]
TWO_WORDS = [
    "nuorten mielenterveys",
    "omaishoitajien vertaistuki",
    "muisti kahvila",
    "psykisk hälsa",
    "stöd för unga",
    "vertaistuki ryhmä",
    "perhe kahvila",
    "liikunta ikääntyneille",
    "kriisi apu",
    "yksinäisyys nuoret",
    "mielenterveys vertaistuki",
    "äldre motion",
    "päihteet perhe",
    "lapset liikunta",
    "vapaaehtoinen kerho",
]
MISSPELLINGS = [
    "mielenterveis",
    "vertaistukki",
    "omaishoitja",
    "muistikahvla",
    "nuorisso",
    "liikuntta",
    "stödgrup",
    "vertais",
    "mielent",
    "omaishoi",
    "kohtaamisp",
    "yksinäisyy",
    "kamratsöd",
]
WORDS = FINNISH_BASE + FINNISH_INFLECTED + FINNISH_COMPOUNDS + SWEDISH + TWO_WORDS + MISSPELLINGS

THEMES = [
    "mielenterveys",
    "paihteet-ja-riippuvuudet",
    "vertaistuki",
    "yksinaisyys",
    "muistisairaudet",
    "omaishoito",
    "liikunta",
    "kriisiapu",
    "kotoutuminen",
    "vammaisuus",
    "neuvonta",
    "vapaaehtoistoiminta",
]
TARGETS = [
    "lapset",
    "nuoret",
    "lapsiperheet",
    "ikaantyneet",
    "omaishoitajat",
    "vammaiset",
    "maahanmuuttajat",
    "mielenterveyskuntoutujat",
    "tyottomat",
    "vapaaehtoiset",
]
LANGUAGES = ["fi", "sv", "en"]
KINDS = ["peer_support", "support_group", "advice", "meeting_place", "club_house", "recreation", "training"]
TIMES = ["morning", "afternoon", "evening"]


def _query(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _directory(rng: random.Random, bodies: dict) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.75:
        params.append(("q", _query(rng)))
    if rng.random() < 0.5:
        params.append(("body", rng.choice(bodies["municipalities"] if rng.random() < 0.7 else bodies["counties"])))
    if rng.random() < 0.3:
        params.append(("theme", rng.choice(THEMES)))
    if rng.random() < 0.2:
        params.append(("target", rng.choice(TARGETS)))
    if rng.random() < 0.15:
        params.append(("language", rng.choice(LANGUAGES)))
    if rng.random() < 0.1:
        params.append(("include_dormant", "on"))
    if rng.random() < 0.3:
        params.append(("sort", rng.choice(["name", "-updated", "relevance"])))
    if rng.random() < 0.25:
        params.append(("page", str(rng.choice([2, 3, 5, 10, 25, 60, 200]))))
    return "/fi/jarjestot/?" + urlencode(params)


def _activities(rng: random.Random, bodies: dict) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.6:
        params.append(("q", _query(rng)))
    if rng.random() < 0.6:
        params.append(("body", rng.choice(bodies["municipalities"] if rng.random() < 0.7 else bodies["counties"])))
    if rng.random() < 0.3:
        params.append(("theme", rng.choice(THEMES)))
    if rng.random() < 0.25:
        params.append(("target", rng.choice(TARGETS)))
    if rng.random() < 0.25:
        params += [("kind", kind) for kind in rng.sample(KINDS, rng.choice([1, 1, 2]))]
    if rng.random() < 0.15:
        params.append(("language", rng.choice(LANGUAGES)))
    if rng.random() < 0.3:
        params += [("weekday", str(day)) for day in rng.sample(range(7), rng.choice([1, 1, 2]))]
    if rng.random() < 0.25:
        params.append(("time", rng.choice(TIMES)))
    if rng.random() < 0.2:
        params.append(("free", "on"))
    if rng.random() < 0.2:
        params.append(("accessible", "on"))
    if rng.random() < 0.05:
        params.append(("online", "on"))
    if rng.random() < 0.1:
        params.append(("include_stale", "on"))
    if rng.random() < 0.3:
        params.append(("sort", rng.choice(["relevance", "fresh", "name"])))
    if rng.random() < 0.2:
        params.append(("page", str(rng.choice([2, 3, 5, 10, 50, 300]))))
    return "/fi/toiminta/?" + urlencode(params)


def _api(rng: random.Random, bodies: dict) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.5:
        params.append(("q", _query(rng)))
    if rng.random() < 0.5:
        params.append(("body", rng.choice(bodies["municipalities"] + bodies["counties"])))
    if rng.random() < 0.25:
        params.append(("theme", rng.choice(THEMES)))
    if rng.random() < 0.15:
        params.append(("target_group", rng.choice(TARGETS)))
    if rng.random() < 0.1:
        params.append(("language", rng.choice(LANGUAGES)))
    if rng.random() < 0.3:
        params.append(("ordering", rng.choice(["name", "-name", "updated_at", "-updated_at"])))
    size = rng.choice([10, 20, 100]) if rng.random() < 0.1 else 50  # the API's pages are of 50
    if size != 50:
        params.append(("page_size", str(size)))
    if rng.random() < 0.6 and all(key in ("ordering", "page_size") for key, _value in params):
        # A page past the last is a 404 in the API: deep pages of the whole register only.
        params.append(("page", str(rng.choice([2, 5, 20, 60, 150]) * 50 // size or 1)))
    return "/api/v1/organisations/?" + urlencode(params)


def _hsds(rng: random.Random, terms: list[str]) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.4:
        params.append(("search", _query(rng)))
    if rng.random() < 0.4:
        params.append(("taxonomy_term_id", rng.choice(terms)))
    if rng.random() < 0.2:
        params.append(("lang", rng.choice(LANGUAGES)))
    if rng.random() < 0.15:
        params.append(("full", "true"))
    if rng.random() < 0.4:
        # Deep pages of the whole list; a page of a search or a term stays within its matches.
        narrowed = any(key in ("search", "taxonomy_term_id") for key, _value in params)
        params.append(("page", str(rng.choice([2, 3] if narrowed else [2, 5, 40, 200, 1000]))))
    if rng.random() < 0.15:
        params.append(("per_page", str(rng.choice([10, 20, 50]))))
    return "/api/hsds/services?" + urlencode(params)


def build_urls(bodies: dict, terms: list[str], per_group: int = PER_GROUP, seed: int = 15) -> dict[str, list[str]]:
    """{group: distinct addresses}, the same for the same bodies and terms."""
    rng = random.Random(seed)
    makers = {
        "directory search": lambda: _directory(rng, bodies),
        "NGO API list": lambda: _api(rng, bodies),
        "activity search": lambda: _activities(rng, bodies),
        "HSDS services": lambda: _hsds(rng, terms),
    }
    urls = {}
    for group, make in makers.items():
        found: dict[str, None] = {}
        for _ in range(per_group * 20):
            found.setdefault(make())
            if len(found) >= per_group:
                break
        urls[group] = list(found)
    return urls


# Checks: the page answered with its results, or says that nothing matched (a misspelling with a
# filter may match nothing, as it does for residents).


def check_directory(body: bytes) -> str:
    if re.search(rb'href="/fi/jarjestot/(?!uusi/|tuonti/)[\w-]+/"', body) or re.search(
        rb'aria-live="polite">0\s', body
    ):
        return ""
    return "the page answered 200 but neither lists NGOs nor says that none matched"


def check_activities(body: bytes) -> str:
    if re.search(rb'href="/fi/toiminta/(?!ohjauslista/)[\w-]+/"', body) or re.search(rb'aria-live="polite">0\s', body):
        return ""
    return "the page answered 200 but neither lists activities nor says that none matched"


def check_api(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    return "" if isinstance(data, dict) and isinstance(data.get("results"), list) else "the answer has no results list"


def check_hsds(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    return "" if isinstance(data, dict) and isinstance(data.get("contents"), list) else "the answer has no contents"


CHECKS = {
    "directory search": check_directory,
    "NGO API list": check_api,
    "activity search": check_activities,
    "HSDS services": check_hsds,
}


def groups(urls: dict[str, list[str]], *, cached: bool) -> list[tuple]:
    """(name, urls, check, headers) of the four groups; the cached ones' names end in " (cached)"."""
    return [(name + (CACHED if cached else ""), urls[name], CHECKS[name], None) for name in GROUPS]


def side_by_side(results: list[dict]) -> list[str]:
    """Lines of a table of each group's cold and cached figures, with the load average of each."""
    by_name = {r["name"]: r for r in results}
    lines = [
        f"{'':20} {'cold p50':>9} {'p95':>7} {'req/s':>7} {'vs empty':>8} {'load':>5}  "
        f"{'cached p50':>10} {'p95':>7} {'req/s':>7} {'vs empty':>8} {'load':>5}"
    ]

    def cells(r: dict | None) -> str:
        if not r or "requests" not in r:
            return f"{'–':>9} {'–':>7} {'–':>7} {'–':>8} {'–':>5}"
        share = f"{r['share_of_empty']:.0%}" if "share_of_empty" in r else "–"
        return f"{r['p50_ms']:>9} {r['p95_ms']:>7} {r['rps']:>7} {share:>8} {r.get('load_average', '–'):>5}"

    for name in GROUPS:
        lines.append(f"{name:20} {cells(by_name.get(name))}  {' ' + cells(by_name.get(name + CACHED))}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["urls"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-group", type=int, default=PER_GROUP)
    args = parser.parse_args()

    import django

    django.setup()
    from kumppani.activities.hsds import records as hsds
    from kumppani.core.models import BodyKind, PublicBody, Term

    bodies = {
        "municipalities": list(
            PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY).order_by("slug").values_list("slug", flat=True)
        ),
        "counties": list(
            PublicBody.objects.exclude(kind=BodyKind.MUNICIPALITY).order_by("slug").values_list("slug", flat=True)
        ),
    }
    terms = [hsds.term_id(t.vocabulary, t.slug) for t in Term.objects.order_by("vocabulary", "slug")]
    urls = build_urls(bodies, terms, args.per_group)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(urls, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
