"""Knowledge reports: an NGO writes and sends one, the body acknowledges and answers it, the public
sees its summary on the body's page; outsiders are refused and change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.core.models import AuditEntry, Term, Vocabulary
from kumppani.participation.knowledge import services
from kumppani.participation.knowledge.models import KnowledgeQuote, KnowledgeReport, ReportStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {
        "title": "Yksinäisyys kylillä",
        "area": "Vuotso",
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 6, 30),
        "observations": "Ikäihmiset jäävät yksin, kun kyläkauppa suljettiin.",
        "participants": 40,
        "contacts": 120,
        "members_heard": 25,
        "recommendations": "Kuljetus kerran viikossa.",
        "public_summary": "Kylien ikäihmiset kaipaavat kohtaamisia.",
        "topic": "Osallisuus",
        **extra,
    }


@pytest.fixture
def world():
    salo, tampere = factories.salo(), factories.tampere()
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    writer = factories.representative(ngo)
    official = factories.official(salo, role="official")
    report = services.report_create(
        organisation=ngo, body=salo, data=_data(), quotes=["Ei täällä käy kukaan."], quotes_consent=True, by=writer
    )
    return {
        "salo": salo,
        "ngo": ngo,
        "writer": writer,
        "official": official,
        "report": report,
        "outsiders": {
            "anonymous": None,
            "another NGO": factories.representative(factories.organisation("Toinen ry", areas=[tampere])),
            "official of another body": factories.official(tampere),
        },
    }


def test_the_ngo_writes_and_sends_the_body_acknowledges_and_answers(client, world, mailoutbox):
    client.force_login(world["writer"])
    response = client.post(
        reverse("participation:knowledge_create", args=[world["ngo"].slug]),
        {
            "body": world["salo"].pk,
            "title": "Omaishoitajien jaksaminen",
            "period_start": "2026-02-01",
            "period_end": "2026-03-31",
            "observations": "Omaishoitajat väsyvät.",
            "public_summary": "Omaishoitajat tarvitsevat lomia.",
            "quotes": "Olen aina valmiudessa.\n\nEn muista milloin nukuin yön.",
            "quotes_consent": "on",
            "participants": "12",
        },
    )
    report = KnowledgeReport.objects.get(title="Omaishoitajien jaksaminen")
    assert response.status_code == 302 and report.quotes.count() == 2
    assert (
        client.get(reverse("participation:knowledge_body", args=[world["salo"].slug])).content.count(b"Omaishoitajien")
        == 0
    )
    client.post(reverse("participation:knowledge_send", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT and mailoutbox[0].to == [world["official"].email]
    client.force_login(world["official"])
    client.post(reverse("participation:knowledge_acknowledge", args=[report.pk]))
    client.post(reverse("participation:knowledge_answer", args=[report.pk]), {"response": "Lisäämme lomitusta."})
    report.refresh_from_db()
    assert report.status == ReportStatus.ANSWERED and report.acknowledged_at and report.answered_by == world["official"]
    assert mailoutbox[-1].to == [world["writer"].email]
    client.logout()
    page = client.get(report.get_absolute_url()).content.decode()
    assert (
        "Lisäämme lomitusta." in page
        and "Omaishoitajat tarvitsevat lomia." in page
        and "Olen aina valmiudessa." in page
    )
    assert "Omaishoitajat väsyvät." not in page  # the observations in full are for the NGO and the body
    body_page = client.get(world["salo"].get_absolute_url()).content.decode()
    assert "Omaishoitajien jaksaminen" in body_page


def test_quotes_without_consent_and_a_period_ending_before_it_begins_are_refused(client, world):
    client.force_login(world["writer"])
    page = client.post(
        reverse("participation:knowledge_create", args=[world["ngo"].slug]),
        {
            "body": world["salo"].pk,
            "title": "Ilman lupaa",
            "period_start": "2026-05-01",
            "period_end": "2026-04-01",
            "observations": "x",
            "public_summary": "y",
            "quotes": "Sanoin näin.",
        },
    )
    assert page.status_code == 200
    assert set(page.context["form"].errors) >= {"quotes_consent", "period_end"}
    assert not KnowledgeReport.objects.filter(title="Ilman lupaa").exists()


def test_a_draft_is_the_ngos_own_and_outsiders_change_nothing(client, world):
    report = world["report"]
    before = (AuditEntry.objects.count(), KnowledgeReport.objects.values().get(), KnowledgeQuote.objects.count())
    for who, person in world["outsiders"].items():
        client.logout()
        if person is not None:
            client.force_login(person)
        assert client.get(report.get_absolute_url()).status_code == 404, who
        for name, method in (
            ("participation:knowledge_ngo", "get"),
            ("participation:knowledge_create", "get"),
            ("participation:knowledge_create", "post"),
        ):
            response = getattr(client, method)(reverse(name, args=[world["ngo"].slug]), {"title": "x"})
            assert response.status_code in ((302,) if person is None else (403,)), (who, name)
        for name in ("participation:knowledge_edit", "participation:knowledge_send"):
            response = client.post(reverse(name, args=[report.pk]), {"title": "Kaapattu"})
            assert response.status_code in ((302,) if person is None else (403,)), (who, name)
            if person is None:
                assert "/kirjaudu/" in response["Location"]
    services.report_send(report=report, by=world["writer"])
    before = (AuditEntry.objects.count(), KnowledgeReport.objects.values().get())
    for who in ("another NGO", "official of another body"):
        client.force_login(world["outsiders"][who])
        assert client.get(report.get_absolute_url()).status_code == 200
        for name in ("participation:knowledge_acknowledge", "participation:knowledge_answer"):
            assert client.post(reverse(name, args=[report.pk]), {"response": "x"}).status_code == 403
    client.force_login(world["writer"])  # the NGO does not answer its own report
    assert (
        client.post(reverse("participation:knowledge_answer", args=[report.pk]), {"response": "x"}).status_code == 403
    )
    assert (AuditEntry.objects.count(), KnowledgeReport.objects.values().get()) == before


@pytest.mark.parametrize("count", [1, 8])
def test_the_public_list_of_a_body_takes_a_fixed_number_of_queries(client, world, django_assert_num_queries, count):
    for i in range(count):
        report = services.report_create(
            organisation=world["ngo"], body=world["salo"], data=_data(title=f"R{i}"), by=world["writer"]
        )
        report.themes.set(Term.objects.filter(vocabulary=Vocabulary.THEME)[:2])
        services.report_send(report=report, by=world["writer"])
    url = reverse("participation:knowledge_body", args=[world["salo"].slug])
    with django_assert_num_queries(4):
        page = client.get(url)
    assert len(page.context["reports"]) == count
    with django_assert_num_queries(4):
        client.get(reverse("participation:knowledge_detail", args=[report.pk]))
