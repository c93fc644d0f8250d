"""The single photo of a space becomes its first SpacePhoto, with its descriptions."""

from django.db import migrations


def copy_photos(apps, schema_editor):
    Space = apps.get_model("premises", "Space")
    SpacePhoto = apps.get_model("premises", "SpacePhoto")
    for space in Space.objects.exclude(photo=""):
        SpacePhoto.objects.create(
            space=space,
            image=space.photo.name,
            alt=space.photo_alt_fi or space.photo_alt or space.name_fi or space.name,
            alt_fi=space.photo_alt_fi or space.photo_alt or space.name_fi or space.name,
            alt_sv=space.photo_alt_sv or None,
            alt_en=space.photo_alt_en or None,
            position=0,
        )


def copy_back(apps, schema_editor):
    SpacePhoto = apps.get_model("premises", "SpacePhoto")
    for photo in SpacePhoto.objects.filter(position=0).select_related("space"):
        space = photo.space
        space.photo, space.photo_alt, space.photo_alt_fi = photo.image.name, photo.alt, photo.alt_fi
        space.photo_alt_sv, space.photo_alt_en = photo.alt_sv, photo.alt_en
        space.save(update_fields=["photo", "photo_alt", "photo_alt_fi", "photo_alt_sv", "photo_alt_en"])


class Migration(migrations.Migration):
    dependencies = [("premises", "0003_space_photos")]

    operations = [migrations.RunPython(copy_photos, copy_back)]
