"""What an NGO writes cannot turn into a formula in the register's spreadsheet, nor break its profile page."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories

pytestmark = pytest.mark.django_db

PLANTED = '=HYPERLINK("https://example.org/kalastelu","Avaa liite")'


def test_the_public_register_export_carries_no_live_formula(client):
    factories.organisation(PLANTED, short_description_fi="@SUM(1+1)")
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("organisations:export", args=["csv"])).content.decode("utf-8-sig")))
    )
    cells = [cell for row in rows for cell in row]
    assert "'" + PLANTED in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)

    workbook = load_workbook(io.BytesIO(client.get(reverse("organisations:export", args=["xlsx"])).content))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'" + PLANTED in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in values)


def test_a_description_with_a_script_tag_does_not_blank_the_profile(client):
    ngo = factories.organisation("Rohkeat ry", short_description_fi="Tervetuloa <!--<script> & </script> mukaan!")
    page = client.get(ngo.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    # A browser reads "<!--<script>" inside a script element as the start of a nested script, which
    # would swallow the rest of the page: no "<" may be left in the block, and the JSON stays the same.
    assert "<" not in block and ">" not in block
    assert json.loads(block)["description"] == "Tervetuloa <!--<script> & </script> mukaan!"
    assert "Tervetuloa &lt;!--&lt;script&gt; &amp; &lt;/script&gt; mukaan!" in page
