"""Grant programmes and applications for tests, made with the ORM so that each stage of the
workflow can be tested on its own; the journey tests walk the whole way through the pages."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    BudgetLine,
    Criterion,
    GrantProgramme,
    Question,
)

_seq = itertools.count(1)


def programme(
    body, name: str = "Yleisavustus", *, year: int | None = None, open_days: int = 30, **fields
) -> GrantProgramme:
    """A published programme of `body`, open from yesterday for `open_days` days, with two weighted
    criteria and one extra question."""
    now = timezone.now()
    fields.setdefault("kind", "operating")
    fields.setdefault("appropriation", Decimal("50000.00"))
    fields.setdefault("opens_at", now - dt.timedelta(days=1))
    fields.setdefault("closes_at", now + dt.timedelta(days=open_days))
    fields.setdefault("is_published", True)
    fields.setdefault("required_attachments", ["rules", "budget"])
    item = GrantProgramme.objects.create(
        body=body, year=year or timezone.localdate().year, slug=f"ohjelma-{next(_seq)}", name_fi=name, **fields
    )
    Criterion.objects.create(programme=item, position=1, name_fi="Vaikuttavuus", weight=2)
    Criterion.objects.create(programme=item, position=2, name_fi="Kustannustehokkuus", weight=1)
    Question.objects.create(programme=item, position=1, text_fi="Miten toiminta tavoittaa uusia osallistujia?")
    return item


def application(
    programme: GrantProgramme,
    organisation,
    *,
    status: str = ApplicationStatus.DRAFT,
    amount: str = "3000.00",
    by=None,
    **fields,
) -> Application:
    """An application with a balanced two-line budget, in `status` (no history: set directly)."""
    n = next(_seq)
    item = Application.objects.create(
        reference=f"T-{programme.year}-{n:05d}",
        programme=programme,
        organisation=organisation,
        status=status,
        title=fields.pop("title", f"Toiminta-avustus {n}"),
        purpose=fields.pop("purpose", "Vertaistukiryhmien toiminta."),
        amount_requested=Decimal(amount),
        created_by=by,
        submitted_at=None if status == ApplicationStatus.DRAFT else timezone.now(),
        bank_account=fields.pop("bank_account", "FI21 1234 5600 0007 85"),
        **fields,
    )
    BudgetLine.objects.create(
        application=item, kind="expense", position=1, description="Tilavuokrat", amount=Decimal(amount)
    )
    BudgetLine.objects.create(
        application=item, kind="income", position=1, description="Avustus", amount=Decimal(amount)
    )
    return item
