"""Writing what people typed into files and pages that other programs read: spreadsheets and the
JSON-LD in pages. Text an NGO writes must never become a live formula in an official's Excel, nor
end the <script> element it is embedded in."""

import json

# A spreadsheet program treats a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet should show it: text that would start a formula gets a leading
    apostrophe (shown by no spreadsheet program, and the text stays readable); numbers, dates and
    empty values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]


def json_for_script(data) -> str:
    """JSON to embed in <script type="application/ld+json">: <, > and & escaped as \\u003c, \\u003e and
    \\u0026 (still the same JSON to a parser), so that no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
