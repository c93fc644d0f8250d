"""The public register as CSV and XLSX. Only public fields: no contact persons."""

import csv
import io

from django.utils.translation import gettext as _

from kumppani.core.opendata import safe_row

HEADER = [
    ("name", "Nimi"),
    ("name_sv", "Namn"),
    ("business_id", "Y-tunnus"),
    ("association_id", "Yhdistysrekisterinumero"),
    ("areas", "Toiminta-alue"),
    ("themes", "Teemat"),
    ("target_groups", "Kohderyhmät"),
    ("languages", "Kielet"),
    ("email", "Sähköposti"),
    ("phone", "Puhelin"),
    ("website", "Verkkosivut"),
    ("status", "Tila"),
    ("verified", "Tarkistettu"),
    ("url", "Osoite"),
]


def _rows(organisations):
    yield [column for column, _label in HEADER]
    for o in organisations.iterator(chunk_size=500):
        yield [
            o.name_fi,
            o.name_sv or "",
            o.business_id,
            o.association_id,
            ";".join(a.code if a.kind == "municipality" else a.name_fi for a in o.areas.all()),
            ";".join(t.slug for t in o.themes.all()),
            ";".join(t.slug for t in o.target_groups.all()),
            ";".join(lang.code for lang in o.languages.all()),
            o.email,
            o.phone,
            o.website,
            o.status,
            o.verified_at.date().isoformat() if o.verified_at else "",
            o.get_absolute_url(),
        ]


def to_csv(organisations) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _rows(organisations):
        writer.writerow(safe_row(row))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(organisations) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("NGOs"))
    for row in _rows(organisations):
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
