"""A body's welfare reports on the web: the approved report is public; a draft is shown only to the
body's coordinators and the report's editors (to others it does not exist)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.welfare import reports, services
from kumppani.welfare.models import Indicator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    editor = factories.official(salo, "official")
    report = reports.report_create(
        body=salo,
        kind="yearly",
        first_year=timezone.localdate().year,
        title="Salon hyvinvointiraportti",
        by=coordinator,
    )
    chapter = reports.chapter_add(report=report, title="Ikääntyneet", editors=[editor], by=coordinator)
    reports.chapter_write(chapter=chapter, data={"situation": "Yli 75-vuotiaiden määrä kasvaa."}, by=editor)
    return {"salo": salo, "coordinator": coordinator, "editor": editor, "report": report, "chapter": chapter}


def test_a_draft_is_shown_to_its_coordinator_and_editors_only(client, draft):
    url = reverse("welfare:report", args=[draft["report"].pk])
    listing = reverse("welfare:reports", args=[draft["salo"].slug])
    for person in (None, factories.official(draft["salo"], "official"), factories.official(factories.tampere())):
        client.logout()
        if person is not None:
            client.force_login(person)
        assert client.get(url).status_code == 404
        assert "Salon hyvinvointiraportti" not in client.get(listing).content.decode()
    for person in (draft["coordinator"], draft["editor"]):
        client.force_login(person)
        assert "Yli 75-vuotiaiden" in client.get(url).content.decode()
        assert "Salon hyvinvointiraportti" in client.get(listing).content.decode()


def test_the_approved_report_is_public(client, draft):
    services.indicators_load_reference()
    draft["chapter"].indicators.add(Indicator.objects.get(sotkanet_id=127))
    reports.report_submit(report=draft["report"], by=draft["coordinator"])
    reports.report_approve(
        report=draft["report"],
        decision_date=dt.date(timezone.localdate().year, 3, 2),
        section="14",
        by=draft["coordinator"],
    )
    page = client.get(reverse("welfare:report", args=[draft["report"].pk])).content.decode()
    assert "Yli 75-vuotiaiden" in page and "§ 14" in page and "Sotkanet 127" in page
    assert (
        "Salon hyvinvointiraportti"
        in client.get(reverse("welfare:reports", args=[draft["salo"].slug])).content.decode()
    )


def test_a_report_page_reads_in_fixed_queries(client, draft):
    reports.report_submit(report=draft["report"], by=draft["coordinator"])
    reports.report_approve(
        report=draft["report"], decision_date=timezone.localdate(), section="1", by=draft["coordinator"]
    )
    url = reverse("welfare:report", args=[draft["report"].pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    report = draft["report"]
    report.status = "draft"
    report.save()
    for n in range(3):
        reports.chapter_add(report=report, title=f"Luku {n}", editors=[draft["editor"]], by=draft["coordinator"])
    report.status = "approved"
    report.save()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(one) == len(many)
