"""Actions that cannot be undone ask first, on a page of their own that works without JavaScript:
the first send shows what will happen and changes nothing; only "Yes" does it."""

import pytest
from django.urls import reverse

from kumppani.organisations.models import Membership, Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_removing_a_representative_asks_first_and_changes_nothing_until_confirmed(client):
    organisation = factories.organisation("Kysyvä ry")
    admin = factories.representative(organisation, role="admin")
    leaving = factories.representative(organisation, name="Lähtevä Edustaja")
    membership = Membership.objects.get(user=leaving)
    client.force_login(admin)
    url = reverse("organisations:remove_member", args=[organisation.slug, membership.pk]).replace("/fi/", "/en/")
    page = client.post(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Remove Lähtevä Edustaja from the representatives of Kysyvä ry?" in content
    assert 'name="confirmed" value="1"' in content
    assert Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(url, {"confirmed": "1"})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_merging_asks_first_and_says_it_cannot_be_undone(client):
    body = factories.salo()
    keep = factories.organisation("Säilyvä ry", areas=[body])
    duplicate = factories.organisation("Säilyvä ry (kaksoiskappale)", areas=[body])
    client.force_login(factories.official(body))
    url = reverse("organisations:merge", args=[keep.slug]).replace("/fi/", "/en/")
    page = client.post(url, {"duplicate": duplicate.slug})
    assert page.status_code == 200
    assert "This cannot be undone." in page.content.decode()
    assert Organisation.objects.get(pk=duplicate.pk).merged_into is None
    response = client.post(url, {"duplicate": duplicate.slug, "confirmed": "1"})
    assert response.status_code == 302
    assert Organisation.objects.get(pk=duplicate.pk).merged_into == keep
