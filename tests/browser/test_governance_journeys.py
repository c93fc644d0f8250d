"""Governance as people walk it in Chromium, signing in through the login page, axe-core on every
page: the partnership table's meeting with minutes and an action item an NGO marks done; an expert
request answered by an NGO and recorded as realised cooperation; the yearly negotiation from the
agenda prepared from the data to the agreed record's PDF."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from kumppani.cooperation import services as record
from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    ExpertRequestStatus,
    Meeting,
    Negotiation,
    NegotiationStatus,
)
from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def salo():
    body = factories.salo()
    coordinator = factories.official(body, "coordinator", name="Päivi Salminen")
    ngo = factories.organisation("Salon Seudun Omaishoitajat ry", areas=[body])
    rep = factories.representative(ngo, name="Timo Hakala")
    return {"body": body, "coordinator": coordinator, "ngo": ngo, "rep": rep}


def test_a_partnership_meeting_with_minutes_and_an_action_item_the_ngo_marks_done(
    page, axe_check, salo, sign_in, submit
):
    body, coordinator, ngo, rep = salo["body"], salo["coordinator"], salo["ngo"], salo["rep"]
    sign_in(coordinator)
    page.goto(reverse("cooperation:meetings", args=[body.slug]))
    axe_check(page)
    submit(page.locator(f"main a[href='{reverse('cooperation:meeting_create', args=[body.slug])}']"))
    page.fill("#id_title", "Kumppanuuspöytä, syksy")
    page.fill("#id_starts_at", (timezone.localdate() + dt.timedelta(days=7)).isoformat() + "T13:00")
    page.fill("#id_place", "Salon kaupungintalo")
    page.fill("#id_agenda", "1. Avustukset\n2. Tilat järjestöjen käyttöön")
    page.check(f"input[name=organisations][value='{ngo.pk}']")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("h1")).to_have_text("Kumppanuuspöytä, syksy")
    meeting = Meeting.objects.get()

    submit(page.locator(f"main a[href='{reverse('cooperation:meeting_edit', args=[meeting.pk])}']"))
    page.fill("#id_minutes", "Sovittiin, että omaishoitajat kertovat vertaisryhmistään hyvinvointikertomukseen.")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Sovittiin, että omaishoitajat")
    page.fill("#id_title", "Kirjoitetaan vertaisryhmistä hyvinvointikertomukseen")
    page.fill("#id_due_on", (timezone.localdate() + dt.timedelta(days=30)).isoformat())
    page.select_option("#id_owner_organisation", str(ngo.pk))
    submit(page.locator("form[action$='/toimenpiteet/'] button[type=submit]"))
    submit(page.locator("form[action$='/hyvaksy/'] button"))
    assert Meeting.objects.get().minutes_approved_at is not None

    # The NGO sees the action item on its own page and marks it done there.
    sign_in(rep)
    axe_check(page)
    item = page.locator("main li", has_text="Kirjoitetaan vertaisryhmistä hyvinvointikertomukseen")
    submit(item.locator("button", has_text="Merkitse tehdyksi"))
    assert ActionItem.objects.get().done_by == rep
    expect(page.locator("main")).not_to_contain_text("Kirjoitetaan vertaisryhmistä hyvinvointikertomukseen")


def test_an_expert_request_answered_and_recorded_as_realised_cooperation(page, axe_check, salo, sign_in, submit):
    body, ngo, rep = salo["body"], salo["ngo"], salo["rep"]
    official = factories.official(body, "official", name="Mikko Virtanen")
    sector = record.sector_save(body=body, name_fi="Hyvinvoinnin edistäminen", by=salo["coordinator"])
    record.sector_officials_set(sector=sector, officials=[official], by=salo["coordinator"])

    sign_in(official)
    page.goto(reverse("cooperation:expert_request_create", args=[body.slug]))
    axe_check(page)
    page.select_option("#id_sector", str(sector.pk))
    page.fill("#id_topic", "Omaishoitajien jaksaminen hyvinvointikertomukseen")
    page.select_option("#id_purpose", "welfare_report")
    page.fill("#id_needed", "Kokemustietoa omaishoitajien arjesta ja tuen tarpeista.")
    page.fill("#id_deadline", (timezone.localdate() + dt.timedelta(days=14)).isoformat())
    submit(page.locator("main form button[type=submit]"))
    expert = ExpertRequest.objects.get()

    sign_in(rep)
    submit(page.locator("main a", has_text="Omaishoitajien jaksaminen hyvinvointikertomukseen"))
    page.select_option("#id_organisation", str(ngo.pk))
    page.fill("#id_text", "Kokoamme jäsenkyselyn tulokset ja tulemme kertomaan ne työryhmään.")
    submit(page.locator(f"form[action='{reverse('cooperation:expert_answer', args=[expert.pk])}'] button"))

    sign_in(official)
    page.goto(expert.get_absolute_url())
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Kokoamme jäsenkyselyn tulokset")
    page.check("input[name=answers]")
    page.fill("#id_note", "Tiedot tulivat ajoissa ja ne ovat kertomuksessa.")
    submit(page.locator("form[action$='/toteutui/'] button[type=submit]"))
    assert ExpertRequest.objects.get().status == ExpertRequestStatus.FULFILLED

    # The NGO's record shows it as realised practical cooperation.
    sign_in(rep)
    page.goto(reverse("cooperation:record", args=[body.slug, ngo.slug]))
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Omaishoitajien jaksaminen hyvinvointikertomukseen")
    expect(page.locator("main")).to_contain_text("Toteutui")


def test_the_yearly_negotiation_from_the_agenda_to_the_agreed_pdf(page, axe_check, salo, sign_in, submit):
    body, coordinator, ngo = salo["body"], salo["coordinator"], salo["ngo"]
    year = timezone.localdate().year
    sign_in(coordinator)
    page.goto(reverse("cooperation:negotiations", args=[body.slug]))
    axe_check(page)
    page.fill("#id_year", str(year))
    submit(page.locator("main form button[type=submit]"))
    negotiation = Negotiation.objects.get()
    expect(page.locator("h1")).to_contain_text(str(year))

    submit(
        page.locator(f"main a[href='{reverse('cooperation:negotiation_edit', args=[negotiation.pk])}']"),
    )
    page.fill("#id_held_on", timezone.localdate().isoformat())
    page.fill("#id_place", "Salon kaupungintalo")
    page.fill("#id_summary", "Sovittiin omaishoitajien tuesta ja yhteisistä tiloista.")
    page.check(f"input[name=organisations][value='{ngo.pk}']")
    submit(page.locator("main form button[type=submit]"))

    submit(page.locator(f"main a[href='{reverse('cooperation:measure_create', args=[negotiation.pk])}']"))
    page.fill("#id_goal", "Omaishoitajat jaksavat")
    page.fill("#id_measure", "Vertaisryhmä joka kuukausi kaupungin tiloissa.")
    page.fill("#id_indicator", "Ryhmien määrä ja osallistujat")
    page.check(f"input[name=organisations][value='{ngo.pk}']")
    submit(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Omaishoitajat jaksavat")

    submit(page.locator("form[action$='/sovi/'] button"))
    assert Negotiation.objects.get().status == NegotiationStatus.AGREED
    pdf_link = page.locator(f"main a[href='{reverse('cooperation:negotiation_pdf', args=[negotiation.pk])}']")
    expect(pdf_link).to_be_visible()
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
