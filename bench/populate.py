"""A national-scale NGO register for the benchmark: NGOs in all 330 public bodies, big cities more,
and their activities (peer groups, meeting places, advice, …) with places, times, themes and areas.

Run by bench/run.py inside its throwaway database:
    python -m bench.populate --count 10000 --activities 50000 --manifest m.json
Names and descriptions come from the demo's kinds of NGO and of activity and every municipality's
own name, so the search index holds realistic Finnish word forms. Writes a manifest with body slugs
to query.
"""

import argparse
import functools
import json
import random
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from bench.places import genitive
    from kumppani.activities.hsds import records as hsds
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
    organisations, relations, kinds = [], [], []
    for home in homes[: args.count]:
        kind = rng.choice(texts.KINDS)
        kinds.append(kind)
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

    activity_counts = populate_activities(rng, organisations, kinds, relations, in_county, args.activities)
    activities_done = time.monotonic()

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
            "activities": round(activities_done - indexed, 1),
        },
        "activities": activity_counts["count"],
        "hsds_term_id": hsds.term_id("theme", "mielenterveys"),
        "activity_slugs": {
            "largest": max(municipalities, key=lambda b: activity_counts["by_body"].get(b.pk, 0)).slug,
            "median": sorted(municipalities, key=lambda b: activity_counts["by_body"].get(b.pk, 0))[
                len(municipalities) // 2
            ].slug,
        },
    }
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)


def populate_activities(rng, organisations, kinds, relations, in_county, count: int) -> dict:
    """`count` activities of the NGOs that are not dissolved, each from the demo's activities of its
    kind of NGO, in its home area: a place (three in four accessible), a weekly or monthly time,
    the NGO's themes and target groups. Written with bulk_create and indexed in bulk, as the demo does."""
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from kumppani.activities import indexing
    from kumppani.activities.models import Activity, ActivityStatus, Frequency, Place, ScheduleRule
    from kumppani.core import search
    from kumppani.core.models import BodyKind
    from kumppani.demo.activities import TIMES, templates
    from kumppani.demo.activity_texts import ACTIVITIES, PLACE_NAMES
    from kumppani.organisations.models import OrganisationStatus

    now = timezone.now()
    streets = "Kauppakatu Koulukatu Asemakatu Kirkkotie Keskuskatu Rantatie Puistokatu Torikatu Myllytie".split()
    owners = [
        (o, k, r)
        for o, k, r in zip(organisations, kinds, relations, strict=True)
        if o.status != OrganisationStatus.DISSOLVED and k.key in ACTIVITIES
    ]
    built, by_body = [], {}
    for n in range(count):
        organisation, kind, relation = rng.choice(owners)
        template = rng.choice(templates(kind.key))
        home = next(iter(relation["areas"]))
        town = home if home.kind == BodyKind.MUNICIPALITY else rng.choice(in_county.get(home.pk) or [home])
        swedish = bool(organisation.name_sv)
        status = rng.choices([ActivityStatus.ACTIVE, ActivityStatus.PAUSED, ActivityStatus.ENDED], [94, 4, 2])[0]
        monthly = template.schedule == "M"
        start, end = rng.choice(TIMES.get(template.kind, [("10:00", "12:00")]))
        activity = Activity(
            slug=f"{slugify(template.name[0])[:100]}-{n}",
            organisation=organisation,
            name_fi=template.name[0],
            name_sv=template.name[1] if swedish else "",
            name_en=template.name[2] if rng.random() < 0.2 else "",
            short_description_fi=template.short[0],
            short_description_sv=template.short[1] if swedish else "",
            description_fi=f"{template.short[0]} {organisation.name_fi} järjestää toimintaa paikkakunnalla "
            f"{town.name_fi}.",
            kind=template.kind,
            status=status,
            is_free="fee" not in template.tags,
            is_online="online" in template.tags,
            online_url="https://meet.example.org/" + str(n) if "online" in template.tags else "",
            email=organisation.email,
            is_accessible=rng.random() < 0.75,
            confirmed_at=now - dt.timedelta(days=rng.randint(0, 500)),
            created_at=now,
            updated_at=now,
        )
        activity.set_sort_keys()  # bulk_create does not call save()
        place = Place(
            name_fi=rng.choice(PLACE_NAMES)[0],
            street_address=f"{rng.choice(streets)} {rng.randint(1, 60)}",
            postal_code=f"{rng.randint(100, 99999):05d}",
            municipality=town,
            latitude=round(rng.uniform(60.0, 69.0), 5),
            longitude=round(rng.uniform(21.0, 30.0), 5),
            is_accessible=activity.is_accessible,
        )
        rule = ScheduleRule(
            frequency=Frequency.MONTHLY if monthly else Frequency.WEEKLY,
            weekday=rng.randint(0, 6) if template.kind in ("meeting_place", "recreation") else rng.randint(0, 4),
            week_of_month=rng.randint(1, 4) if monthly else None,
            start_time=dt.time.fromisoformat(start.zfill(5)),
            end_time=dt.time.fromisoformat(end.zfill(5)),
        )
        languages = [lang for lang in relation["languages"] if lang.code in ("fi", "sv")]
        built.append((activity, place, rule, relation, [home], languages))
        by_body[home.pk] = by_body.get(home.pk, 0) + 1
        by_body[town.pk] = by_body.get(town.pk, 0) + (town.pk != home.pk)

    with transaction.atomic():
        Activity.objects.bulk_create([b[0] for b in built], batch_size=500)
        for activity, place, rule, *_rest in built:
            place.activity = rule.activity = activity
        Place.objects.bulk_create([b[1] for b in built], batch_size=500)
        for _activity, place, rule, *_rest in built:
            rule.place = place
        ScheduleRule.objects.bulk_create([b[2] for b in built], batch_size=500)
        for field, column in (("themes", "term_id"), ("target_groups", "term_id")):
            through = getattr(Activity, field).through
            rows = [through(activity_id=b[0].pk, **{column: t.pk}) for b in built for t in b[3][field]]
            through.objects.bulk_create(rows, batch_size=1000)
        through = Activity.areas.through
        through.objects.bulk_create(
            [through(activity_id=b[0].pk, publicbody_id=area.pk) for b in built for area in b[4]], batch_size=1000
        )
        through = Activity.languages.through
        through.objects.bulk_create(
            [through(activity_id=b[0].pk, language_id=lang.pk) for b in built for lang in b[5]], batch_size=1000
        )

    pks = [b[0].pk for b in built]
    for start in range(0, len(pks), 1000):  # a chunk at a time: SQLite limits the parameters of a query
        chunk = (
            Activity.objects.filter(pk__in=pks[start : start + 1000])
            .select_related("organisation")
            .prefetch_related("themes", "target_groups", "places")
        )
        search.bulk_replace(indexing.SEARCH_KIND, {a.pk: indexing.search_texts(a) for a in chunk})
    return {"count": len(built), "by_body": by_body}


if __name__ == "__main__":
    main()
