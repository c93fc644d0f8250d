"""Reads the error summary at the top of a refused form (the GOV.UK pattern): the page opens again with
a box that links to each field to mend.

box = error_summary(response)                      # the <div class="error-summary"> as text
assert 'href="#id_title"' in box
error_summary(response, "title", "starts_on")      # each field linked, the box before the first field
"""

import re

OLD_NOTICE = "Please check the fields marked below"


def error_summary(response, *fields: str, without_old_notice: bool = False) -> str:
    """The error summary of a refused form, which opened again (200). With `fields`, each of them is a
    link in it and the summary comes before the first one's input. With `without_old_notice`, the page
    no longer shows the old line "Please check the fields marked below" instead."""
    assert response.status_code == 200
    page = response.content.decode()
    found = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert found, "no error summary on the page"
    box = found.group(0)
    for field in fields:
        assert f'href="#id_{field}"' in box, field
    if fields:
        assert found.start() < page.index(f'id="id_{fields[0]}"')
    if without_old_notice:
        assert OLD_NOTICE not in page
    return box
