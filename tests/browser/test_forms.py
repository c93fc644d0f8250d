"""Long forms in Chromium: the NGO's form in parts with links to each part, kept in view on a desktop,
and a save that comes back to the part the person was in — with JavaScript and without it."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.browser


def test_the_ngo_form_is_in_parts_and_a_save_comes_back_to_the_part_the_person_was_in(page, axe_check, sign_in):
    organisation = factories.organisation("Osioiden Kerho ry", areas=[factories.salo()])
    sign_in(factories.representative(organisation, role="admin"))
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"/fi/jarjestot/{organisation.slug}/muokkaa/")
    links = page.locator("nav.form-sections a")
    expect(links).to_have_count(5)
    for href in ("#section-name", "#section-where", "#section-contact", "#section-registration", "#section-people"):
        expect(page.locator(f"nav.form-sections a[href='{href}']")).to_be_visible()
        expect(page.locator(f"fieldset{href} legend h2")).to_be_visible()
    axe_check(page)
    # The links stay in view on a desktop while the person scrolls down the form.
    page.locator("nav.form-sections a[href='#section-registration']").click()
    expect(page).to_have_url(re.compile(r"#section-registration$"))
    assert page.evaluate("window.scrollY") > 200
    top = page.evaluate("document.querySelector('nav.form-sections').getBoundingClientRect().top")
    assert 0 <= top < 10
    heading_top = page.evaluate("document.querySelector('#section-registration-title').getBoundingClientRect().top")
    nav_bottom = page.evaluate("document.querySelector('nav.form-sections').getBoundingClientRect().bottom")
    assert heading_top >= nav_bottom, "the part's heading hides behind the links"
    # Enter in a field of the contact details saves and comes back to that part, not to the first one.
    page.fill("#id_phone", "02 765 4321")
    page.locator("#id_phone").press("Enter")
    expect(page).to_have_url(re.compile(r"#section-contact$"))
    expect(page.locator("#section-contact .saved-note")).to_have_text("Tallennettu.")
    expect(page.locator(".saved-note")).to_have_count(1)
    organisation.refresh_from_db()
    assert organisation.phone == "02 765 4321"
    # Saving and closing goes to the NGO's page as before.
    page.locator("button[name=close]").click()
    expect(page).to_have_url(re.compile(rf"/jarjestot/{organisation.slug}/$"))


def test_without_javascript_the_parts_own_save_button_comes_back_to_it(browser, live_server, sign_in):
    organisation = factories.organisation("Ilman Skriptejä ry", areas=[factories.salo()])
    person = factories.representative(organisation, role="admin")
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    try:
        sign_in(person, page=page)
        page.goto(f"/fi/jarjestot/{organisation.slug}/muokkaa/")
        page.fill("#id_member_count", "42")
        page.locator("#section-registration button[name=save_section]").click()
        expect(page).to_have_url(re.compile(r"\?saved=registration#section-registration$"))
        expect(page.locator("#section-registration .saved-note")).to_be_visible()
        organisation.refresh_from_db()
        assert organisation.member_count == 42
    finally:
        context.close()


def test_budget_rows_are_added_in_the_page_and_the_totals_follow_what_is_typed(page, axe_check, sign_in):
    from tests.grants import factories as grant_factories

    salo = factories.salo()
    programme = grant_factories.programme(salo, "Yleisavustukset")
    organisation = factories.organisation("Budjetoijat ry", areas=[salo])
    application = grant_factories.application(programme, organisation, amount="3000.00")
    sign_in(factories.representative(organisation))
    page.goto(f"/fi/avustukset/hakemukset/{application.pk}/vaihe/3/")
    expenses = page.locator("[data-budget-kind=expense]")
    incomes = page.locator("[data-budget-kind=income]")
    # The headings are plural, as a budget's are: "Menot" and "Tulot".
    expect(expenses.locator("caption")).to_have_text("Menot")
    expect(incomes.locator("caption")).to_have_text("Tulot")
    axe_check(page)
    page.fill("#id_expense-1-description", "Matkat")
    page.fill("#id_expense-1-amount", "1 234,50")
    expect(expenses.locator("[data-budget-total]")).to_have_text("4\u00a0234,50 €")
    expect(page.locator("[data-budget-difference]")).to_have_text("-1\u00a0234,50 €")
    page.fill("#id_income-1-description", "Omarahoitus")
    page.fill("#id_income-1-amount", "1234.5")
    expect(incomes.locator("[data-budget-total]")).to_have_text("4\u00a0234,50 €")
    expect(page.locator("[data-budget-difference]")).to_have_text("0,00 €")
    # "Add a row" gives a fifth expense row and puts the focus in it.
    rows = expenses.locator("tbody tr")
    expect(rows).to_have_count(4)
    expenses.locator("[data-formset-add]").click()
    expect(rows).to_have_count(5)
    expect(page.locator("#id_expense-4-description")).to_be_focused()
    page.keyboard.type("Tarvikkeet")
    page.fill("#id_expense-4-amount", "100")
    expect(expenses.locator("[data-budget-total]")).to_have_text("4\u00a0334,50 €")
    axe_check(page)
    page.locator("button[name=go][value=stay]").click()
    expect(page.locator(".messages")).to_be_visible()
    lines = list(application.budget_lines.filter(kind="expense").values_list("description", "amount"))
    assert [(d, str(a)) for d, a in lines] == [
        ("Tilavuokrat", "3000.00"),
        ("Matkat", "1234.50"),
        ("Tarvikkeet", "100.00"),
    ]


def test_the_programme_form_adds_a_criterion_and_a_question_in_the_page(page, axe_check, sign_in):
    from tests.grants import factories as grant_factories

    salo = factories.salo()
    programme = grant_factories.programme(salo, "Kohdeavustukset")
    sign_in(factories.official(salo, "official"))
    page.goto(f"/fi/avustukset/ohjelmat/{programme.pk}/muokkaa/")
    criteria = page.locator("[data-formset=criteria] [data-formset-rows] > .row-card")
    before = criteria.count()
    page.locator("[data-formset=criteria] [data-formset-add]").click()
    expect(criteria).to_have_count(before + 1)
    page.keyboard.type("Yhteistyö")
    page.fill(f"#id_criteria-{before}-weight", "1")
    questions = page.locator("[data-formset=questions] [data-formset-rows] > .row-card")
    count = questions.count()
    page.locator("[data-formset=questions] [data-formset-add]").click()
    expect(questions).to_have_count(count + 1)
    page.keyboard.type("Keiden kanssa teette yhteistyötä?")
    axe_check(page)
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/ohjelmat/{programme.pk}/$"))
    assert [c.name_fi for c in programme.criteria.order_by("position")] == [
        "Vaikuttavuus",
        "Kustannustehokkuus",
        "Yhteistyö",
    ]
    assert programme.questions.order_by("position").last().text_fi == "Keiden kanssa teette yhteistyötä?"


def test_saving_a_grant_application_draft_comes_back_to_the_part_the_person_was_in(page, sign_in):
    from tests.grants import factories as grant_factories

    salo = factories.salo()
    organisation = factories.organisation("Luonnostelijat ry", areas=[salo])
    application = grant_factories.application(grant_factories.programme(salo), organisation)
    sign_in(factories.representative(organisation))
    page.goto(f"/fi/avustukset/hakemukset/{application.pk}/vaihe/1/")
    page.fill("#id_contact_name", "Riitta Edustaja")
    page.fill("#id_contact_email", "riitta@example.org")
    page.fill("#id_contact_phone", "040 123 4567")
    page.locator("button[name=go][value=stay]").click()
    expect(page).to_have_url(re.compile(r"/vaihe/1/#part-contact$"))
    application.refresh_from_db()
    assert application.contact_phone == "040 123 4567"
