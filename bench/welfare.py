"""The welfare part of the benchmark: the NGO-friendly municipality index of every public body over
two years, and welfare reports with chapters for every body, measured with the page cache off.

Population, run by bench/run.py inside its throwaway database after bench.populate (it needs the NGOs;
the other parts, where made, give the criteria something to count):
    python -m bench.welfare populate --manifest welfare.json

Every body gets self-assessments of some of the criteria the platform cannot compute and then its
index for the last two years computed by the real code (kumppani.welfare.services, as the daily job
does), so the stored rows are what the national table reads in production. Every body gets the
welfare report and plan of the council term (eight chapters) and a yearly report (six chapters),
approved by the council so that they are public; each chapter has a few paragraphs of text, two
responsible sectors, two or three NGOs of the body's area and three Sotkanet indicators, which
have ten years of values for every body and the whole country. Written with bulk_create in batches.

bench/run.py measures `groups()` (the national table over years, counties and pages, and many report
pages) and holds them to P95_MS; `summary()` says what was made.
"""

import argparse
import datetime as dt
import json
import random
import time

P95_MS = 50
GROUPS = ("welfare: national index table", "welfare: report page")
YEARS = 2
THEMES = [
    ("Mielen hyvinvointi", "Mielenterveysongelmat ovat yleistyneet erityisesti nuorilla."),
    ("Yksinäisyys", "Yksinäisyyttä kokee noin joka kymmenes aikuinen ja yhä useampi ikäihminen."),
    ("Ikäihmisten hyvinvointi", "Ikääntyneiden määrä kasvaa ja kotona asutaan yhä pidempään."),
    ("Lasten ja nuorten hyvinvointi", "Harrastamisen mahdollisuudet vaihtelevat alueittain."),
    ("Päihteet ja riippuvuudet", "Alkoholin käyttö on vähentynyt, mutta huumekokeilut ovat lisääntyneet."),
    ("Liikunta ja terveelliset elintavat", "Vain osa lapsista liikkuu suositusten mukaisesti."),
    ("Osallisuus ja järjestöyhteistyö", "Järjestöt tavoittavat ihmisiä, joita palvelut eivät tavoita."),
    ("Työllisyys ja toimeentulo", "Pitkäaikaistyöttömyys on laskenut mutta on yhä korkealla tasolla."),
]
PARAGRAPH = (
    "Tavoitteena on, että jokainen asukas löytää itselleen sopivaa toimintaa ja tukea läheltä. "
    "Kunta, hyvinvointialue ja järjestöt sopivat yhdessä, kuka tekee mitäkin ja miten tuloksia seurataan. "
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate"])
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    manifest = populate()
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)


def populate() -> dict:
    from django.db import transaction
    from django.utils import timezone

    from kumppani.cooperation.models import Sector
    from kumppani.core.models import BodyKind, PublicBody, Term
    from kumppani.organisations.models import Organisation
    from kumppani.welfare import criteria as c
    from kumppani.welfare import services
    from kumppani.welfare.models import Chapter, Indicator, SelfAssessment, WelfareReport

    started = time.monotonic()
    rng = random.Random(20261205)
    today = timezone.localdate()
    years = list(range(today.year - YEARS + 1, today.year + 1))
    bodies = list(PublicBody.objects.order_by("pk"))

    services.indicators_load_reference()
    indicator_ids = list(Indicator.objects.values_list("pk", flat=True))
    theme_ids = list(Term.objects.filter(vocabulary="theme").values_list("pk", flat=True)) or [None]
    sectors_of: dict[int, list[int]] = {}
    for pk, body_id in Sector.objects.values_list("pk", "body_id"):
        sectors_of.setdefault(body_id, []).append(pk)
    ngos_of: dict[int, list[int]] = {}
    for body_id, organisation_id in Organisation.areas.through.objects.values_list("publicbody_id", "organisation_id"):
        ngos_of.setdefault(body_id, []).append(organisation_id)

    with transaction.atomic():
        # Sectors where the cooperation part did not make them (two per body suffice here).
        missing = [b for b in bodies if b.pk not in sectors_of]
        made = Sector.objects.bulk_create(
            [
                Sector(body_id=b.pk, name_fi=name, slug=slug)
                for b in missing
                for name, slug in (("Hyvinvoinnin edistäminen", "hyte"), ("Nuorisopalvelut", "nuoriso"))
            ],
            batch_size=1000,
        )
        for sector in made:
            sectors_of.setdefault(sector.body_id, []).append(sector.pk)

        # Self-assessments: most bodies have assessed some of the criteria the platform cannot count.
        assessments = []
        for body in bodies:
            for year in years:
                for criterion in c.SELF_ASSESSED:
                    if rng.random() < 0.7:
                        assessments.append(
                            SelfAssessment(
                                body_id=body.pk,
                                year=year,
                                criterion=criterion.key,
                                status=rng.choice(["met", "met", "partly", "not_met"]),
                                justification="Kirjattu kunnan hyvinvointisuunnitelmaan ja talousarvioon.",
                            )
                        )
        SelfAssessment.objects.bulk_create(assessments, batch_size=2000, ignore_conflicts=True)

    # The index as the daily job computes it, body by body (each in its own transaction).
    index_started = time.monotonic()
    for year in years:
        for body in bodies:
            services.index_compute(body=body, year=year, by=None)
    index_seconds = round(time.monotonic() - index_started, 1)

    with transaction.atomic():
        term_start = today.year - (today.year - 2025) % 4
        plans = [("term", term_start, term_start + 3, 8), ("yearly", today.year - 1, today.year - 1, 6)]
        reports = []
        for body in bodies:
            for kind, first, last, _chapters in plans:
                title = (
                    f"Hyvinvointikertomus ja -suunnitelma {first}–{last}: {body.name}"
                    if kind == "term"
                    else f"Vuosittainen hyvinvointikertomus {first}: {body.name}"
                )
                reports.append(
                    WelfareReport(
                        body_id=body.pk,
                        kind=kind,
                        first_year=first,
                        last_year=last,
                        title=title,
                        status="approved",
                        council_decision_date=dt.date(first, 5, rng.randint(1, 28)),
                        council_section=str(rng.randint(10, 120)),
                    )
                )
        WelfareReport.objects.bulk_create(reports, batch_size=1000)
        chapters, links = [], []  # links: (chapter index, sectors, ngos, indicators)
        count_of = {kind: n for kind, _f, _l, n in plans}
        for report in reports:
            for position, (name, situation) in enumerate(rng.sample(THEMES, count_of[report.kind])):
                chapters.append(
                    Chapter(
                        report_id=report.pk,
                        position=position,
                        title=name,
                        theme_id=rng.choice(theme_ids),
                        situation=f"{situation}\n\n{PARAGRAPH * 3}",
                        goals=f"{PARAGRAPH}\n\n{PARAGRAPH}",
                        measures="\n".join(f"{n}. {PARAGRAPH}" for n in range(1, 5)),
                        assessment=PARAGRAPH * 2,
                    )
                )
                ngos = ngos_of.get(report.body_id, [])
                links.append(
                    (
                        len(chapters) - 1,
                        rng.sample(sectors_of[report.body_id], min(2, len(sectors_of[report.body_id]))),
                        rng.sample(ngos, min(rng.randint(2, 3), len(ngos))),
                        rng.sample(indicator_ids, min(3, len(indicator_ids))),
                    )
                )
        Chapter.objects.bulk_create(chapters, batch_size=2000)
        through = Chapter.responsible_sectors.through
        through.objects.bulk_create(
            [through(chapter_id=chapters[i].pk, sector_id=s) for i, sectors, _n, _x in links for s in sectors],
            batch_size=5000,
        )
        through = Chapter.responsible_organisations.through
        through.objects.bulk_create(
            [through(chapter_id=chapters[i].pk, organisation_id=o) for i, _s, ngos, _x in links for o in ngos],
            batch_size=5000,
        )
        through = Chapter.indicators.through
        through.objects.bulk_create(
            [through(chapter_id=chapters[i].pk, indicator_id=x) for i, _s, _n, indicators in links for x in indicators],
            batch_size=5000,
        )

    indicator_values(bodies, indicator_ids, rng, today.year)
    counties = list(
        PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).values_list("slug", flat=True)
    )
    return {
        "bodies": len(bodies),
        "years": years,
        "index_results": len(bodies) * len(years),
        "index_seconds": index_seconds,
        "reports": len(reports),
        "chapters": len(chapters),
        "counties": counties,
        "report_ids": [r.pk for r in rng.sample(reports, min(300, len(reports)))],
        "seconds": round(time.monotonic() - started, 1),
    }


def indicator_values(bodies, indicator_ids: list[int], rng: random.Random, this_year: int) -> None:
    """Ten years of every indicator's values for every body and the whole country, as the Sotkanet
    import stores them, so that each report page draws its charts and tables as in production."""
    from django.db import transaction

    from kumppani.welfare.models import IndicatorValue
    from kumppani.welfare.sotkanet import COUNTRY_REGION

    areas = [(COUNTRY_REGION, None)] + [(100_000 + body.pk, body.pk) for body in bodies]
    values = []
    for indicator_id in indicator_ids:
        level = rng.uniform(5, 500)
        for region, area_id in areas:
            value = level * rng.uniform(0.7, 1.3)
            for year in range(this_year - 10, this_year):
                value *= rng.uniform(0.93, 1.07)
                values.append(
                    IndicatorValue(
                        indicator_id=indicator_id, region=region, area_id=area_id, year=year, value=round(value, 1)
                    )
                )
    with transaction.atomic():
        IndicatorValue.objects.bulk_create(values, batch_size=5000)


# Measuring, called by bench/run.py --------------------------------------------------------------

REPORTED = ("index_results", "index_seconds", "reports", "chapters")  # of the manifest, kept in the report


def groups(manifest: dict) -> list[tuple]:
    """(name, urls, check, headers): the national table over the years, the counties and its pages,
    and the public report pages, in public."""
    rng = random.Random(17)
    table_urls = []
    for year in manifest["years"]:
        pages = -(-manifest["bodies"] // 100)
        table_urls += [f"/fi/hyvinvointi/indeksi/?vuosi={year}&page={page}" for page in range(1, pages + 1)]
        table_urls += [f"/fi/hyvinvointi/indeksi/?vuosi={year}&hyvinvointialue={slug}" for slug in manifest["counties"]]
        table_urls += [f"/sv/hyvinvointi/indeksi/?vuosi={year}&hyvinvointialue={slug}" for slug in manifest["counties"]]
    report_urls = [f"/{rng.choice(['fi', 'fi', 'sv'])}/hyvinvointi/kertomukset/{pk}/" for pk in manifest["report_ids"]]
    for urls in (table_urls, report_urls):
        rng.shuffle(urls)
    return [(GROUPS[0], table_urls, check_table, None), (GROUPS[1], report_urls, check_report, None)]


def check_table(body: bytes) -> str:
    rows = body.count(b'<th scope="row">')
    return "" if rows >= 1 else "the table shows no rows"


def check_report(body: bytes) -> str:
    chapters = body.count(b'<section aria-labelledby="chapter-')
    return "" if chapters >= 6 else f"the report shows {chapters} chapters"


def summary(data: dict) -> str:
    """What populate made, in a line of the benchmark's output."""
    return (
        f"{data['index_results']} index results of {data['bodies']} bodies (computed in {data['index_seconds']} s), "
        f"{data['reports']} reports with {data['chapters']} chapters"
    )


if __name__ == "__main__":
    main()
