"""Actions that cannot be undone ask first, on a page of their own that works without JavaScript:
an NGO cancels a booking, the premises manager (whose own page counts the requests waiting) rejects
one — each through the pages in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.browser


def test_cancelling_and_rejecting_a_booking_ask_first(page, axe_check, sign_in):
    from kumppani.premises.models import Booking, BookingStatus

    salo = factories.salo()
    boss = premises.manager(salo)
    space = premises.space(salo, by=boss, name_fi="Kokoushuone Kajava")
    ngo = factories.organisation("Peruuttajat ry", areas=[salo])
    rep = factories.representative(ngo)
    (mine,) = premises.book(space, ngo, rep, premises.future_weekday(1))
    (other,) = premises.book(space, ngo, rep, premises.future_weekday(2))
    sign_in(rep)
    page.goto(f"/fi/tilat/varaukset/{mine.pk}/")
    page.fill("#id_reason", "Ryhmä ei kokoonnu")
    page.get_by_role("button", name="Peru varaus").click()
    expect(page.locator("h1")).to_have_text("Peru varaus")
    expect(page.locator("main")).to_contain_text("Kokoushuone Kajava")
    axe_check(page)
    # Going back changes nothing.
    page.get_by_role("link", name="Peruuta ja palaa").click()
    assert Booking.objects.get(pk=mine.pk).status == BookingStatus.REQUESTED
    page.fill("#id_reason", "Ryhmä ei kokoonnu")
    page.get_by_role("button", name="Peru varaus").click()
    page.get_by_role("button", name="Kyllä, peru varaus").click()
    expect(page.locator(".messages")).to_be_visible()
    mine.refresh_from_db()
    assert (mine.status, mine.reason) == (BookingStatus.CANCELLED, "Ryhmä ei kokoonnu")
    sign_in(boss)
    # The manager's own page counts what waits for approval and leads to it.
    task = page.locator(".role-card li.task-waiting", has_text="1 varauspyyntö odottaa hyväksyntääsi")
    expect(task).to_be_visible()
    axe_check(page)
    task.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/tilojen-hallinta/$"))
    page.goto(f"/fi/tilat/varaukset/{other.pk}/")
    page.get_by_label("Hylkää").check()
    page.fill("#id_reason", "Tila on remontissa")
    page.get_by_role("button", name="Tallenna päätös").click()
    expect(page.locator("h1")).to_have_text("Hylkää varaus")
    expect(page.locator("main")).to_contain_text("Peruuttajat ry")
    axe_check(page)
    page.get_by_role("button", name="Kyllä, hylkää varaus").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Booking.objects.get(pk=other.pk).status == BookingStatus.REJECTED
