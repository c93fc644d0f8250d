"""A national-scale NGO register for the benchmark: NGOs in all 330 public bodies, big cities more.

Run by bench/run.py inside its throwaway database: python -m bench.populate --count 10000 --manifest m.json
Names and descriptions come from the demo's kinds of NGO and every municipality's own name, so the
search index holds realistic Finnish word forms. Writes a manifest with body slugs to query.
"""

import argparse
import functools
import json
import random
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from bench.places import genitive
    from kumppani.core import search
    from kumppani.core.models import BodyKind, Language, LanguageStatus, PublicBody, Term
    from kumppani.demo import texts
    from kumppani.demo.organisations import association_id, business_id
    from kumppani.organisations import services
    from kumppani.organisations.models import Organisation, OrganisationStatus

    rng = random.Random(20250601)
    started = time.monotonic()
    municipalities = list(PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY))
    counties = list(PublicBody.objects.exclude(kind=BodyKind.MUNICIPALITY))
    in_county: dict[int, list] = {}
    for body in municipalities:
        in_county.setdefault(body.county_id, []).append(body)
    # Big cities have many NGOs, most municipalities a few dozen, every body at least one.
    big = {"091": 60, "049": 25, "837": 25, "092": 20, "564": 20, "853": 20, "179": 14, "297": 12, "398": 12}
    weights = [big.get(b.code, rng.uniform(0.3, 3)) for b in municipalities] + [2.0] * len(counties)
    bodies = municipalities + counties
    homes = bodies + rng.choices(bodies, weights, k=max(0, args.count - len(bodies)))

    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    place_names = {
        b.pk: genitive(b.name_fi)
        if b.kind == BodyKind.MUNICIPALITY
        else b.name_fi.removesuffix(" hyvinvointialue").removesuffix(" kaupunki")
        for b in bodies
    }
    streets = "Kauppakatu Koulukatu Asemakatu Kirkkotie Keskuskatu Rantatie Puistokatu Torikatu Myllytie".split()
    now = timezone.now()
    taken_names: set[str] = set()
    taken_slugs: set[str] = set()
    ids: set[str] = set()
    organisations, relations = [], []
    for home in homes[: args.count]:
        kind = rng.choice(texts.KINDS)
        g = place_names[home.pk]
        name = next(
            (
                n
                for p in ["", "Keski-", "Pohjois-", "Etelä-", "Itä-", "Länsi-"]
                if (n := kind.name[0].format(g=p + g, sv="", en="")) not in taken_names
            ),
            kind.name[0].format(g=g, sv="", en=""),
        )
        taken_names.add(name)
        slug, n = slugify(name)[:100], 2
        while slug in taken_slugs:
            slug, n = f"{slugify(name)[:100]}-{n}", n + 1
        taken_slugs.add(slug)
        swedish = home.language_status != LanguageStatus.FINNISH
        english = rng.random() < 0.25
        place = {"g": g, "sv": home.name_sv or home.name_fi, "en": home.name_en or home.name_fi}
        hours = texts.OPENING_HOURS_FI.format(
            street=f"{rng.choice(streets)} {rng.randint(1, 40)}",
            days=rng.choice(texts.DAYS_FI),
            hours=rng.choice(texts.HOURS),
        )
        closing = rng.choice(texts.CLOSINGS_FI).format(fee=rng.choice([10, 15, 20]), **place)
        founded = rng.randint(*kind.founded)
        with_ids = rng.random() < 0.85
        status = rng.choices(list(OrganisationStatus), [93, 5, 2])[0]
        organisations.append(
            Organisation(
                slug=slug,
                name_fi=name,
                name_sv=kind.name[1].format(**place) if swedish else "",
                name_en=kind.name[2].format(**place) if english else "",
                short_description_fi=kind.short[0],
                short_description_sv=kind.short[1] if swedish else "",
                short_description_en=kind.short[2] if english else "",
                description_fi=f"{kind.long[0].format(**place)}\n\n{hours} {closing}",
                description_sv=kind.long[1].format(**place) if swedish else "",
                description_en=kind.long[2].format(**place) if english else "",
                business_id=business_id(rng, ids) if with_ids else "",
                association_id=association_id(rng, founded) if with_ids else "",
                founded_year=founded,
                member_count=rng.randint(*kind.members),
                email=f"info@{slug[:50]}.example.org",
                status=status,
                verified_at=now if rng.random() < 0.85 else None,
                created_at=now,
                updated_at=now,
            )
        )
        areas = [home]
        if home.kind == BodyKind.MUNICIPALITY and rng.random() < 0.15:
            neighbours = in_county.get(home.county_id, [])
            areas += rng.sample(neighbours, min(len(neighbours), rng.randint(1, 2)))
        relations.append(
            {
                "themes": [terms["theme", s] for s in kind.themes],
                "target_groups": [terms["target_group", s] for s in kind.targets],
                "languages": [languages[c] for c in {"fi", *(["sv"] if swedish else []), *kind.languages}],
                "areas": set(areas),
            }
        )
    generated = time.monotonic()

    with transaction.atomic():
        for organisation in organisations:
            organisation.set_sort_keys()  # bulk_create does not call save()
        Organisation.objects.bulk_create(organisations, batch_size=500)
        for field in ("themes", "target_groups", "languages", "areas"):
            through = getattr(Organisation, field).through
            column = through._meta.get_field(
                {"themes": "term", "target_groups": "term", "languages": "language", "areas": "publicbody"}[field]
            ).attname
            rows = [
                through(organisation_id=o.pk, **{column: target.pk})
                for o, r in zip(organisations, relations, strict=True)
                for target in r[field]
            ]
            through.objects.bulk_create(rows, batch_size=1000)
    stored = time.monotonic()

    # Indexing: the search module stems every word of every document; within this one process the
    # Snowball forms of a word never change, so remember them (the index is the same either way).
    search._snowball_forms = functools.lru_cache(maxsize=None)(search._snowball_forms)
    documents = {}
    by_pk = {o.pk: o for o in organisations}
    for start in range(0, len(organisations), 1000):
        chunk = [o.pk for o in organisations[start : start + 1000]]
        for o in Organisation.objects.filter(pk__in=chunk).prefetch_related("themes", "target_groups"):
            documents[o.pk] = services.search_texts(o)
    search.bulk_replace(services.SEARCH_KIND, documents)
    indexed = time.monotonic()

    counts: dict[int, int] = {}
    for r in relations:
        for area in r["areas"]:
            counts[area.pk] = counts.get(area.pk, 0) + 1
    ranked = sorted(municipalities, key=lambda b: -counts.get(b.pk, 0))
    manifest = {
        "count": len(by_pk),
        "bodies": len({a.pk for r in relations for a in r["areas"]}),
        "slugs": {
            "largest": ranked[0].slug,
            "median": ranked[len(ranked) // 2].slug,
            "county": max(counties, key=lambda b: counts.get(b.pk, 0)).slug,
        },
        "seconds": {
            "generate": round(generated - started, 1),
            "store": round(stored - generated, 1),
            "index": round(indexed - stored, 1),
        },
    }
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)


if __name__ == "__main__":
    main()
