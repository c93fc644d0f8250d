"""A space's page lists the coming public events held there (issue 11's events, through the space
section that the events app registers: premises does not import events)."""

import pytest
from django.urls import reverse

from kumppani.events import services
from kumppani.premises import services as premises_services
from tests import factories
from tests.events import factories as ef
from tests.premises import factories as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    boss = pf.manager(salo)
    space = pf.space(salo, by=boss, name_fi="Kokoushuone Kajava")
    ngo = factories.organisation("Salon Kuoro ry", areas=[salo])
    rep = factories.representative(ngo)
    day = pf.future_weekday(1)
    [booking] = pf.book(space, ngo, rep, day, 17, 20)
    premises_services.booking_decide(by=boss, booking=booking, approve=True)
    data = ef.data(
        name_fi="Kevätkonsertti",
        space=space,
        street_address="",
        postal_code="",
        municipality=None,
        start=pf.at(day, 18),
        end=pf.at(day, 20),
    )
    event = services.event_create(by=rep, organisation=ngo, data=data)
    return {"salo": salo, "space": space, "rep": rep, "event": event}


def test_the_space_page_lists_a_public_event_held_there_and_not_a_draft(client, world):
    url = reverse("premises:detail", args=[world["space"].slug])
    assert "Kevätkonsertti" not in client.get(url).content.decode()  # a draft is nobody's business yet
    [listing] = services.event_submit(by=world["rep"], event=world["event"], bodies=[world["salo"]])
    services.listing_decide(by=factories.official(world["salo"], role="official"), listing=listing, approve=True)
    page = client.get(url).content.decode()
    assert "Kevätkonsertti" in page
    assert world["event"].get_absolute_url() in page
