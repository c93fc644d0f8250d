"""The activities' own full-text index (core.search.index_migration)."""

from django.db import migrations

from kumppani.core.search import index_migration


class Migration(migrations.Migration):
    dependencies = [("core", "0004_search_index_per_kind"), ("activities", "0003_activity_submission")]

    operations = [index_migration("activity")]
