"""A form sent with mistakes opens again with a summary at the top that links to each field to mend,
and nothing is saved."""

import pytest
from django.urls import reverse

from kumppani.premises.models import Booking, Space
from tests import factories
from tests.error_summary import error_summary
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


def test_a_booking_without_its_purpose_lists_the_problem_and_books_nothing(client):
    space = premises.space(factories.salo())
    ngo = factories.organisation(areas=[factories.salo()])
    client.force_login(factories.representative(ngo))
    day = premises.future_weekday(2)
    response = client.post(
        reverse("premises:book", args=[space.slug]),
        {
            "organisation": ngo.pk,
            "date": day.isoformat(),
            "start_time": "17:00",
            "end_time": "19:00",
            "people": "0",
            "book": "1",
        },
    )
    summary = error_summary(response)
    assert 'href="#id_purpose"' in summary
    assert 'href="#id_people"' in summary
    assert 'href="#id_date"' not in summary
    assert not Booking.objects.exists()


def test_a_new_space_without_its_prices_lists_the_problems_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(premises.manager(salo))
    response = client.post(reverse("premises:create", args=[salo.slug]), {"street_address": "Kirjastonkatu 1"})
    summary = error_summary(response)
    assert 'href="#id_price_public"' in summary
    assert 'href="#id_municipality"' in summary
    assert 'href="#id_street_address"' not in summary
    assert not Space.objects.exists()
