"""A grant application walked with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7): the NGO's
representative signs in, finds the programme, starts the application, fills the six steps and
submits it with Tab, Shift+Tab, Enter and Space only, the focus visible at every stop."""

import re

import pytest
from django.urls import reverse as django_reverse
from django.utils import translation
from playwright.sync_api import expect

from kumppani.grants.models import Application, ApplicationStatus
from tests import factories
from tests.browser.conftest import tab_to
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.browser


def reverse(name: str, args=()) -> str:
    with translation.override("fi"):
        return django_reverse(name, args=args)


def press_and_wait(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_a_representative_applies_for_a_grant_with_the_keyboard_alone(page, axe_check):
    salo = factories.salo()
    programme = grant_factories.programme(salo, "Näppäimistöavustukset", required_attachments=[])
    question = programme.questions.get()
    organisation = factories.organisation("Näppäinten Omaishoitajat ry", association_id="123.456", areas=[salo])
    person = factories.representative(organisation, email="nappaimisto@omaishoitajat.example")

    # Sign in.
    page.goto("/fi/kirjaudu/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(person.email)
    page.keyboard.press("Tab")
    page.keyboard.type(factories.PASSWORD)
    press_and_wait(page, "Enter")
    expect(page).to_have_url(re.compile(r"/fi/oma/$"))

    # Find the programme on the grants page and open it.
    page.goto(reverse("grants:programme_list"))
    tab_to(page, f"main a[href$='{programme.get_absolute_url()}']")
    press_and_wait(page, "Enter")
    expect(page.locator("h1")).to_contain_text("Näppäimistöavustukset")
    axe_check(page)
    tab_to(page, f"main a[href$='{reverse('grants:application_start', args=[programme.pk])}']")
    press_and_wait(page, "Enter")
    tab_to(page, "main form button")
    press_and_wait(page, "Space")
    expect(page).to_have_url(re.compile(r"/vaihe/1/$"))
    axe_check(page)

    next_step = "button[name=go][value=next]"
    # Step 1: what the grant is for, how much, where it is paid.
    tab_to(page, "#id_title")
    page.keyboard.type("Vertaisryhmät omaishoitajille")
    tab_to(page, "#id_purpose")
    page.keyboard.type("Vertaisryhmä kahdesti kuussa.")
    tab_to(page, "#id_amount_requested")
    page.keyboard.type("2 500")
    tab_to(page, "#id_bank_account")
    page.keyboard.type("FI21 1234 5600 0007 85")
    tab_to(page, next_step)
    # Shift+Tab goes back to "Save the draft", Tab forward again to "Save and continue".
    page.keyboard.press("Shift+Tab")
    expect(page.locator("button[name=go][value=stay]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(next_step)).to_be_focused()
    press_and_wait(page, "Enter")
    expect(page).to_have_url(re.compile(r"/vaihe/2/$"))

    # Step 2: outcomes.
    tab_to(page, "#id_expected_outcomes")
    page.keyboard.type("Noin 40 omaishoitajaa saa vertaistukea.")
    tab_to(page, next_step)
    press_and_wait(page, "Enter")
    expect(page).to_have_url(re.compile(r"/vaihe/3/$"))
    axe_check(page)

    # Step 3: the budget.
    for selector, text in (
        ("#id_expense-0-description", "Tilavuokrat"),
        ("#id_expense-0-amount", "2 500"),
        ("#id_income-0-description", "Haettava avustus"),
        ("#id_income-0-amount", "2 500"),
    ):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, next_step)
    press_and_wait(page, "Enter")
    expect(page).to_have_url(re.compile(r"/vaihe/4/$"))

    # Step 4: the programme's own question.
    tab_to(page, f"#id_q{question.pk}")
    page.keyboard.type("Kirjaston ja terveysaseman ilmoitustauluilla.")
    tab_to(page, next_step)
    press_and_wait(page, "Enter")
    expect(page).to_have_url(re.compile(r"/vaihe/5/$"))

    # Step 5: no attachment is required; Space presses the button.
    tab_to(page, next_step)
    press_and_wait(page, "Space")
    expect(page).to_have_url(re.compile(r"/vaihe/6/$"))
    axe_check(page)

    # Step 6: submit.
    tab_to(page, f"form[action$='{reverse('grants:application_submit', args=[Application.objects.get().pk])}'] button")
    press_and_wait(page, "Enter")
    sent = Application.objects.get(organisation=organisation)
    assert sent.status == ApplicationStatus.SUBMITTED
    assert sent.bank_account == "FI21 1234 5600 0007 85"
    assert sent.budget_lines.count() == 2
    expect(page.locator("main")).to_contain_text(sent.reference)
    axe_check(page)
