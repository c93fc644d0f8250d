#!/usr/bin/env python3
"""Run a command with DATABASE_URL pointing at PostgreSQL (the test suite's PostgreSQL pass).

    python scripts/pg_throwaway.py pytest -q
    python scripts/pg_throwaway.py bash          # a shell with a throwaway server, to poke around

Which PostgreSQL:
- TEST_DATABASE_URL is set: use that (the role needs CREATEDB; pytest-django creates test_<name>).
- otherwise, when server binaries exist (Debian: /usr/lib/postgresql/<version>/bin, highest version;
  elsewhere: initdb on PATH), start a throwaway server in a temporary directory: unix socket in that
  directory only (no TCP port), trust auth, fsync off. As root, it runs as the `postgres` user.
  Afterwards, also on failure or interruption, the server is stopped and the directory deleted.
- otherwise: print one SKIPPED line and exit 0.

Exits with the command's exit status. Standard library only.
"""

# ruff: noqa: S603  (runs fixed PostgreSQL binaries and the caller's own command)

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SKIPPED = "SKIPPED: PostgreSQL pass — no PostgreSQL binaries found (apt-get install postgresql)"
SERVER_SETTINGS = """
# Throwaway test server: no network, no durability.
listen_addresses = ''
unix_socket_directories = '{socket_dir}'
fsync = off
synchronous_commit = off
full_page_writes = off
lc_messages = 'C'
"""


def find_bindir() -> Path | None:
    def version(initdb: str) -> tuple[int, ...]:
        try:
            return tuple(int(part) for part in Path(initdb).parts[-3].split("."))
        except ValueError:
            return (0,)

    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    initdb = debian[-1] if debian else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def run_command(argv: list[str], database_url: str) -> int:
    returncode = subprocess.run(argv, env={**os.environ, "DATABASE_URL": database_url}).returncode
    return returncode if returncode >= 0 else 128 - returncode  # killed by a signal: shell convention


def with_throwaway_server(bindir: Path, argv: list[str]) -> int:
    owner = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            sys.exit("pg_throwaway: as root, the server needs a `postgres` user to run as (useradd --system postgres)")
    as_owner = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []} if owner else {}
    tmp = Path(tempfile.mkdtemp(prefix="kumppani-pg-", dir="/tmp"))  # short path: socket paths max 107 bytes
    data, log = tmp / "data", tmp / "server.log"
    server = None

    def fail(message: str) -> None:
        sys.exit(f"pg_throwaway: {message}; its output:\n{log.read_text()}")

    def start(program: str, *args: object) -> subprocess.Popen:  # output goes to the log
        with open(log, "ab") as out:
            command = [str(bindir / program), *map(str, args)]
            return subprocess.Popen(command, cwd=tmp, stdout=out, stderr=out, start_new_session=True, **as_owner)

    def run(program: str, *args: object) -> None:
        if start(program, *args).wait() != 0:
            fail(f"{program} failed")

    try:
        if owner:
            os.chown(tmp, owner.pw_uid, owner.pw_gid)
        run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(SERVER_SETTINGS.format(socket_dir=tmp))
        # The server is our own child, not daemonised by pg_ctl, so it is reaped even where PID 1 does not
        # reap orphans; in its own session, so Ctrl-C interrupts the tests but not the server.
        server = start("postgres", "-D", data)
        for _ in range(600):
            if server.poll() is not None:
                fail("the server exited at start")
            if start("pg_isready", "-q", "-h", tmp).wait() == 0:
                break
            time.sleep(0.1)
        else:
            fail("the server did not accept connections within 60 s")
        run("createdb", "-h", tmp, "-U", "postgres", "kumppani")

        version = (data / "PG_VERSION").read_text().strip()
        print(f"PostgreSQL pass: throwaway PostgreSQL {version} server in {tmp}", flush=True)
        return run_command(argv, f"postgres://postgres@{str(tmp).replace('/', '%2F')}/kumppani")
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)  # fast shutdown
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    argv = sys.argv[1:]
    if not argv:
        sys.exit(__doc__)
    # A terminated run (CI cancel, kill) still stops the server: turn SIGTERM into SystemExit.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    if os.environ.get("TEST_DATABASE_URL"):
        print("PostgreSQL pass: TEST_DATABASE_URL", flush=True)
        return run_command(argv, os.environ["TEST_DATABASE_URL"])
    bindir = find_bindir()
    if bindir is None:
        print(SKIPPED)
        return 0
    try:
        return with_throwaway_server(bindir, argv)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
