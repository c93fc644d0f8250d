"""Benchmark: searches, calendars, feeds and APIs against an empty Django view, at national scale.

The NGO directory, the activity search, the NGO API, the HSDS API, grants, the events calendar,
the premises, the cooperation record and the welfare index and reports.

    .venv/bin/python bench/run.py                      # SQLite (make bench): everything
    .venv/bin/python bench/run.py --only events,premises --events 500000 --bookings 1000000
    .venv/bin/python bench/run.py --postgres URL       # a fresh database on that PostgreSQL server
    .venv/bin/python bench/run.py --postgres URL --keep ...; then --postgres DBURL --reuse DIR
    python scripts/pg_throwaway.py sh -c '.venv/bin/python bench/run.py --postgres "$DATABASE_URL"'

Builds a throwaway database in a temporary directory (DEBUG off, as in production), fills it with
--ngos NGOs across all 330 public bodies and --activities of their activities, then (bench/grants.py,
bench/events.py, bench/premises.py, bench/cooperation.py, bench/welfare.py) --applications grant
applications, --events events, --bookings space bookings, every NGO's forms of cooperation and every
body's NGO-friendliness index over two years with its welfare reports; runs gunicorn on 127.0.0.1
and measures each URL group with keep-alive HTTP connections from a few threads, bounded by
--requests and --seconds. The four search groups
(NGO directory, NGO API list, activity search, HSDS services; bench/directory.py) each rotate over a
few hundred distinct addresses drawn from Finnish and Swedish words, filters, sort orders and deep
pages, measured with the page cache on (cached) and off (DIRECTORY_CACHE_SECONDS=0, cold); their
targets hold the cold figures. The events and premises groups each rotate over many distinct
addresses on the server with the page cache off. Each figure records the load average at its start. --only limits the run to some parts (the NGOs are always made);
--keep leaves the database, and --reuse DIR measures it again (after migrating) without populating.
Prints a table, writes bench/results/latest.json, and exits 1 when a target fails or a URL does not
answer 200.
"""

import argparse
import http.client
import importlib
import json
import os
import platform
import secrets
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# The project's virtualenv, or the one running this script (e.g. another checkout's).
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin").exists() else Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
SEARCH_P95_MS = 50
SEARCH_SHARE = 0.30  # of the empty view's throughput
# The groups held to those targets.
TARGETED = ("directory search", "NGO API list", "activity search", "HSDS services")
# What --only chooses from. The NGOs and activities are always made: the other parts build on them.
PARTS = ("directory", "grants", "events", "premises", "cooperation", "welfare")


def check_empty(body: bytes) -> str:
    return "" if body == b"ok" else "the empty view did not answer “ok”"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ngos", type=int, default=10_000, help="NGOs in the register (default 10000)")
    parser.add_argument("--activities", type=int, default=50_000, help="activities (default 50000)")
    parser.add_argument("--applications", type=int, default=100_000, help="grant applications (default 100000)")
    parser.add_argument("--requests", type=int, default=2_000, help="requests per URL group (default 2000)")
    parser.add_argument("--seconds", type=float, default=20, help="at most this long per URL group (default 20)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--postgres", metavar="URL", help="use a fresh database on this PostgreSQL server")
    parser.add_argument("--events", type=int, default=500_000, help="events (default 500000)")
    parser.add_argument("--bookings", type=int, default=1_000_000, help="space bookings (default 1000000)")
    parser.add_argument(
        "--only",
        metavar="GROUPS",
        help=f"measure only these groups, comma-separated, of: {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument("--distinct", type=int, default=300, help="distinct addresses per search group (default 300)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory (and the PostgreSQL database, if any)"
    )
    parser.add_argument(
        "--reuse",
        metavar="DIR",
        help="measure again what a --keep run left in DIR (no populating); with --postgres, URL is that database",
    )
    args = parser.parse_args()
    parts = set(PARTS) if not args.only else {p.strip() for p in args.only.split(",") if p.strip()}
    if parts - set(PARTS):
        parser.error(f"unknown group(s) {', '.join(sorted(parts - set(PARTS)))}; choose from {', '.join(PARTS)}")

    tmp = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="kumppani-bench-"))
    secret = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(50))
    if (tmp / "secret").exists():  # --reuse: the sessions made then stay valid
        secret = (tmp / "secret").read_text()
    (tmp / "secret").write_text(secret)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]),  # this checkout's code
        "KUMPPANI_VAR_DIR": str(tmp),
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1, as behind the TLS proxy in production
    }
    env.pop("DATABASE_URL", None)
    drop_database = None
    report: dict = {"started": datetime.now(UTC).isoformat(timespec="seconds"), "results": [], "targets": []}
    try:
        if args.postgres and args.reuse:
            env["DATABASE_URL"] = args.postgres
        elif args.postgres:
            env["DATABASE_URL"], drop_database = create_pg_database(args.postgres)
            if args.keep:
                print(f"The PostgreSQL database stays: {env['DATABASE_URL']}", flush=True)
                drop_database = None
        print(f"Kumppani benchmark in {tmp} ({'PostgreSQL' if args.postgres else 'SQLite'})", flush=True)
        run_step("migrate", [BIN / "kumppani", "migrate", "--noinput", "-v0"], env)
        sys.path.insert(0, str(ROOT))
        from bench import directory as bench_directory
        from bench import events as bench_events
        from bench import grants as bench_grants
        from bench import premises as bench_premises

        manifest = tmp / "manifest.json"
        if not args.reuse:
            populate = [BIN / "python", "-m", "bench.populate", "--count", str(args.ngos)]
            populate += ["--activities", str(args.activities), "--manifest", manifest]
            run_step(f"register of {args.ngos} NGOs and {args.activities} activities", populate, env)
        data = json.loads(manifest.read_text())
        print(
            f"  {data['count']} NGOs in {data['bodies']} public bodies, {data['activities']} activities; "
            f"seconds {data['seconds']}"
        )
        # Grants (bench/grants.py): applications across the bodies, one programme of 1,000 to measure.
        grants_manifest = tmp / "grants.json"
        if "grants" in parts and not (args.reuse and grants_manifest.exists()):
            grants_populate = [BIN / "python", "-m", "bench.grants", "populate"]
            grants_populate += ["--applications", str(args.applications), "--manifest", grants_manifest]
            run_step(f"{args.applications} grant applications", grants_populate, env)
        if "grants" in parts:
            grants_data = json.loads(grants_manifest.read_text())
            print(
                f"  {grants_data['applications']} applications in {grants_data['programmes']} programmes; "
                f"seconds {grants_data['seconds']}"
            )
        # Events (bench/events.py) and premises (bench/premises.py), across the same bodies and NGOs.
        events_manifest, premises_manifest = tmp / "events.json", tmp / "premises.json"
        if "events" in parts and not (args.reuse and events_manifest.exists()):
            command = [BIN / "python", "-m", "bench.events", "populate", "--events", str(args.events)]
            run_step(f"{args.events} events", [*command, "--manifest", events_manifest], env)
        if "events" in parts:
            # The addresses to measure, drawn from the events in the database (each has content).
            command = [BIN / "python", "-m", "bench.events", "sample", "--manifest", events_manifest]
            run_step("events: addresses drawn from the events", command, env)
            events_data = json.loads(events_manifest.read_text())
            print(
                f"  {events_data['events']} events ({events_data['public']} public; largest calendar "
                f"{events_data['largest']['public_events']}), {events_data['occurrences']} dates, "
                f"{events_data['listings']} listings; seconds {events_data['seconds']}"
            )
        if "premises" in parts and not (args.reuse and premises_manifest.exists()):
            command = [BIN / "python", "-m", "bench.premises", "populate", "--bookings", str(args.bookings)]
            run_step(f"{args.bookings} bookings", [*command, "--manifest", premises_manifest], env)
        if "premises" in parts:
            premises_data = json.loads(premises_manifest.read_text())
            print(
                f"  {premises_data['bookings']} bookings of {premises_data['spaces']} spaces (busiest "
                f"{premises_data['busiest']['bookings']}); seconds {premises_data['seconds']}"
            )
        if "cooperation" in parts:
            populate_part("cooperation", "forms of cooperation for every NGO", tmp, env, args)
        if "welfare" in parts:
            populate_part("welfare", "the index of every body and welfare reports", tmp, env, args)
        # The nightly job (kumppani.core.schedule) gives the query planner its statistics.
        statistics = "from kumppani.core.tasks import refresh_database_statistics as t; t.call()"
        run_step("database statistics (the nightly job)", [BIN / "kumppani", "shell", "-c", statistics], env)
        if args.postgres and not args.reuse:
            # What autovacuum does within minutes of a bulk load: the statistics, and the visibility
            # map without which counting from an index still reads the table's rows.
            vacuum = "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
            run_step("VACUUM ANALYZE (autovacuum)", [BIN / "kumppani", "shell", "-c", vacuum], env)
        if not (args.reuse and (tmp / "static").exists()):
            run_step("collectstatic", [BIN / "kumppani", "collectstatic", "--noinput", "-v0"], env)
        directory_urls = {}
        if "directory" in parts:  # a few hundred distinct addresses per group (bench/directory.py)
            urls_file = tmp / "directory-urls.json"
            command = [BIN / "python", "-m", "bench.directory", "urls", "--out", urls_file]
            run_step("directory addresses", [*command, "--per-group", str(args.distinct)], env)
            directory_urls = json.loads(urls_file.read_text(encoding="utf-8"))
        report["environment"] = environment(args, data)
        report["environment"]["parts"] = sorted(parts)
        groups = [("empty Django view (ceiling)", ["/bench/empty/"], check_empty)]
        if "directory" in parts:  # the same addresses as cold below, here with the page cache on
            groups += [group[:3] for group in bench_directory.groups(directory_urls, cached=True)]
        with Gunicorn(env, tmp / "gunicorn.log", args.workers) as server:
            for name, urls, check in groups:
                print(f"- {name}: {len(urls)} URL(s)", flush=True)
                report["results"].append(measure_group(server, name, urls, check, args))
            # Grants: the programme summary, signed in as the body's grant officer.
            for name, urls, check, headers in bench_grants.groups(grants_data) if "grants" in parts else []:
                print(f"- {name}: {len(urls)} URL(s)", flush=True)
                report["results"].append(measure_group(server, name, urls, check, args, headers))
        # Events and premises: many distinct addresses each, on a server with the page cache off.
        cold = bench_directory.groups(directory_urls, cached=False) if "directory" in parts else []
        if "events" in parts:
            cold += bench_events.groups(events_data)
            report["events"] = {k: events_data[k] for k in ("events", "public", "occurrences", "listings", "largest")}
        if "premises" in parts:
            cold += premises_groups(tmp, env, premises_data, report)
        for part in ("cooperation", "welfare"):
            if part in parts:
                cold += part_groups(part, tmp, report)
        if cold:
            cold_env = {**env, "DIRECTORY_CACHE_SECONDS": "0"}
            with Gunicorn(cold_env, tmp / "gunicorn-cold.log", args.workers) as server:
                for name, urls, check, headers in cold:
                    print(f"- {name}: {len(urls)} distinct URLs, page cache off", flush=True)
                    report["results"].append(measure_group(server, name, urls, check, args, headers))
        if "grants" in parts:
            print("- board list PDF of the 1,000-application meeting", flush=True)
            grants_pdf = bench_grants.measure_pdf(BIN / "python", env, grants_manifest, ROOT)
            report["grants"] = {"applications": grants_data["applications"], "board_list_pdf": grants_pdf}
    finally:
        if drop_database:
            drop_database()
        if args.keep or args.reuse:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    report["targets"] = judge(report["results"])
    if "grants" in parts:
        report["targets"] += bench_grants.judge(report["results"], report["grants"]["board_list_pdf"])
    if "events" in parts:
        report["targets"] += bench_events.judge(report["results"])
    if "premises" in parts:
        report["targets"] += bench_events.judge(report["results"], bench_premises.GROUPS)
    for part in ("cooperation", "welfare"):
        if part in parts:
            module = importlib.import_module(f"bench.{part}")
            report["targets"] += p95_targets(report["results"], module.GROUPS, module.P95_MS)
    print_table(report)
    if "directory" in parts:
        print("\nThe search groups over the same addresses, page cache off (cold) and on (cached):")
        print("\n".join(bench_directory.side_by_side(report["results"])))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    return 0 if all(t["pass"] for t in report["targets"]) else 1


def populate_part(part: str, title: str, tmp: Path, env: dict, args) -> None:
    """`python -m bench.<part> populate` into <tmp>/<part>.json, unless --reuse finds it made
    (bench/cooperation.py: the cooperation record at national scale; bench/welfare.py: the index of
    every body over two years and welfare reports)."""
    manifest = tmp / f"{part}.json"
    if not (args.reuse and manifest.exists()):
        run_step(title, [BIN / "python", "-m", f"bench.{part}", "populate", "--manifest", manifest], env)


def part_groups(part: str, tmp: Path, report: dict) -> list[tuple]:
    """bench/<part>.py's groups over what its populate made, measured with the page cache off; what
    was made is printed and kept in the report (the module's summary() and REPORTED keys)."""
    module = importlib.import_module(f"bench.{part}")
    data = json.loads((tmp / f"{part}.json").read_text())
    print(f"  {module.summary(data)}; seconds {data['seconds']}")
    report[part] = {k: data[k] for k in module.REPORTED}
    return module.groups(data)


def premises_groups(tmp: Path, env: dict, premises_data: dict, report: dict) -> list[tuple]:
    """The premises groups, their addresses drawn from the database (bench/premises.py urls)."""
    from bench import premises as bench_premises

    urls_file = tmp / "premises-urls.json"
    command = [BIN / "python", "-m", "bench.premises", "urls", "--manifest", urls_file]
    run_step("premises: addresses with content to measure", command, env)
    report["premises"] = {k: premises_data[k] for k in ("bookings", "spaces", "busiest")}
    return bench_premises.groups(json.loads(urls_file.read_text()))


def run_step(title: str, command: list, env: dict) -> None:
    started = time.monotonic()
    result = subprocess.run([str(c) for c in command], env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"ERROR: {title} failed:\n{result.stdout}{result.stderr}")
    print(f"  {title}: {time.monotonic() - started:.1f} s", flush=True)


def create_pg_database(url: str):
    """A new database on the server of `url`; returns its URL and a function that drops it."""
    import psycopg

    name = f"kumppani_bench_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(urlsplit(url)._replace(path=f"/{name}")), drop


class Gunicorn:
    """gunicorn with sync workers on a free port of 127.0.0.1, stopped (only this one) on exit."""

    def __init__(self, env: dict, log: Path, workers: int):
        self.env, self.log, self.workers = env, log, workers
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]

    def __enter__(self):
        command = [BIN / "gunicorn", "kumppani.wsgi:application", "--workers", str(self.workers)]
        command += ["--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}", "--chdir", ROOT]
        command += ["--log-level", "warning"]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen([str(c) for c in command], env=self.env, stdout=out, stderr=out)
        deadline = time.monotonic() + 120  # a loaded machine starts gunicorn slowly
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"ERROR: gunicorn exited at start:\n{self.log_tail()}")
            try:
                status, _ = self.get("/bench/empty/")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        sys.exit(f"ERROR: gunicorn did not answer within 120 s:\n{self.log_tail()}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def load(port: int, urls: list[str], requests: int, seconds: float, threads: int, headers: dict | None = None) -> dict:
    """Send up to `requests` GETs (for at most `seconds`), the URLs in rotation, from `threads` threads,
    each over its own keep-alive connection (reopened when the server closes it)."""
    lock = threading.Lock()
    issued = 0
    latencies: list[float] = []
    failures: dict[str, int] = {}  # "404 /path" → count
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal issued
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if issued >= requests or time.monotonic() > deadline:
                    break
                url = urls[issued % len(urls)]
                issued += 1
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Accept-Language": "fi", **(headers or {})})
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                status = type(exc).__name__
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    failures[f"{status} {url}"] = failures.get(f"{status} {url}", 0) + 1
        connection.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def percentile(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1) if latencies else 0

    return {
        "requests": len(latencies),
        "non_200": sum(failures.values()),
        "failures": failures,
        "seconds": round(wall, 1),
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "rps": round(len(latencies) / wall, 1) if wall else 0,
    }


def measure_group(server: Gunicorn, name: str, urls: list[str], check, args, headers: dict | None = None) -> dict:
    result = {"name": name, "urls": urls, "problems": [], "first_answer_ms": {}}
    for url in urls:  # each URL once: is it there, and does it show what it should?
        started = time.perf_counter()
        try:
            status, body = server.get(url, headers)
        except (OSError, http.client.HTTPException) as exc:
            result["problems"].append(
                f"{url}: no answer ({type(exc).__name__} after {time.perf_counter() - started:.0f} s)"
            )
            break  # the others would most likely wait as long
        result["first_answer_ms"][url] = round((time.perf_counter() - started) * 1000)
        problem = f"HTTP {status}" if status != 200 else check(body)
        if problem:
            result["problems"].append(f"{url}: {problem}")
    if result["first_answer_ms"]:
        print("  first answers (ms): " + ", ".join(f"{ms}" for ms in result["first_answer_ms"].values()))
    if result["problems"]:
        print("  not measured: " + "; ".join(result["problems"]))
        if any("HTTP 5" in p for p in result["problems"]):
            print("  gunicorn log:\n" + server.log_tail(15))
        return result
    load(server.port, urls, 10 * len(urls) * args.workers, 15, args.threads, headers)  # warm up every worker
    result["load_average"] = round(os.getloadavg()[0], 2)  # other work on the machine slows every figure
    result.update(load(server.port, urls, args.requests, args.seconds, args.threads, headers))
    if result["non_200"]:
        result["problems"].append(f"{result['non_200']} answers were not 200: {result['failures']}")
    print(f"  {result['requests']} requests in {result['seconds']} s", flush=True)
    return result


def p95_targets(results: list[dict], names: tuple[str, ...], p95_ms: float) -> list[dict]:
    """For each measured group of `names`: did 95 % of its requests answer within `p95_ms`?"""
    targets = []
    for r in results:
        if r["name"] not in names:
            continue
        measured = not r["problems"] and "p95_ms" in r
        targets.append(
            {
                "target": f"{r['name']} p95 ≤ {p95_ms} ms",
                "pass": measured and r["p95_ms"] <= p95_ms,
                "detail": f"{r['p95_ms']} ms" if measured else "not measured",
            }
        )
    return targets


def judge(results: list[dict]) -> list[dict]:
    by_name = {r["name"]: r for r in results}
    empty = by_name["empty Django view (ceiling)"]
    for r in results:
        if empty.get("rps") and r.get("rps"):
            r["share_of_empty"] = round(r["rps"] / empty["rps"], 3)
    targets = []
    for r in results:
        if r["problems"]:
            targets.append({"target": f"{r['name']} answers 200 with content", "pass": False, "detail": r["problems"]})
    for name in [n for n in TARGETED if n in by_name]:  # --only may have left some out
        group = by_name[name]
        measured = not group["problems"] and not empty["problems"]
        p95, share = group.get("p95_ms"), group.get("share_of_empty")
        targets.append(
            {
                "target": f"{name} p95 ≤ {SEARCH_P95_MS} ms",
                "pass": measured and p95 <= SEARCH_P95_MS,
                "detail": f"{p95} ms" if measured else "not measured",
            }
        )
        targets.append(
            {
                "target": f"{name} ≥ {SEARCH_SHARE:.0%} of the empty view's throughput",
                "pass": measured and share >= SEARCH_SHARE,
                "detail": f"{share:.0%}" if measured else "not measured",
            }
        )
    return targets


def environment(args, data: dict) -> dict:
    import sqlite3

    return {
        "database": "postgresql" if args.postgres else f"sqlite {sqlite3.sqlite_version}",
        "ngos": data["count"],
        "activities": data["activities"],
        "public_bodies": data["bodies"],
        "populate_seconds": data["seconds"],
        "gunicorn_workers": args.workers,
        "client_threads": args.threads,
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }


def print_table(report: dict) -> None:
    env = report.get("environment", {})
    print(
        f"\n{env.get('ngos')} NGOs, {env.get('activities')} activities, {env.get('database')}, {env.get('gunicorn_workers')} gunicorn sync workers, "
        f"{env.get('client_threads')} client threads, {env.get('cpus')} CPUs (load {env.get('load_average_at_start')})"
    )
    header = (
        f"{'':30} {'requests':>8} {'non-200':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'vs empty':>8} {'load':>6}"
    )
    print(header + "\n" + "-" * len(header))
    for r in report["results"]:
        if r["problems"] and "requests" not in r:
            print(f"{r['name']:30} {'not measured: ' + r['problems'][0]}")
            continue
        share = f"{r['share_of_empty']:.0%}" if "share_of_empty" in r else "–"
        print(
            f"{r['name']:30} {r['requests']:>8} {r['non_200']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} "
            f"{r['rps']:>8} {share:>8} {r.get('load_average', '–'):>6}"
        )
    print()
    for t in report["targets"]:
        detail = "; ".join(t["detail"]) if isinstance(t["detail"], list) else t["detail"]
        print(f"{'PASS' if t['pass'] else 'FAIL'}  {t['target']}: {detail}")


if __name__ == "__main__":
    sys.exit(main())
