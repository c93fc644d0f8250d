"""PostgreSQL keeps each document's tsvector in a stored column (core.search.PG_VECTOR_COLUMN), and
the kinds' indexes made before on the expression `to_tsvector('simple', tokens)` are made again on
it. Nothing to do on SQLite."""

from django.db import migrations

from kumppani.core.search import PG_VECTOR_COLUMN, pg_index

EXPRESSION = "to_tsvector('simple'::regconfig, tokens)"


def _kind_indexes(schema_editor) -> list[tuple[str, str]]:
    """(kind, index definition) of every kind's index."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'core_searchentry' AND indexname LIKE 'core\\_searchentry\\_tsv\\_%'"
        )
        return [(name.removeprefix("core_searchentry_tsv_"), definition) for name, definition in cursor.fetchall()]


def to_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PG_VECTOR_COLUMN)
    for kind, definition in _kind_indexes(schema_editor):
        if EXPRESSION in definition:
            schema_editor.execute(f"DROP INDEX core_searchentry_tsv_{kind}")
            schema_editor.execute(pg_index(kind))


def to_expression(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind, definition in _kind_indexes(schema_editor):
        if EXPRESSION not in definition:
            schema_editor.execute(f"DROP INDEX core_searchentry_tsv_{kind}")
            schema_editor.execute(pg_index(kind, on="to_tsvector('simple', tokens)"))
    schema_editor.execute("ALTER TABLE core_searchentry DROP COLUMN IF EXISTS vector")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_search_index_per_kind")]

    operations = [migrations.RunPython(to_column, to_expression)]
