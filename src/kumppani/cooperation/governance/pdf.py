"""The agreed record of a yearly negotiation as a PDF: the same HTML with WeasyPrint, as the grant
letters and the bulletin are made."""

from django.template.loader import render_to_string

from kumppani.cooperation.governance import queries
from kumppani.cooperation.governance.models import Negotiation


def html(negotiation: Negotiation) -> str:
    return render_to_string(
        "cooperation/governance/negotiation_document.html",
        {"negotiation": negotiation, **queries.negotiation_record(negotiation)},
    )


def pdf(negotiation: Negotiation) -> bytes:
    from weasyprint import HTML  # imported here: loading it takes a moment no other page should pay

    return HTML(string=html(negotiation)).write_pdf()
