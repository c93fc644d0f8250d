"""/api/v1/participation/knowledge-reports/: sent reports' public parts for anyone; the observations
in full only for the NGO and the body; drafts never."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kumppani.participation.knowledge import services
from tests import factories

pytestmark = pytest.mark.django_db
URL = "/api/v1/participation/knowledge-reports/"


def test_sent_reports_are_public_without_the_full_observations(django_assert_num_queries):
    salo = factories.salo()
    ngo = factories.organisation("Salon Kylät ry", areas=[salo])
    writer = factories.representative(ngo)
    official = factories.official(salo, role="official")
    data = {
        "title": "Kylien ääni",
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 3, 1),
        "observations": "Koko havainto",
        "public_summary": "Tiivistelmä",
    }
    sent = services.report_create(
        organisation=ngo, body=salo, data=data, quotes=["Hyvä kylä"], quotes_consent=True, by=writer
    )
    services.report_send(report=sent, by=writer)
    services.report_create(organisation=ngo, body=salo, data={**data, "title": "Luonnos"}, by=writer)
    with django_assert_num_queries(5):
        listing = APIClient().get(URL, {"body": salo.slug}).json()
    assert [r["title"] for r in listing["results"]] == ["Kylien ääni"]
    assert listing["results"][0]["observations"] is None and listing["results"][0]["quotes"] == ["Hyvä kylä"]
    client = APIClient()
    client.force_authenticate(official)
    assert client.get(f"{URL}{sent.pk}/").json()["observations"] == "Koko havainto"
