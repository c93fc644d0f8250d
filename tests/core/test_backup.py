"""`kumppani backup` and `kumppani restore` round-trip a whole installation: every row of every table
(timestamps to the microsecond), the uploaded files and the private attachments, with the search
index rebuilt from the data. Run as an administrator would, as commands against real databases."""

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

# The search tables are rebuilt, not copied: their row ids may differ, their documents may not.
SEARCH_TABLES = {"core_searchentry", "core_searchentry_fts"}


def kumppani(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "kumppani", *args], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 or "restore" in args, result.stderr
    return result


def installation(tmp_path: Path, name: str, database_url: str | None) -> dict:
    var = tmp_path / name
    var.mkdir()
    env = {
        **os.environ,
        "DEBUG": "1",
        "KUMPPANI_VAR_DIR": str(var),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def sqlite_tables(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as db:
        names = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if not row[0].startswith("core_searchentry_fts")
        ]
        tables = {name: db.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in names}
        tables["core_searchentry"] = sorted(db.execute("SELECT kind, object_id, tokens FROM core_searchentry"))
    return tables


def postgres_tables(url: str) -> dict[str, list]:
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as db:
        names = [row[0] for row in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        tables = {
            name: db.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in names
            if name not in SEARCH_TABLES
        }
        tables["core_searchentry"] = sorted(db.execute("SELECT kind, object_id, tokens FROM core_searchentry"))
    return tables


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def database_urls():
    """(source, target): two new databases of the engine this test pass runs on (None: SQLite files)."""
    if connection.vendor == "sqlite":
        yield None, None
        return
    import psycopg

    db = settings.DATABASES["default"]
    names = [f"kumppani_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin = psycopg.connect(
        dbname="postgres",
        host=db["HOST"],
        port=db["PORT"] or None,
        user=db["USER"],
        password=db["PASSWORD"],
        autocommit=True,
    )
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    host = quote(db["HOST"] or "localhost", safe="")
    auth = f"{db['USER']}:{quote(db['PASSWORD'] or '', safe='')}@" if db["USER"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    yield tuple(f"postgres://{auth}{host}{port}/{name}" for name in names)
    for name in names:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_a_backup_restores_every_row_and_file_into_an_empty_installation(tmp_path, database_urls):
    source_url, target_url = database_urls
    source = installation(tmp_path, "source", source_url)
    kumppani(source, "migrate", "--verbosity", "0")
    kumppani(source, "demo")
    media = Path(source["KUMPPANI_VAR_DIR"]) / "media"
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "yhdistys.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    private = Path(source["KUMPPANI_VAR_DIR"]) / "private"
    assert files(private), "the demo's grant attachments are the private files to keep"

    backup_dir = tmp_path / "backup"
    kumppani(source, "backup", str(backup_dir))

    target = installation(tmp_path, "target", target_url)
    restored = kumppani(target, "restore", str(backup_dir))
    assert restored.returncode == 0, restored.stderr
    assert "search index rebuilt (activity: 584, comingevent: " in restored.stdout
    assert "organisation: 151)" in restored.stdout

    if source_url:
        before, after = postgres_tables(source_url), postgres_tables(target_url)
    else:
        before = sqlite_tables(Path(source["KUMPPANI_VAR_DIR"]) / "kumppani.sqlite3")
        after = sqlite_tables(Path(target["KUMPPANI_VAR_DIR"]) / "kumppani.sqlite3")
    assert sorted(after) == sorted(before)
    assert sum(len(rows) for rows in before.values()) > 1000
    for table, rows in before.items():
        assert after[table] == rows, f"{table} differs after the restore"
    for name in ("media", "private"):
        assert files(Path(target["KUMPPANI_VAR_DIR"]) / name) == files(Path(source["KUMPPANI_VAR_DIR"]) / name)

    # A second restore would overwrite a live installation: refused, and nothing changes.
    again = kumppani(target, "restore", str(backup_dir))
    assert again.returncode != 0
    assert "The database is not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_written(tmp_path, database_urls):
    source_url, target_url = database_urls
    source = installation(tmp_path, "source", source_url)
    kumppani(source, "migrate", "--verbosity", "0")
    backup_dir = tmp_path / "backup"
    kumppani(source, "backup", str(backup_dir))
    database_file = next(p for p in backup_dir.iterdir() if p.name.startswith("database."))
    database_file.write_bytes(database_file.read_bytes()[:-10])

    target = installation(tmp_path, "target", target_url)
    result = kumppani(target, "restore", str(backup_dir))
    assert result.returncode != 0
    assert f"{database_file.name} in the backup is damaged" in result.stderr
    if not target_url:
        assert not (Path(target["KUMPPANI_VAR_DIR"]) / "kumppani.sqlite3").exists()
