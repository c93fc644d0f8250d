"""On a Swedish page a resident sees which texts are only in Finnish: the survey they answer marks its
Finnish-only question and choices (lang="fi", "endast på finska"), and the page stays accessible."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.browser


def test_a_swedish_survey_page_marks_the_finnish_only_question(page, axe_check):
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    sf.choice_question(survey, owner, text="Miten voit?", labels=("Hyvin", "Huonosti"))
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"/sv/kyselyt/{survey.slug}/")
    expect(page.locator("h1")).to_have_text("Välfärdsenkät")
    question = page.locator("legend [lang=fi]", has_text="Miten voit?")
    expect(question).to_be_visible()
    expect(page.locator("legend .only-in-finnish")).to_be_visible()
    axe_check(page)
