"""An NGO's history in Chromium: its representative changes the phone number and the English short
description, the page says it is saved, and the NGO's history shows each old and new value."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.browser


def test_a_representatives_edit_shows_in_the_ngos_history(page, axe_check, sign_in):
    ngo = factories.organisation(
        "Salon Omaishoitajat ry", phone="02 123 4567", short_description_en="Support for carers"
    )
    sign_in(factories.representative(ngo, name="Riikka Edustaja"))

    page.goto(f"/fi/jarjestot/{ngo.slug}/muokkaa/")
    page.locator("input[name=phone]").fill("040 765 4321")
    page.locator("[name=short_description_en]").fill("Peer support for carers in Salo")
    page.locator("form:has(input[name=phone]) button[type=submit]").last.click()
    expect(page.locator(".messages")).to_contain_text("Tiedot on tallennettu")
    expect(page.locator("main")).to_contain_text("040 765 4321")

    page.locator("main a", has_text="Muutoshistoria").first.click()
    expect(page).to_have_url(re.compile(r"/historia/$"))
    history = page.locator("main table")
    expect(history).to_contain_text("02 123 4567 → 040 765 4321")
    expect(history).to_contain_text("Support for carers → Peer support for carers in Salo")
    expect(history).to_contain_text("Riikka Edustaja")
    expect(history).not_to_contain_text(re.compile(r"\[(fi|sv|en)\]|\d{4}-\d{2}-\d{2}"))
    axe_check(page)
