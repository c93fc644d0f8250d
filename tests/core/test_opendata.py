"""Text people type is written safely into spreadsheets and into the JSON-LD of pages."""

import datetime as dt
import json
from decimal import Decimal

from kumppani.core.opendata import json_for_script, safe_cell, safe_row


def test_text_that_would_start_a_formula_is_shown_as_text():
    for dangerous in ('=HYPERLINK("https://example.org","Klikkaa")', "+358 40 123", "-1+1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_row(["Salon Omaishoitajat ry", 1200, Decimal("1.50"), dt.date(2026, 12, 5), None, ""]) == [
        "Salon Omaishoitajat ry",
        1200,
        Decimal("1.50"),
        dt.date(2026, 12, 5),
        None,
        "",
    ]


def test_json_ld_cannot_close_its_script_element_and_reads_back_the_same():
    data = {"description": "<!--<script>alert(1)</script> & </script>", "name": "Yhdistys > muut"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
