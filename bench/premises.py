"""The premises part of the benchmark: about 3,000 spaces across the public bodies with 1,000,000
bookings over four seasons, and a space's month of availability and the space search measured over
many of them.

Population, run by bench/run.py inside its throwaway database after bench.populate (it needs the NGOs):
    python -m bench.premises populate --bookings 1000000 --manifest premises.json
and before measuring (also with --reuse) the addresses to measure, drawn from the database:
    python -m bench.premises urls --manifest premises-urls.json

Each municipality offers spaces in proportion to its NGOs (at least one; each county a few more):
library meeting rooms, school gyms, youth centres, service centre halls and others, with their
opening hours, equipment and prices. A space's share of the bookings follows its popularity
(a few are booked every evening, most a few times a week). Four in five bookings belong to weekly
series of a season (September–May, or the summer), each (weekday, time) of a space held by one
series a season; the rest are single bookings at free times; public holidays are skipped. Past
bookings are mostly confirmed, some cancelled or rejected; coming ones also wait for approval; a
few times are blocked by the manager. Bookings never overlap (PostgreSQL's exclusion constraint
would refuse it). Written in batches with executemany.
"""

import argparse
import datetime as dt
import json
import random
import re
import time
from decimal import Decimal

P95_MS = 50
SHARE = 0.30
GROUPS = ("premises: a space's month (page)", "premises: a space's month (API)", "premises: space search")
SPACES = 3_000
SLOTS = [(9, 11), (11, 13), (13, 15), (15, 17), (17, 19), (19, 21)]

# (unit fi, unit sv, room fi, room sv, room en, capacity range, equipment, opening kind, weight)
KINDS = [
    (
        "Pääkirjasto",
        "Huvudbiblioteket",
        "kokoushuone",
        "mötesrum",
        "meeting room",
        (8, 24),
        ["projector", "wifi", "loop", "whiteboard"],
        "day",
        5,
    ),
    (
        "Lähikirjasto",
        "Närbiblioteket",
        "ryhmätila",
        "grupprum",
        "group room",
        (6, 14),
        ["wifi", "whiteboard"],
        "day",
        4,
    ),
    ("Koulu", "Skola", "liikuntasali", "gymnastiksal", "gym", (30, 80), ["gym", "sound"], "evening", 5),
    (
        "Koulu",
        "Skola",
        "luokkatila",
        "klassrum",
        "classroom",
        (20, 32),
        ["projector", "whiteboard", "wifi"],
        "evening",
        2,
    ),
    ("Nuorisotalo", "Ungdomsgården", "sali", "sal", "hall", (20, 50), ["kitchen", "sound", "wifi"], "day", 3),
    (
        "Palvelukeskus",
        "Servicecentret",
        "juhlasali",
        "festsal",
        "function room",
        (40, 120),
        ["kitchen", "sound", "piano", "loop"],
        "day",
        3,
    ),
    (
        "Terveysasema",
        "Hälsostationen",
        "ryhmähuone",
        "grupprum",
        "group room",
        (8, 16),
        ["wifi", "whiteboard"],
        "office",
        2,
    ),
    (
        "Kulttuuritalo",
        "Kulturhuset",
        "harjoitussali",
        "övningssal",
        "rehearsal room",
        (15, 40),
        ["piano", "sound"],
        "day",
        2,
    ),
]
STREETS = "Kauppakatu Koulukatu Asemakatu Kirkkotie Keskuskatu Rantatie Puistokatu Torikatu Myllytie".split()
PURPOSES = [
    "Omaishoitajien vertaistukiryhmä",
    "Muistikahvila",
    "Yhdistyksen hallituksen kokous",
    "Senioreiden tuolijumppa",
    "Nuorten liikuntailta",
    "Mielenterveyden vertaisryhmä",
    "Perhekerho",
    "Kuoroharjoitus",
    "Sählyvuoro",
    "Digiapu senioreille",
    "Ukrainalaisten perheiden kohtaamispaikka",
    "Vuosikokous",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate", "urls"])
    parser.add_argument("--bookings", type=int, default=1_000_000)
    parser.add_argument("--spaces", type=int, default=SPACES)
    parser.add_argument("--manifest", required=True, help="populate: where to write; urls: where to write the URLs")
    args = parser.parse_args()

    import django

    django.setup()
    result = populate(args.bookings, args.spaces) if args.step == "populate" else choose_urls()
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


def opening(kind: str, rng) -> list[tuple[int, int, int]]:
    """(weekday, opens, closes) of a space."""
    if kind == "evening":
        return [(d, 17, 21) for d in range(5)] + [(d, 9, 19) for d in (5, 6)]
    if kind == "office":
        return [(d, 9, 17) for d in range(5)]
    hours = [(d, 9, 21) for d in range(5)]
    return hours + ([(5, 11, 17)] if rng.random() < 0.6 else [])


def populate(total: int, space_count: int) -> dict:
    import holidays
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from kumppani.core.models import PublicBody, User
    from kumppani.organisations.models import Organisation, OrganisationStatus
    from kumppani.premises.models import BookingSeries, ClosedDay, OpeningHours, Space

    started = time.monotonic()
    rng = random.Random(20261206)
    ops = connection.ops
    moment = ops.adapt_datetimefield_value
    helsinki = timezone.get_default_timezone()
    now = timezone.now()
    today = timezone.localtime(now).date()
    first_season = today.year - 3 if today.month >= 9 else today.year - 4
    window_start = dt.date(first_season, 9, 1)
    window_end = today + dt.timedelta(days=270)
    finnish_holidays = set(holidays.Finland(years=range(first_season, window_end.year + 1)))

    bodies = {b.pk: b for b in PublicBody.objects.all()}
    active = set(Organisation.objects.exclude(status=OrganisationStatus.DISSOLVED).values_list("pk", flat=True))
    ngos: dict[int, list[int]] = {}
    for body_id, organisation_id in Organisation.areas.through.objects.values_list("publicbody_id", "organisation_id"):
        if organisation_id in active and bodies[body_id].kind in ("municipality", "city_county"):
            ngos.setdefault(body_id, []).append(organisation_id)
    total_ngos = sum(len(v) for v in ngos.values())
    plan = []  # (offering body, municipality)
    for pk in sorted(ngos):
        plan += [(pk, pk)] * max(1, round(space_count * 0.9 * len(ngos[pk]) / total_ngos))
    municipalities = sorted(ngos)
    for county in [b for b in bodies.values() if b.kind == "county"]:
        towns = [pk for pk in municipalities if bodies[pk].county_id == county.pk]
        plan += [(county.pk, rng.choice(towns)) for _ in range(6)] if towns else []

    # The spaces, their opening hours and a few closed days.
    spaces, hours, specs, taken = [], [], [], set()
    for n, (body_id, town_id) in enumerate(plan):
        unit_fi, unit_sv, room_fi, room_sv, room_en, capacity, equipment, open_kind, _w = rng.choices(
            KINDS, [k[8] for k in KINDS]
        )[0]
        town = bodies[town_id]
        swedish = town.language_status != "fi"
        name = f"{town.name_fi} {unit_fi.lower()}, {room_fi}"
        slug = slugify(f"{unit_fi}-{room_fi}-{town.name_fi}")[:100]
        slug = f"{slug}-{n}" if slug in taken else slug
        taken.add(slug)
        price = Decimal(rng.choice([0, 10, 15, 20, 25, 40]))
        spaces.append(
            Space(
                slug=slug,
                body_id=body_id,
                unit_name_fi=f"{town.name_fi} {unit_fi.lower()}",
                unit_name_sv=f"{town.name_sv or town.name_fi} {unit_sv.lower()}" if swedish else "",
                name_fi=name,
                name_sv=f"{town.name_sv or town.name_fi}, {room_sv}" if swedish else "",
                name_en=f"{town.name_en or town.name_fi}, {room_en}" if rng.random() < 0.3 else "",
                description_fi=f"{unit_fi}n {room_fi} järjestöjen käyttöön. Varaukset kuntalaispalvelun kautta.",
                street_address=f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                postal_code=f"{rng.randint(100, 99999):05d}",
                municipality_id=town_id,
                capacity=rng.randint(*capacity),
                is_accessible=rng.random() < 0.7,
                equipment_codes=" "
                + " ".join(sorted(set(rng.sample(equipment, rng.randint(1, len(equipment))))))
                + " ",
                min_minutes=60,
                max_minutes=240,
                max_days_ahead=270,
                buffer_minutes=rng.choice([0, 0, 15]),
                price_own_ngos=Decimal("0"),
                price_public=price,
                needs_approval=rng.random() < 0.7,
                is_published=rng.random() < 0.97,
            )
        )
        specs.append((opening(open_kind, rng), rng.lognormvariate(0, 0.8)))
    with transaction.atomic():
        Space.objects.bulk_create(spaces, batch_size=500)
        for space, (open_hours, _popularity) in zip(spaces, specs, strict=True):
            hours += [
                OpeningHours(space=space, weekday=d, opens=dt.time(a), closes=dt.time(b)) for d, a, b in open_hours
            ]
        OpeningHours.objects.bulk_create(hours, batch_size=1000)
        ClosedDay.objects.bulk_create(
            [
                ClosedDay(space=space, date=dt.date(year, 7, day), note="Kesäsulku")
                for space in spaces
                if rng.random() < 0.3
                for year in range(first_season + 1, window_end.year + 1)
                for day in range(1, 15)
            ],
            batch_size=1000,
        )

        # One booker (a user) per NGO of each body.
        bookers = {}
        users = []
        unusable = make_password(None)
        for pk in municipalities:
            for organisation_id in ngos[pk][:40]:
                if organisation_id not in bookers:
                    bookers[organisation_id] = len(users)
                    users.append(
                        User(
                            email=f"varaaja{organisation_id}@bench.example",
                            full_name=f"Varaaja {organisation_id}",
                            password=unusable,
                        )
                    )
        User.objects.bulk_create(users, batch_size=1000)
        booker_ids = {org: users[index].pk for org, index in bookers.items()}
        manager = User.objects.create_user(email="tilat@bench.example", password=None, full_name="Tilapalvelut")

    popularity = sum(p for _h, p in specs)
    seasons = []  # (first day, last day) of each season in the window
    year = first_season
    while dt.date(year, 9, 1) <= window_end:
        seasons.append((dt.date(year, 9, 1), min(dt.date(year + 1, 5, 31), window_end)))
        if dt.date(year + 1, 6, 1) <= window_end:
            seasons.append((dt.date(year + 1, 6, 1), min(dt.date(year + 1, 8, 31), window_end)))
        year += 1

    columns = [
        "space_id",
        "organisation_id",
        "series_id",
        "booked_by_id",
        "start",
        '"end"',
        "held_until",
        "purpose",
        "people",
        "is_block",
        "status",
        "hourly_price",
        "public_hourly_price",
        "reason",
        "decided_by_id",
        "decided_at",
        "created_at",
    ]
    sql = f"INSERT INTO premises_booking ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"

    def status_of(day: dt.date) -> str:
        roll = rng.random()
        if day < today:
            return "confirmed" if roll < 0.92 else "cancelled" if roll < 0.98 else "rejected"
        return "confirmed" if roll < 0.8 else "requested" if roll < 0.92 else "cancelled"

    written = 0
    busiest = []  # (bookings, slug) of each space
    rows: list[tuple] = []
    with transaction.atomic(), connection.cursor() as cursor:
        for index, (space, (open_hours, weight)) in enumerate(zip(spaces, specs, strict=True)):
            remaining = len(spaces) - index
            target = round((total - written) * weight / popularity) if remaining > 1 else total - written
            popularity -= weight
            town_ngos = ngos.get(space.municipality_id) or ngos[municipalities[0]]
            cells = [(d, a, b) for d, o, c in open_hours for a, b in SLOTS if o <= a and b <= c]
            buffer = dt.timedelta(minutes=space.buffer_minutes)
            made = 0
            used: set[tuple[dt.date, int]] = set()

            def add(day, a, b, organisation_id, series_id, purpose, status, space=space, buffer=buffer, used=used):
                nonlocal made
                begins = dt.datetime.combine(day, dt.time(a), helsinki)
                ends = dt.datetime.combine(day, dt.time(b), helsinki)
                block = organisation_id is None
                decided = moment(begins - dt.timedelta(days=14)) if status != "requested" else None
                rows.append(
                    (
                        space.pk,
                        organisation_id,
                        series_id,
                        manager.pk if block else booker_ids.get(organisation_id, manager.pk),
                        moment(begins),
                        moment(ends),
                        moment(ends + buffer),
                        purpose,
                        rng.randint(4, space.capacity),
                        block,
                        status,
                        Decimal("0"),
                        space.price_public,
                        "",
                        manager.pk if decided else None,
                        decided,
                        moment(begins - dt.timedelta(days=30)),
                    )
                )
                used.add((day, a))
                made += 1

            # Weekly series: four in five of the space's bookings, each cell of a season held once.
            weeks = sum(((last - first).days // 7 + 1) for first, last in seasons)
            per_cell = max(1, int(target * 0.8 / max(weeks, 1)))
            series_rows = []
            for first, last in seasons:
                for weekday, a, b in rng.sample(cells, min(len(cells), per_cell)):
                    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
                    if day > last:
                        continue
                    series_rows.append(
                        (
                            BookingSeries(
                                space=space,
                                organisation_id=rng.choice(town_ngos),
                                weekday=weekday,
                                start_time=dt.time(a),
                                end_time=dt.time(b),
                                first_date=day,
                                last_date=last,
                            ),
                            a,
                            b,
                        )
                    )
            BookingSeries.objects.bulk_create([s for s, _a, _b in series_rows], batch_size=500)
            for series, a, b in series_rows:
                if made >= target * 0.8:
                    break
                status = status_of(series.first_date)
                purpose = rng.choice(PURPOSES)
                day = series.first_date
                while day <= series.last_date and made < target:
                    if day not in finnish_holidays:
                        one = status if rng.random() > 0.03 else "cancelled"
                        add(day, a, b, series.organisation_id, series.pk, purpose, one)
                    day += dt.timedelta(days=7)
            # Single bookings (and a few blocked times) at free times of the window.
            span = (window_end - window_start).days
            attempts = 0
            while made < target and cells and attempts < target * 20:
                attempts += 1
                weekday, a, b = rng.choice(cells)
                day = window_start + dt.timedelta(days=rng.randrange(span))
                day += dt.timedelta(days=(weekday - day.weekday()) % 7)
                if day > window_end or day in finnish_holidays or (day, a) in used:
                    continue
                if rng.random() < 0.03:
                    add(day, a, b, None, None, "Kunnan oma käyttö", "confirmed")
                else:
                    add(day, a, b, rng.choice(town_ngos), None, rng.choice(PURPOSES), status_of(day))
            written += made
            busiest.append((made, space.slug, space.is_published))
            if len(rows) >= 20_000:
                cursor.executemany(sql, rows)
                rows.clear()
                print(f"  … {written} bookings ({time.monotonic() - started:.0f} s)", flush=True)
        if rows:
            cursor.executemany(sql, rows)

    published = sorted((b for b in busiest if b[2]), reverse=True)
    chosen = [slug for _n, slug, _p in published[:20]] + [slug for _n, slug, _p in published[20::25]][:80]
    search_towns = sorted({bodies[s.municipality_id].slug for s in spaces if s.is_published})
    return {
        "bookings": written,
        "spaces": len(spaces),
        "seconds": round(time.monotonic() - started, 1),
        "busiest": {"slug": published[0][1], "bookings": published[0][0]},
        "chosen": chosen,
        "towns": rng.sample(search_towns, min(60, len(search_towns))),
        "today": today.isoformat(),
        "first_season": first_season,
    }


# Measuring, called by bench/run.py --------------------------------------------------------------


def choose_urls(seed: int = 11) -> dict:
    """The addresses to measure, drawn from what the database holds (so that they work on a database
    populated earlier too, with --reuse): a space's month only for months in which the space has
    active bookings, and searches only with criteria that some space meets (each checked with the
    page's own query). A few hundred distinct addresses of each kind."""
    from django.db import connection
    from django.http import QueryDict
    from django.utils import translation

    from kumppani.premises.forms import SearchForm, today
    from kumppani.premises.models import ACTIVE_STATUSES, Space
    from kumppani.premises.queries import spaces_matching

    rng = random.Random(seed)
    now = today()
    spaces = {s.pk: s for s in Space.objects.filter(is_published=True).select_related("municipality")}
    months: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        placeholders = ", ".join(["%s"] * len(ACTIVE_STATUSES))
        cursor.execute(
            "SELECT space_id, substr(start, 1, 7), count(*) FROM premises_booking "
            f"WHERE status IN ({placeholders}) GROUP BY space_id, substr(start, 1, 7)",
            [str(s) for s in ACTIVE_STATUSES],
        )
        counts: dict[int, int] = {}
        for space_id, month, count in cursor.fetchall():
            if space_id in spaces and count >= 2:
                months.setdefault(space_id, []).append(month)
                counts[space_id] = counts.get(space_id, 0) + count
    ranked = sorted(months, key=lambda pk: -counts[pk])
    chosen = ranked[:20] + ranked[20::25][:80]
    page_urls, api_urls = [], []
    for pk in chosen:
        slug, available = spaces[pk].slug, sorted(months[pk])
        for month in rng.sample(available, min(4, len(available))):
            page_urls.append(f"/fi/tilat/{slug}/?nakyma=kuukausi&paiva={month}-01")
        for month in rng.sample(available, min(2, len(available))):
            first = dt.date.fromisoformat(f"{month}-01")
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            api_urls.append(f"/api/v1/spaces/{slug}/availability/?from={first}&to={last}")

    # Searches as a person makes them, built around a space that is there to be found.
    hours = {}
    from kumppani.premises.models import OpeningHours

    for h in OpeningHours.objects.filter(space_id__in=list(spaces)):
        hours.setdefault(h.space_id, []).append(h)
    candidates = [pk for pk in spaces if pk in hours]
    rng.shuffle(candidates)
    days = [now + dt.timedelta(days=k) for k in range(1, 120)]

    def free_time(space) -> tuple[dt.date, str, str] | None:
        for _ in range(12):
            day = rng.choice(days)
            opening = [h for h in hours[space.pk] if h.weekday == day.weekday()]
            slots = [(a, b) for a, b in SLOTS for h in opening if h.opens.hour <= a and b <= h.closes.hour]
            if slots:
                a, b = rng.choice(slots)
                return day, f"{a:02d}:00", f"{b:02d}:00"
        return None

    search_urls, seen = ["/fi/tilat/", "/fi/tilat/?page=3"], set()
    for pk in candidates:
        if len(search_urls) >= 240:
            break
        space = spaces[pk]
        town = space.municipality.slug
        codes = space.equipment_codes.split()
        when = free_time(space)
        people = rng.randint(1, max(1, space.capacity))
        options = [f"municipality={town}", f"municipality={town}&people={people}"]
        if space.is_accessible:
            options.append(f"municipality={town}&people={people}&accessible=on")
        if when:
            day, start, end = when
            time_part = f"date={day.isoformat()}&start={start}&end={end}"
            options.append(f"municipality={town}&{time_part}")
            options.append(f"{time_part}&people={people}")
            if codes:
                options.append(f"equipment={rng.choice(codes)}&{time_part}")
        if codes:
            options.append(
                f"equipment={rng.choice(codes)}&people={people}" + ("&accessible=on" if space.is_accessible else "")
            )
        query = rng.choice(options)
        language = "sv" if rng.random() < 0.1 else "fi"
        if query in seen:
            continue
        form = SearchForm(QueryDict(query))
        with translation.override(language):
            if not form.is_valid() or not spaces_matching(form.criteria()).exists():
                continue  # the time was taken after all: another space then
        seen.add(query)
        search_urls.append(f"/{language}/tilat/?{query}")
    rng.shuffle(page_urls)
    rng.shuffle(api_urls)
    rng.shuffle(search_urls)
    return {"page": page_urls, "api": api_urls, "search": search_urls}


def groups(urls: dict) -> list[tuple]:
    """(name, urls, check, headers) of the premises groups, from choose_urls()."""
    return [
        (GROUPS[0], urls["page"], check_page, None),
        (GROUPS[1], urls["api"], check_api, None),
        (GROUPS[2], urls["search"], check_search, None),
    ]


def check_page(body: bytes) -> str:
    days = len(re.findall(rb"<li><strong>", body))
    if days < 28:
        return f"the month shows {days} days"
    return "" if re.search(rb"varattu\s+\d\d\.\d\d", body) else "the month shows no busy time"


def check_api(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    if not isinstance(data, list) or len(data) < 28 or not all("busy" in day for day in data):
        return "the answer is not a month of days with their busy times"
    return "" if any(day["busy"] for day in data) else "no busy time in the month"


def check_search(body: bytes) -> str:
    found = re.search(rb'href="/(fi|sv)/tilat/[\w-]+/', body)
    return "" if found else "the search answered 200 but lists no space"


if __name__ == "__main__":
    main()
