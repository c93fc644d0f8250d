"""Importing an existing association list from CSV or XLSX.

The whole file is checked first; every bad row is reported with its line, column and reason,
and nothing is imported until the file is clean. Then all rows go in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kumppani.core.models import Language, PublicBody, Term, Vocabulary
from kumppani.core.validators import reject_hidden_characters, validate_phone
from kumppani.organisations import services
from kumppani.organisations.models import Organisation
from kumppani.organisations.validators import normalise_association_id, normalise_business_id

# (column, required, description)
COLUMNS = [
    ("name", True, gettext_lazy("Name in Finnish")),
    ("name_sv", False, gettext_lazy("Name in Swedish")),
    ("business_id", False, gettext_lazy("Business ID (Y-tunnus)")),
    ("association_id", False, gettext_lazy("Association register number")),
    ("municipality", True, gettext_lazy("Municipalities served: codes or names, separated by ;")),
    ("short_description", False, gettext_lazy("Short description in Finnish")),
    ("email", False, gettext_lazy("E-mail")),
    ("phone", False, gettext_lazy("Phone")),
    ("website", False, gettext_lazy("Web site")),
    ("founded_year", False, gettext_lazy("Year founded")),
    ("themes", False, gettext_lazy("Themes, separated by ;")),
    ("target_groups", False, gettext_lazy("Target groups, separated by ;")),
    ("languages", False, gettext_lazy("Language codes, separated by ; (fi;sv)")),
]
MAX_ROWS = 20_000
# The register's own limits, so that a long cell is reported rather than cut.
MAX_LENGTHS = {"name": 250, "name_sv": 250, "short_description": 300, "phone": 40, "email": 254, "website": 200}


@dataclass
class RowError:
    line: int
    column: str
    reason: str


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_rows(content: bytes, filename: str) -> tuple[list[dict], list[int]]:
    """The rows as {column: text}, and the line of the file each row starts on."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ValidationError(
                _("The file could not be read as an Excel workbook."), code="unreadable_file"
            ) from exc
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(rows, [])]
        found = [{h: ("" if v is None else str(v).strip()) for h, v in zip(header, row, strict=False)} for row in rows]
        return found, list(range(2, len(found) + 2))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    # Finnish Excel writes ";" between columns; others write "," or tabs. The header tells which.
    header_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=header_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
    rows, lines = [], []
    start = reader.line_num + 1
    for row in reader:
        values = [v for v in row.values() if isinstance(v, str)]
        # No column of the register takes more than one line of text: a line break inside a cell
        # means a quotation mark that was never closed, and the csv module has read the lines
        # after it as part of one cell. Importing would put whole rows into a name.
        if reader.line_num > start and any("\n" in v or "\r" in v for v in values):
            raise ValidationError(
                _(
                    'Line %(line)s has a quotation mark (") that is not closed, so lines %(line)s–%(end)s '
                    "were read as one cell. Close the quotation mark or remove it, and check the file again."
                )
                % {"line": start, "end": reader.line_num},
                code="unclosed_quote",
                params={"line": start},
            )
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
        lines.append(start)
        start = reader.line_num + 1
    return rows, lines


def _lookup_tables():
    bodies = {}
    for body in PublicBody.objects.all():
        for key in (body.code if body.kind == "municipality" else None, body.name_fi, body.name_sv, body.slug):
            if key:
                bodies.setdefault(key.lower(), body)
    terms = {Vocabulary.THEME: {}, Vocabulary.TARGET_GROUP: {}}
    for term in Term.objects.all():
        for key in (term.slug, term.name_fi, term.name_sv, term.name_en):
            if key:
                terms[term.vocabulary][key.lower()] = term
    languages = {lang.code: lang for lang in Language.objects.all()}
    return bodies, terms, languages


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _text_problems(row: dict) -> list[tuple[str, str]]:
    """Hidden characters (a NUL, a direction override) and overlong cells, column by column."""
    problems = []
    for column, value in row.items():
        if not isinstance(value, str) or not value:
            continue
        try:
            reject_hidden_characters(value)
        except ValidationError as error:
            problems.append((column, error.messages[0]))
            continue
        limit = MAX_LENGTHS.get(column)
        if limit and len(value) > limit:
            problems.append(
                (
                    column,
                    _("The text is too long: %(length)s characters, at most %(limit)s.")
                    % {"length": len(value), "limit": limit},
                )
            )
    return problems


def check_rows(rows: list[dict], lines: list[int] | None = None) -> tuple[list[dict], list[RowError]]:
    """Turn rows into domain data, collecting every error (line numbers as in a spreadsheet)."""
    bodies, terms, languages = _lookup_tables()
    existing_ids = set(Organisation.objects.exclude(business_id="").values_list("business_id", flat=True))
    seen_ids: dict[str, int] = {}
    cleaned, errors = [], []
    for line, row in zip(lines or range(2, len(rows) + 2), rows, strict=True):
        if not any(row.values()):
            continue
        data: dict = {"name_fi": row.get("name", ""), "name_sv": row.get("name_sv", "")}
        problems: list[tuple[str, str]] = _text_problems(row)
        if not data["name_fi"]:
            problems.append(("name", _("The name is missing.")))
        for column, normalise in (("business_id", normalise_business_id), ("association_id", normalise_association_id)):
            try:
                data[column] = normalise(row.get(column, ""))
            except ValidationError as error:
                problems.append((column, error.messages[0]))
        business_id = data.get("business_id")
        if business_id:
            if business_id in existing_ids:
                problems.append(("business_id", _("An NGO with this business ID is already in the register.")))
            elif business_id in seen_ids:
                problems.append(
                    (
                        "business_id",
                        _("The same business ID is on line %(line)s too.") % {"line": seen_ids[business_id]},
                    )
                )
            seen_ids.setdefault(business_id, line)
        areas = []
        for name in _split(row.get("municipality", "")):
            body = bodies.get(name.lower())
            if body is None:
                problems.append(("municipality", _("Unknown municipality “%(name)s”.") % {"name": name}))
            else:
                areas.append(body)
        if not _split(row.get("municipality", "")):
            problems.append(("municipality", _("At least one municipality is needed.")))
        data["areas"] = areas
        for column, vocabulary in (("themes", Vocabulary.THEME), ("target_groups", Vocabulary.TARGET_GROUP)):
            found = []
            for name in _split(row.get(column, "")):
                term = terms[vocabulary].get(name.lower())
                if term is None:
                    problems.append((column, _("Unknown term “%(name)s”.") % {"name": name}))
                else:
                    found.append(term)
            data[column] = found
        data["languages"] = []
        for code in _split(row.get("languages", "")):
            if code.lower() not in languages:
                problems.append(("languages", _("Unknown language code “%(code)s”.") % {"code": code}))
            else:
                data["languages"].append(languages[code.lower()])
        if row.get("email"):
            try:
                EmailValidator()(row["email"])
                data["email"] = row["email"]
            except ValidationError:
                problems.append(("email", _("“%(value)s” is not an e-mail address.") % {"value": row["email"]}))
        if row.get("website"):
            try:
                URLValidator()(row["website"])
                data["website"] = row["website"]
            except ValidationError:
                problems.append(
                    (
                        "website",
                        _("“%(value)s” is not a web address (begin with https://).") % {"value": row["website"]},
                    )
                )
        if row.get("founded_year"):
            year = row["founded_year"].split(".")[0]
            if not year.isdigit() or not 1800 <= int(year) <= 2100:
                problems.append(("founded_year", _("The year must be a number such as 1987.")))
            else:
                data["founded_year"] = int(year)
        if row.get("phone"):
            try:
                validate_phone(row["phone"])
                data["phone"] = row["phone"]
            except ValidationError as error:
                problems.append(("phone", error.messages[0]))
        data["short_description_fi"] = row.get("short_description", "")
        errors.extend(RowError(line, column, reason) for column, reason in problems)
        cleaned.append(data)
    return cleaned, errors


def import_file(content: bytes, *, filename: str, by, commit: bool) -> ImportReport:
    """Check a file and, when `commit` is set and every row is valid, import it in one transaction.
    A coordinator's or a platform admin's (organisations.import_organisations); `by` None is the
    system itself, as in organisation_create."""
    if by is not None and not by.has_perm("organisations.import_organisations"):
        raise PermissionDenied
    report = ImportReport()
    try:
        rows, lines = _read_rows(content, filename)
    except ValidationError as error:
        report.errors.append(RowError((error.params or {}).get("line", 1), "", error.messages[0]))
        return report
    except csv.Error as error:
        report.errors.append(RowError(1, "", str(error)))
        return report
    if not rows:
        report.errors.append(RowError(1, "", _("The file has no rows.")))
        return report
    if len(rows) > MAX_ROWS:
        report.errors.append(RowError(1, "", _("The file has too many rows (at most %(max)s).") % {"max": MAX_ROWS}))
        return report
    header = set(rows[0].keys())
    missing = [name for name, required, _d in COLUMNS if required and name not in header]
    if missing:
        report.errors.append(RowError(1, ", ".join(missing), _("Required columns are missing.")))
        return report
    cleaned, report.errors = check_rows(rows, lines)
    report.rows = len(cleaned)
    if report.ok and commit:
        with transaction.atomic():
            for data in cleaned:
                services.organisation_create(by=by, data=data)
        report.created, report.committed = len(cleaned), True
    return report
