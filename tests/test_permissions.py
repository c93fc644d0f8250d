"""The permission matrix: every page tried as anonymous, as the representative of another NGO and
as an official of another body. Each must be refused and nothing may change.

Every URL pattern of the project must be listed here as public or protected, so a new page
cannot slip through untested.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kumppani.core.models import AuditEntry, BodyRole
from kumppani.organisations.models import Membership, Organisation
from tests import factories
from tests.about.matrix import URL_NAMES as ABOUT_URL_NAMES
from tests.activities.matrix import URL_NAMES as ACTIVITY_URL_NAMES
from tests.cooperation.matrix import URL_NAMES as COOPERATION_URL_NAMES
from tests.cooperation.matrix_governance import URL_NAMES as GOVERNANCE_URL_NAMES
from tests.events.matrix import URL_NAMES as EVENT_URL_NAMES
from tests.grants.matrix import URL_NAMES as GRANT_URL_NAMES
from tests.participation.consultations.matrix import URL_NAMES as CONSULTATION_URL_NAMES
from tests.participation.knowledge.matrix import URL_NAMES as KNOWLEDGE_URL_NAMES
from tests.participation.surveys.matrix import URL_NAMES as SURVEY_URL_NAMES
from tests.premises.matrix import URL_NAMES as PREMISES_URL_NAMES
from tests.welfare.matrix import URL_NAMES as WELFARE_URL_NAMES

pytestmark = pytest.mark.django_db

PUBLIC = {
    "core:home",
    "core:search",
    "core:body_list",
    "core:body",
    "organisations:directory",
    "organisations:detail",
    "organisations:export",
    "organisations:accept_invitation",
    "organisations:signup",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
}
# Django's admin checks is_staff itself (tested below); the API's permission matrix is in tests/api/.
OUTSIDE = ("admin:", "api-")


def _names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    target = factories.organisation("Kohde ry", areas=[salo])
    target.contact_persons.create(name="Yksityinen Yhteyshenkilö", email="yksityinen@example.org")
    owner = factories.representative(target, role="admin")
    other_org = factories.organisation("Toinen ry", areas=[tampere])
    request_user = factories.user()
    from kumppani.organisations import services

    pending = services.membership_request_create(user=request_user, organisation=target)
    return {
        "target": target,
        "membership": Membership.objects.get(user=owner, organisation=target),
        "request": pending,
        "salo": salo,
        "actors": {
            "anonymous": None,
            "representative of another NGO": factories.representative(other_org, role="admin"),
            "official of another body": factories.official(tampere, role="coordinator"),
        },
    }


def protected_requests(world):
    """(url name, method, url) for every page that needs a permission on Salo or on Kohde ry."""
    slug = world["target"].slug
    return [
        ("organisations:edit", "get", reverse("organisations:edit", args=[slug])),
        ("organisations:edit", "post", reverse("organisations:edit", args=[slug])),
        ("organisations:verify", "post", reverse("organisations:verify", args=[slug])),
        ("organisations:set_status", "post", reverse("organisations:set_status", args=[slug])),
        ("organisations:merge", "get", reverse("organisations:merge", args=[slug])),
        ("organisations:members", "get", reverse("organisations:members", args=[slug])),
        ("organisations:members", "post", reverse("organisations:members", args=[slug])),
        (
            "organisations:remove_member",
            "post",
            reverse("organisations:remove_member", args=[slug, world["membership"].pk]),
        ),
        ("organisations:history", "get", reverse("organisations:history", args=[slug])),
        ("organisations:decide_request", "post", reverse("organisations:decide_request", args=[world["request"].pk])),
        ("organisations:invite_to_body", "get", reverse("organisations:invite_to_body", args=[world["salo"].slug])),
        ("organisations:body_people", "get", reverse("organisations:body_people", args=[world["salo"].slug])),
        ("organisations:body_people", "post", reverse("organisations:body_people", args=[world["salo"].slug])),
        ("organisations:invite_to_body", "post", reverse("organisations:invite_to_body", args=[world["salo"].slug])),
        ("core:outbox", "get", reverse("core:outbox")),
        ("core:outbox_message", "get", reverse("core:outbox_message", args=[1])),
    ]


# Pages any signed-in person may open (they show only the person's own things) or any coordinator.
SIGNED_IN = {
    "core:dashboard",
    "core:api_key",
    "organisations:request_membership",
    "organisations:create",
    "organisations:import",
}


def test_every_url_is_in_the_matrix(world):
    covered = PUBLIC | SIGNED_IN | {name for name, _m, _u in protected_requests(world)}
    # Each app's own matrix: tests/<app>/matrix.py (governance: tests/cooperation/matrix_governance.py).
    covered |= ABOUT_URL_NAMES | ACTIVITY_URL_NAMES | GRANT_URL_NAMES | EVENT_URL_NAMES | PREMISES_URL_NAMES
    covered |= COOPERATION_URL_NAMES | GOVERNANCE_URL_NAMES | WELFARE_URL_NAMES
    covered |= SURVEY_URL_NAMES | KNOWLEDGE_URL_NAMES  # participation: surveys and knowledge reports
    covered |= CONSULTATION_URL_NAMES  # participation's consultations
    missing = sorted(name for name in set(_names()) if name not in covered and not name.startswith(OUTSIDE))
    assert missing == []


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "official of another body"])
def test_protected_pages_refuse_outsiders_and_change_nothing(client, world, actor):
    person = world["actors"][actor]
    if person is not None:
        client.force_login(person)
    before = (AuditEntry.objects.count(), Membership.objects.count(), BodyRole.objects.count())
    target_before = Organisation.objects.values().get(pk=world["target"].pk)
    for name, method, url in protected_requests(world):
        data = {
            "name_fi": "Kaapattu",
            "status": "dissolved",
            "decision": "approve",
            "email": "x@example.org",
            "role": "coordinator",
        }
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], (name, method)
        else:
            assert response.status_code in (403, 404), (name, method, response.status_code)
    assert (AuditEntry.objects.count(), Membership.objects.count(), BodyRole.objects.count()) == before
    assert Organisation.objects.values().get(pk=world["target"].pk) == target_before


def test_private_contact_details_are_not_shown_to_outsiders(client, world):
    for person in world["actors"].values():
        client.logout()
        if person is not None:
            client.force_login(person)
        content = client.get(world["target"].get_absolute_url()).content.decode()
        assert "Yksityinen Yhteyshenkilö" not in content
        assert "yksityinen@example.org" not in content


def test_create_and_import_are_for_coordinators(client, world):
    client.force_login(world["actors"]["representative of another NGO"])
    assert client.get(reverse("organisations:create")).status_code == 403
    assert client.get(reverse("organisations:import")).status_code == 403


def test_admin_site_is_for_platform_admins_only(client, world):
    client.force_login(world["actors"]["official of another body"])
    response = client.get("/fi/admin/")
    assert response.status_code == 302 and "login" in response["Location"]
