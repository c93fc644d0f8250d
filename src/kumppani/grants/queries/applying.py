"""What the applicant is told before and while applying, read without changing anything: whether
the programme takes applications now, whether the NGO may apply, the budget's totals and what is
still missing for submission. The domain functions of `grants.services.applying` refuse with
the same words, so the page shows beforehand exactly what a submission would be refused for.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from kumppani.core.models import PublicBody
from kumppani.grants.euros import format_euros
from kumppani.grants.models import (
    Application,
    AttachmentKind,
    BudgetLineKind,
    CompletionRequest,
    GrantProgramme,
)
from kumppani.organisations.models import Organisation, OrganisationStatus
from kumppani.organisations.queries import serving_body

# Helsinki time in messages --------------------------------------------------------------------


def local_date_time(value: dt.datetime) -> tuple[str, str]:
    """("31.1.2027", "16.15"): the date and time in Helsinki, as Finns write them."""
    local = value.astimezone(ZoneInfo(settings.TIME_ZONE))
    return f"{local.day}.{local.month}.{local.year}", f"{local.hour}.{local.minute:02d}"


def closed_message(programme: GrantProgramme) -> str:
    date, time = local_date_time(programme.closes_at)
    return _("The application period closed on %(date)s at %(time)s (Finnish time).") % {"date": date, "time": time}


def not_open_message(programme: GrantProgramme, now: dt.datetime) -> str | None:
    """Why the programme takes no applications at `now`, or None when it does.

    Compared in UTC: Python compares two datetimes of the same zone by their wall-clock time,
    which is wrong across a daylight saving change."""
    if not programme.is_published:
        return _("This programme is not open for applications.")
    now = now.astimezone(dt.UTC)
    if now < programme.opens_at.astimezone(dt.UTC):
        date, time = local_date_time(programme.opens_at)
        return _("The application period opens on %(date)s at %(time)s (Finnish time).") % {"date": date, "time": time}
    if programme.closes_at is not None and now >= programme.closes_at.astimezone(dt.UTC):
        return closed_message(programme)
    return None


# Who may apply ---------------------------------------------------------------------------------


def serves_body(organisation: Organisation, body: PublicBody) -> bool:
    """Whether the NGO works for the body's residents (a county's NGOs serve its municipalities too)."""
    return serving_body(Organisation.objects.filter(pk=organisation.pk), body).exists()


def eligibility_problems(programme: GrantProgramme, organisation: Organisation) -> list[str]:
    """The reasons the NGO may not apply to the programme, in plain words; empty when it may."""
    problems = []
    if organisation.merged_into_id or organisation.status == OrganisationStatus.DISSOLVED:
        problems.append(_("The NGO has been dissolved or merged into another entry."))
    if programme.requires_registered and not organisation.association_id:
        problems.append(
            _(
                "Only registered associations can apply. Add the association register number to the "
                "NGO's information if it has one."
            )
        )
    if programme.requires_serving_body and not serves_body(organisation, programme.body):
        problems.append(
            _(
                "Only NGOs whose areas include %(body)s can apply. Add %(body)s to the areas the NGO "
                "serves if it works there."
            )
            % {"body": programme.body.name}
        )
    themes = list(programme.eligible_themes.all())
    if themes and not organisation.themes.filter(pk__in=[t.pk for t in themes]).exists():
        problems.append(
            _("The programme supports work on these themes: %(themes)s. The NGO's information names none of them.")
            % {"themes": ", ".join(str(t) for t in themes)}
        )
    return problems


# The budget and what is missing -----------------------------------------------------------------


def budget_totals(lines) -> dict[str, Decimal]:
    """Income, expenses and their difference of budget lines (model rows or dicts)."""
    totals = {BudgetLineKind.INCOME: Decimal("0"), BudgetLineKind.EXPENSE: Decimal("0")}
    for line in lines:
        kind, amount = (line["kind"], line["amount"]) if isinstance(line, dict) else (line.kind, line.amount)
        totals[kind] += amount or Decimal("0")
    income, expense = totals[BudgetLineKind.INCOME], totals[BudgetLineKind.EXPENSE]
    return {"income": income, "expense": expense, "difference": income - expense}


def missing_for_submit(application: Application) -> list[str]:
    """What must still be filled in before the application can be submitted, in plain words."""
    missing = []
    if not application.title.strip():
        missing.append(_("What the grant is for (step 1)."))
    if not application.purpose.strip():
        missing.append(_("The purpose and activities (step 1)."))
    if not application.amount_requested:
        missing.append(_("The amount applied for (step 1)."))
    if not application.contact_email:
        missing.append(_("The contact person's e-mail address (step 1)."))
    if not application.bank_account:
        missing.append(_("The bank account (IBAN) the grant is paid to (step 1)."))
    if not application.expected_outcomes.strip():
        missing.append(_("The expected outcomes (step 2)."))
    lines = list(application.budget_lines.all())
    totals = budget_totals(lines)
    if not any(line.kind == BudgetLineKind.EXPENSE for line in lines):
        missing.append(_("At least one expense in the budget (step 3)."))
    elif application.amount_requested and application.amount_requested > totals["expense"]:
        missing.append(_("The amount applied for is more than the total expenses of the budget (step 3)."))
    limit = application.programme.max_amount
    if limit is not None and application.amount_requested and application.amount_requested > limit:
        missing.append(_("The largest grant in this programme is %(limit)s (step 1).") % {"limit": format_euros(limit)})
    answered = {a.question_id for a in application.answers.all() if a.text.strip()}
    for question in application.programme.questions.all():
        if question.is_required and question.pk not in answered:
            missing.append(_("An answer to “%(question)s” (step 4).") % {"question": question.text})
    attached = {a.kind for a in application.attachments.all()}
    for kind in application.programme.required_attachments or []:
        if kind not in attached:
            missing.append(_("The attachment “%(kind)s” (step 5).") % {"kind": AttachmentKind(kind).label})
    return missing


def open_completion_request(application: Application) -> CompletionRequest | None:
    return application.completion_requests.filter(completed_at__isnull=True).order_by("-requested_at").first()
