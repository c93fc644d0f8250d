"""Every list of municipalities shows each place once: Helsinki is both a municipality and the city
that arranges its own social and health services, and appears once, as "Helsinki"."""

import re

import pytest
from django.urls import reverse

from kumppani.core.models import BodyKind, PublicBody
from tests import factories

pytestmark = pytest.mark.django_db


def options(page: str, name_ending: str) -> list[str]:
    """The option labels of the first <select> whose name ends with name_ending."""
    match = re.search(rf'<select[^>]* name="[^"]*{name_ending}"[^>]*>(.*?)</select>', page, re.S)
    assert match, f"no select {name_ending}"
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", match.group(1))]


def assert_helsinki_once(labels: list[str]) -> None:
    assert labels.count("Helsinki") == 1
    assert "Helsingin kaupunki" not in labels
    assert "Salo" in labels and "Espoo" in labels


def get(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_directories_area_filters_list_helsinki_once(client):
    for url in (reverse("organisations:directory"), reverse("activities:directory")):
        labels = options(get(client, url), "body")
        assert_helsinki_once(labels)
        assert "Varsinais-Suomen hyvinvointialue" in labels  # the counties are still there


def test_a_link_to_the_city_of_helsinki_filters_by_helsinki(client):
    """The body page of the City of Helsinki links to its NGOs by its own address: still understood."""
    helsinki = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code="091")
    ngo = factories.organisation("Helsingin Kamut ry", areas=[helsinki])
    factories.organisation("Salon Kamut ry", areas=[factories.salo()])
    city = PublicBody.objects.get(kind=BodyKind.CITY_COUNTY)
    page = get(client, reverse("organisations:directory"), body=city.slug)
    assert ngo.name in page
    assert "Salon Kamut ry" not in page
    assert re.search(r'<option value="helsinki" selected>Helsinki</option>', page)


def test_the_activity_form_lists_helsinki_once(client):
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[factories.salo()])
    client.force_login(factories.representative(ngo))
    page = get(client, reverse("activities:create", kwargs={"slug": ngo.slug}))
    assert_helsinki_once(options(page, "municipality"))


def test_the_event_form_lists_helsinki_once(client):
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[factories.salo()])
    client.force_login(factories.representative(ngo))
    page = get(client, reverse("events:create", args=[ngo.slug]))
    assert_helsinki_once(options(page, "municipality"))


def test_the_space_form_and_the_space_search_list_helsinki_once(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, role="premises_manager"))
    assert_helsinki_once(options(get(client, reverse("premises:create", args=[salo.slug])), "municipality"))
    assert_helsinki_once(options(get(client, reverse("premises:list")), "municipality"))


def test_a_space_saved_with_the_city_of_helsinki_is_edited_as_helsinki_and_keeps_its_place(client):
    """An older record may name "Helsingin kaupunki": its edit form shows Helsinki chosen, not an empty
    box that a save would then clear."""
    from tests.premises import factories as premises

    salo = factories.salo()
    city = PublicBody.objects.get(kind=BodyKind.CITY_COUNTY)
    helsinki = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code="091")
    space = premises.space(salo, municipality=city)
    client.force_login(premises.manager(salo))
    page = get(client, reverse("premises:edit", args=[space.slug]))
    assert re.search(rf'<option value="{helsinki.pk}" selected>Helsinki</option>', page)
