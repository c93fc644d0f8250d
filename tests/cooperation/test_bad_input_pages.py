"""A decision, a realisation marking, an ending, a booking recorded as cooperation, an action item or
a yearly negotiation sent with a mistake opens the same page again: the error summary at the top
links to the field, the error stands beside it, what the person typed is still there, and nothing
is saved or written to the history."""

import re

import pytest
from django.urls import reverse

from kumppani.cooperation import services
from kumppani.cooperation.governance import services as governance
from kumppani.cooperation.governance.models import ActionItem, Negotiation
from kumppani.cooperation.models import CooperationForm, Realisation, Status
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation import governance_factories as gf
from tests.cooperation.record_world import LAST_YEAR, make_form, make_proposal
from tests.error_summary import error_summary

pytestmark = pytest.mark.django_db


def _summary(response, *anchors) -> str:
    """The page, after checking that it came back with an error summary linking to each field."""
    error_summary(response, *(anchor.removeprefix("id_") for anchor in anchors))
    return response.content.decode()


def _checked(page: str, name: str, value: str) -> bool:
    return any(
        f'value="{value}"' in tag and "checked" in tag for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    )


# The cooperation record -------------------------------------------------------------------------


def test_a_decision_without_accept_or_decline_keeps_the_reason_typed(client, world):
    form = make_proposal(world)
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:form_decide", args=[form.uuid]), {"reason": "Meillä on jo sama koulutus."}
    )
    page = _summary(response, "id_accept_0")
    assert "Meillä on jo sama koulutus.</textarea>" in page
    form.refresh_from_db()
    assert form.status == Status.PROPOSED and AuditEntry.objects.count() == before


def test_declining_without_a_reason_is_shown_beside_the_reason(client, world, mailoutbox):
    form = make_proposal(world)
    client.force_login(world["official"])
    before, sent = AuditEntry.objects.count(), len(mailoutbox)
    response = client.post(reverse("cooperation:form_decide", args=[form.uuid]), {"accept": "0", "reason": ""})
    page = _summary(response, "id_reason")
    assert _checked(page, "accept", "0")  # "Decline" stays chosen
    assert page.index('class="errorlist') < page.index('id="id_reason"')
    form.refresh_from_db()
    assert form.status == Status.PROPOSED and form.decision_reason == ""
    assert AuditEntry.objects.count() == before and len(mailoutbox) == sent


def test_a_marking_without_the_outcome_keeps_the_note_typed(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    period = f"{LAST_YEAR}-01-01/{LAST_YEAR}-12-31"
    response = client.post(
        reverse("cooperation:form_mark", args=[form.uuid]),
        {"side": "body", "body-period": period, "body-note": "Tapahtuma siirtyi syksyyn."},
    )
    page = _summary(response, "id_body-outcome_0")
    assert "Tapahtuma siirtyi syksyyn.</textarea>" in page
    assert f'<option value="{period}" selected>' in page
    assert not Realisation.objects.exists() and AuditEntry.objects.count() == before


def test_the_ngos_marking_with_a_period_not_offered(client, world):
    form = make_form(world)
    client.force_login(world["rep"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:form_mark", args=[form.uuid]),
        {"side": "ngo", "ngo-period": "1990-01-01/1990-12-31", "ngo-outcome": "realised", "ngo-note": "Hyvin meni"},
    )
    page = _summary(response, "id_ngo-period")
    assert "Hyvin meni</textarea>" in page and _checked(page, "ngo-outcome", "realised")
    assert not Realisation.objects.exists() and AuditEntry.objects.count() == before


def test_ending_with_a_date_that_is_no_date_keeps_it_typed(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    response = client.post(reverse("cooperation:form_end", args=[form.uuid]), {"ends_on": "31.2.2026"})
    page = _summary(response, "id_ends_on")
    assert 'value="31.2.2026"' in page
    assert 'id="id_title"' in page  # the rest of the page for changing the form is there too
    form.refresh_from_db()
    assert (form.status, form.ends_on) == (Status.ACTIVE, None) and AuditEntry.objects.count() == before


def test_ending_before_it_started_is_shown_beside_the_date(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:form_end", args=[form.uuid]), {"ends_on": "2000-01-01", "confirmed": "1"}
    )
    page = _summary(response, "id_ends_on")
    assert 'value="2000-01-01"' in page
    form.refresh_from_db()
    assert (form.status, form.ends_on, form.version) == (Status.ACTIVE, None, 1)
    assert AuditEntry.objects.count() == before


@pytest.fixture
def booking(world):
    from kumppani.premises import services as premises_services
    from tests.premises import factories as premises

    manager = premises.manager(world["salo"])
    space = premises.space(world["salo"], by=manager)
    (booking,) = premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1))
    premises_services.booking_decide(booking=booking, approve=True, by=manager)
    return booking


def test_a_booking_recorded_with_another_bodys_sector(client, world, booking):
    tampere_sector = services.sector_save(body=world["tampere"], name_fi="Kulttuuri", by=world["tampere_coordinator"])
    client.force_login(world["official"])
    before = AuditEntry.objects.count()
    url = reverse("cooperation:from_booking", args=[world["salo"].slug, "varaus", booking.pk])
    page = _summary(client.post(url, {"sector": tampere_sector.pk}), "id_sector")
    assert world["ngo"].name in page  # the booking's own page, with its sector choice
    assert not CooperationForm.objects.exists() and AuditEntry.objects.count() == before


def test_a_booking_recorded_twice_says_so_and_keeps_the_sector_chosen(client, world, booking):
    client.force_login(world["official"])
    url = reverse("cooperation:from_booking", args=[world["salo"].slug, "varaus", booking.pk])
    assert client.post(url, {"sector": world["sector"].pk}).status_code == 302
    before = AuditEntry.objects.count()
    response = client.post(url, {"sector": world["sector"].pk})
    box = error_summary(response)
    assert "already recorded" in box or "jo kirjattu" in box
    assert f'<option value="{world["sector"].pk}" selected>' in response.content.decode()
    assert CooperationForm.objects.count() == 1 and AuditEntry.objects.count() == before


def test_a_booking_of_another_body_is_not_found(client, world, booking):
    services.sector_save(body=world["tampere"], name_fi="Kulttuuri", by=world["tampere_coordinator"])
    client.force_login(world["tampere_coordinator"])
    url = reverse("cooperation:from_booking", args=[world["tampere"].slug, "varaus", booking.pk])
    assert client.post(url, {"sector": ""}).status_code == 404
    assert not CooperationForm.objects.exists()


# Governance ---------------------------------------------------------------------------------------


@pytest.fixture
def salo():
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator")
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    meeting = gf.meeting(salo, by=coordinator, organisations=[ngo])
    return {"salo": salo, "coordinator": coordinator, "ngo": ngo, "meeting": meeting}


def test_an_action_item_without_a_due_date_keeps_what_was_typed(client, salo):
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:action_add", args=[salo["meeting"].pk]),
        {"title": "Kootaan kokemustieto", "due_on": "ensi viikolla", "owner_organisation": salo["ngo"].pk},
    )
    page = _summary(response, "id_due_on")
    assert 'value="Kootaan kokemustieto"' in page and 'value="ensi viikolla"' in page
    assert f'<option value="{salo["ngo"].pk}" selected>' in page
    assert not ActionItem.objects.exists() and AuditEntry.objects.count() == before


def test_an_action_item_without_anyone_responsible(client, salo, mailoutbox):
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("cooperation:action_add", args=[salo["meeting"].pk]),
        {"title": "Kootaan kokemustieto", "due_on": "2027-10-01"},
    )
    page = _summary(response, "id_owner_user")
    assert 'value="Kootaan kokemustieto"' in page and 'value="2027-10-01"' in page
    assert not ActionItem.objects.exists() and AuditEntry.objects.count() == before and not mailoutbox


def test_opening_a_negotiation_for_a_year_out_of_range_keeps_it_typed(client, salo):
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(reverse("cooperation:negotiation_open", args=[salo["salo"].slug]), {"year": "1999"})
    page = _summary(response, "id_year")
    assert 'value="1999"' in page and page.index('class="errorlist') < page.index('id="id_year"')
    assert not Negotiation.objects.exists() and AuditEntry.objects.count() == before


def test_opening_the_same_year_twice_is_shown_beside_the_year(client, salo):
    governance.negotiation_open(by=salo["coordinator"], body=salo["salo"], year=2027)
    client.force_login(salo["coordinator"])
    before = AuditEntry.objects.count()
    response = client.post(reverse("cooperation:negotiation_open", args=[salo["salo"].slug]), {"year": "2027"})
    page = _summary(response, "id_year")
    assert 'value="2027"' in page
    assert Negotiation.objects.count() == 1 and AuditEntry.objects.count() == before
