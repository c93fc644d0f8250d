"""Photos of a space: several, in order, each with a description a screen reader reads out."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kumppani.core.models import AuditEntry
from kumppani.premises import services
from kumppani.premises.models import SpacePhoto
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db

GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def image(name="tila.gif"):
    return SimpleUploadedFile(name, GIF, content_type="image/gif")


@pytest.fixture
def world():
    salo = factories.salo()
    boss = premises.manager(salo)
    return {"salo": salo, "boss": boss, "space": premises.space(salo, by=boss)}


def test_photos_keep_their_order_and_descriptions(world):
    space, boss = world["space"], world["boss"]
    first = services.space_photo_add(by=boss, space=space, image=image(), alt={"fi": "Pöytä ja tuolit"})
    second = services.space_photo_add(
        by=boss, space=space, image=image(), alt={"fi": "Ovi pihalle", "sv": "Dörren till gården"}
    )
    assert [p.alt_fi for p in space.photos.all()] == ["Pöytä ja tuolit", "Ovi pihalle"]
    services.space_photo_update(by=boss, photo=second, alt={"fi": "Ovi pihalle", "sv": "Dörren"}, position=0)
    services.space_photo_update(by=boss, photo=first, alt={"fi": "Pöytä ja tuolit"}, position=1)
    assert [p.alt_fi for p in space.photos.all()] == ["Ovi pihalle", "Pöytä ja tuolit"]
    services.space_photo_remove(by=boss, photo=first)
    assert [p.alt_sv for p in space.photos.all()] == ["Dörren"]
    assert AuditEntry.objects.filter(action="space_photo_removed", object_id=str(space.pk)).exists()


def test_a_photo_without_a_finnish_description_is_refused_and_nothing_changes(world):
    with pytest.raises(ValidationError) as error:
        services.space_photo_add(by=world["boss"], space=world["space"], image=image(), alt={"sv": "Bord"})
    assert "photo_alt_fi" in error.value.message_dict
    photo = services.space_photo_add(by=world["boss"], space=world["space"], image=image(), alt={"fi": "Pöytä"})
    with pytest.raises(ValidationError):
        services.space_photo_update(by=world["boss"], photo=photo, alt={"fi": "  "})
    photo.refresh_from_db()
    assert SpacePhoto.objects.count() == 1 and photo.alt_fi == "Pöytä"


def test_only_the_managers_change_photos(world):
    tampere_boss = premises.manager(factories.tampere())
    with pytest.raises(PermissionDenied):
        services.space_photo_add(by=tampere_boss, space=world["space"], image=image(), alt={"fi": "Pöytä"})
    photo = services.space_photo_add(by=world["boss"], space=world["space"], image=image(), alt={"fi": "Pöytä"})
    with pytest.raises(PermissionDenied):
        services.space_photo_remove(by=tampere_boss, photo=photo)


def test_the_space_page_shows_every_photo_with_its_description_in_the_language(world, client):
    space = world["space"]
    services.space_photo_add(by=world["boss"], space=space, image=image(), alt={"fi": "Pöytä", "sv": "Bord"})
    services.space_photo_add(by=world["boss"], space=space, image=image(), alt={"fi": "Ikkuna"})
    page = client.get(reverse("premises:detail", args=[space.slug])).content.decode()
    assert page.count('<img src="/media/spaces/') == 2 and 'alt="Pöytä"' in page and 'alt="Ikkuna"' in page
    sv = client.get(f"/sv/tilat/{space.slug}/").content.decode()
    assert 'alt="Bord"' in sv and 'alt="Ikkuna"' in sv  # no Swedish text: the Finnish one
    api = client.get(f"/api/v1/spaces/{space.slug}/").json()
    assert [p["alt_text"]["fi"] for p in api["photos"]] == ["Pöytä", "Ikkuna"]


def test_the_editor_adds_changes_and_removes_photos(world, client):
    space = world["space"]
    client.force_login(world["boss"])
    edit = client.get(reverse("premises:edit", args=[space.slug]))
    form = edit.context["form"]
    post = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False or (isinstance(value, str) and not value):
            continue
        post[name] = [getattr(v, "pk", v) for v in value] if isinstance(value, list) else value
    refused = client.post(reverse("premises:edit", args=[space.slug]), {**post, "photo": image()})
    assert refused.status_code == 200 and "photo_alt_fi" in refused.context["form"].errors
    assert not SpacePhoto.objects.exists()
    saved = client.post(reverse("premises:edit", args=[space.slug]), {**post, "photo": image(), "photo_alt_fi": "Sali"})
    assert saved.status_code == 302
    photo = SpacePhoto.objects.get()
    url = reverse("premises:photo", args=[space.slug, photo.pk])
    prefix = f"photo-{photo.pk}"
    client.post(url, {f"{prefix}-alt_fi": "Sali ikkunoineen", f"{prefix}-position": "2"})
    photo.refresh_from_db()
    assert (photo.alt_fi, photo.position) == ("Sali ikkunoineen", 2)
    client.post(url, {f"{prefix}-alt_fi": "", f"{prefix}-position": "2"})
    photo.refresh_from_db()
    assert photo.alt_fi == "Sali ikkunoineen"
    client.post(url, {"remove": "1"})
    assert not SpacePhoto.objects.exists()
    client.force_login(premises.manager(factories.tampere()))
    assert client.post(url, {"remove": "1"}).status_code == 403
