"""Small helpers that create what a test needs, through the same domain functions the app uses."""

import itertools

from kumppani.core.models import BodyKind, BodyRole, PublicBody, Term, User
from kumppani.organisations import services
from kumppani.organisations.models import Membership

_seq = itertools.count(1)
PASSWORD = "Kumppani-testi-2026"


def municipality(code: str) -> PublicBody:
    return PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=code)


def salo() -> PublicBody:
    return municipality("734")


def tampere() -> PublicBody:
    return municipality("837")


def porvoo() -> PublicBody:
    return municipality("638")


def term(slug: str) -> Term:
    return Term.objects.get(slug=slug)


def user(*, email: str | None = None, name: str = "Testi Käyttäjä", **extra) -> User:
    return User.objects.create_user(
        email=email or f"user{next(_seq)}@example.org", password=PASSWORD, full_name=name, **extra
    )


def official(body: PublicBody, role: str = "coordinator", **extra) -> User:
    person = user(**extra)
    BodyRole.objects.create(user=person, body=body, role=role)
    return person


def organisation(name: str | None = None, *, areas=None, by=None, **data):
    data.setdefault("name_fi", name or f"Testiyhdistys {next(_seq)} ry")
    data["areas"] = areas if areas is not None else [salo()]
    return services.organisation_create(by=by, data=data)


def representative(org, role: str = "representative", **extra) -> User:
    person = user(**extra)
    Membership.objects.create(user=person, organisation=org, role=role)
    return person
