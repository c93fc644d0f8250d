"""The events part of the benchmark: 500,000 events of the NGOs across the public bodies, and the
calendar pages, the search, the iCalendar feed and the events API measured over many of them.

Population, run by bench/run.py inside its throwaway database after bench.populate (it needs the NGOs):
    python -m bench.events populate --events 500000 --manifest events.json

Each body's events are in proportion to its NGOs (the body with most NGOs has the most events), from
two years back to half a year ahead. The texts are the demo's events and a few more (concerts, talks,
fairs) in Finnish and Swedish; one in eight is a weekly or fortnightly series of 6–14 dates, and one
in forty of a series' dates is cancelled. Most events are published in their municipality's
calendar (some also in the county's), a few await approval, are drafts, were not approved, or were
cancelled or postponed. The events, their dates (Occurrence) and calendar days (CalendarDay), calendar listings, themes, target
groups, languages and search documents are written in batches with executemany, as fast as the
database takes them; the search documents are what kumppani.events.indexing would write.

bench/run.py measures `groups()` like its other URL groups and adds `judge()`: every group rotates
over many distinct addresses (bodies, months, filters and search words in their inflected forms),
and the page cache is off (DIRECTORY_CACHE_SECONDS=0), so nothing is answered from memory.
"""

import argparse
import datetime as dt
import itertools
import json
import random
import re
import time
import uuid
from types import SimpleNamespace
from urllib.parse import quote

P95_MS = 50
SHARE = 0.30
GROUPS = ("events: body's month view", "events: search", "events: body's iCalendar feed", "events: API list")
BATCH = 10_000
DAYS_BACK, DAYS_AHEAD = 730, 183

# (fi, sv, en, short fi, short sv, hour, hours, weight, may repeat, themes, target groups)
TEMPLATES = [
    (
        "Kuoroilta",
        "Körkväll",
        "Choir evening",
        "Laulamme yhdessä, uudet laulajat tervetuloa.",
        "Vi sjunger tillsammans, nya sångare välkomna.",
        18,
        2,
        8,
        True,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
    (
        "Vertaistukiryhmä omaishoitajille",
        "Kamratstödsgrupp för närståendevårdare",
        "Peer support for carers",
        "Keskustelua ja kahvia omaishoitajille.",
        "Samtal och kaffe för närståendevårdare.",
        17,
        2,
        10,
        True,
        ["omaishoito"],
        ["omaishoitajat"],
    ),
    (
        "Senioreiden tuolijumppa",
        "Stolgymnastik för seniorer",
        "Chair exercise for seniors",
        "Kevyttä liikuntaa istuen, sopii kaikille.",
        "Lätt motion sittande, passar alla.",
        10,
        1,
        10,
        True,
        ["liikunta"],
        ["ikaantyneet"],
    ),
    (
        "Joulukonsertti",
        "Julkonsert",
        "Christmas concert",
        "Paikallisten kuorojen joululauluja.",
        "Julsånger med lokala körer.",
        18,
        2,
        2,
        False,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
    (
        "Kevätkonsertti",
        "Vårkonsert",
        "Spring concert",
        "Musiikkiopiston oppilaiden kevätkonsertti.",
        "Musikinstitutets elever spelar.",
        18,
        2,
        2,
        False,
        ["yhteisollisyys"],
        ["lapsiperheet"],
    ),
    (
        "Hyväntekeväisyyskonsertti",
        "Välgörenhetskonsert",
        "Charity concert",
        "Konsertin tuotto lahjoitetaan paikalliselle ruoka-avulle.",
        "Intäkterna går till matbiståndet.",
        19,
        2,
        1,
        False,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
    (
        "Mielenterveysluento: uni ja jaksaminen",
        "Föreläsning: sömn och ork",
        "Talk: sleep and wellbeing",
        "Asiantuntija kertoo unesta ja palautumisesta.",
        "En sakkunnig berättar om sömn och återhämtning.",
        17,
        2,
        6,
        False,
        ["mielenterveys"],
        ["vapaaehtoiset"],
    ),
    (
        "Perhekahvila",
        "Familjecafé",
        "Family café",
        "Lapsiperheiden kohtaamispaikka, leikkiä ja kahvia.",
        "Mötesplats för barnfamiljer, lek och kaffe.",
        9,
        2,
        10,
        True,
        ["perhetyo"],
        ["lapsiperheet"],
    ),
    (
        "Joulumyyjäiset",
        "Julbasar",
        "Christmas fair",
        "Käsitöitä, leivonnaisia ja arpajaiset.",
        "Handarbeten, bakverk och lotteri.",
        11,
        4,
        3,
        False,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
    (
        "Kyläillan tanssit",
        "Dans på bygdegården",
        "Village dance",
        "Elävää musiikkia ja tanssia nuorille ja vanhoille.",
        "Levande musik och dans för unga och gamla.",
        19,
        3,
        4,
        False,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
    (
        "Digiapu: kysy kännykästä",
        "Digihjälp: fråga om mobilen",
        "Digital help: ask about your phone",
        "Vapaaehtoiset neuvovat puhelimen ja tabletin käytössä.",
        "Frivilliga hjälper med telefon och surfplatta.",
        13,
        2,
        8,
        True,
        ["neuvonta"],
        ["ikaantyneet"],
    ),
    (
        "Luontoretki",
        "Naturutflykt",
        "Nature walk",
        "Opastettu kävely lähimetsässä, omat eväät mukaan.",
        "Guidad promenad i närskogen, egen matsäck.",
        10,
        3,
        6,
        False,
        ["liikunta"],
        ["vapaaehtoiset"],
    ),
    (
        "Muistikahvila",
        "Minnescafé",
        "Memory café",
        "Tietoa muistisairauksista ja vertaistukea kahvin äärellä.",
        "Information om minnessjukdomar och kamratstöd.",
        13,
        2,
        8,
        True,
        ["muistisairaudet"],
        ["ikaantyneet"],
    ),
    (
        "Nuorten pelilta",
        "Spelkväll för unga",
        "Games night for young people",
        "Lautapelejä ja konsolipelejä, ohjaajat paikalla.",
        "Brädspel och konsolspel med ledare.",
        17,
        3,
        6,
        True,
        ["osallisuus"],
        ["nuoret"],
    ),
    (
        "Avoimet ovet",
        "Öppet hus",
        "Open house",
        "Tule tutustumaan yhdistyksen toimintaan.",
        "Kom och bekanta dig med föreningens verksamhet.",
        12,
        3,
        5,
        False,
        ["vapaaehtoistoiminta"],
        ["vapaaehtoiset"],
    ),
    (
        "Urkukonsertti kirkossa",
        "Orgelkonsert i kyrkan",
        "Organ concert",
        "Urkumusiikkia ja yhteislaulua.",
        "Orgelmusik och allsång.",
        19,
        1,
        1,
        False,
        ["yhteisollisyys"],
        ["vapaaehtoiset"],
    ),
]
TRANSLATED = ("name", "short_description", "description", "place_name", "price", "accessibility_info", "image_alt")
STREETS = "Kauppakatu Koulukatu Asemakatu Kirkkotie Keskuskatu Rantatie Puistokatu Torikatu Myllytie".split()
PLACES = [
    ("Kirjaston monitoimitila", "Bibliotekets allrum"),
    ("Seurakuntatalo", "Församlingshemmet"),
    ("Työväentalo", "Arbetarhuset"),
    ("Nuorisotalo", "Ungdomsgården"),
    ("Kylätalo", "Byhuset"),
    ("Palvelukeskus", "Servicecentret"),
    ("Kulttuuritalo", "Kulturhuset"),
]
STATUSES = [("published", 90), ("cancelled", 2), ("postponed", 1), ("submitted", 3), ("draft", 3), ("rejected", 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate", "sample"])
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    if args.step == "sample":  # the addresses to measure, drawn from the events in the database
        with open(args.manifest, encoding="utf-8") as handle:
            manifest = json.load(handle)
        manifest["samples"] = sample(manifest)
    else:
        manifest = populate(args.events)
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)


def insert(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def populate(total: int) -> dict:
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from kumppani.core import search
    from kumppani.core.models import Language, PublicBody, Term, Vocabulary
    from kumppani.events import indexing
    from kumppani.events.indexing import SEARCH_KIND
    from kumppani.events.models import HELSINKI, Event, Occurrence, local_days
    from kumppani.organisations.models import Organisation, OrganisationStatus

    started = time.monotonic()
    rng = random.Random(20261205)
    ops = connection.ops
    moment = ops.adapt_datetimefield_value
    now = timezone.now()
    today = timezone.localtime(now, HELSINKI).date()

    # The NGOs of each municipality (an NGO's areas), with their names for the search documents.
    bodies = {b.pk: b for b in PublicBody.objects.all()}
    active = dict(Organisation.objects.exclude(status=OrganisationStatus.DISSOLVED).values_list("pk", "name_fi"))
    swedish_names = dict(Organisation.objects.exclude(name_sv="").values_list("pk", "name_sv"))
    ngos: dict[int, list[int]] = {}
    for body_id, organisation_id in Organisation.areas.through.objects.values_list("publicbody_id", "organisation_id"):
        if organisation_id in active and bodies[body_id].kind in ("municipality", "city_county"):
            ngos.setdefault(body_id, []).append(organisation_id)
    homes = sorted(ngos)
    weights = list(itertools.accumulate(len(ngos[pk]) for pk in homes))
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    theme_terms = [t for (v, _s), t in terms.items() if v == Vocabulary.THEME]
    target_terms = [t for (v, _s), t in terms.items() if v == Vocabulary.TARGET_GROUP]
    languages = {lang.code: lang.pk for lang in Language.objects.filter(code__in=["fi", "sv"])}
    template_weights = list(itertools.accumulate(t[7] for t in TEMPLATES))
    status_weights = list(itertools.accumulate(w for _, w in STATUSES))

    def term(vocabulary, slug, fallback):
        return terms.get((vocabulary, slug)) or fallback[hash(slug) % len(fallback)]

    # The search document is the union of each word's tokens (core.search.index_tokens works word by
    # word): computed once per distinct word, the same document far faster than stemming each event.
    word_tokens: dict[str, frozenset[str]] = {}

    def tokens(texts) -> str:
        found: set[str] = set()
        for text in texts:
            for word in search.words(text):
                if word not in word_tokens:
                    word_tokens[word] = frozenset(search.index_tokens([word]).split())
                found |= word_tokens[word]
        return " ".join(sorted(found))

    # Events are written with executemany too (Django's model __init__ and bulk_create would take
    # most of the time): every column, its default unless given, ids numbered on from the largest.
    fields = Event._meta.concrete_fields
    quote = connection.ops.quote_name
    defaults = {f.attname: f.get_default() for f in fields}
    next_id = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    next_occurrence = Occurrence.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def event_row(event) -> tuple:
        values = []
        for f in fields:
            value = getattr(event, f.attname, None) if f.attname != "id" else event.pk
            if value is None and f.attname != "id" and f.attname in defaults and not hasattr(event, f.attname):
                value = uuid.uuid4() if f.attname == "uuid" else defaults[f.attname]
            if isinstance(value, dt.datetime):
                value = moment(value)
            elif isinstance(value, dt.date):
                value = ops.adapt_datefield_value(value)
            elif isinstance(value, uuid.UUID):
                value = f.get_db_prep_value(value, connection)
            values.append(value)
        return tuple(values)

    counts = {"events": 0, "occurrences": 0, "listings": 0, "public": 0}
    by_body: dict[int, int] = {}
    concerts_by_body: dict[int, int] = {}
    n = 0
    with transaction.atomic(), connection.cursor() as cursor:
        while n < total:
            batch = []
            for _ in range(min(BATCH, total - n)):
                home = bodies[rng.choices(homes, cum_weights=weights)[0]]
                template = rng.choices(TEMPLATES, cum_weights=template_weights)[0]
                fi, sv, en, short_fi, short_sv, hour, hours, _w, may_repeat, themes, targets = template
                organisation_id = rng.choice(ngos[home.pk])
                swedish = home.language_status != "fi" or organisation_id in swedish_names
                day = today + dt.timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD))
                if fi.startswith("Joulu"):
                    day = day.replace(month=12, day=rng.randint(1, 20))
                    if day > today + dt.timedelta(days=DAYS_AHEAD):
                        day = day.replace(year=day.year - 1)
                start = dt.datetime.combine(day, dt.time(hour, rng.choice([0, 0, 30])), HELSINKI)
                end = start + dt.timedelta(hours=hours)
                repeats = may_repeat and rng.random() < 0.25
                recurrence = rng.choice(["weekly", "weekly", "biweekly"]) if repeats else ""
                dates = rng.randint(6, 14) if repeats else 1
                step = 14 if recurrence == "biweekly" else 7
                until = day + dt.timedelta(days=step * (dates - 1)) if repeats else None
                status = rng.choices([s for s, _ in STATUSES], cum_weights=status_weights)[0]
                place = rng.choice(PLACES)
                is_free = rng.random() < 0.7
                online = rng.random() < 0.03
                n += 1
                event = SimpleNamespace(
                    pk=next_id + n,
                    slug=f"{slugify(fi)[:100]}-{n}",
                    organisation_id=organisation_id,
                    name_fi=fi,
                    name_sv=sv if swedish else "",
                    name_en=en if rng.random() < 0.15 else "",
                    short_description_fi=short_fi,
                    short_description_sv=short_sv if swedish else "",
                    description_fi=f"{short_fi} Järjestäjä: {active[organisation_id]}, {home.name_fi}.",
                    start=start,
                    end=end,
                    recurrence=recurrence,
                    recurrence_until=until,
                    place_name_fi=place[0],
                    place_name_sv=place[1] if swedish else "",
                    street_address=f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                    postal_code=f"{rng.randint(100, 99999):05d}",
                    municipality_id=home.pk,
                    is_online=online,
                    online_url=f"https://meet.example.org/{n}" if online else "",
                    is_free=is_free,
                    price_fi="" if is_free else "5 €, lapset ilmaiseksi",
                    price_sv="" if is_free or not swedish else "5 €, barn gratis",
                    capacity=rng.choice([None, None, 20, 50, 100]),
                    is_accessible=rng.random() < 0.6,
                    contact_email="tapahtumat@example.org",
                    status=status,
                    status_reason="Liian vähän ilmoittautuneita." if status == "cancelled" else "",
                    created_at=now,
                    updated_at=now,
                )
                for base in TRANSLATED:  # the untranslated column holds the Finnish text, as modeltranslation does
                    setattr(event, base, getattr(event, f"{base}_fi", ""))
                cancelled = [
                    d
                    for d in (day + dt.timedelta(days=step * k) for k in range(dates))
                    if repeats and rng.random() < 0.025
                ]
                in_county = home.county_id and rng.random() < 0.2
                event_themes = [term(Vocabulary.THEME, s, theme_terms) for s in themes]
                event_targets = [term(Vocabulary.TARGET_GROUP, s, target_terms) for s in targets]
                langs = [languages["fi"], *([languages["sv"]] if swedish else [])]
                batch.append((event, home, dates, step, cancelled, in_county, event_themes, event_targets, langs))
            insert(cursor, Event._meta.db_table, [quote(f.column) for f in fields], [event_row(b[0]) for b in batch])

            occurrences, cancelled_rows, listings, themes_rows, targets_rows, language_rows, entries = (
                [],
                [],
                [],
                [],
                [],
                [],
                [],
            )
            calendar_rows = []
            for event, home, dates, step, cancelled, in_county, event_themes, event_targets, langs in batch:
                local = timezone.localtime(event.start, HELSINKI).replace(tzinfo=None)
                length = event.end - event.start
                listed = [home.pk, *([home.county_id] if in_county else [])]
                listing_status = {"draft": None, "submitted": "pending", "rejected": "rejected"}.get(
                    event.status, "approved"
                )
                months = set()
                for k in range(dates):
                    begins = (local + dt.timedelta(days=step * k)).replace(tzinfo=HELSINKI)
                    months.update(indexing.month_word(day) for day in local_days(begins, begins + length))
                    next_occurrence += 1
                    occurrences.append(
                        (next_occurrence, event.pk, moment(begins), moment(begins + length), begins.date() in cancelled)
                    )
                    if listing_status == "approved":  # the calendars' days, as services._refresh_calendar writes
                        for day in local_days(begins, begins + length):
                            calendar_rows += [
                                (b, ops.adapt_datefield_value(day), moment(begins), next_occurrence, event.pk)
                                for b in [None, *listed]
                            ]
                cancelled_rows += [(event.pk, ops.adapt_datefield_value(d), "") for d in cancelled]
                if listing_status:
                    decided = moment(event.created_at) if listing_status != "pending" else None
                    listings += [(event.pk, b, listing_status, "", moment(event.created_at), decided) for b in listed]
                themes_rows += [(event.pk, t.pk) for t in event_themes]
                targets_rows += [(event.pk, t.pk) for t in event_targets]
                language_rows += [(event.pk, lang) for lang in langs]
                organiser = [active[event.organisation_id], swedish_names.get(event.organisation_id, "")]
                texts = [
                    event.name_fi,
                    event.name_sv,
                    event.name_en,
                    event.short_description_fi,
                    event.short_description_sv,
                    event.description_fi,
                    event.place_name_fi,
                    event.place_name_sv,
                    *organiser,
                    event.street_address,
                    *[
                        getattr(t, f"name_{lang}") or ""
                        for t in [*event_themes, *event_targets]
                        for lang in ("fi", "sv", "en")
                    ],
                    *sorted(months),
                ]
                entries.append((SEARCH_KIND, event.pk, tokens(t for t in texts if t)))
                if listing_status == "approved" and event.status != "draft":
                    counts["public"] += 1
                    for b in listed:
                        by_body[b] = by_body.get(b, 0) + 1
                        if "onsert" in event.name_fi:
                            concerts_by_body[b] = concerts_by_body.get(b, 0) + 1
                counts["occurrences"] += dates
                counts["listings"] += len(listed) if listing_status else 0
            insert(cursor, "events_occurrence", ["id", "event_id", "start", '"end"', "is_cancelled"], occurrences)
            insert(
                cursor, "events_calendarday", ["body_id", "day", "start", "occurrence_id", "event_id"], calendar_rows
            )
            insert(cursor, "events_cancelleddate", ["event_id", "date", "note"], cancelled_rows)
            insert(
                cursor,
                "events_listing",
                ["event_id", "body_id", "status", "reason", "submitted_at", "decided_at"],
                listings,
            )
            insert(cursor, Event.themes.through._meta.db_table, ["event_id", "term_id"], themes_rows)
            insert(cursor, Event.target_groups.through._meta.db_table, ["event_id", "term_id"], targets_rows)
            insert(cursor, Event.languages.through._meta.db_table, ["event_id", "language_id"], language_rows)
            insert(cursor, "core_searchentry", ["kind", "object_id", "tokens"], entries)
            counts["events"] = n
            print(f"  … {n} events ({time.monotonic() - started:.0f} s)", flush=True)

        for statement in connection.ops.sequence_reset_sql(
            no_style(), [Event, Occurrence]
        ):  # PostgreSQL: ids go on from here
            cursor.execute(statement)
    # The coming events' copy of their documents, as the services and the nightly job keep it.
    print(f"  … coming events' index: {indexing.refresh_coming()[1]} added", flush=True)

    ranked = sorted(by_body, key=lambda pk: -by_body[pk])
    municipal = [pk for pk in ranked if bodies[pk].kind in ("municipality", "city_county")]
    counties = [pk for pk in ranked if bodies[pk].kind == "county"]
    # The calendars measured: the largest, every tenth municipality down the ranking (those with
    # at least one public event a week), and the largest counties.
    chosen = municipal[:1] + [pk for pk in municipal[1::10] if by_body[pk] >= 52 * 2.5] + counties[:3]
    return {
        **counts,
        "seconds": round(time.monotonic() - started, 1),
        "largest": {"slug": bodies[ranked[0]].slug, "public_events": by_body[ranked[0]]},
        "bodies": [
            {"slug": bodies[pk].slug, "public_events": by_body[pk], "concerts": concerts_by_body.get(pk, 0)}
            for pk in chosen
        ],
        "themes": sorted({t.slug for t in theme_terms if t.slug in {s for tpl in TEMPLATES for s in tpl[9]}}),
        "today": today.isoformat(),
    }


def sample(manifest: dict) -> dict:
    """The addresses to measure, each drawn from events that are in the database: a body's months that
    have events (with a filter only where the filter leaves some), search words from the days they
    occur on (in Finnish and Swedish, inflected), and feeds of the bodies. Run after populating and
    on every --reuse, so each address has content whatever day the database was made."""
    from django.utils import timezone

    from kumppani.core.models import PublicBody
    from kumppani.events import queries
    from kumppani.events.models import HELSINKI, Occurrence

    rng = random.Random(11)
    today = timezone.localtime(timezone.now(), HELSINKI).date()
    slugs = [b["slug"] for b in manifest["bodies"]]
    bodies = {b.slug: b for b in PublicBody.objects.filter(slug__in=slugs)}

    def days(criteria) -> list[dt.date]:
        starts = Occurrence.objects.filter(event__in=queries.public_events(criteria).values("pk"))
        return [timezone.localtime(s, HELSINKI).date() for s in starts.values_list("start", flat=True)]

    months, feeds, searches = [], [], []
    for slug in slugs:
        body = bodies[slug]
        dates = days(queries.Criteria(body=body))
        by_month: dict[dt.date, int] = {}
        for day in dates:
            by_month[day.replace(day=1)] = by_month.get(day.replace(day=1), 0) + 1
        full = sorted(m for m, n in by_month.items() if n >= 3)
        for month in rng.sample(full, min(8, len(full))):
            months.append({"body": slug, "month": month.isoformat(), "extra": ""})
        # Filtered months: a theme or free of charge, only where the filter leaves events.
        for extra, criteria in [
            (f"theme={theme}", queries.Criteria(body=body, theme=term))
            for theme, term in [(t, _term(t)) for t in rng.sample(manifest["themes"], 2)]
        ] + [("free=1", queries.Criteria(body=body, free=True))]:
            filtered = sorted({d.replace(day=1) for d in days(criteria)})
            for month in rng.sample(filtered, min(2, len(filtered))):
                months.append({"body": slug, "month": month.isoformat(), "extra": extra})
        coming = [d for d in dates if d >= today - dt.timedelta(days=30)]
        if coming:
            feeds.append({"body": slug, "extra": ""})
            for theme in rng.sample(manifest["themes"], 2):
                if [d for d in days(queries.Criteria(body=body, theme=_term(theme))) if d >= today]:
                    feeds.append({"body": slug, "extra": f"theme={theme}"})
            past = sorted({d.replace(day=1) for d in dates if d < today - dt.timedelta(days=60)})
            for month in rng.sample(past, min(2, len(past))):
                feeds.append({"body": slug, "extra": f"start={month.isoformat()}"})
    # Search words: the list of 31 days from a start a few days before a date the word occurs on.
    for word in SEARCH_WORDS:
        found = sorted(set(days(queries.Criteria(q=word))))
        for day in rng.sample(found, min(8, len(found))):
            start = day - dt.timedelta(days=rng.randint(0, 20))
            language = "sv" if word in SWEDISH_WORDS else "fi"
            searches.append({"word": word, "start": start.isoformat(), "language": language, "body": ""})
    for slug in slugs[:6]:  # the largest calendars: a word in one body's month
        for word in rng.sample(SEARCH_WORDS[:8], 2):
            found = sorted({d.replace(day=1) for d in days(queries.Criteria(q=word, body=bodies[slug]))})
            if found:
                month = rng.choice(found)
                searches.append({"word": word, "start": month.isoformat(), "language": "fi", "body": slug})
    return {"today": today.isoformat(), "months": months, "feeds": feeds, "searches": searches}


def _term(slug: str):
    from kumppani.core.models import Term, Vocabulary

    return Term.objects.get(vocabulary=Vocabulary.THEME, slug=slug)


# Measuring, called by bench/run.py --------------------------------------------------------------

# Search words as residents type them, in Finnish and Swedish, inflected: each finds events.
SEARCH_WORDS = [
    "konsertti",
    "konsertteja",
    "konserttiin",
    "joulukonsertti",
    "kevätkonsertin",
    "konsert",
    "julkonsert",
    "kuoroilta",
    "kuoroiltaan",
    "vertaistukea",
    "omaishoitajille",
    "tuolijumppaa",
    "perhekahvilaan",
    "muistikahvila",
    "luontoretkelle",
    "digiapua",
    "joulumyyjäisiin",
    "tansseihin",
    "pelilta",
    "familjecafé",
    "körkväll",
    "naturutflykt",
    "julbasar",
    "minnescafé",
]
SWEDISH_WORDS = {"konsert", "julkonsert", "familjecafé", "körkväll", "naturutflykt", "julbasar", "minnescafé"}


def groups(manifest: dict) -> list[tuple]:
    """(name, urls, check, headers) of the four groups, each over many distinct addresses, from the
    manifest's samples (see sample())."""
    rng = random.Random(7)
    samples = manifest["samples"]
    today = dt.date.fromisoformat(samples["today"])
    themes = manifest["themes"]

    month_urls = [
        f"/fi/tapahtumat/?body={m['body']}&view=month&date={m['month']}" + (f"&{m['extra']}" if m["extra"] else "")
        for m in samples["months"]
    ]
    rng.shuffle(month_urls)

    search_urls = []
    for s in samples["searches"]:
        if s["body"]:
            search_urls.append(f"/fi/tapahtumat/?q={quote(s['word'])}&body={s['body']}&view=month&date={s['start']}")
        else:
            search_urls.append(f"/{s['language']}/tapahtumat/?q={quote(s['word'])}&start={s['start']}")
    rng.shuffle(search_urls)

    feed_urls = [
        f"/fi/tapahtumat/kalenteri.ics?body={f['body']}" + (f"&{f['extra']}" if f["extra"] else "")
        for f in samples["feeds"]
    ]
    rng.shuffle(feed_urls)

    months = [(today.replace(day=1) - dt.timedelta(days=30 * k)).replace(day=1) for k in range(0, 18)]
    api_urls = ["/api/v1/events/"]
    for page in (2, 5, 40):
        api_urls.append(f"/api/v1/events/?page={page}")
    for body in manifest["bodies"]:
        api_urls.append(f"/api/v1/events/?body={body['slug']}")
        # Months the body has events in, up to this one: `start` lists the events whose first date ends
        # on or after the day, so a later month may hold only dates of series begun before it.
        had = [
            m["month"]
            for m in samples["months"]
            if m["body"] == body["slug"] and not m["extra"] and m["month"] <= today.isoformat()
        ]
        for start in rng.sample(had, min(3, len(had))):
            api_urls.append(f"/api/v1/events/?body={body['slug']}&start={start}")
    for theme in themes:
        for start in rng.sample(months, 4):
            api_urls.append(f"/api/v1/events/?theme={theme}&start={start.isoformat()}")
    rng.shuffle(api_urls)

    return [
        (GROUPS[0], month_urls, check_calendar, None),
        (GROUPS[1], search_urls, check_calendar, None),
        (GROUPS[2], feed_urls, check_ics, None),
        (GROUPS[3], api_urls, check_api, None),
    ]


def check_calendar(body: bytes) -> str:
    found = re.search(rb'href="/(fi|sv)/tapahtumat/[\w-]+-\d+/"', body)
    return "" if found else "the calendar answered 200 but shows no event"


def check_ics(body: bytes) -> str:
    if not body.startswith(b"BEGIN:VCALENDAR"):
        return "not an iCalendar file"
    return "" if b"BEGIN:VEVENT" in body else "the feed has no events"


def check_api(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    return "" if isinstance(data, dict) and data.get("results") else "the answer has no results"


def judge(results: list[dict], names=GROUPS) -> list[dict]:
    by_name = {r["name"]: r for r in results}
    empty = by_name.get("empty Django view (ceiling)")
    targets = []
    for name in names:
        group = by_name.get(name)
        measured = group is not None and empty is not None and not group["problems"] and not empty["problems"]
        p95 = group.get("p95_ms") if group else None
        share = group["rps"] / empty["rps"] if measured and empty.get("rps") else None
        targets.append(
            {
                "target": f"{name} p95 ≤ {P95_MS} ms",
                "pass": measured and p95 <= P95_MS,
                "detail": f"{p95} ms" if measured else "not measured",
            }
        )
        targets.append(
            {
                "target": f"{name} ≥ {SHARE:.0%} of the empty view's throughput",
                "pass": measured and share is not None and share >= SHARE,
                "detail": f"{share:.0%}" if measured and share is not None else "not measured",
            }
        )
    return targets


if __name__ == "__main__":
    main()
