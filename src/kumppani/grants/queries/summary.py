"""The programme summary: every application of a grant programme with its reviews, proposal and
decision, and the totals against the appropriation.

It must serve a programme of a thousand applications quickly, so it reads everything in a fixed
number of queries (the applications with their decisions, and the reviews with their weighted
score sums) and writes the table rows here with plain string formatting: the template engine's
per-variable cost, times ten cells, times a thousand rows, would be most of the page's time.
The finished table is then cached under the programme's data version (`summary_version`), so
that officials opening the page again and again during a review round read it once per change.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q, Sum
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kumppani.grants.euros import format_euros, format_score
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    Criterion,
    Decision,
    GrantProgramme,
    ReviewAssignment,
)
from kumppani.organisations.models import Organisation

# Drafts are not applications yet, and withdrawn ones ask for nothing.
NOT_IN_SUMMARY = [ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN]


@dataclass
class ReviewCell:
    reviewer: str
    has_conflict: bool
    done: bool
    proposed: str


@dataclass
class SummaryRow:
    pk: int
    reference: str
    organisation: str
    title: str
    status: str
    status_label: str
    requested: str
    score: str
    reviews: list[ReviewCell] = field(default_factory=list)
    proposed: str = "–"
    decided: str = "–"
    url: str = ""
    assign_url: str = ""
    # For ordering: the numbers behind the formatted cells, and the applicant's name sort key.
    requested_value: Decimal = Decimal("0")
    score_value: Decimal | None = None
    organisation_key: str = ""


@dataclass
class Totals:
    requested: Decimal = Decimal("0")
    proposed: Decimal = Decimal("0")
    decided: Decimal = Decimal("0")
    appropriation: Decimal = Decimal("0")

    @property
    def proposed_over(self) -> bool:
        return self.proposed > self.appropriation

    @property
    def decided_over(self) -> bool:
        return self.decided > self.appropriation

    @property
    def remaining(self) -> Decimal:
        """What is left of the appropriation after the decisions, or after the proposals before them."""
        return self.appropriation - (self.decided or self.proposed)


def _url_maker(name: str):
    """reverse() once, then fill in each pk: a thousand reverse() calls would cost more than the queries."""
    marker = 999999999
    prefix, suffix = reverse(name, kwargs={"pk": marker}).split(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


class ReviewValues(NamedTuple):
    reviewer: str
    has_conflict: bool
    done: bool
    proposed_amount: Decimal | None
    weighted: int | None  # Σ weight·score
    weights: int | None  # Σ weight


def reviews_by_application(programme: GrantProgramme) -> dict[int, list[ReviewValues]]:
    """{application id: [ReviewValues, …]} of the programme, reviewers by name, in one query."""
    rows = (
        ReviewAssignment.objects.filter(application__programme=programme)
        .annotate(
            weighted=Sum(F("scores__score") * F("scores__criterion__weight")),
            weights=Sum("scores__criterion__weight"),
            done=ExpressionWrapper(Q(completed_at__isnull=False), output_field=BooleanField()),
        )
        .order_by("reviewer__full_name", "pk")
        .values_list(
            "application_id",
            "reviewer__full_name",
            "reviewer__email",
            "has_conflict",
            "done",
            "proposed_amount",
            "weighted",
            "weights",
        )
    )
    result: dict[int, list[ReviewValues]] = {}
    for application_id, name, email, *values in rows:
        result.setdefault(application_id, []).append(ReviewValues(name or email, *values))
    return result


def mean_score(reviews: list[ReviewValues]) -> Decimal | None:
    """The mean of the finished reviews' weighted scores (Σ weight·score / Σ weight for each), to
    two decimals. Scores are shown, never summed into money, so plain floats serve here."""
    values = [r.weighted / r.weights for r in reviews if r.done and not r.has_conflict and r.weights]
    if not values:
        return None
    return Decimal(f"{sum(values) / len(values):.2f}")


def programme_summary(
    programme: GrantProgramme,
    *,
    with_links: bool = True,
    hidden: frozenset[int] = frozenset(),
    listed_links_only: bool = False,
) -> tuple[list[SummaryRow], Totals]:
    """The summary's rows and totals, without the applications in `hidden` (those the reader
    declared a conflict of interest on: neither their rows nor the other reviewers' work on them).
    With `listed_links_only` (a board secretary's summary) only the applications on a meeting's
    list link to their page: the secretary may read only those."""
    language = (get_language() or "fi")[:2]
    name_field = f"organisation__name_{language}"
    sort_key_field = f"organisation__sort_key_{language if language in ('fi', 'sv', 'en') else 'fi'}"
    applications = (
        Application.objects.filter(programme=programme)
        .exclude(status__in=NOT_IN_SUMMARY)
        .exclude(pk__in=hidden)
        .order_by("reference")
        .values(
            "pk",
            "reference",
            "title",
            "status",
            "amount_requested",
            "organisation__name_fi",
            name_field,
            sort_key_field,
            "decision__id",
            "decision__proposed_amount",
            "decision__amount",
        )
    )
    reviews = reviews_by_application(programme)
    labels = {value: str(label) for value, label in ApplicationStatus.choices}
    detail_url = _url_maker("grants:application") if with_links else None
    assign_url = _url_maker("grants:assign_reviewers") if with_links else None
    totals = Totals(appropriation=programme.appropriation)
    rows = []
    for a in applications:
        own_reviews = reviews.get(a["pk"], [])
        score = mean_score(own_reviews)
        requested, proposed, decided = a["amount_requested"], a["decision__proposed_amount"], a["decision__amount"]
        totals.requested += requested or 0
        totals.proposed += proposed or 0
        totals.decided += decided or 0
        rows.append(
            SummaryRow(
                pk=a["pk"],
                reference=a["reference"],
                organisation=a[name_field] or a["organisation__name_fi"],
                title=a["title"],
                status=a["status"],
                status_label=labels[a["status"]],
                requested=format_euros(requested, language),
                score=format_score(score, language),
                reviews=[
                    ReviewCell(r.reviewer, r.has_conflict, r.done, format_euros(r.proposed_amount, language))
                    for r in own_reviews
                ],
                proposed=format_euros(proposed, language),
                decided=format_euros(decided, language),
                url=detail_url(a["pk"]) if detail_url and (a["decision__id"] or not listed_links_only) else "",
                assign_url=assign_url(a["pk"]) if assign_url else "",
                requested_value=requested or Decimal("0"),
                score_value=score,
                organisation_key=a[sort_key_field] or "",
            )
        )
    return rows, totals


def rows_html(rows: list[SummaryRow], *, with_assign: bool) -> SafeString:
    """The summary table's body rows. Every value from the database goes through escape()."""
    reviewers = escape(_("Reviewers"))
    disqualified = escape(_("disqualified"))
    in_progress = escape(_("in progress"))
    parts = []
    for r in rows:
        cells = []
        for c in r.reviews:
            if c.has_conflict:
                state = f"<em>{disqualified}</em>"
            elif c.done:
                state = c.proposed
            else:
                state = f'<span class="muted">{in_progress}</span>'
            cells.append(f"{escape(c.reviewer)}: {state}<br>")
        reference = escape(r.reference)
        assign = (
            f'<br><a href="{r.assign_url}">{reviewers}<span class="visually-hidden"> {reference}</span></a>'
            if with_assign
            else ""
        )
        name = f'<a href="{r.url}">{escape(r.organisation)}</a>' if r.url else escape(r.organisation)
        parts.append(
            f"<tr><td>{name}<br>{escape(r.title)} "
            f'<span class="muted">{reference}</span></td><td>{escape(r.status_label)}{assign}</td>'
            f'<td class="num">{r.requested}</td><td class="num">{r.score}</td>'
            f'<td>{"".join(cells) or "–"}</td><td class="num">{r.proposed}</td><td class="num">{r.decided}</td></tr>'
        )
    return mark_safe("\n".join(parts))  # built above from escaped values and formatted numbers


@dataclass
class SummaryTable:
    rows_html: SafeString
    shown: int  # rows of the chosen status
    count: int  # every application of the summary
    statuses: list[tuple[str, str, int]]  # (status, label, applications) of the statuses present
    totals: Totals
    status: str = ""  # the status shown, "" for all
    order: str = "reference"


# The orders of the table: (value, label, sort key of a row). Ties keep the reference order.
ORDERS = [
    ("reference", gettext_lazy("By reference"), lambda r: 0),
    ("score", gettext_lazy("Best score first"), lambda r: (r.score_value is None, -(r.score_value or 0))),
    ("requested", gettext_lazy("Largest amount applied for first"), lambda r: -r.requested_value),
    ("applicant", gettext_lazy("By applicant"), lambda r: r.organisation_key),
]
ORDER_KEYS = {value: key for value, _label, key in ORDERS}


# A reviewer's changed name is the one change the data version does not see; it shows within this.
SUMMARY_CACHE_SECONDS = 10 * 60


def summary_version(programme: GrantProgramme) -> str:
    """Changes whenever anything the summary shows changes: an application (every save and status
    change sets its updated_at), a review (assigned, scored, finished, disqualified or removed), a
    proposal or decision, the criteria's weights, or any NGO's name.

    One statement of separate subqueries, each answered from the programme's own rows."""
    table = {
        model: connection.ops.quote_name(model._meta.db_table) for model in (Application, ReviewAssignment, Decision)
    }
    criterion = connection.ops.quote_name(Criterion._meta.db_table)
    organisation = connection.ops.quote_name(Organisation._meta.db_table)
    own = f"application_id IN (SELECT id FROM {table[Application]} WHERE programme_id = %s)"
    parts = [
        f"(SELECT COUNT(*) FROM {table[Application]} WHERE programme_id = %s)",
        f"(SELECT MAX(updated_at) FROM {table[Application]} WHERE programme_id = %s)",
        f"(SELECT COUNT(*) FROM {table[ReviewAssignment]} WHERE {own})",
        f"(SELECT MAX(updated_at) FROM {table[ReviewAssignment]} WHERE {own})",
        f"(SELECT COUNT(*) FROM {table[Decision]} WHERE {own})",
        f"(SELECT MAX(updated_at) FROM {table[Decision]} WHERE {own})",
        f"(SELECT COALESCE(SUM(weight * id), 0) FROM {criterion} WHERE programme_id = %s)",
        f"(SELECT MAX(updated_at) FROM {organisation})",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), [programme.pk] * 7)
        return "-".join(str(value) for value in cursor.fetchone())


def hidden_for(programme: GrantProgramme, user) -> frozenset[int]:
    """The programme's applications `user` declared a conflict of interest on. One query."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(
        ReviewAssignment.objects.filter(application__programme=programme, reviewer=user, has_conflict=True).values_list(
            "application_id", flat=True
        )
    )


def summary_table(
    programme: GrantProgramme,
    *,
    with_assign: bool,
    status: str = "",
    order: str = "",
    hidden: frozenset[int] = frozenset(),
) -> SummaryTable:
    """The summary's table body (of one status, in one order), its counts and the totals of all
    applications, from the cache while the data is unchanged. The appropriation is always the
    programme's current one. An unknown status or order is taken as none. Without `with_assign`
    (a board secretary's), only the applications on a meeting's list link to their page. The applications in
    `hidden` are left out, and the cache key names them, so one reader's table never reaches another."""
    language = (get_language() or "fi")[:2]
    status = status if status in ApplicationStatus.values else ""
    order = order if order in ORDER_KEYS else "reference"
    version = hashlib.sha256(summary_version(programme).encode()).hexdigest()
    without = ",".join(str(pk) for pk in sorted(hidden))
    key = f"grants:summary:{programme.pk}:{language}:{int(with_assign)}:{status}:{order}:{version}:{without}"
    table = cache.get(key)
    if table is None:
        rows, totals = programme_summary(programme, hidden=hidden, listed_links_only=not with_assign)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        statuses = [(value, str(label), counts[value]) for value, label in ApplicationStatus.choices if value in counts]
        chosen = sorted((r for r in rows if not status or r.status == status), key=ORDER_KEYS[order])
        html = rows_html(chosen, with_assign=with_assign)
        table = SummaryTable(html, len(chosen), len(rows), statuses, totals, status, order)
        cache.set(key, table, SUMMARY_CACHE_SECONDS)
    table.totals.appropriation = programme.appropriation
    return table
