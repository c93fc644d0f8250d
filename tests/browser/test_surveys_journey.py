"""A survey's journey in Chromium, with axe-core on every page: a resident answers Rovaniemi's
survey on a phone-sized window through an NGO's link (the conditional question appears only when
its choice is chosen), and the official who owns the survey sees how many answers the NGO brought."""

import re

import pytest
from playwright.sync_api import expect

from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import Answer, Response
from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.browser


def test_a_resident_answers_through_an_ngos_link_and_the_owner_sees_its_reach(page, axe_check, sign_in):
    rovaniemi = factories.municipality("698")
    owner = factories.official(rovaniemi, role="official")
    ngo = factories.organisation("Rovaniemen Eläkeläiset ry", areas=[rovaniemi])
    survey = sf.survey(rovaniemi, owner, open_link=False)
    lonely = sf.choice_question(
        survey, owner, text="Tunnetko itsesi yksinäiseksi?", labels=("En", "Usein"), required=True
    )
    often = lonely.choices.get(label_fi="Usein")
    helps = sf.text_question(survey, owner, text="Mikä auttaisi?", show_if_choice=often)
    sf.scale_question(survey, owner)
    link = services.links_create(survey=survey, organisation=ngo, channel="", by=owner)[0]

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(link.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Hyvinvointikysely")
    axe_check(page)
    conditional = page.locator(f"#q{helps.pk}")
    expect(conditional).to_be_hidden()
    # Sending without the required answer: a clear message, and nothing is saved.
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#errors")).to_be_visible()
    axe_check(page)
    assert not Response.objects.exists()
    page.get_by_label("Usein").check()
    expect(conditional).to_be_visible()
    page.fill(f"#q{helps.pk}-text", "Kerho lähempänä kotia")
    page.get_by_label("4", exact=True).check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kiitos/$"))
    axe_check(page)
    response = Response.objects.get()
    assert response.organisation == ngo and Answer.objects.filter(response=response).count() == 3

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(owner)
    page.goto(f"/fi/kyselyt/{survey.slug}/hallinta/")
    axe_check(page)
    row = page.locator("table tbody tr", has_text="Rovaniemen Eläkeläiset ry")
    expect(row.locator("td").last).to_have_text("1")
    page.goto(f"/fi/kyselyt/{survey.slug}/tulokset/")
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Kerho lähempänä kotia")
