"""About 600 demo activities for the demo NGOs, and two published service paths (Salo and Tampere).

The activities are described deterministically (one random generator per NGO, so adding an NGO
changes nothing for the others) and written with bulk_create: a few dozen queries for all of them,
and one pass for the search index. Running it again adds activities only for NGOs that have none,
and the paths only where they are missing. The paths are built through activities.paths.services, as
a coordinator builds them, so that their audit history is there too. The paths' texts are in
data/service_paths.toml, the activities' in data/activities.csv and data/activity_texts.toml.
"""

import datetime as dt
import functools
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from kumppani.activities import indexing
from kumppani.activities.models import (
    Activity,
    ActivityStatus,
    Frequency,
    JoinMethod,
    Place,
    ScheduleException,
    ScheduleKind,
    ScheduleRule,
    ServicePath,
)
from kumppani.activities.paths import services as path_rules
from kumppani.core import search
from kumppani.core.models import BodyKind, Language, PublicBody, Term, Vocabulary
from kumppani.demo import activity_texts as texts
from kumppani.demo import organisations
from kumppani.demo.datafiles import by_language, toml
from kumppani.demo.places import BY_CODE
from kumppani.organisations.models import Organisation, OrganisationStatus

SEED = 20250602


@dataclass(frozen=True)
class Template:
    kind: str  # ActivityType
    schedule: str  # W, W2, D, B, M or A (see activity_texts)
    tags: frozenset[str]
    name: tuple[str, str, str]  # fi, sv, en
    short: tuple[str, str]  # fi, sv


@functools.cache
def templates(kind: str) -> list[Template]:
    return [
        Template(
            row["type"],
            row["schedule"],
            frozenset(row["tags"].split()),
            (row["name_fi"], row["name_sv"], row["name_en"]),
            (row["short_fi"], row["short_sv"]),
        )
        for row in texts.ACTIVITIES[kind]
    ]


def names_tagged(tag: str) -> set[str]:
    """The Finnish names of the activities with a tag: how the service paths find them again."""
    return {t.name[0] for kind in texts.ACTIVITIES for t in templates(kind) if tag in t.tags}


# Times of day by type of activity: (start, end) pairs to choose from.
TIMES = texts.TIMES
YOUTH_TIMES = texts.YOUTH_TIMES


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value.rjust(5, "0"))


def _breaks(today: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """The next summer break and Christmas break: (first day, last day, index of the note)."""
    summer_year = today.year if today <= dt.date(today.year, 8, 10) else today.year + 1
    christmas_year = today.year if today <= dt.date(today.year, 12, 20) else today.year + 1
    return [
        (dt.date(summer_year, 6, 16), dt.date(summer_year, 8, 10), 0),
        (dt.date(christmas_year, 12, 20), dt.date(christmas_year + 1, 1, 6), 1),
    ]


@dataclass
class _Built:
    activity: Activity
    places: list[Place]
    rules: list[tuple[ScheduleRule, int | None]]  # the rule and the index of its place
    exceptions: list[ScheduleException]
    themes: list[Term]
    target_groups: list[Term]
    languages: list[Language]
    areas: list[PublicBody]


class _Builder:
    def __init__(self):
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.towns = {b.code: b for b in PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code__in=BY_CODE)}
        terms = Term.objects.all()
        self.themes = {t.slug: t for t in terms if t.vocabulary == Vocabulary.THEME}
        self.targets = {t.slug: t for t in terms if t.vocabulary == Vocabulary.TARGET_GROUP}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.slugs = set(Activity.objects.values_list("slug", flat=True))

    def _slug(self, name: str, town: str) -> str:
        base = f"{slugify(name)[:90]}-{slugify(town)}"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def for_organisation(self, organisation: Organisation, spec: dict) -> list[_Built]:
        rng = random.Random(f"{SEED}-{organisation.slug}")
        kind = spec.get("kind") or texts.HANDWRITTEN_KINDS.get(organisation.slug)
        if kind not in texts.ACTIVITIES:
            return []
        town = BY_CODE[spec["town"]]
        count = rng.choice([3, 4, 4, 5]) + (1 if town.size == 3 else 0) - (1 if town.size == 1 else 0)
        options = templates(kind)
        chosen = rng.sample(options, min(len(options), max(2, count)))
        swedish = spec.get("swedish", False)
        # Porvoo's NGOs and the county-wide ones in Swedish-speaking areas write in both languages.
        bilingual = swedish or spec["town"] == "638" or "sv" in spec.get("languages", ())
        return [self._activity(rng, organisation, spec, town, t, swedish, bilingual) for t in chosen]

    def _activity(self, rng, organisation, spec, town, template: Template, swedish: bool, bilingual: bool) -> _Built:
        name_fi, name_sv, name_en = template.name
        short_fi, short_sv = template.short
        if template in templates("kyla"):
            # Village activities carry the village's name: "Suomusjärven kyläkahvila", "Bykafé i Kullo".
            genitive = "Kullon" if swedish else organisation.name_fi.split()[0]
            village = "Kullo" if swedish else dict(town.villages).get(genitive, "")
            name_fi = f"{genitive} {name_fi[0].lower()}{name_fi[1:]}"
            name_sv = f"{name_sv} i {village}" if village else name_sv
        with_sv = bilingual or rng.random() < 0.3
        with_en = rng.random() < 0.25
        join = JoinMethod.REGISTER if "register" in template.tags else JoinMethod.JUST_COME
        by_appointment = template.schedule == "A"
        join_text = texts.JOIN["appointment" if by_appointment else join]
        if by_appointment:
            join = JoinMethod.REGISTER
        about = texts.ABOUT.get(template.kind, texts.ABOUT["recreation"])
        confirmed = self.now - dt.timedelta(days=self._confirmed_days_ago(rng))
        status = ActivityStatus.ACTIVE
        if spec.get("status") == OrganisationStatus.DORMANT:
            status = ActivityStatus.PAUSED
        elif rng.random() < 0.02:
            status = ActivityStatus.ENDED
        online = "online" in template.tags
        fee = rng.choice(texts.FEES) if "fee" in template.tags else None
        activity = Activity(
            organisation=organisation,
            slug=self._slug(name_fi, town.en),
            kind=template.kind,
            name_fi=name_fi,
            name_sv=name_sv if with_sv else "",
            name_en=name_en if with_en else "",
            short_description_fi=short_fi,
            short_description_sv=short_sv if with_sv else "",
            description_fi=f"{short_fi}\n\n{about[0]}\n\n{join_text[0]}",
            description_sv=f"{short_sv}\n\n{about[1]}\n\n{join_text[1]}" if with_sv else "",
            how_to_join_fi=join_text[0],
            how_to_join_sv=join_text[1] if with_sv else "",
            is_online=online,
            online_url=f"https://meet.example.org/{slugify(organisation.slug)[:40]}" if online else "",
            schedule_kind=ScheduleKind.BY_APPOINTMENT if by_appointment else ScheduleKind.RECURRING,
            is_free=fee is None,
            fee=Decimal(fee[0].split()[0]) if fee else None,
            cost_description_fi=fee[0] if fee else "",
            cost_description_sv=fee[1] if fee and with_sv else "",
            join_method=join,
            email=organisation.email,
            phone=organisation.phone,
            website=organisation.website,
            status=status,
            confirmed_at=confirmed,
            created_at=confirmed - dt.timedelta(days=rng.randint(0, 400)),
            updated_at=confirmed,
        )
        # The note on times is in one language: the one the NGO writes in first.
        if by_appointment:
            activity.schedule_note = texts.APPOINTMENT_NOTE[1 if swedish else 0]
        elif online:
            activity.schedule_note = texts.ONLINE_NOTE[1 if swedish else 0]
        activity.set_sort_keys()
        places = [] if online and rng.random() < 0.8 else self._places(rng, organisation, spec, town, template, with_sv)
        activity.is_accessible = any(p.is_accessible for p in places)
        rules = self._rules(rng, template, places)
        exceptions = []
        if rules and template.schedule != "D" and rng.random() < 0.7:
            # A summer break (meeting places stay open) and a Christmas break.
            for first, last, note in _breaks(self.today):
                if note == 1 or template.kind not in ("meeting_place", "club_house"):
                    words = (texts.SUMMER_BREAK, texts.CHRISTMAS_BREAK)[note]
                    exceptions.append(ScheduleException(date=first, until=last, note=words[1] if swedish else words[0]))
        theme_slugs = list(spec["themes"])[:3]
        if template.kind == "peer_support" and "vertaistuki" not in theme_slugs:
            theme_slugs.append("vertaistuki")
        if "memory" in template.tags:
            theme_slugs.append("muistisairaudet")
        language_codes = ["sv", "fi"] if swedish else ["fi", "sv"] if bilingual else ["fi"]
        language_codes += [c for c in spec.get("languages", ()) if c not in ("fi", "sv")][:2]
        return _Built(
            activity=activity,
            places=places,
            rules=rules,
            exceptions=exceptions,
            themes=[self.themes[s] for s in dict.fromkeys(theme_slugs) if s in self.themes],
            target_groups=[self.targets[s] for s in spec["targets"] if s in self.targets][:3],
            languages=[self.languages[c] for c in language_codes if c in self.languages],
            areas=list(organisation.areas.all()),
        )

    @staticmethod
    def _confirmed_days_ago(rng) -> int:
        """Most are current; about one in five waits for its NGO to confirm it, a few are stale."""
        draw = rng.random()
        if draw < 0.72:
            return rng.randint(1, 170)
        if draw < 0.93:
            return rng.randint(185, 360)
        return rng.randint(370, 720)

    def _places(self, rng, organisation, spec, town, template: Template, with_sv: bool) -> list[Place]:
        municipality = self.towns[town.code]
        if template in templates("kyla"):
            names = texts.VILLAGE_PLACES
        elif template.tags & {"seniors_exercise", "disability", "health"} and template.kind == "recreation":
            names = texts.SPORT_PLACES
        else:
            names = texts.PLACE_NAMES
        own_address = (
            organisation.street_address
            and organisation.post_office in (town.post_office, town.sv)
            and rng.random() < 0.4
        )
        name = rng.choice(names)
        if own_address:
            street, postal_code, name = organisation.street_address, organisation.postal_code, texts.PLACE_NAMES[1]
        elif names is texts.VILLAGE_PLACES:
            street, postal_code = f"Kyläntie {rng.randint(2, 60)}", organisation.postal_code or town.postal_codes[0]
        else:
            street, postal_code = f"{rng.choice(town.streets)} {rng.randint(1, 48)}", rng.choice(town.postal_codes)
        accessible = rng.random() < 0.65
        return [
            Place(
                name_fi=name[0],
                name_sv=name[1] if with_sv else "",
                street_address=street,
                postal_code=postal_code,
                municipality=municipality,
                is_accessible=accessible,
                accessibility_details_fi=texts.ACCESSIBILITY[0] if accessible else "",
                accessibility_details_sv=texts.ACCESSIBILITY[1] if accessible and with_sv else "",
            )
        ]

    @staticmethod
    def _rules(rng, template: Template, places: list[Place]) -> list[tuple[ScheduleRule, int | None]]:
        if template.schedule == "A":
            return []
        times = YOUTH_TIMES if "youth" in template.tags and template.kind == "meeting_place" else TIMES[template.kind]
        start, end = rng.choice(times)
        place = 0 if places else None
        weekday = rng.choice([0, 1, 2, 3] if template.kind != "recreation" else [0, 1, 2, 3, 4, 5])
        if template.schedule == "D":
            weekdays = [0, 1, 2, 3, 4]
        elif template.schedule == "W2":
            weekdays = rng.choice([[0, 2], [1, 3], [2, 4]])
        else:
            weekdays = [weekday]
        frequency = {"B": Frequency.BIWEEKLY, "M": Frequency.MONTHLY}.get(template.schedule, Frequency.WEEKLY)
        week_of_month = rng.choice([1, 1, 2, 3, -1]) if frequency == Frequency.MONTHLY else None
        return [
            (
                ScheduleRule(
                    frequency=frequency,
                    weekday=day,
                    week_of_month=week_of_month,
                    start_time=_time(start),
                    end_time=_time(end),
                ),
                place,
            )
            for day in weekdays
        ]


def _save(built: list[_Built]) -> list[Activity]:
    """Write everything with bulk_create: a fixed number of queries however many activities."""
    activities = Activity.objects.bulk_create([b.activity for b in built], batch_size=200)
    places = []
    for item in built:
        for place in item.places:
            place.activity = item.activity
            places.append(place)
    Place.objects.bulk_create(places, batch_size=500)
    rules, exceptions = [], []
    for item in built:
        for rule, place_index in item.rules:
            rule.activity = item.activity
            rule.place = item.places[place_index] if place_index is not None else None
            rules.append(rule)
        for exception in item.exceptions:
            exception.activity = item.activity
            exceptions.append(exception)
    ScheduleRule.objects.bulk_create(rules, batch_size=500)
    ScheduleException.objects.bulk_create(exceptions, batch_size=500)
    for field, related in (
        ("themes", "term_id"),
        ("target_groups", "term_id"),
        ("languages", "language_id"),
        ("areas", "publicbody_id"),
    ):
        through = getattr(Activity, field).through
        through.objects.bulk_create(
            [
                through(activity_id=item.activity.pk, **{related: value.pk})
                for item in built
                for value in getattr(item, field)
            ],
            batch_size=1000,
        )
    return activities


def _index(pks: list[int]) -> None:
    activities = (
        Activity.objects.filter(pk__in=pks)
        .select_related("organisation")
        .prefetch_related("themes", "target_groups", "places")
    )
    search.bulk_replace(indexing.SEARCH_KIND, {a.pk: indexing.search_texts(a) for a in activities})


def load_activities() -> int:
    """Add the activities of the demo NGOs that have none yet. Returns how many were added."""
    specs = {spec["slug"]: spec for spec in organisations.build()}
    has_activities = Activity.objects.values("organisation_id")
    candidates = (
        Organisation.objects.filter(slug__in=specs, merged_into__isnull=True)
        .exclude(pk__in=has_activities)
        .prefetch_related("areas")
        .order_by("slug")
    )
    builder = _Builder()
    built = [
        item for organisation in candidates for item in builder.for_organisation(organisation, specs[organisation.slug])
    ]
    if not built:
        return 0
    with transaction.atomic():
        activities = _save(built)
        _index([a.pk for a in activities])
    return len(activities)


def _path(data: dict) -> dict:
    """A service path of data/service_paths.toml; a step is (kind, title fi/sv/en, description
    fi/sv/en, link, tags of the NGO activities to attach)."""
    return {
        "town": data["town"],
        "coordinator": data["coordinator"],
        "name": by_language(data["name"]),
        "description": by_language(data["description"]),
        "steps": [
            (
                step["kind"],
                by_language(step["title"]),
                by_language(step["description"]),
                step["link"],
                tuple(step["tags"]),
            )
            for step in data["steps"]
        ],
    }


# The two demo service paths. "town": whose coordinator builds it.
PATHS = [_path(path) for path in toml("service_paths.toml")["paths"]]


def load_paths(users: dict) -> int:
    """Build the demo service paths that are missing, as their coordinators would. Returns how many."""
    added = 0
    for spec in PATHS:
        body = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=spec["town"])
        slug = slugify(spec["name"][0])
        if ServicePath.objects.filter(body=body, slug=slug).exists():
            continue
        by = users[spec["coordinator"]]
        with transaction.atomic():
            path = path_rules.path_create(
                body=body,
                by=by,
                data={
                    **{f"name_{lang}": text for lang, text in zip(("fi", "sv", "en"), spec["name"], strict=True)},
                    **{
                        f"description_{lang}": text
                        for lang, text in zip(("fi", "sv", "en"), spec["description"], strict=True)
                    },
                },
            )
            offered = path_rules.attachable_activities(body).order_by("sort_key_fi", "pk")
            for kind, titles, descriptions, link, tags in spec["steps"]:
                data = {"kind": kind, "link": link}
                for lang, title, description in zip(("fi", "sv", "en"), titles, descriptions, strict=True):
                    data[f"title_{lang}"], data[f"description_{lang}"] = title, description
                step = path_rules.step_add(path=path, by=by, data=data)
                for tag in tags:
                    current = offered.filter(
                        name_fi__in=names_tagged(tag), confirmed_at__gte=timezone.now() - dt.timedelta(days=365)
                    )
                    for activity in current[:2]:
                        path_rules.activity_attach(step=step, by=by, activity=activity)
            path_rules.path_publish(path=path, by=by)
        added += 1
    return added


def load(users: dict) -> tuple[int, int]:
    """(activities added, service paths added)."""
    return load_activities(), load_paths(users)
