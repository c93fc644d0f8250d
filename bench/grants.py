"""The grants part of the benchmark: 100,000 applications across the public bodies, and one
programme of 1,000 applications whose summary page and board list PDF are measured.

Population, run by bench/run.py inside its throwaway database after bench.populate (it needs the NGOs):
    python -m bench.grants populate --applications 100000 --manifest grants.json
    python -m bench.grants pdf --manifest grants.json      # times the board list PDF

Every body with NGOs runs an operating and a project grant round each year for five years; its
NGOs apply to them, and the board has decided each round (some grants closed, some withdrawn or
declined, the latest paid). One programme of the body with most NGOs has 1,000 applications
proposed to the board, each scored on five criteria by two officials, with the board meeting
and its proposals: the summary page and the board list PDF of that meeting are what is measured,
signed in as the body's coordinator (a session made here, its cookie in the manifest).

bench/run.py measures `groups()` like its other URL groups, then `measure_pdf()`, and adds `judge()`.
"""

import argparse
import json
import random
import time
from decimal import Decimal

SUMMARY_P95_MS = 100
PDF_SECONDS = 5
SUMMARY_GROUP = "grant programme summary (1,000)"
TARGET_APPLICATIONS = 1_000
YEARS = 5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate", "pdf"])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction

    if args.step == "populate":
        with transaction.atomic():
            manifest = populate(args.applications)
        with open(args.manifest, "w", encoding="utf-8") as handle:
            json.dump(manifest, handle)
    else:
        with open(args.manifest, encoding="utf-8") as handle:
            manifest = json.load(handle)
        print(json.dumps(time_pdf(manifest["meeting"], args.runs)))


def populate(total: int) -> dict:
    import datetime as dt
    from importlib import import_module
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from kumppani.core.models import BodyRole, PublicBody, User
    from kumppani.grants.models import (
        Application,
        BoardMeeting,
        Criterion,
        Decision,
        GrantProgramme,
        MeetingStatus,
        ReviewAssignment,
        Score,
    )
    from kumppani.grants.models import ApplicationStatus as S
    from kumppani.organisations.models import Organisation

    started = time.monotonic()
    rng = random.Random(20260317)
    helsinki = ZoneInfo(settings.TIME_ZONE)
    this_year = timezone.localdate().year
    now = timezone.now()

    def at(year: int, month: int, day: int, hour: int = 12) -> dt.datetime:
        return dt.datetime(year, month, day, hour, tzinfo=helsinki)

    # The NGOs of each body, as its grant rounds see them (an NGO's areas).
    ngos: dict[int, list[int]] = {}
    for body_id, organisation_id in Organisation.areas.through.objects.values_list("publicbody_id", "organisation_id"):
        ngos.setdefault(body_id, []).append(organisation_id)
    bodies = {b.pk: b for b in PublicBody.objects.filter(pk__in=list(ngos))}
    target_body = bodies[max(ngos, key=lambda pk: len(ngos[pk]))]

    # The mass: two rounds per body and year, each NGO applying to each with the same chance.
    mass = total - TARGET_APPLICATIONS
    chance = min(1.0, mass / (sum(len(v) for v in ngos.values()) * YEARS * 2))
    programmes, plans = [], []  # plans: (programme index, organisation id, status, amount requested, share)
    for body_id in sorted(ngos):
        for year in range(this_year - YEARS + 1, this_year + 1):
            for kind, name in (("operating", "Toiminta-avustukset"), ("project", "Kohdeavustukset")):
                programmes.append(
                    GrantProgramme(
                        body_id=body_id,
                        year=year,
                        slug=f"{kind}-{year}",
                        name_fi=name,
                        kind=kind,
                        appropriation=Decimal("100000.00"),
                        opens_at=at(year - 1, 12, 1),
                        closes_at=at(year, 1, 31, 16),
                        is_published=True,
                        created_at=at(year - 1, 11, 1),
                    )
                )
                index = len(programmes) - 1
                for organisation_id in ngos[body_id]:
                    if rng.random() >= chance:
                        continue
                    roll = rng.random()
                    if roll < 0.03:
                        status = S.WITHDRAWN
                    elif year < this_year:
                        status = S.CLOSED if roll < 0.93 else S.APPROVED
                    else:
                        status = S.PAID if roll < 0.9 else S.DECIDED
                    share = Decimal("0") if rng.random() < 0.1 else Decimal(rng.choice([5, 6, 7, 8, 9, 10])) / 10
                    plans.append((index, organisation_id, status, Decimal(rng.randrange(500, 20000, 100)), share))
    GrantProgramme.objects.bulk_create(programmes, batch_size=500)
    meetings = BoardMeeting.objects.bulk_create(
        [
            BoardMeeting(
                body_id=p.body_id,
                programme=p,
                board_name_fi="Hyvinvointilautakunta",
                date=dt.date(p.year, 3, 17),
                section=str(30 + i % 20),
                status=MeetingStatus.DECIDED,
                decided_at=at(p.year, 3, 17, 18),
                notified_at=dt.date(p.year, 3, 20),
            )
            for i, p in enumerate(programmes)
        ],
        batch_size=500,
    )

    counters: dict[tuple[int, int], int] = {}

    def reference(body_id: int, year: int) -> str:
        number = counters[body_id, year] = counters.get((body_id, year), 0) + 1
        prefix = bodies[body_id].slug.upper().removesuffix("-HYVINVOINTIALUE")[:20]
        return f"{prefix}-{year}-{number:05d}"

    applications = []
    for index, organisation_id, status, requested, _share in plans:
        programme = programmes[index]
        applications.append(
            Application(
                reference=reference(programme.body_id, programme.year),
                programme=programme,
                organisation_id=organisation_id,
                status=status,
                title=f"{programme.name_fi} {programme.year}: toiminta",
                purpose="Vertaistukiryhmät, kohtaamispaikka ja neuvonta.",
                amount_requested=requested,
                created_at=at(programme.year, 1, 10),
                updated_at=at(programme.year, 3, 20),
                submitted_at=at(programme.year, 1, 20),
            )
        )
    Application.objects.bulk_create(applications, batch_size=1000)
    Decision.objects.bulk_create(
        [
            Decision(
                application=application,
                meeting=meetings[index],
                proposed_amount=(requested * share).quantize(Decimal("1")),
                amount=(requested * share).quantize(Decimal("1")),
            )
            for application, (index, _org, status, requested, share) in zip(applications, plans, strict=True)
            if status != S.WITHDRAWN
        ],
        batch_size=1000,
    )
    mass_done = time.monotonic()

    # The measured programme: next year's round of the body with most NGOs, proposed to the board.
    year = this_year + 1
    programme = GrantProgramme.objects.create(
        body=target_body,
        year=year,
        slug=f"yleisavustukset-{year}",
        name_fi="Yleisavustukset",
        kind="operating",
        appropriation=Decimal("15000000.00"),
        opens_at=at(year - 1, 11, 1),
        closes_at=at(year, 1, 31, 16),
        is_published=True,
    )
    criteria = Criterion.objects.bulk_create(
        [
            Criterion(programme=programme, position=n, name_fi=name, weight=weight)
            for n, (name, weight) in enumerate(
                [("Vaikuttavuus", 3), ("Tavoittavuus", 2), ("Vapaaehtoiset", 2), ("Yhteistyö", 2), ("Talous", 1)],
                start=1,
            )
        ]
    )
    officer = User.objects.create_user(email="avustukset@bench.example", password=None, full_name="Avustusvastaava")
    reviewers = [
        User.objects.create_user(email=f"arvioija{n}@bench.example", password=None, full_name=f"Arvioija {n}")
        for n in (1, 2)
    ]
    BodyRole.objects.create(user=officer, body=target_body, role="coordinator")
    for person in reviewers:
        BodyRole.objects.create(user=person, body=target_body, role="official")
    meeting = BoardMeeting.objects.create(
        body=target_body,
        programme=programme,
        board_name_fi="Sosiaali- ja terveyslautakunta",
        date=dt.date(year, 3, 17),
        section="42",
        status=MeetingStatus.PROPOSED,
        secretary=officer,
    )
    own = ngos[target_body.pk]
    targets = []
    for n in range(TARGET_APPLICATIONS):
        targets.append(
            Application(
                reference=reference(target_body.pk, year),
                programme=programme,
                organisation_id=own[n % len(own)],
                status=S.PROPOSED,
                title=f"Toiminta-avustus {n + 1}",
                purpose="Vertaistukiryhmät, kohtaamispaikka ja neuvonta.",
                amount_requested=Decimal(rng.randrange(1000, 40000, 100)),
                created_at=now,
                updated_at=now,
                submitted_at=now,
            )
        )
    Application.objects.bulk_create(targets, batch_size=1000)
    reviews = ReviewAssignment.objects.bulk_create(
        [
            ReviewAssignment(
                application=application,
                reviewer=person,
                assigned_by=officer,
                proposed_amount=(application.amount_requested * Decimal("0.6")).quantize(Decimal("1")),
                comment="Hyvä ja vakiintunut toiminta.",
                completed_at=now,
            )
            for application in targets
            for person in reviewers
        ],
        batch_size=1000,
    )
    Score.objects.bulk_create(
        [
            Score(review=review, criterion=criterion, score=rng.randint(1, 5))
            for review in reviews
            for criterion in criteria
        ],
        batch_size=2000,
    )
    Decision.objects.bulk_create(
        [
            Decision(
                application=application,
                meeting=meeting,
                proposed_amount=(application.amount_requested * Decimal("0.6")).quantize(Decimal("1")),
                proposal_reasoning="Toiminta vastaa avustuksen tarkoitusta.",
            )
            for application in targets
        ],
        batch_size=1000,
    )

    # A signed-in session of the officer, as the login page would make it.
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(officer.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
    session.create()

    return {
        "applications": len(applications) + len(targets),
        "programmes": len(programmes) + 1,
        "bodies": len({p.body_id for p in programmes}),
        "programme": programme.pk,
        "meeting": meeting.pk,
        "body": target_body.name_fi,
        "reference_prefix": targets[0].reference.rsplit("-", 1)[0] + "-",
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
        "seconds": {"mass": round(mass_done - started, 1), "programme": round(time.monotonic() - mass_done, 1)},
    }


# Measuring, called by bench/run.py --------------------------------------------------------------


def groups(manifest: dict) -> list[tuple]:
    """(name, urls, check, headers) of the grant pages measured like the other URL groups."""
    prefix = manifest["reference_prefix"].encode()

    def summary_check(body: bytes) -> str:
        rows = body.count(prefix)
        if rows < TARGET_APPLICATIONS:
            return f"the summary shows {rows} references, not {TARGET_APPLICATIONS}"
        return ""

    headers = {"Cookie": manifest["cookie"]}
    return [(SUMMARY_GROUP, [f"/fi/avustukset/ohjelmat/{manifest['programme']}/yhteenveto/"], summary_check, headers)]


def time_pdf(meeting_pk: int, runs: int) -> dict:
    """Seconds to make the board list PDF of the meeting in this new process: the first time (drawn
    by ReportLab) and then again (grants.pdf keeps the PDF of unchanged HTML in the cache)."""
    from django.utils import translation

    from kumppani.grants import pdf
    from kumppani.grants.models import BoardMeeting

    pdf.html_to_pdf("<p>.</p>")  # load WeasyPrint and its fonts, as a server process has long since done
    seconds, size = [], 0
    with translation.override("fi"):
        for _ in range(runs):
            meeting = BoardMeeting.objects.select_related("programme", "body").get(pk=meeting_pk)
            started = time.perf_counter()
            content = pdf.board_list_pdf(meeting)
            seconds.append(round(time.perf_counter() - started, 2))
            size = len(content)
            if not content.startswith(b"%PDF"):
                return {"problems": ["the board list is not a PDF"]}
    return {"first_s": seconds[0], "again_s": seconds[1:], "bytes": size, "problems": []}


def measure_pdf(python, env: dict, manifest_path, root) -> dict:
    """The board list PDF of the 1,000-application meeting, timed in a process of its own."""
    import subprocess

    command = [str(python), "-m", "bench.grants", "pdf", "--manifest", str(manifest_path)]
    result = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True)
    name = "board list PDF (1,000 rows)"
    if result.returncode:
        return {"name": name, "problems": [f"failed: {result.stderr.strip().splitlines()[-1:]}"]}
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["name"] = name
    if "first_s" in data:
        again = ", ".join(map(str, data["again_s"]))
        print(
            f"  board list PDF: {data['first_s']} s, unchanged again {again} s; {data['bytes'] // 1024} kB", flush=True
        )
    return data


def judge(results: list[dict], pdf: dict) -> list[dict]:
    summary = next((r for r in results if r["name"] == SUMMARY_GROUP), None)
    measured = summary is not None and not summary["problems"]
    targets = [
        {
            "target": f"{SUMMARY_GROUP} p95 ≤ {SUMMARY_P95_MS} ms",
            "pass": measured and summary["p95_ms"] <= SUMMARY_P95_MS,
            "detail": f"{summary['p95_ms']} ms" if measured else "not measured",
        }
    ]
    pdf_measured = not pdf["problems"] and "first_s" in pdf
    again = ", ".join(f"{s} s" for s in pdf.get("again_s", []))
    targets.append(
        {
            "target": f"{pdf['name']} ≤ {PDF_SECONDS} s",
            "pass": pdf_measured and pdf["first_s"] <= PDF_SECONDS,
            "detail": f"{pdf['first_s']} s (unchanged list again: {again})" if pdf_measured else pdf["problems"],
        }
    )
    return targets


if __name__ == "__main__":
    main()
