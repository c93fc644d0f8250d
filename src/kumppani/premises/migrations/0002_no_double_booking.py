"""No double bookings on PostgreSQL: an exclusion constraint refuses two active bookings of one
space whose held times (start … end + buffer) overlap, however the rows arrive. SQLite has no such
constraint; there kumppani.premises.services serialises the writers (see its docstring)."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CONSTRAINT = "premises_no_double_booking"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE premises_booking ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(space_id WITH =, tstzrange(start, held_until, '[)') WITH &&) "
        "WHERE (status IN ('requested', 'confirmed'))"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE premises_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("premises", "0001_initial")]

    operations = [
        BtreeGistExtension(),  # does nothing on SQLite
        migrations.RunPython(add_constraint, drop_constraint),
    ]
