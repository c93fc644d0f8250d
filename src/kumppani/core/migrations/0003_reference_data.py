from django.db import migrations


def load(apps, schema_editor):
    from kumppani.core import reference

    reference.load_public_bodies(PublicBody=apps.get_model("core", "PublicBody"))
    reference.load_vocabularies(Term=apps.get_model("core", "Term"), Language=apps.get_model("core", "Language"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_index")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
