"""A body's page links its open grant programmes and, once letters have gone out, its public grant
decisions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.grants import decided
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db


def test_the_bodys_page_links_open_programmes_and_public_decisions(client):
    salo = factories.salo()
    open_programme = grants.programme(salo, "Kohdeavustus")
    grants.programme(salo, "Valmisteilla", is_published=False)
    page = client.get(reverse("core:body", args=[salo.slug])).content.decode()
    assert open_programme.get_absolute_url() in page and "Valmisteilla" not in page
    assert reverse("grants:public_decision_years", args=[salo.slug]) not in page  # nothing decided yet
    grant = decided.grant(programme=open_programme)
    type(grant.decision.meeting).objects.filter(pk=grant.decision.meeting_id).update(notified_at=timezone.localdate())
    page = client.get(reverse("core:body", args=[salo.slug])).content.decode()
    assert reverse("grants:public_decision_years", args=[salo.slug]) in page
