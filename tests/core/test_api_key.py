"""A person creates, uses, replaces and revokes their own API key on their page."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from kumppani.core.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_representative_creates_a_key_uses_it_replaces_it_and_revokes_it(client):
    salo = factories.salo()
    ngo = factories.organisation("Avainyhdistys ry", areas=[salo])
    person = factories.representative(ngo, role="admin")
    client.force_login(person)
    assert reverse("core:api_key") in client.get(reverse("core:dashboard")).content.decode()

    page = client.post(reverse("core:api_key"), {"action": "create"}).content.decode()
    key = Token.objects.get(user=person).key
    assert key in page  # shown once, on the answer to "create"
    assert key not in client.get(reverse("core:api_key")).content.decode()

    api = Client()  # another system: no session, only the key
    answer = api.get(reverse("api-organisation-list"), HTTP_AUTHORIZATION=f"Token {key}")
    assert answer.status_code == 200

    client.post(reverse("core:api_key"), {"action": "create"})
    new_key = Token.objects.get(user=person).key
    assert new_key != key
    accepted = api.patch(
        reverse("api-organisation-detail", args=[ngo.slug]),
        {"phone": "+358 40 765 4321"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {new_key}",
    )
    assert accepted.status_code == 200, accepted.content  # the key acts for its owner
    refused = api.patch(
        reverse("api-organisation-detail", args=[ngo.slug]),
        {"phone": "+358 40 123 4567"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert refused.status_code == 403 and "token" in refused.json()["detail"].lower()  # the old key stopped working
    ngo.refresh_from_db()
    assert ngo.phone == "+358 40 765 4321"

    response = client.post(reverse("core:api_key"), {"action": "revoke"}, follow=True)
    assert not Token.objects.filter(user=person).exists()
    assert response.status_code == 200
    actions = list(
        AuditEntry.objects.filter(object_type="core.user", object_id=str(person.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["api_key_created", "api_key_replaced", "api_key_revoked"]


def test_an_anonymous_visitor_is_sent_to_sign_in_and_nothing_is_created(client):
    response = client.post(reverse("core:api_key"), {"action": "create"})
    assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    assert not Token.objects.exists()
