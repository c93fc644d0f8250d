"""A few small fixtures for the API tests. The reference data (public bodies, themes, target groups,
languages) comes from a data migration, so it is in every test database."""

import itertools

import pytest
from rest_framework.test import APIClient

from kumppani.core.models import BodyRole, Language, PublicBody, Term, User
from kumppani.organisations import services
from kumppani.organisations.models import Membership

_serial = itertools.count(1)


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def body():
    """Look up a public body by its slug: body("turku")."""
    return lambda slug: PublicBody.objects.get(slug=slug)


@pytest.fixture
def make_user():
    """make_user(coordinator=body, official=body, represents=organisation) → a signed-up user."""

    def make(*, coordinator=None, official=None, represents=None, **extra) -> User:
        n = next(_serial)
        user = User.objects.create_user(email=f"user{n}@example.org", password="x" * 12, full_name=f"User {n}", **extra)
        if coordinator is not None:
            BodyRole.objects.create(user=user, body=coordinator, role="coordinator")
        if official is not None:
            BodyRole.objects.create(user=user, body=official, role="official")
        if represents is not None:
            Membership.objects.create(user=user, organisation=represents)
        return user

    return make


@pytest.fixture
def make_organisation(body):
    """make_organisation("Name", areas=["turku"], themes=["vertaistuki"], **fields), through the domain
    function as the pages do. Relations are given as slugs (languages as codes)."""

    def make(name: str, *, areas=("turku",), themes=(), target_groups=(), languages=(), **fields):
        data = {
            "name_fi": name,
            "areas": [body(slug) for slug in areas],
            "themes": list(Term.objects.filter(vocabulary="theme", slug__in=themes)),
            "target_groups": list(Term.objects.filter(vocabulary="target_group", slug__in=target_groups)),
            "languages": list(Language.objects.filter(code__in=languages)),
            **fields,
        }
        return services.organisation_create(by=None, data=data)

    return make
