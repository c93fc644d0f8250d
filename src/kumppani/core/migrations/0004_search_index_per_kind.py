"""The one full-text index over every kind of document gives way to one per kind, which each app
that indexes creates in a migration of its own (core.search.index_migration)."""

from django.db import migrations

SQLITE = [
    "DROP TRIGGER core_searchentry_au",
    "DROP TRIGGER core_searchentry_ad",
    "DROP TRIGGER core_searchentry_ai",
    "DROP TABLE core_searchentry_fts",
]
SQLITE_REVERSE = [
    "CREATE VIRTUAL TABLE core_searchentry_fts USING fts5("
    "tokens, content='core_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES ('rebuild')",
    "CREATE TRIGGER core_searchentry_ai AFTER INSERT ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER core_searchentry_ad AFTER DELETE ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER core_searchentry_au AFTER UPDATE ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO core_searchentry_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
]
POSTGRESQL = ["DROP INDEX core_searchentry_tsv"]
POSTGRESQL_REVERSE = ["CREATE INDEX core_searchentry_tsv ON core_searchentry USING gin (to_tsvector('simple', tokens))"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0003_reference_data")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
