"""A new activity is saved once: the same form page sent twice (a double click, the back button) makes
no copy, and a name like one the NGO already has is pointed out before it is saved."""

import pytest
from django.urls import reverse
from django.utils import translation

from kumppani.activities import services
from kumppani.activities.models import Activity
from tests import factories
from tests.activities.factories import activity as make_activity
from tests.html_form import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def ngo():
    return factories.organisation("Salon Omaishoitajat ry", areas=[factories.salo()])


def new_activity_form(client, ngo, name: str) -> dict:
    create = reverse("activities:create", args=[ngo.slug])
    data = form_values(client.get(create).content.decode(), css_class="activity-form")
    data.update(
        {
            "name_fi": name,
            "kind": "peer_support",
            "is_free": "on",
            "is_online": "on",
            "online_url": "https://example.org/ryhma",
            "schedule_kind": "by_appointment",
        }
    )
    return data


def test_the_same_form_sent_twice_saves_one_activity_and_says_so(client, ngo):
    client.force_login(factories.representative(ngo))
    data = new_activity_form(client, ngo, "Omaishoitajien iltaryhmä")
    assert data["submission"]
    create = reverse("activities:create", args=[ngo.slug])
    first = client.post(create, data)
    second = client.post(create, data, follow=True)
    assert first.status_code == 302
    assert Activity.objects.filter(organisation=ngo).count() == 1
    assert "was already saved; it was not saved twice" in second.content.decode()


def test_two_sends_that_race_past_the_page_still_make_one_activity(ngo):
    person = factories.representative(ngo)
    token = "6f1c1f7e-6c32-4e0a-9b7a-1c4f1a2b3c4d"
    data = {
        "name_fi": "Kahvila",
        "kind": "meeting_place",
        "is_free": True,
        "is_online": True,
        "online_url": "https://example.org/kahvila",
        "schedule_kind": "by_appointment",
        "areas": [factories.salo()],
    }
    first = services.activity_create(by=person, organisation=ngo, data=data, submission=token)
    again = services.activity_create(by=person, organisation=ngo, data=data, submission=token)
    assert again.pk == first.pk
    assert Activity.objects.filter(organisation=ngo).count() == 1


def test_a_name_like_an_existing_activity_is_pointed_out_before_saving(client, ngo):
    existing = make_activity(ngo, "Omaishoitajien vertaisryhmä")
    client.force_login(factories.representative(ngo))
    data = new_activity_form(client, ngo, "Omaishoitajien vertaisryhmä ")
    create = reverse("activities:create", args=[ngo.slug])
    page = client.post(create, data)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Is this an activity you already have?" in content
    assert reverse("activities:edit", args=[ngo.slug, existing.slug]) in content
    assert Activity.objects.filter(organisation=ngo).count() == 1
    # The person says it is a different activity: it is saved.
    response = client.post(create, {**data, "not_a_duplicate": "on"})
    assert response.status_code == 302
    assert Activity.objects.filter(organisation=ngo).count() == 2


def test_a_different_name_is_saved_without_a_question(client, ngo):
    make_activity(ngo, "Omaishoitajien vertaisryhmä")
    client.force_login(factories.representative(ngo))
    data = new_activity_form(client, ngo, "Muistikahvila")
    response = client.post(reverse("activities:create", args=[ngo.slug]), data)
    assert response.status_code == 302
    assert Activity.objects.filter(organisation=ngo).count() == 2
