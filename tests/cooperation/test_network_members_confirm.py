"""Removing NGOs from a network asks first, naming them; adding members does not."""

import pytest
from django.urls import reverse

from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


def test_removing_a_member_from_a_network_asks_first_and_adding_does_not(client):
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator")
    stays, goes, joins = (
        factories.organisation(name, areas=[salo]) for name in ("Pysyjät ry", "Lähtijät ry", "Tulijat ry")
    )
    network = gf.network(salo, members=[stays, goes], by=coordinator)
    network.refresh_from_db()
    client.force_login(coordinator)
    url = reverse("cooperation:network_members", args=[network.slug])
    data = {"version": network.version, "members": [stays.pk, joins.pk]}
    page = client.post(url, data).content.decode()
    assert 'name="confirmed"' in page and "Lähtijät ry" in page and "Pysyjät ry" not in page
    assert set(network.members.all()) == {stays, goes}
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert set(network.members.all()) == {stays, joins}
    network.refresh_from_db()
    added = {"version": network.version, "members": [stays.pk, joins.pk, goes.pk]}
    assert client.post(url, added).status_code == 302
    assert network.members.count() == 3
