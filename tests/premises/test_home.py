"""The premises manager's role card on /oma/: the booking requests waiting for approval, counted, a
weekly booking once, with a link to the management page."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.core.models import BodyRole
from kumppani.premises import home, services
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


def test_the_premises_managers_card_counts_the_requests_waiting_for_approval(client):
    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss)
    ngo = factories.organisation("Varaajat ry", areas=[salo])
    rep = factories.representative(ngo)
    first = premises.future_weekday(1)
    premises.book(space, ngo, rep, first)
    premises.book(
        space, ngo, rep, premises.future_weekday(2), repeat_until=premises.future_weekday(2) + dt.timedelta(weeks=3)
    )
    confirmed = premises.book(space, ngo, rep, premises.future_weekday(4))[0]
    services.booking_decide(by=boss, booking=confirmed, approve=True)
    client.force_login(boss)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "2 varauspyyntöä odottaa hyväksyntääsi" in page
    assert reverse("premises:manage", args=[salo.slug]) in page


def test_the_count_takes_the_same_queries_for_one_or_many_bodies(django_assert_num_queries, rf):
    bodies = [factories.salo(), factories.tampere()]
    boss = premises.manager(bodies[0])
    request = rf.get("/")
    request.user = boss
    with django_assert_num_queries(3):
        (task,) = home.manager_tasks(request)
    assert task.count == 0
    BodyRole.objects.create(user=boss, body=bodies[1], role="premises_manager")
    request.user = type(boss).objects.get(pk=boss.pk)
    with django_assert_num_queries(3):
        assert len(home.manager_tasks(request)) == 2
