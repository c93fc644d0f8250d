"""The table of moves in grants.workflow is the whole truth about an application's status: every
move in it is made by a domain function (each is walked here from a new draft through the real
services), and no code of grants changes an application's status except `transition()`."""

import ast
import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kumppani.grants import workflow
from kumppani.grants.models import Application, ApplicationStatus, UsageReport
from kumppani.grants.services import applying, decisions, reporting, review
from tests import factories
from tests.grants import factories as grant_factories

S = ApplicationStatus
GRANTS = Path(workflow.__file__).parent

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    programme = grant_factories.programme(salo, requires_registered=False, required_attachments=[])
    org = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {
        "programme": programme,
        "org": org,
        "rep": factories.representative(org, email="edustaja@example.org"),
        "officer": factories.official(salo, "official"),
        "secretary": factories.official(salo, "board_secretary"),
        "reviewer": factories.official(salo, "viewer"),
    }


def _draft(w) -> Application:
    """A complete draft, started and filled in through the domain functions."""
    application = applying.application_start(programme=w["programme"], organisation=w["org"], by=w["rep"])
    question = w["programme"].questions.get()
    return applying.application_update(
        application=application,
        by=w["rep"],
        version=application.version,
        data={
            "title": "Vertaistukiryhmät",
            "purpose": "Omaishoitajien vertaistukiryhmät Salossa.",
            "amount_requested": Decimal("3000.00"),
            "expected_outcomes": "Kymmenen ryhmää vuodessa.",
            "bank_account": "FI21 1234 5600 0007 85",
            "budget": [{"kind": "expense", "description": "Tilavuokrat", "amount": Decimal("3000.00")}],
            "answers": {question.pk: "Kirjastojen ilmoitustauluilla."},
        },
    )


def _submit(w, a):
    applying.application_submit(application=a, by=w["rep"])


def _withdraw(w, a):
    applying.application_withdraw(application=a, by=w["rep"], reason="Toiminta päättyy.")


def _request_completion(w, a):
    deadline = timezone.now() + dt.timedelta(days=7)
    applying.completion_request(application=a, by=w["officer"], message="Lisää sääntöjen kopio.", deadline=deadline)


def _complete(w, a):
    applying.completion_submit(application=a, by=w["rep"], response="Lisätty.")


def _assign(w, a):
    review.assign_reviewers(application=a, reviewers=[w["reviewer"]], by=w["officer"])


def _propose(w, a):
    meeting = decisions.meeting_create(
        programme=w["programme"],
        by=w["secretary"],
        board_name_fi="Hyvinvointilautakunta",
        date=dt.date.today(),
        section="7",
    )
    decisions.proposal_set(meeting=meeting, by=w["secretary"], rows=[decisions.ProposalRow(a, Decimal("2500.00"))])


def _unpropose(w, a):
    meeting = a.decision.meeting
    decisions.proposal_set(meeting=meeting, by=w["secretary"], rows=[decisions.ProposalRow(a, None)])


def _decide(w, a):
    meeting = a.decision.meeting
    decisions.proposal_mark_ready(meeting=meeting, by=w["secretary"])
    rows = [decisions.DecisionRow(a.decision, Decimal("2500.00"), "Hyvä hakemus.")]
    decisions.decision_record(meeting=meeting, by=w["secretary"], rows=rows)


def _pay(w, a):
    (instalment,) = reporting.instalments_plan(
        application=a, by=w["officer"], rows=[(timezone.localdate(), Decimal("2500.00"))]
    )
    reporting.instalment_mark_paid(instalment=instalment, by=w["officer"])


def _report(w, a):
    actuals = {line.pk: line.amount for line in a.budget_lines.all()}
    report = UsageReport.objects.get(application=a)
    reporting.usage_report_submit(
        report=report, by=w["rep"], achievements="Ryhmät kokoontuivat.", participants=40, actuals=actuals
    )


def _approve(w, a):
    reporting.usage_report_approve(report=UsageReport.objects.get(application=a), by=w["officer"])


def _return(w, a):
    reporting.usage_report_return(report=UsageReport.objects.get(application=a), by=w["officer"], comment="Korjaa.")


def _recover(w, a):
    a.refresh_from_db()
    amount = reporting.paid_total(a)
    reporting.recovery_mark(application=a, by=w["officer"], amount=amount, reason="Toiminta ei toteutunut.")


def _close(w, a):
    reporting.application_close(application=a, by=w["officer"])


# The domain function that makes each move of the table.
MOVERS = {
    (S.DRAFT, S.SUBMITTED): _submit,
    (S.DRAFT, S.WITHDRAWN): _withdraw,
    (S.SUBMITTED, S.COMPLETION_REQUESTED): _request_completion,
    (S.SUBMITTED, S.IN_REVIEW): _assign,
    (S.SUBMITTED, S.WITHDRAWN): _withdraw,
    (S.COMPLETION_REQUESTED, S.SUBMITTED): _complete,
    (S.COMPLETION_REQUESTED, S.WITHDRAWN): _withdraw,
    (S.IN_REVIEW, S.COMPLETION_REQUESTED): _request_completion,
    (S.IN_REVIEW, S.PROPOSED): _propose,
    (S.IN_REVIEW, S.WITHDRAWN): _withdraw,
    (S.PROPOSED, S.IN_REVIEW): _unpropose,
    (S.PROPOSED, S.DECIDED): _decide,
    (S.DECIDED, S.PAID): _pay,
    (S.DECIDED, S.RECOVERY): _recover,
    (S.PAID, S.REPORTED): _report,
    (S.PAID, S.RECOVERY): _recover,
    (S.REPORTED, S.APPROVED): _approve,
    (S.REPORTED, S.PAID): _return,
    (S.REPORTED, S.RECOVERY): _recover,
    (S.APPROVED, S.CLOSED): _close,
    (S.RECOVERY, S.CLOSED): _close,
}

# How a new draft reaches each status, one move at a time.
ROUTE = {
    S.DRAFT: [],
    S.SUBMITTED: [S.DRAFT],
    S.COMPLETION_REQUESTED: [S.DRAFT, S.SUBMITTED],
    S.IN_REVIEW: [S.DRAFT, S.SUBMITTED],
    S.PROPOSED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW],
    S.DECIDED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.PROPOSED],
    S.PAID: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.PROPOSED, S.DECIDED],
    S.REPORTED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.PROPOSED, S.DECIDED, S.PAID],
    S.APPROVED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.PROPOSED, S.DECIDED, S.PAID, S.REPORTED],
    S.RECOVERY: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.PROPOSED, S.DECIDED],
}


def _moves_of_table() -> set[tuple[str, str]]:
    return {(source, target) for source, targets in workflow.MOVES.items() for target in targets}


def test_every_move_of_the_table_has_a_domain_function_and_no_other_move_does():
    assert set(MOVERS) == _moves_of_table()


@pytest.mark.parametrize(("source", "target"), sorted(MOVERS), ids=lambda s: str(s))
def test_the_domain_function_makes_the_move(world, source, target):
    application = _draft(world)
    route = [*ROUTE[source], source]
    for here, there in itertools.pairwise(route):
        MOVERS[here, there](world, application)
        application = Application.objects.get(pk=application.pk)
        assert application.status == there
    MOVERS[source, target](world, application)
    assert Application.objects.get(pk=application.pk).status == target


def test_a_move_not_in_the_table_is_refused(world):
    application = _draft(world)
    with pytest.raises(ValidationError) as excinfo:
        workflow.transition(application, S.PAID, by=world["officer"])
    assert excinfo.value.code == "invalid_move"
    assert Application.objects.get(pk=application.pk).status == S.DRAFT


def test_a_decision_of_nothing_stays_decided():
    """No DECIDED → CLOSED: a 0 € decision is final as decided, and a grant is closed only once
    its use is approved or its recovery settled."""
    assert S.CLOSED not in workflow.MOVES[S.DECIDED]
    assert {S.APPROVED, S.RECOVERY} == workflow.CLOSABLE
    assert {S.DECIDED, S.PAID, S.REPORTED} == workflow.RECOVERABLE


def test_the_named_sets_are_made_of_statuses_the_table_knows():
    known = set(workflow.MOVES)
    for named in (workflow.EDITABLE, workflow.ASSIGNABLE, workflow.DECIDED_STATES, workflow.PAYABLE):
        assert set(named) <= known
    # Decided means: DECIDED and every status reachable from it.
    reachable, todo = set(), [S.DECIDED]
    while todo:
        status = todo.pop()
        if status not in reachable:
            reachable.add(status)
            todo.extend(workflow.MOVES[status])
    assert set(workflow.DECIDED_STATES) == reachable


# --- Nobody else writes the status -----------------------------------------------------------

# Objects other than applications whose status grants' code sets itself (instalments, usage
# reports, board meetings), as the code names them.
OTHER_STATUSES = {
    "instalment",
    "report",
    "meeting",
    "application.instalments.filter(status=InstalmentStatus.PLANNED)",
}


def _status_writes(tree: ast.AST, function: str = ""):
    """(line, the object written, enclosing function) of every `x.status = …` and `….update(status=…)`."""
    for node in ast.iter_child_nodes(tree):
        inner = node.name if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else function
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t for target in node.targets for t in getattr(target, "elts", [target])]
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr == "status":
                yield node.lineno, ast.unparse(target.value), function
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "bulk_update")
            and any(k.arg == "status" for k in node.keywords)
        ):
            yield node.lineno, ast.unparse(node.func.value), function
        yield from _status_writes(node, inner)


def test_only_transition_writes_an_applications_status():
    strays = set()
    for path in GRANTS.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for line, target, function in _status_writes(ast.parse(path.read_text())):
            if path.name == "workflow.py" and function == "transition" and target == "application":
                continue
            if target not in OTHER_STATUSES:
                strays.add(f"{path.relative_to(GRANTS)}:{line} {target}.status")
    assert not strays
