"""The map on the activity form: Leaflet from the site's own static files, tiles from the configured
server (allowed by the Content-Security-Policy), and the coordinates still plain fields."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_form_offers_a_map_from_the_configured_tile_server_and_keeps_the_fields(client, settings):
    settings.MAP_TILES_URL = "https://tiles.example.fi/{z}/{x}/{y}.png"
    ngo = factories.organisation("Karttayhdistys ry", areas=[factories.salo()])
    client.force_login(factories.representative(ngo))
    page = client.get(reverse("activities:create", kwargs={"slug": ngo.slug})).content.decode()
    assert 'data-map-tiles="https://tiles.example.fi/{z}/{x}/{y}.png"' in page
    assert "leaflet/leaflet.js" in page and "kumppani/place-map.js" in page
    assert 'name="places-0-latitude"' in page and 'name="places-0-longitude"' in page


def test_leaflet_is_served_from_the_site_itself():
    assert finders.find("leaflet/leaflet.js")
    assert finders.find("leaflet/leaflet.css")


def test_the_default_tiles_are_allowed_as_images_and_nothing_else():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert "https://tile.openstreetmap.org" in directives["img-src"]
    assert directives["script-src"] == ["'self'"]
