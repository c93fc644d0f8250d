"""The one full-text index over every kind of document gives way to one per kind, which each app
that indexes creates in a migration of its own (core.search.index_migration). Going back builds the
shared index of migration 0002 again, from the stored documents."""

import importlib

from django.db import migrations

shared = importlib.import_module("kumppani.core.migrations.0002_search_index")

# 0002's table, filled from the documents before its triggers keep it in step.
SQLITE_AGAIN = [
    shared.SQLITE[0],
    "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES ('rebuild')",
    *shared.SQLITE[1:],
]


class Migration(migrations.Migration):
    dependencies = [("core", "0003_reference_data")]

    operations = [
        migrations.RunPython(
            shared._run({"sqlite": shared.SQLITE_REVERSE, "postgresql": shared.POSTGRESQL_REVERSE}),
            shared._run({"sqlite": SQLITE_AGAIN, "postgresql": shared.POSTGRESQL}),
        )
    ]
