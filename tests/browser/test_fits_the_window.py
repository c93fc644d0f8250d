"""Nothing is wider than the window: money totals in the millions wrap inside their boxes on a phone
and show every digit, and the width check that every journey ends with does catch a page that is too
wide."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.grants.models import (
    ApplicationStatus,
    BoardMeeting,
    Decision,
    Instalment,
    InstalmentStatus,
    MeetingStatus,
)
from tests import factories
from tests.grants import factories as grant_factories

pytestmark = pytest.mark.browser

# Each figure's box: the text's own width against the box it sits in, and its right edge.
CLIPPED = """() => [...document.querySelectorAll('.stat strong')].map(el => ({
    text: el.textContent.trim(),
    overflows: el.scrollWidth > el.clientWidth,
    right: el.getBoundingClientRect().right,
    boxRight: el.parentElement.getBoundingClientRect().right,
}))"""


def test_payment_totals_in_the_millions_show_every_digit_on_a_phone(page, sign_in):
    salo = factories.salo()
    ngo = factories.organisation("Salon Isot Summat ry", areas=[salo])
    programme = grant_factories.programme(salo, "Toiminta-avustukset", year=2026)
    application = grant_factories.application(programme, ngo, status=ApplicationStatus.DECIDED, title="Olohuone")
    meeting = BoardMeeting.objects.create(
        body=salo,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=timezone.localdate() - dt.timedelta(days=3),
        section="7",
        status=MeetingStatus.DECIDED,
    )
    amount = Decimal("12345678.90")
    Decision.objects.create(application=application, meeting=meeting, proposed_amount=amount, amount=amount)
    Instalment.objects.create(
        application=application,
        due_date=timezone.localdate(),
        amount=Decimal("2345678.90"),
        status=InstalmentStatus.PAID,
    )
    sign_in(factories.official(salo, "coordinator"))
    page.set_viewport_size({"width": 390, "height": 800})
    with translation.override("fi"):
        addresses = [
            reverse("grants:application_payments", args=[application.pk]),
            reverse("grants:programme_payments", args=[programme.pk]),
        ]
    for address in addresses:
        page.goto(address)
        figures = page.evaluate(CLIPPED)
        shown = [figure["text"] for figure in figures]
        assert "12\xa0345\xa0678,90\xa0€" in shown or "12 345 678,90 €" in shown, shown
        for figure in figures:
            assert not figure["overflows"], figure
            assert figure["right"] <= figure["boxRight"] <= 390, figure


def test_the_width_check_catches_a_page_wider_than_a_phone(browser, live_server):
    """The check every journey ends with (conftest._too_wide) names a page that is too wide for a phone
    and lets it pass on a desktop."""
    from tests.browser.conftest import _too_wide

    context = browser.new_context(base_url=live_server.url)
    wide = "<!doctype html><html><body style='margin:0'><div style='width:600px'>leveä</div></body></html>"
    context.route("**/levea-sivu/", lambda route: route.fulfill(status=200, content_type="text/html", body=wide))
    found = _too_wide(context, ["/fi/levea-sivu/"])
    context.close()
    assert [line.split(" (")[0] for line in found] == [
        "/fi/levea-sivu/ at 390 px: 600 px wide",
        "/sv/levea-sivu/ at 390 px: 600 px wide",
    ]
