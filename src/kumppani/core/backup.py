"""Backup and restore of a whole installation: the database, the uploaded files (MEDIA_ROOT) and the
private grant attachments (PRIVATE_MEDIA_ROOT), in one folder.

The database is copied with its own tools, never through Django's serialisers (which round
timestamps to the millisecond): SQLite's online backup API, or PostgreSQL's pg_dump in its custom
format and pg_restore. A manifest lists every file with its SHA-256, so a restore checks that
nothing is missing or damaged before it finishes. After a restore the search index is rebuilt from
the data, and `kumppani migrate` brings an older backup up to the running version.
"""

import datetime as dt
import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
FILE_ROOTS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in the administrator's words."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _pg_binary(name: str) -> str:
    """pg_dump / pg_restore: the newest server version's own (Debian), else the one on PATH."""
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    found = candidates[-1] if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def _pg_args() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup(directory: Path) -> dict:
    """Write the installation into `directory` (new or empty); returns the manifest."""
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty: give a new folder for the backup.")
    directory.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = sqlite3.connect(directory / SQLITE_FILE)
        with target:
            connection.connection.backup(target)
        target.close()
        database_file = SQLITE_FILE
    elif connection.vendor == "postgresql":
        args, env = _pg_args()
        command = [_pg_binary("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *args]
        subprocess.run([*command, "--file", str(directory / PG_FILE)], env=env, check=True)  # noqa: S603
        database_file = PG_FILE
    else:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")

    files = {}
    for name, setting in FILE_ROOTS.items():
        root = Path(getattr(settings, setting))
        for path in _files(root):
            relative = Path(name) / path.relative_to(root)
            (directory / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, directory / relative)
            files[relative.as_posix()] = _sha256(path)
    files[database_file] = _sha256(directory / database_file)
    manifest = {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "database": connection.vendor,
        "migrations": sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()),
        "files": files,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def read_manifest(directory: Path) -> dict:
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise BackupError(f"{directory} has no {MANIFEST}: it is not a Kumppani backup.") from exc
    except json.JSONDecodeError as exc:
        raise BackupError(f"{directory / MANIFEST} is damaged: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{directory} is a backup of an unknown format {manifest.get('format')!r}.")
    for relative, checksum in manifest["files"].items():
        path = directory / relative
        if not path.is_file():
            raise BackupError(f"The backup is missing {relative}.")
        if _sha256(path) != checksum:
            raise BackupError(f"{relative} in the backup is damaged (its checksum does not match).")
    return manifest


def restore(directory: Path, *, replace: bool = False) -> dict:
    """Bring a backup back into this installation's database and file folders.

    Without `replace` the database must be new (no tables) and the file folders empty, so that a
    mistyped command never overwrites a live installation."""
    manifest = read_manifest(directory)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['database']} database and this installation uses {connection.vendor}."
        )
    roots = {name: Path(getattr(settings, setting)) for name, setting in FILE_ROOTS.items()}
    if not replace:
        if not database_is_empty():
            raise BackupError("The database is not empty. Restore into a new database, or give --replace.")
        for root in roots.values():
            if _files(root):
                raise BackupError(f"{root} is not empty. Restore into empty folders, or give --replace.")

    if connection.vendor == "sqlite":
        source = sqlite3.connect(directory / SQLITE_FILE)
        connection.ensure_connection()
        with source:
            source.backup(connection.connection)
        source.close()
    else:
        args, env = _pg_args()
        command = [_pg_binary("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", *args]
        if replace:
            command += ["--clean", "--if-exists"]
        subprocess.run([*command, str(directory / PG_FILE)], env=env, check=True)  # noqa: S603
    connection.close()  # the next query sees the restored database from a fresh connection

    for name, root in roots.items():
        if replace and root.exists():
            shutil.rmtree(root)
        for relative in manifest["files"]:
            if relative.startswith(f"{name}/"):
                target = root / relative.removeprefix(f"{name}/")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(directory / relative, target)
    return manifest
