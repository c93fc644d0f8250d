"""Sotkanet (THL's statistics and indicator bank): the indicators shipped as reference data and the
import of a file of indicator values.

The file is what Sotkanet's REST API answers to `/rest/1.1/json?indicator=ID&years=Y&genders=total`
(a JSON list of rows `{"indicator", "region", "year", "gender", "value", "absValue"?}`, region being
Sotkanet's own region id), or the same columns as CSV (`;` or `,` separated, header row). A file
with any malformed row is refused as a whole, with the row and the reason, so nothing is half-imported.

`fetch` asks the REST API itself, with the platform's own User-Agent; the HTTP call goes through an
`opener` (urllib's `urlopen` by default) so that tests hand it a recorded answer instead of the network.
"""

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data"
GENDERS = ("total", "male", "female")
MAX_ROWS = 50_000
FIELDS = ("indicator", "region", "year", "gender", "value")
API = "https://sotkanet.fi/rest/1.1/json"
# Sotkanet's region id of the whole country (category MAA, "Suomi"), beside the counties' ids.
COUNTRY_REGION = 658
TIMEOUT_SECONDS = 30
MAX_RESPONSE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    indicator: int
    region: int
    year: int
    gender: str
    value: Decimal | None
    absolute_value: Decimal | None


def reference_indicators() -> list[dict]:
    """The shipped indicators: {id, title_fi, title_sv, title_en, organization}."""
    with (DATA / "sotkanet_indicators_reference.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def county_region_ids() -> dict[int, str]:
    """{Sotkanet region id: wellbeing services county code}, the current ids and the older ones."""
    ids: dict[int, str] = {}
    with (DATA / "sotkanet_hyvinvointialue_region_ids.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column in ("sotkanet_region_id", "sotkanet_region_id_old"):
                if row[column].strip():
                    ids[int(row[column])] = row["hyvinvointialue_code"]
    return ids


def _refuse(message: str, code: str, **params) -> ValidationError:
    return ValidationError({"file": ValidationError(message, code=code, params=params)})


def _integer(value, *, row: int, field: str) -> int:
    if isinstance(value, bool) or value in (None, ""):
        raise _refuse(_("Row %(row)s: “%(field)s” is missing."), "missing_value", row=row, field=field)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise _refuse(
            _("Row %(row)s: “%(field)s” is not a whole number."), "not_a_number", row=row, field=field
        ) from None
    if number != number.to_integral_value() or number < 0:
        raise _refuse(_("Row %(row)s: “%(field)s” is not a whole number."), "not_a_number", row=row, field=field)
    return int(number)


def _decimal(value, *, row: int, field: str) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise _refuse(_("Row %(row)s: “%(field)s” is not a number."), "not_a_number", row=row, field=field)
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _refuse(_("Row %(row)s: “%(field)s” is not a number."), "not_a_number", row=row, field=field) from None
    if not number.is_finite() or abs(number) >= Decimal("1e11"):
        raise _refuse(_("Row %(row)s: “%(field)s” is not a number."), "not_a_number", row=row, field=field)
    return number


def _rows_of(content: bytes, filename: str) -> list[dict]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(_("The file is not UTF-8 text."), "not_text") from None
    if filename.lower().endswith(".json") or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except ValueError as error:
            raise _refuse(
                _("The file is not valid JSON (line %(line)s)."), "bad_json", line=getattr(error, "lineno", "?")
            ) from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise _refuse(_("The JSON must be a list of rows, as Sotkanet's /json answers."), "bad_shape")
        return data
    sample = text[:2000]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [name for name in FIELDS if name not in (reader.fieldnames or [])]
    if missing:
        raise _refuse(
            _("The file has no column %(columns)s (it needs indicator, region, year, gender and value)."),
            "missing_columns",
            columns=", ".join(missing),
        )
    return list(reader)


def parse(content: bytes, filename: str, *, known_indicators: set[int]) -> list[Row]:
    """The rows of a Sotkanet file, checked: every indicator known, a region id, a year between
    1990 and 2100, a gender of total/male/female and a number (or nothing) as the value."""
    raw = _rows_of(content, filename)
    if not raw:
        raise _refuse(_("The file has no rows."), "empty")
    if len(raw) > MAX_ROWS:
        raise _refuse(_("The file has more than %(max)s rows."), "too_many_rows", max=MAX_ROWS)
    rows = []
    for number, item in enumerate(raw, start=1):
        indicator = _integer(item.get("indicator"), row=number, field="indicator")
        if indicator not in known_indicators:
            raise _refuse(
                _("Row %(row)s: indicator %(indicator)s is not among the indicators followed here."),
                "unknown_indicator",
                row=number,
                indicator=indicator,
            )
        year = _integer(item.get("year"), row=number, field="year")
        if not 1990 <= year <= 2100:
            raise _refuse(_("Row %(row)s: the year %(year)s is not possible."), "bad_year", row=number, year=year)
        gender = str(item.get("gender") or "").strip()
        if gender not in GENDERS:
            raise _refuse(_("Row %(row)s: gender must be total, male or female."), "bad_gender", row=number)
        rows.append(
            Row(
                indicator=indicator,
                region=_integer(item.get("region"), row=number, field="region"),
                year=year,
                gender=gender,
                value=_decimal(item.get("value"), row=number, field="value"),
                absolute_value=_decimal(item.get("absValue"), row=number, field="absValue"),
            )
        )
    return rows


def user_agent() -> str:
    """Who asks: "Kumppani/<version> (+<the site's address>)", so that THL knows whom to contact."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("kumppani")
    except PackageNotFoundError:
        number = "dev"
    return f"Kumppani/{number} (+{settings.SITE_URL})"


def api_url(indicator: int, years) -> str:
    query = [("indicator", indicator), *(("years", year) for year in sorted(years)), ("genders", "total")]
    return f"{API}?{urlencode(query)}"


def fetch(indicator: int, years, *, opener=None) -> bytes:
    """Sotkanet's JSON answer for one indicator over the years (every region, total gender). A
    network failure or an answer that is not a success is refused with a message, as a bad file is."""
    # The address is always https://sotkanet.fi/… (API above), never one a user gives.
    request = Request(api_url(indicator, years), headers={"User-Agent": user_agent(), "Accept": "application/json"})  # noqa: S310
    opener = opener or urlopen  # looked up at call time: tests replace only this HTTP transport
    try:
        with opener(request, timeout=TIMEOUT_SECONDS) as response:
            status = getattr(response, "status", 200)
            content = response.read(MAX_RESPONSE_BYTES + 1)
    except OSError as error:  # URLError, HTTPError and timeouts are all OSErrors
        raise _refuse(
            _("Sotkanet could not be reached (%(reason)s). Nothing was changed; try again later."),
            "unreachable",
            reason=str(getattr(error, "reason", error)),
        ) from None
    if status != 200:
        raise _refuse(
            _("Sotkanet answered with the error %(status)s. Nothing was changed."), "http_error", status=status
        )
    if len(content) > MAX_RESPONSE_BYTES:
        raise _refuse(_("Sotkanet's answer is too large to read."), "too_large")
    return content
