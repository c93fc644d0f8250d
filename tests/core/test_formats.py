"""Dates read as Finns write them in every language: 5.12.2026, never 2026-12-05 or 12/05/2026."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

DAY = dt.date(2026, 12, 5)
MOMENT = dt.datetime(2026, 12, 5, 18, 0)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_short_date_is_day_month_year_with_dots(language):
    with translation.override(language):
        text = Template('{{ day|date:"SHORT_DATE_FORMAT" }} {{ moment|date:"SHORT_DATETIME_FORMAT" }}').render(
            Context({"day": DAY, "moment": MOMENT})
        )
    assert text.startswith("5.12.2026 5.12.2026 ")
    assert text.endswith(("18.00", "18.00"))
    assert "2026-12-05" not in text and "12/05/2026" not in text
