"""The cooperation part of the benchmark: the cooperation record at national scale, every NGO of
the register with about five forms of cooperation over three years and each year's realisation,
and the NGO's record pages and a body's realisation summary measured with the page cache off.

Population, run by bench/run.py inside its throwaway database after bench.populate (it needs the NGOs):
    python -m bench.cooperation populate --manifest cooperation.json

Each public body gets five sectors (with one official, who is responsible for the sector's forms)
and each NGO about five forms with the bodies of its area (its municipality mostly, its county
sometimes): category and kind as in the Salo model, starting in one of the last three years, one
in ten half-yearly, most still active; each past period is marked by the body (mostly realised)
and often by the NGO too. A bench coordinator holds the coordinator role in the measured bodies
(the largest ones and a spread of others); a session of theirs is made here, its cookie in the
manifest. Written with bulk_create in batches.
"""

import argparse
import datetime as dt
import json
import random
import re
import time

P95_MS = 50
GROUPS = (
    "cooperation: NGO's page",
    "cooperation: NGO's record with a body",
    "cooperation: realisation summary",
)
FORMS_PER_NGO = 5
YEARS = 3
SECTORS = [
    "Ikäihmisten palvelut",
    "Nuorisopalvelut",
    "Kulttuuri ja vapaa-aika",
    "Hyvinvoinnin edistäminen",
    "Sosiaalityö",
]
TITLES = [
    ("strategic", "seat", "Jäsenyys vanhusneuvostossa"),
    ("strategic", "expert_help", "Asiantuntijana hyvinvointikertomuksen valmistelussa"),
    ("practical", "joint_event", "Yhteinen hyvinvointitapahtuma"),
    ("practical", "communication", "Tiedotus kunnan tiedotteessa"),
    ("practical", "service_path", "Osana palvelupolkua: vertaistuki"),
    ("practical", "premises", "Kokoontumistilat maksutta"),
    ("practical", "training", "Vapaaehtoisten koulutus"),
    ("practical", "volunteering", "Vapaaehtoistoiminta palvelukeskuksessa"),
    ("financial", "other", "Toiminta-avustus"),
]
OUTCOMES = ["realised"] * 6 + ["partly"] * 2 + ["not_realised"] + [""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate"])
    parser.add_argument("--per-ngo", type=int, default=FORMS_PER_NGO)
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    manifest = populate(args.per_ngo)
    with open(args.manifest, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)


def populate(per_ngo: int) -> dict:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from kumppani.cooperation.models import CooperationForm, Partner, Realisation, Sector
    from kumppani.core.models import BodyRole, PublicBody, User
    from kumppani.organisations.models import Organisation, OrganisationStatus

    started = time.monotonic()
    rng = random.Random(20261212)
    today = timezone.localdate()
    first_year = today.year - YEARS
    bodies = {b.pk: b for b in PublicBody.objects.all()}
    active = set(Organisation.objects.exclude(status=OrganisationStatus.DISSOLVED).values_list("pk", flat=True))
    areas: dict[int, list[int]] = {}
    for body_id, organisation_id in Organisation.areas.through.objects.values_list("publicbody_id", "organisation_id"):
        if organisation_id in active:
            areas.setdefault(organisation_id, []).append(body_id)
    slugs = dict(Organisation.objects.filter(pk__in=list(areas)).values_list("pk", "slug"))

    unusable = make_password(None)
    with transaction.atomic():
        officials = User.objects.bulk_create(
            [
                User(email=f"yhteistyo{pk}@bench.example", full_name=f"Yhteistyövastaava {pk}", password=unusable)
                for pk in bodies
            ],
            batch_size=1000,
        )
        official_of = dict(zip(bodies, (u.pk for u in officials), strict=True))
        sectors = Sector.objects.bulk_create(
            [Sector(body_id=pk, name_fi=name, slug=slugify(name)) for pk in bodies for name in SECTORS],
            batch_size=1000,
        )
        sectors_of: dict[int, list[int]] = {}
        for sector in sectors:
            sectors_of.setdefault(sector.body_id, []).append(sector.pk)
        Sector.officials.through.objects.bulk_create(
            [Sector.officials.through(sector_id=s.pk, user_id=official_of[s.body_id]) for s in sectors],
            batch_size=1000,
        )
        BodyRole.objects.bulk_create(
            [BodyRole(user_id=official_of[pk], body_id=pk, role="official") for pk in bodies], batch_size=1000
        )

        forms, partners = [], []  # partners: (form index, organisation id)
        for organisation_id, body_ids in areas.items():
            local = [pk for pk in body_ids if bodies[pk].kind in ("municipality", "city_county")] or body_ids
            for _n in range(max(1, round(rng.gauss(per_ngo, 1)))):
                body_id = rng.choice(local) if rng.random() < 0.8 else rng.choice(body_ids)
                category, kind, title = rng.choice(TITLES)
                starts = dt.date(rng.randint(first_year, today.year - 1), rng.choice([1, 1, 3, 8]), 1)
                ended = rng.random() < 0.15
                forms.append(
                    CooperationForm(
                        body_id=body_id,
                        sector_id=rng.choice(sectors_of[body_id]),
                        category=category,
                        kind=kind,
                        title_fi=title,
                        description_fi="Sovittu yhteistyö järjestön ja kunnan välillä.",
                        responsible_id=official_of[body_id],
                        starts_on=starts,
                        ends_on=dt.date(today.year - 1, 12, 31) if ended else None,
                        frequency=rng.choice(["kuukausittain", "kahdesti vuodessa", "viikoittain", ""]),
                        review_period="half_year" if rng.random() < 0.1 else "year",
                        status="ended" if ended else ("active" if rng.random() < 0.95 else "proposed"),
                        created_by_id=official_of[body_id],
                    )
                )
                partners.append((len(forms) - 1, organisation_id))
                if rng.random() < 0.1:  # a few forms with two NGOs of the same area
                    other = rng.choice(list(areas))
                    if other != organisation_id and body_id in areas[other]:
                        partners.append((len(forms) - 1, other))
        CooperationForm.objects.bulk_create(forms, batch_size=2000)
        now = timezone.now()
        Partner.objects.bulk_create(
            [
                Partner(
                    form_id=forms[index].pk,
                    organisation_id=organisation_id,
                    confirmed_at=now if rng.random() < 0.8 else None,
                )
                for index, organisation_id in partners
            ],
            batch_size=5000,
        )
        realisations = []
        for form in forms:
            if form.status == "proposed":
                continue
            for year in range(form.starts_on.year, today.year):
                spans = [(dt.date(year, 1, 1), dt.date(year, 12, 31))]
                if form.review_period == "half_year":
                    spans = [(dt.date(year, 1, 1), dt.date(year, 6, 30)), (dt.date(year, 7, 1), dt.date(year, 12, 31))]
                for start, end in spans:
                    outcome = rng.choice(OUTCOMES)
                    ngo_outcome = rng.choice(OUTCOMES) if rng.random() < 0.6 else ""
                    realisations.append(
                        Realisation(
                            form_id=form.pk,
                            period_start=start,
                            period_end=end,
                            outcome=outcome,
                            body_note="Toteutui sovitusti." if outcome == "realised" else "",
                            body_marked_by_id=form.responsible_id if outcome else None,
                            body_marked_at=now if outcome else None,
                            ngo_outcome=ngo_outcome,
                            ngo_marked_at=now if ngo_outcome else None,
                        )
                    )
        Realisation.objects.bulk_create(realisations, batch_size=5000)

        # The measured bodies: the ones with the most forms, and a spread of the others.
        counts: dict[int, int] = {}
        for form in forms:
            counts[form.body_id] = counts.get(form.body_id, 0) + 1
        ranked = sorted(counts, key=lambda pk: -counts[pk])
        measured = ranked[:5] + ranked[5::20][:15]
        coordinator = User.objects.create_user(
            email="koordinaattori@bench.example", password=None, full_name="Järjestökoordinaattori"
        )
        BodyRole.objects.bulk_create([BodyRole(user=coordinator, body_id=pk, role="coordinator") for pk in measured])

    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(coordinator.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = coordinator.get_session_auth_hash()
    session.create()

    # NGOs to measure: some with forms with a measured body (for the record pages), and any others.
    chosen = set(measured)
    with_body = [(forms[i].body_id, org) for i, org in partners if forms[i].body_id in chosen]
    rng.shuffle(with_body)
    records = []
    seen = set()
    for body_id, organisation_id in with_body:
        if (body_id, organisation_id) not in seen and len(records) < 200:
            seen.add((body_id, organisation_id))
            records.append((bodies[body_id].slug, slugs[organisation_id]))
    partnered = sorted({slugs[o] for _i, o in partners})
    ngos = rng.sample(partnered, min(200, len(partnered)))  # a small --ngos run has fewer
    return {
        "forms": len(forms),
        "partners": len(partners),
        "realisations": len(realisations),
        "ngos": len({o for _i, o in partners}),
        "largest": {"body": bodies[ranked[0]].slug, "forms": counts[ranked[0]]},
        "summaries": [bodies[pk].slug for pk in measured],
        "years": list(range(first_year, today.year)),
        "records": records,
        "ngo_pages": ngos,
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
        "seconds": round(time.monotonic() - started, 1),
    }


# Measuring, called by bench/run.py --------------------------------------------------------------

REPORTED = ("forms", "partners", "realisations", "ngos", "largest")  # of the manifest, kept in the report


def groups(manifest: dict) -> list[tuple]:
    """(name, urls, check, headers) of the cooperation groups: the NGO's page in public, its record
    with a body and the body's realisation summaries as the body's coordinator."""
    rng = random.Random(12)
    headers = {"Cookie": manifest["cookie"]}
    ngo_urls = [f"/fi/yhteistyo/jarjestot/{slug}/" for slug in manifest["ngo_pages"]]
    record_urls = [f"/fi/yhteistyo/{body}/jarjestot/{ngo}/" for body, ngo in manifest["records"]]
    summary_urls = [
        f"/fi/yhteistyo/{body}/toteutuminen/?vuosi={y}" for body in manifest["summaries"] for y in manifest["years"]
    ]
    for urls in (ngo_urls, record_urls, summary_urls):
        rng.shuffle(urls)
    return [
        (GROUPS[0], ngo_urls, check_ngo, None),
        (GROUPS[1], record_urls, check_record, headers),
        (GROUPS[2], summary_urls, check_summary, headers),
    ]


def check_ngo(body: bytes) -> str:
    found = re.search(rb'href="/fi/yhteistyo/[\w-]+/jarjestot/[\w-]+/"', body)
    return "" if found else "the page answered 200 but links to no record with a body"


def check_record(body: bytes) -> str:
    return "" if b'class="coop-forms"' in body else "the record answered 200 but shows no form of cooperation"


def check_summary(body: bytes) -> str:
    rows = body.count(b'<tr><th scope="row">')
    return "" if rows >= 3 else f"the summary shows {rows} rows"


def summary(data: dict) -> str:
    """What populate made, in a line of the benchmark's output."""
    return (
        f"{data['forms']} forms of cooperation of {data['ngos']} NGOs, {data['realisations']} realisations "
        f"(largest body {data['largest']['forms']} forms)"
    )


if __name__ == "__main__":
    main()
