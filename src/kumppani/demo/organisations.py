"""About 150 demo NGOs in eight municipalities, the seed documents' examples among them.

The hand-written NGOs and the kinds each town must have are in data/organisations.toml, the
words of the generated ones in data/texts.toml and the towns in data/places.toml.
`build()` describes them deterministically (a fixed random seed); `load()` adds the ones that are
missing through organisations.services, so the search index and the audit history are written too.
"""

import random
import unicodedata
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from stdnum.fi import alv

from kumppani.core.models import BodyKind, Language, PublicBody, Term, Vocabulary
from kumppani.demo import texts
from kumppani.demo.datafiles import by_language, toml
from kumppani.demo.places import BY_CODE, TOWNS
from kumppani.organisations import services
from kumppani.organisations.models import ContactPerson, Organisation, OrganisationStatus

SEED = 20250601
KINDS = {kind.key: kind for kind in texts.KINDS}
_DATA = toml("organisations.toml")
# Kinds each town must have: the NGOs the brief for the demo names.
FORCED: dict[str, list[str]] = _DATA["forced"]


def _handwritten(data: dict) -> dict:
    """A hand-written NGO of data/organisations.toml as the dict build() extends: the texts as
    (fi, sv, en), lists as tuples, and members None where the file has none."""
    spec = {key: tuple(value) if isinstance(value, list) else value for key, value in data.items()}
    spec.update({part: by_language(data[part]) for part in ("name", "short", "long")})
    spec.setdefault("members", None)
    return spec


# Hand-written NGOs. "areas": municipality codes, or "county:<code>" for the county of that municipality.
HANDWRITTEN = [_handwritten(spec) for spec in _DATA["handwritten"]]


def fold(text: str) -> str:
    """ASCII for e-mail addresses: "Mäkelä" → "makela"."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in ".-"))


def business_id(rng: random.Random, taken: set[str]) -> str:
    """A valid, unused business ID (Y-tunnus): seven digits and a check digit (stdnum.fi.alv's checksum)."""
    while True:
        base = f"{rng.randint(200_000, 3_400_000):07d}"
        digits = [d for d in "0123456789" if alv.checksum(base + d) == 0]
        if digits and f"{base}-{digits[0]}" not in taken:
            taken.add(f"{base}-{digits[0]}")
            return f"{base}-{digits[0]}"


def association_id(rng: random.Random, founded: int) -> str:
    """An association register number roughly as old as the association (123.456 form)."""
    number = 1_000 + int(max(0, founded - 1900) / 125 * 228_000) + rng.randint(0, 900)
    return f"{number // 1000}.{number % 1000:03d}"


def _phone(rng: random.Random, area: str = "") -> str:
    """A mobile number, or with `area` sometimes a landline number."""
    if not area or rng.random() < 0.6:
        return f"04{rng.choice('0145')} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return f"{area} {rng.randint(200, 899)} {rng.randint(1000, 9999)}"


def _person(rng: random.Random, *, swedish: bool, sami: bool) -> tuple[str, str]:
    first = rng.choice(texts.SWEDISH_FIRST_NAMES if swedish else texts.FIRST_NAMES)
    last = rng.choice(texts.SWEDISH_LAST_NAMES if swedish else texts.SAMI_LAST_NAMES if sami else texts.LAST_NAMES)
    return f"{first} {last}", f"{fold(first)}.{fold(last)}@example.org"


def _generated(rng: random.Random, town, kind, taken_names: set[str], village=None) -> dict | None:
    place = {"g": village[0] if village else town.genitive, "sv": town.sv, "en": village[1] if village else town.en}
    name_fi = kind.name[0].format(**place)
    if name_fi in taken_names:
        return None
    translated = town.code == "638" or rng.random() < 0.45
    sv = town.code == "638" or (translated and rng.random() < 0.6)
    street = f"{rng.choice(town.streets)} {rng.randint(1, 48)}"
    long_fi = kind.long[0].format(**place)
    free = "maksuton" in long_fi  # no membership fee sentence where the text says it is free
    fee = rng.choice([10, 15, 20, 25])
    closing = rng.choice([c for c in texts.CLOSINGS_FI if not (free and "{fee}" in c)]).format(fee=fee, **place)
    if rng.random() < 0.7:
        hours = texts.OPENING_HOURS_FI.format(
            street=street, days=rng.choice(texts.DAYS_FI), hours=rng.choice(texts.HOURS)
        )
        closing = f"{hours} {closing}"
    closing_sv, closing_en = (texts.WELCOME_SV, texts.WELCOME_EN) if free else (texts.CLOSING_SV, texts.CLOSING_EN)
    return {
        "town": town.code,
        "kind": kind.key,
        "name": (
            name_fi,
            kind.name[1].format(**place) if sv else "",
            kind.name[2].format(**place) if translated else "",
        ),
        "short": (kind.short[0], kind.short[1] if sv else "", kind.short[2] if translated else ""),
        "long": (
            f"{long_fi}\n\n{closing}",
            f"{kind.long[1].format(**place)} {closing_sv.format(fee=fee)}" if sv else "",
            f"{kind.long[2].format(**place)} {closing_en.format(fee=fee)}" if translated else "",
        ),
        "themes": kind.themes,
        "targets": kind.targets,
        "languages": ("fi", *(["sv"] if town.code == "638" else []), *kind.languages),
        "founded": rng.randint(*kind.founded),
        "members": rng.randint(*kind.members),
        "address": (street, rng.choice(town.postal_codes), town.post_office),
        "sami": town.code == "047" and rng.random() < 0.5,
    }


def build() -> list[dict]:
    """Every demo NGO as a dict, the same on every run."""
    rng = random.Random(SEED)
    specs = [dict(spec) for spec in HANDWRITTEN]
    taken_names = {spec["name"][0] for spec in specs}
    for town in TOWNS:
        forced = [KINDS[key] for key in FORCED.get(town.code, [])]
        villages = rng.sample(town.villages, min(len(town.villages), max(1, town.count // 8)))
        pool = [k for k in texts.KINDS if k.size <= town.size and k not in forced]
        chosen = forced + rng.sample(pool, min(len(pool), town.count - len(forced) - len(villages)))
        for kind, village in [(k, None) for k in chosen] + [(texts.VILLAGE, v) for v in villages]:
            spec = _generated(rng, town, kind, taken_names, village)
            if spec:
                taken_names.add(spec["name"][0])
                specs.append(spec)
    ids: set[str] = set()
    for spec in specs:
        town = BY_CODE[spec["town"]]
        swedish = spec.get("swedish", False)
        spec["slug"] = slugify(spec["name"][0])[:100]
        spec.setdefault("areas", (spec["town"],))
        with_ids = spec.get("ids", True) and rng.random() < 0.9
        spec["business_id"] = business_id(rng, ids) if with_ids else ""
        spec["association_id"] = association_id(rng, spec["founded"]) if with_ids and rng.random() < 0.75 else ""
        domain = slugify(spec["name"][0].removesuffix(" ry").removesuffix(" rf"))[:50]
        mailbox = rng.choice(["info", "kansliet"] if swedish else ["toimisto", "info", "yhdistys"])
        spec["email"] = f"{mailbox}@{domain}.example.org"
        spec["phone"] = _phone(rng, town.phone_area)
        spec["website"] = f"https://{domain}.example.org/" if rng.random() < 0.85 else ""
        roles = texts.ROLES_SV if swedish else texts.ROLES_FI
        spec["contacts"] = []
        for role in [roles[0], *rng.sample(roles[1:], rng.randint(0, 2))]:
            name, email = _person(rng, swedish=swedish, sami=spec.get("sami", False))
            spec["contacts"].append({"name": name, "role": role, "email": email, "phone": _phone(rng)})
        spec["created_days_ago"] = rng.randint(90, 1500)
        spec["updated_days_ago"] = rng.randint(1, min(400, spec["created_days_ago"]))
        spec["status"], spec["verified"] = OrganisationStatus.ACTIVE, True
    # A few dormant NGOs, and in Salo, Tampere and Oulu one that waits for the coordinator to verify it.
    generated = [s for s in specs if "kind" in s and s["kind"] not in FORCED.get(s["town"], [])]
    for spec in rng.sample(generated, 6):
        spec["status"] = OrganisationStatus.DORMANT
    for code in ("734", "837", "564"):
        candidates = [s for s in generated if s["town"] == code and s["status"] == OrganisationStatus.ACTIVE]
        spec = rng.choice(candidates)
        spec["verified"], spec["created_days_ago"], spec["updated_days_ago"] = False, rng.randint(2, 12), 1
    return specs


def _lookups() -> dict:
    municipalities = {b.code: b for b in PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY)}
    counties = {b.pk: b for b in PublicBody.objects.exclude(kind=BodyKind.MUNICIPALITY)}
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    return {
        "areas": {
            **municipalities,
            **{f"county:{code}": counties[b.county_id] for code, b in municipalities.items() if b.county_id},
        },
        "themes": {slug: t for (vocabulary, slug), t in terms.items() if vocabulary == Vocabulary.THEME},
        "targets": {slug: t for (vocabulary, slug), t in terms.items() if vocabulary == Vocabulary.TARGET_GROUP},
        "languages": {language.code: language for language in Language.objects.all()},
    }


def load(verifiers: dict[str, object] | None = None) -> tuple[int, int]:
    """Add the demo NGOs that are missing. Returns (added, already there).

    `verifiers` maps a municipality code to the coordinator recorded as having verified its NGOs.
    """
    specs = build()
    existing = set(Organisation.objects.filter(slug__in=[s["slug"] for s in specs]).values_list("slug", flat=True))
    lookup = _lookups()
    now = timezone.now()
    added = 0
    for spec in specs:
        if spec["slug"] in existing:
            continue
        data = {
            **{f"name_{lang}": value for lang, value in zip(("fi", "sv", "en"), spec["name"], strict=True)},
            **{f"short_description_{lang}": v for lang, v in zip(("fi", "sv", "en"), spec["short"], strict=True)},
            **{f"description_{lang}": v for lang, v in zip(("fi", "sv", "en"), spec["long"], strict=True)},
            "business_id": spec["business_id"],
            "association_id": spec["association_id"],
            "founded_year": spec["founded"],
            "member_count": spec["members"],
            "email": spec["email"],
            "phone": spec["phone"],
            "website": spec["website"],
            "street_address": spec["address"][0],
            "postal_code": spec["address"][1],
            "post_office": spec["address"][2],
            **{field: [lookup[field][key] for key in spec[field]] for field in ("themes", "targets", "languages")},
            "areas": [lookup["areas"][key] for key in spec["areas"]],
        }
        data["target_groups"] = data.pop("targets")
        organisation = services.organisation_create(by=None, data=data)
        assert organisation.slug == spec["slug"], organisation.slug
        ContactPerson.objects.bulk_create(
            [ContactPerson(organisation=organisation, **person) for person in spec["contacts"]]
        )
        updated = now - timedelta(days=spec["updated_days_ago"])
        Organisation.objects.filter(pk=organisation.pk).update(
            status=spec["status"],
            created_at=now - timedelta(days=spec["created_days_ago"]),
            updated_at=updated,
            verified_at=updated + timedelta(hours=3) if spec["verified"] else None,
            verified_by=(verifiers or {}).get(spec["town"]) if spec["verified"] else None,
        )
        added += 1
    return added, len(existing)
