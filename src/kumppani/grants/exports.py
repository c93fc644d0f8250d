"""Spreadsheets for officials: the payments file for the finance system, and a programme's
applications and decisions as CSV and XLSX.

CSV files are written the way Finnish spreadsheet and finance software reads them without an
import wizard: semicolon-separated, decimal comma without thousands separators ("1500,50"),
dates as d.m.yyyy, UTF-8 with a byte-order mark (so Excel recognises the encoding) and CRLF line
ends. XLSX files keep amounts as numbers with a euro format, so they can be summed.

The register has no bank account numbers: the finance system finds the payee in its own
supplier register by the business ID (Y-tunnus), and the reference ties the payment to the
decision.
"""

import csv
import datetime as dt
import io
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kumppani.core.opendata import safe_row
from kumppani.grants.models import Application, GrantProgramme, Instalment, InstalmentStatus
from kumppani.grants.queries.applications import readable_applications

EURO_FORMAT = '#,##0.00\\ "€"'
DATE_FORMAT = "d.m.yyyy"

# The finance system maps columns by these names, so they stay the same in every language.
PAYMENT_COLUMNS = [
    "Viite",
    "Saaja",
    "Y-tunnus",
    "Yhdistysrekisterinumero",
    "Katuosoite",
    "Postinumero",
    "Postitoimipaikka",
    "Avustuslaji",
    "Vuosi",
    "Päätös",
    "Eräpäivä",
    "Summa",
    "Tila",
    "Maksupäivä",
]
PAYMENT_STATUS = {InstalmentStatus.PLANNED: "maksamatta", InstalmentStatus.PAID: "maksettu"}


def decimal_comma(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def finnish_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.day}.{value.month}.{value.year}"


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _decision_text(application: Application) -> str:
    try:
        meeting = application.decision.meeting
    except Application.decision.RelatedObjectDoesNotExist:
        return ""
    return f"{meeting.board_name_fi or meeting.board_name} {finnish_date(meeting.date)} § {meeting.section}"


def payments_csv(instalments: QuerySet[Instalment]) -> bytes:
    """One row per instalment (see services.reporting.payments for which)."""
    rows = [PAYMENT_COLUMNS]
    for instalment in instalments:
        application = instalment.application
        organisation = application.organisation
        rows.append(
            [
                application.reference,
                organisation.name_fi or organisation.name,
                organisation.business_id,
                organisation.association_id,
                organisation.street_address,
                organisation.postal_code,
                organisation.post_office,
                application.programme.name_fi or application.programme.name,
                application.programme.year,
                _decision_text(application),
                finnish_date(instalment.due_date),
                decimal_comma(instalment.amount),
                PAYMENT_STATUS.get(instalment.status, instalment.status),
                finnish_date(instalment.paid_at),
            ]
        )
    return _csv(rows)


def programme_applications(programme: GrantProgramme, user) -> QuerySet[Application]:
    """The programme's sent applications that `user` may read (grants.queries.applications), with
    what a row shows, in two queries."""
    return (
        readable_applications(user, programme=programme, as_staff=True)
        .select_related("organisation", "decision", "usage_report")
        .annotate(paid_total=paid_total_subquery())
        .order_by("reference")
    )


def paid_total_subquery():
    """The sum of an application's paid instalments (0 when none), for annotate()."""
    paid = (
        Instalment.objects.filter(application=OuterRef("pk"), status=InstalmentStatus.PAID)
        .values("application")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(paid), Value(Decimal("0.00")), output_field=DecimalField(max_digits=12, decimal_places=2))


def _programme_header() -> list[str]:
    return [
        _("Reference"),
        _("NGO"),
        _("Business ID"),
        _("What the grant is for"),
        _("Applied for (€)"),
        _("Proposed (€)"),
        _("Granted (€)"),
        _("Status"),
        _("Paid (€)"),
        _("Usage report"),
    ]


def _programme_rows(applications):
    for application in applications:
        decision = application.decision if _has_decision(application) else None
        report = application.usage_report if _has_report(application) else None
        yield [
            application.reference,
            application.organisation.name_fi or application.organisation.name,
            application.organisation.business_id,
            application.title,
            application.amount_requested,
            decision.proposed_amount if decision else None,
            decision.amount if decision else None,
            application.get_status_display(),
            application.paid_total,
            report.get_status_display() if report else "",
        ]


def _has_decision(application) -> bool:
    try:
        application.decision  # noqa: B018 - fetched by select_related; a missing row raises
    except Application.decision.RelatedObjectDoesNotExist:
        return False
    return True


def _has_report(application) -> bool:
    try:
        application.usage_report  # noqa: B018
    except Application.usage_report.RelatedObjectDoesNotExist:
        return False
    return True


MONEY_COLUMNS = (4, 5, 6, 8)


def programme_csv(programme: GrantProgramme, *, user) -> bytes:
    rows = [_programme_header()]
    for row in _programme_rows(programme_applications(programme, user)):
        rows.append([decimal_comma(v) if n in MONEY_COLUMNS else v for n, v in enumerate(row)])
    return _csv(rows)


def programme_xlsx(programme: GrantProgramme, *, user) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(programme.year)
    sheet.append(_programme_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _programme_rows(programme_applications(programme, user)):
        sheet.append(safe_row(float(v) if isinstance(v, Decimal) else v for v in row))
    last = sheet.max_row
    for column in MONEY_COLUMNS:
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=column + 1, max_col=column + 1):
            cell.number_format = EURO_FORMAT
    if last > 1:  # totals under the money columns
        totals = [""] * len(_programme_header())
        totals[0] = _("Total")
        for column in MONEY_COLUMNS:
            letter = sheet.cell(row=1, column=column + 1).column_letter
            totals[column] = f"=SUM({letter}2:{letter}{last})"
        sheet.append(totals)
        for column in MONEY_COLUMNS:
            sheet.cell(row=last + 1, column=column + 1).number_format = EURO_FORMAT
        sheet.cell(row=last + 1, column=1).font = Font(bold=True)
    for letter, width in zip("ABCDEFGHIJ", (16, 36, 12, 40, 14, 14, 14, 22, 14, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
