"""The cooperation record's pages: who sees what, what outsiders are refused, and query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kumppani.cooperation import services
from kumppani.cooperation.models import CooperationForm, Realisation
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation.record_world import LAST_YEAR, make_form, make_proposal, new_form_data, year

pytestmark = pytest.mark.django_db


def _marked(world, **extra):
    form = make_form(world, **extra)
    start, end = year()
    services.realisation_mark(
        form=form,
        period_start=start,
        period_end=end,
        outcome="partly",
        note="Sisäinen huomio virastolta.",
        side="body",
        by=world["official"],
    )
    services.realisation_mark(
        form=form,
        period_start=start,
        period_end=end,
        outcome="realised",
        note="Järjestön oma huomio.",
        side="ngo",
        by=world["rep"],
    )
    return form


def _record_url(world):
    return reverse("cooperation:record", args=[world["salo"].slug, world["ngo"].slug])


def test_the_public_sees_outcomes_but_not_notes_or_contacts(client, world):
    _marked(world)
    for person in (None, world["other_rep"], world["other_official"]):
        client.logout()
        if person:
            client.force_login(person)
        page = client.get(_record_url(world)).content.decode()
        assert "Nuorten kesätapahtuma" in page
        assert "Sisäinen huomio" not in page and "Järjestön oma huomio" not in page
        assert "Olli Virkailija" not in page


def test_the_ngo_and_the_bodys_officials_see_the_whole_form(client, world):
    form = _marked(world)
    for person in (world["rep"], world["official"], world["coordinator"]):
        client.force_login(person)
        page = client.get(reverse("cooperation:form", args=[form.uuid])).content.decode()
        assert "Sisäinen huomio virastolta." in page and "Järjestön oma huomio." in page


def test_a_proposal_is_not_public(client, world):
    make_proposal(world, title="Salainen ehdotus")
    assert "Salainen ehdotus" not in client.get(_record_url(world)).content.decode()
    client.force_login(world["rep"])
    assert "Salainen ehdotus" in client.get(_record_url(world)).content.decode()


def _protected(world, form):
    salo = world["salo"].slug
    mark = {"side": "body", "body-period": f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31", "body-outcome": "realised"}
    return [
        ("get", reverse("cooperation:form", args=[form.uuid]), None),
        ("post", reverse("cooperation:form_confirm", args=[form.uuid]), {"organisation": world["ngo"].pk}),
        ("post", reverse("cooperation:form_decide", args=[form.uuid]), {"accept": "1"}),
        ("post", reverse("cooperation:form_mark", args=[form.uuid]), mark),
        ("get", reverse("cooperation:sectors", args=[salo]), None),
        ("post", reverse("cooperation:sectors", args=[salo]), {"name_fi": "Kaapattu"}),
        ("get", reverse("cooperation:sector", args=[salo, world["sector"].slug]), None),
        ("get", reverse("cooperation:contact", args=[salo]), None),
        ("get", reverse("cooperation:form_create", args=[salo]), None),
        ("post", reverse("cooperation:from_booking", args=[salo, "varaus", 1]), {"sector": world["sector"].pk}),
        ("get", reverse("cooperation:summary", args=[salo]), None),
        ("get", reverse("cooperation:summary_export", args=[salo, "csv"]), None),
        ("get", reverse("cooperation:export", args=[salo, "xlsx"]), None),
        ("get", reverse("cooperation:propose", args=[world["ngo"].slug, salo]), None),
    ]


@pytest.mark.parametrize("actor", ["anonymous", "other_rep", "other_official", "tampere_coordinator"])
def test_outsiders_are_refused_and_nothing_changes(client, world, actor):
    form = make_form(world)
    if actor != "anonymous":
        client.force_login(world[actor])
    before = (AuditEntry.objects.count(), CooperationForm.objects.count(), Realisation.objects.count())
    for method, url, data in _protected(world, form):
        response = getattr(client, method)(url, data)
        if actor == "anonymous":
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    assert (AuditEntry.objects.count(), CooperationForm.objects.count(), Realisation.objects.count()) == before


def test_the_ngo_cannot_mark_the_bodys_side_through_the_page(client, world):
    form = make_form(world)
    client.force_login(world["rep"])
    mark = {"side": "body", "body-period": f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31", "body-outcome": "realised"}
    assert client.post(reverse("cooperation:form_mark", args=[form.uuid]), mark).status_code == 403
    mark = {"side": "ngo", "ngo-period": f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31", "ngo-outcome": "realised"}
    assert client.post(reverse("cooperation:form_mark", args=[form.uuid]), mark).status_code == 302
    assert Realisation.objects.get().ngo_outcome == "realised"


def test_marking_a_form_not_realised_asks_first(client, world):
    form = make_form(world)
    client.force_login(world["rep"])
    url = reverse("cooperation:form_mark", args=[form.uuid])
    mark = {
        "side": "ngo",
        "ngo-period": f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31",
        "ngo-outcome": "not_realised",
        "ngo-note": "Ryhmä ei kokoontunut",
    }
    page = client.post(url, mark).content.decode()
    assert 'name="confirmed"' in page and 'value="Ryhmä ei kokoontunut"' in page
    assert not Realisation.objects.exists()
    assert client.post(url, {**mark, "confirmed": "1"}).status_code == 302
    assert Realisation.objects.get().ngo_outcome == "not_realised"


def test_an_official_records_a_form_through_the_page(client, world, mailoutbox):
    client.force_login(world["official"])
    url = reverse("cooperation:form_create", args=[world["salo"].slug])
    data = new_form_data(world)
    response = client.post(url, new_form_data(world, title=""))
    assert response.status_code == 200 and CooperationForm.objects.count() == 0
    response = client.post(url, data)
    form = CooperationForm.objects.get()
    assert response["Location"] == reverse("cooperation:form", args=[form.uuid])
    assert mailoutbox[-1].to == [world["rep"].email]


def test_the_national_list_shows_counties_without_a_coordinator(client, world):
    from kumppani.core.models import BodyKind, PublicBody

    county = PublicBody.objects.filter(kind=BodyKind.COUNTY).order_by("name").first()
    person = factories.official(county, "coordinator", name="Kaija Maakunta")
    services.coordinator_contact_save(body=county, user=person, title_fi="Järjestöyhdyshenkilö", by=person)
    page = client.get(reverse("cooperation:coordinators")).content.decode()
    assert "Kaija Maakunta" in page and "Järjestöyhdyshenkilö" in page
    assert page.count("<strong>") >= 10  # the other counties have none yet
    body_page = client.get(county.get_absolute_url()).content.decode()
    assert "Kaija Maakunta" in body_page


def _more_forms(world, n):
    for i in range(n):
        org = factories.organisation(f"Lisäyhdistys {i} ry", areas=[world["salo"]])
        factories.representative(org)
        form = make_form(world, title=f"Muoto {i}", organisations=[org, world["ngo"]])
        start, end = year()
        services.realisation_mark(
            form=form, period_start=start, period_end=end, outcome="realised", side="body", by=world["official"]
        )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["anonymous", "rep", "official"])
def test_record_summary_and_body_pages_do_not_grow_with_forms(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])
    urls = [_record_url(world), reverse("cooperation:body", args=[world["salo"].slug])]
    if who == "official":
        urls.append(reverse("cooperation:summary", args=[world["salo"].slug]) + f"?vuosi={LAST_YEAR}")
    _more_forms(world, 1)
    small = [_count(client, url) for url in urls]
    _more_forms(world, 6)
    assert [_count(client, url) for url in urls] == small


def test_the_board_list_shows_cooperation_and_does_not_grow(client, world):
    from kumppani.grants.models import ApplicationStatus, BoardMeeting
    from kumppani.grants.services import decisions as grant_services
    from tests.grants import factories as grants

    programme = grants.programme(world["salo"], appropriation=Decimal("10000.00"))
    secretary = factories.official(world["salo"], "board_secretary")
    _marked(world)

    def add(n):
        rows = []
        for i in range(n):
            org = factories.organisation(f"Hakija {BoardMeeting.objects.count()}-{i} {n} ry", areas=[world["salo"]])
            factories.representative(org)
            make_form(world, title=f"Hakijan {i} yhteistyö", organisations=[org])
            application = grants.application(programme, org, status=ApplicationStatus.IN_REVIEW)
            rows.append(grant_services.ProposalRow(application, Decimal("100"), "Perustelu."))
        return rows

    application = grants.application(programme, world["ngo"], status=ApplicationStatus.IN_REVIEW)
    meeting = grant_services.meeting_create(
        programme=programme,
        by=secretary,
        board_name_fi="Sosiaali- ja terveyslautakunta",
        date=dt.date.today(),
        section="45",
        rectification_address="Salon kaupunki, PL 77, 24101 Salo",
    )
    grant_services.proposal_set(
        meeting=meeting,
        by=secretary,
        rows=[grant_services.ProposalRow(application, Decimal("100"), "Perustelu."), *add(2)],
    )
    client.force_login(secretary)
    url = reverse("grants:board_list", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Nuorten kesätapahtuma" in page and "Hakijan 0 yhteistyö" in page
    small = _count(client, url)
    grant_services.proposal_set(meeting=meeting, by=secretary, rows=add(8))
    assert _count(client, url) == small
    pdf = client.get(reverse("grants:board_list_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200


def test_the_bodys_officials_download_the_record_and_the_summary(client, world):
    import io

    from openpyxl import load_workbook

    _marked(world, title='=HYPERLINK("http://x")')
    client.force_login(world["official"])
    salo = world["salo"].slug
    csv_text = client.get(reverse("cooperation:export", args=[salo, "csv"])).content.decode("utf-8-sig")
    assert "Sisäinen huomio virastolta." in csv_text and "'=HYPERLINK" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(reverse("cooperation:export", args=[salo, "xlsx"])).content))
    assert workbook.active.max_row == 2
    summary = client.get(reverse("cooperation:summary_export", args=[salo, "xlsx"]) + f"?vuosi={LAST_YEAR}")
    rows = list(load_workbook(io.BytesIO(summary.content)).active.values)
    assert ("Toimiala", "Nuorisopalvelut", 0, 1, 0, 0) in rows


def test_an_official_records_a_booking_as_cooperation_from_the_booking_page(client, world):
    from kumppani.premises import services as premises_services
    from tests.premises import factories as premises

    manager = premises.manager(world["salo"])
    space = premises.space(world["salo"], by=manager)
    (booking,) = premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1))
    booking_url = reverse("premises:booking", args=[booking.pk])
    record_url = reverse("cooperation:from_booking", args=[world["salo"].slug, "varaus", booking.pk])
    # The booking's page is for the space's managers: one who also works in a sector records it.
    services.sector_officials_set(
        sector=world["sector"], officials=[world["official"], manager], by=world["coordinator"]
    )
    client.force_login(manager)
    assert client.get(booking_url).status_code == 200
    assert record_url not in client.get(booking_url).content.decode()  # not approved yet
    premises_services.booking_decide(booking=booking, approve=True, by=manager)
    page = client.get(booking_url).content.decode()
    assert record_url in page
    confirm = client.get(record_url)
    assert confirm.status_code == 200 and world["ngo"].name in confirm.content.decode()
    response = client.post(record_url, {"sector": world["sector"].pk})
    form = CooperationForm.objects.get(booking=booking)
    assert response.status_code == 302 and (form.kind, form.sector) == ("premises", world["sector"])
    # Recorded once: the booking's page now leads to the form instead.
    page = client.get(booking_url).content.decode()
    assert record_url not in page and reverse("cooperation:form", args=[form.uuid]) in page
    # A manager who records no cooperation gets no link; the NGO and another body's official no page.
    client.force_login(premises.manager(world["salo"]))
    assert record_url not in client.get(booking_url).content.decode()
    for outsider in (world["rep"], world["other_official"]):
        client.force_login(outsider)
        assert client.get(record_url).status_code == 403
    assert CooperationForm.objects.filter(booking=booking).count() == 1
