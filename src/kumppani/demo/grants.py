"""Demo grants: Salo's decided round, last year's round before it, Tampere's open round and a
programme of the Varsinais-Suomi wellbeing services county.

Salo's social and health board decided its operating grants on 17 March (§ 42): about thirty
applications from the demo NGOs serving Salo, each reviewed by two officials, some decisions
differing from the proposal and two of nothing; instalments paid as their dates came; one NGO
(Salon Seudun Omaishoitajat, the demo account omaishoitajat@…) has a usage report due in ten days.
Tampere's round is open until the next 31 January at 16.15, with drafts and submitted applications.

The history is written with the ORM in bulk so that `kumppani demo` stays fast, but every
application has gone only through moves that grants.workflow.MOVES allows, with its history
entries, and its amounts are Decimals. Decision letters and board lists are rendered by the app.
The dates follow today's date, so the demo reads the same whenever it is loaded. The programmes'
texts, what the NGOs apply for and the reviewers' comments are in data/grants.toml.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from stdnum import iban

from kumppani.core.models import AuditEntry, BodyKind, PublicBody, User
from kumppani.demo.datafiles import pairs, toml
from kumppani.grants.models import (
    Answer,
    Application,
    Attachment,
    AttachmentStage,
    BoardMeeting,
    BudgetLine,
    CompletionRequest,
    Criterion,
    Decision,
    GrantProgramme,
    Instalment,
    InstalmentStatus,
    MeetingStatus,
    OtherFunding,
    Question,
    ReportStatus,
    ReviewAssignment,
    Score,
    UsageReport,
)
from kumppani.grants.models import ApplicationStatus as S
from kumppani.grants.uploads import private_storage
from kumppani.organisations.models import Organisation, OrganisationStatus
from kumppani.organisations.queries import serving_body

SEED = 20260317
HELSINKI = ZoneInfo(settings.TIME_ZONE)
EUR = Decimal("0.01")

_DATA = toml("grants.toml")
PROGRAMMES: dict[str, dict] = _DATA["programmes"]
SALO_CONDITIONS_FI: str = PROGRAMMES["salo"]["conditions"]["fi"]
RECTIFICATION_ADDRESS: str = PROGRAMMES["salo"]["rectification_address"]


def programme_texts(key: str, year: int) -> dict:
    """The fields of a programme of data/grants.toml (its slug, texts, attachments, criteria and
    questions) as Loader.programme takes them; "{year}" in the principles is the round's year."""
    data = PROGRAMMES[key]
    fields = {"slug": data["slug"], "required_attachments": list(data["attachments"])}
    for part in ("name", "description", "principles", "conditions"):
        for language, text in data.get(part, {}).items():
            fields[f"{part}_{language}"] = text.replace("{year}", str(year)) if part == "principles" else text
    fields["criteria"] = [(criterion["fi"], criterion["sv"], criterion["weight"]) for criterion in data["criteria"]]
    fields["questions"] = list(data["questions"])
    return fields


@dataclass(frozen=True)
class Idea:
    """What an NGO of a kind applies for, with its expenses; the amount applied for follows from them."""

    title: str
    purpose: str
    outcomes: str
    expenses: tuple[tuple[str, int], ...]
    income: tuple[tuple[str, int], ...] = ()
    stea: int = 0


def _idea(data: dict) -> Idea:
    return Idea(
        data["title"],
        data["purpose"],
        data["outcomes"],
        tuple(pairs(data["expenses"])),
        tuple(pairs(data.get("income", []))),
        stea=data.get("stea", 0),
    )


# Slug words → the kind of NGO (longest first, so "mielenterveysomaiset" is not "mielenterveys").
KIND_WORDS = pairs(_DATA["kind_words"])
IDEAS: dict[str, list[Idea]] = {kind: [_idea(idea) for idea in ideas] for kind, ideas in _DATA["ideas"].items()}


def _ideas_by_slug(table: dict) -> dict[str, Idea]:
    """An applicant's own idea, or with "same_as" the first idea of that kind of NGO."""
    return {slug: IDEAS[data["same_as"]][0] if "same_as" in data else _idea(data) for slug, data in table.items()}


# Tampere's and the county's applicants, by slug (left out where the demo has no such NGO).
TAMPERE_IDEAS = _ideas_by_slug(_DATA["tampere_ideas"])
COUNTY_IDEAS = _ideas_by_slug(_DATA["county_ideas"])

REVIEW_COMMENTS: list[str] = _DATA["review_comments"]


@dataclass
class Planned:
    """One application of a round, before it is stored."""

    organisation: Organisation
    idea: Idea
    requested: Decimal | None
    final: str
    submitted_at: dt.datetime | None = None
    proposed: Decimal | None = None
    decided: Decimal | None = None
    reasoning: str = ""
    proposal_reasoning: str = ""
    completion: bool = False
    conflict: bool = False
    scores: dict = field(default_factory=dict)
    application: Application | None = None


# Dates ------------------------------------------------------------------------------------------


def decided_year(today: dt.date) -> int:
    """The year of the last round already decided and first paid: this year from late April on."""
    return today.year if today >= dt.date(today.year, 4, 20) else today.year - 1


def next_round_year(today: dt.date) -> int:
    """The year of the round that closes on the next 31 January."""
    return today.year if today < dt.date(today.year, 1, 31) else today.year + 1


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """An aware datetime at Helsinki time."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI)


def demo_iban(number: int) -> str:
    """A valid Finnish bank account number of the demo bank 123 for NGO `number`."""
    bban = f"123{number * 7919 % 10**11:011d}"
    return iban.format(f"FI{iban.calc_check_digits('FI00' + bban)}{bban}")


def euros(value) -> Decimal:
    return Decimal(value).quantize(EUR, rounding=ROUND_HALF_UP)


def hundreds(value: Decimal) -> Decimal:
    return (value / 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * 100


# Small real PDFs for the attachments ---------------------------------------------------------------


def tiny_pdf(title: str, line: str) -> bytes:
    """A one-page PDF with two lines of text (Latin-1 only), valid for any PDF reader."""

    def text(value: str) -> str:
        return value.encode("latin-1", "replace").decode("latin-1").replace("\\", "").replace("(", "").replace(")", "")

    stream = f"BT /F1 16 Tf 60 780 Td ({text(title)}) Tj /F1 11 Tf 0 -28 Td ({text(line)}) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# File name and title of an attachment by kind ({year}: the round's year, {prev}: the year before).
ATTACHMENT_NAMES = {kind: tuple(names) for kind, names in _DATA["attachment_names"].items()}


# The loader ---------------------------------------------------------------------------------------


class Loader:
    """Builds the rows of one round in memory, then stores them with bulk_create."""

    def __init__(self, users: dict[str, User], today: dt.date):
        self.users = users
        self.today = today
        self.rng = random.Random(SEED)
        self.audit: list[AuditEntry] = []
        self.storage = private_storage()

    # History entries, written in one go at the end.
    def history(self, obj, action: str, when: dt.datetime, actor=None, changes=None, message: str = "") -> None:
        self.audit.append(
            AuditEntry(
                created_at=when,
                actor=actor,
                action=action,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj)[:250],
                changes=changes or {},
                message=message[:500],
            )
        )

    def moves(self, application: Application, steps: list[tuple[str, dt.datetime, User | None]]) -> None:
        """History entries for status moves, each checked against the workflow's table."""
        from kumppani.grants.workflow import MOVES

        status = S.DRAFT
        for to, when, actor in steps:
            assert to in MOVES[status], f"{status} → {to} is not a move the workflow allows"
            self.history(application, "status_changed", when, actor, {"status": [status, to]})
            status = to
        assert status == application.status, (application.reference, status, application.status)

    def programme(self, body: PublicBody, year: int, *, slug: str, **fields) -> GrantProgramme | None:
        """A new published programme, or None when the demo already has it."""
        if GrantProgramme.objects.filter(body=body, year=year, slug=slug).exists():
            return None
        criteria = fields.pop("criteria")
        questions = fields.pop("questions")
        programme = GrantProgramme.objects.create(body=body, year=year, slug=slug, is_published=True, **fields)
        Criterion.objects.bulk_create(
            [
                Criterion(programme=programme, position=n, name_fi=fi, name_sv=sv, weight=weight)
                for n, (fi, sv, weight) in enumerate(criteria, start=1)
            ]
        )
        Question.objects.bulk_create(
            [Question(programme=programme, position=n, text_fi=text) for n, text in enumerate(questions, start=1)]
        )
        self.history(programme, "programme_created", fields["created_at"], fields.get("created_by"))
        self.history(programme, "programme_published", fields["created_at"] + dt.timedelta(hours=2), None)
        return programme

    def store(self, programme: GrantProgramme, planned: list[Planned], *, references: bool = True) -> None:
        """Applications with their budgets, other funding, answers and attachments."""
        prefix = programme.body.slug.upper().removesuffix("-HYVINVOINTIALUE")[:20]
        numbered = sorted((p for p in planned if p.submitted_at), key=lambda p: p.submitted_at)
        numbers = {id(p): n for n, p in enumerate(numbered, start=1)}
        rows = []
        for p in planned:
            org = p.organisation
            contact = org.contact_persons.all()[0] if org.contact_persons.all() else None
            started = (p.submitted_at or timezone.now()) - dt.timedelta(days=self.rng.randint(3, 20))
            application = Application(
                programme=programme,
                organisation=org,
                status=p.final,
                title=p.idea.title,
                purpose=p.idea.purpose,
                expected_outcomes=p.idea.outcomes,
                amount_requested=p.requested,
                contact_name=contact.name if contact else "",
                contact_email=contact.email if contact else org.email,
                contact_phone=contact.phone if contact else org.phone,
                bank_account=demo_iban(org.pk),
                created_by=self.representative(org),
                created_at=started,
                updated_at=p.submitted_at or started,
                submitted_at=p.submitted_at,
            )
            application.reference = (
                f"{prefix}-{programme.year}-{numbers[id(p)]:04d}"
                if references and p.submitted_at
                else f"draft-{application.uuid.hex}"
            )
            rows.append(application)
            p.application = application
        Application.objects.bulk_create(rows)

        budget, funding, answers, relations = [], [], [], []
        questions = list(programme.questions.all())
        for p in planned:
            a = p.application
            for n, (item, amount) in enumerate(p.idea.expenses, start=1):
                budget.append(
                    BudgetLine(application=a, kind="expense", position=n, description=item, amount=euros(amount))
                )
            incomes = [("Haettava avustus", p.requested), *p.idea.income] if p.idea.expenses else []
            if p.idea.stea:
                incomes.append(("STEA:n avustus", p.idea.stea))
            for n, (item, amount) in enumerate(incomes, start=1):
                budget.append(
                    BudgetLine(application=a, kind="income", position=n, description=item, amount=euros(amount))
                )
            if p.idea.stea:
                funding.append(
                    OtherFunding(
                        application=a,
                        source="stea",
                        funder="Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",
                        amount=euros(p.idea.stea),
                        status="granted",
                        year=programme.year,
                    )
                )
            if p.submitted_at:
                volunteers = self.rng.randint(4, 40)
                texts = [
                    "Teemme yhteistyötä sosiaalityön, terveyskeskuksen ja seurakunnan kanssa, ja he ohjaavat "
                    "meille ihmisiä. Ilmoitamme toiminnasta kaupunkitiedotteessa ja kirjastossa.",
                    f"Toiminnassa on mukana {volunteers} vapaaehtoista.",
                ]
                answers += [Answer(application=a, question=q, text=t) for q, t in zip(questions, texts, strict=False)]
            relations.append((a, list(p.organisation.themes.all()), list(p.organisation.target_groups.all())))
        BudgetLine.objects.bulk_create(budget)
        OtherFunding.objects.bulk_create(funding)
        Answer.objects.bulk_create(answers)
        Application.themes.through.objects.bulk_create(
            [
                Application.themes.through(application_id=a.pk, term_id=t.pk)
                for a, themes, _ in relations
                for t in themes
            ]
        )
        Application.target_groups.through.objects.bulk_create(
            [
                Application.target_groups.through(application_id=a.pk, term_id=t.pk)
                for a, _, groups in relations
                for t in groups
            ]
        )
        self.attachments(programme, [p for p in planned if p.submitted_at])
        for p in planned:
            self.history(p.application, "application_started", p.application.created_at, p.application.created_by)

    def attachments(self, programme: GrantProgramme, planned: list[Planned]) -> None:
        rows = []
        for p in planned:
            org, year = p.organisation, programme.year
            for kind in programme.required_attachments:
                file_name, title = (s.format(year=year, prev=year - 1) for s in ATTACHMENT_NAMES[kind])
                content = tiny_pdf(f"{org.name_fi}: {title}", "Demoaineisto, ei todellinen asiakirja.")
                stored = self.storage.save(
                    f"grants/{year}/demo-{p.application.uuid.hex[:12]}-{kind}.pdf", ContentFile(content)
                )
                rows.append(
                    Attachment(
                        application=p.application,
                        stage=AttachmentStage.APPLICATION,
                        kind=kind,
                        file=stored,
                        original_name=file_name,
                        content_type="application/pdf",
                        size=len(content),
                        uploaded_by=p.application.created_by,
                        uploaded_at=p.submitted_at - dt.timedelta(hours=1),
                    )
                )
        Attachment.objects.bulk_create(rows)

    def representative(self, organisation: Organisation) -> User | None:
        memberships = list(organisation.memberships.all())
        return memberships[0].user if memberships else None

    def finish(self) -> None:
        AuditEntry.objects.bulk_create(self.audit)
        self.audit = []


def _kind(organisation: Organisation) -> str:
    return next((kind for word, kind in KIND_WORDS if word in organisation.slug), "kyla")


def _requested(idea: Idea) -> Decimal:
    """What an NGO applies for: its expenses less its own income and STEA, rounded down to 100 €."""
    need = sum(a for _, a in idea.expenses) - sum(a for _, a in idea.income) - idea.stea
    return euros(max(500, need // 100 * 100))


def _applicants(body: PublicBody) -> list[Organisation]:
    """Active, verified demo NGOs serving the body's residents (its county's NGOs too), by name."""
    return list(
        serving_body(Organisation.objects.all(), body)
        .filter(status=OrganisationStatus.ACTIVE, verified_at__isnull=False, merged_into__isnull=True)
        .prefetch_related("contact_persons", "memberships__user", "themes", "target_groups")
        .order_by("name_fi")
    )


# Salo: the decided round and last year's -------------------------------------------------------


def _salo_programme(loader: Loader, salo: PublicBody, year: int, *, decided_last_year: bool = False):
    users = loader.users
    return loader.programme(
        salo,
        year,
        **programme_texts("salo", year),
        kind="operating",
        appropriation=Decimal("120000.00") if not decided_last_year else Decimal("110000.00"),
        max_amount=Decimal("20000.00"),
        opens_at=at(dt.date(year - 1, 12, 1), 8),
        closes_at=at(dt.date(year, 1, 31), 16, 15),
        requires_registered=False,
        requires_serving_body=True,
        report_due=dt.date(year + 1, 3, 31),
        created_at=at(dt.date(year - 1, 11, 14), 10),
        created_by=users["viranhaltija.salo"],
    )


def _meeting(programme: GrantProgramme, day: dt.date, section: str, secretary: User) -> BoardMeeting:
    return BoardMeeting.objects.create(
        body=programme.body,
        programme=programme,
        board_name_fi="Sosiaali- ja terveyslautakunta",
        board_name_sv="Social- och hälsovårdsnämnden",
        board_name_en="Social and health board",
        date=day,
        section=section,
        rectification_address=RECTIFICATION_ADDRESS,
        status=MeetingStatus.DECIDED,
        secretary=secretary,
        decided_at=at(day, 18, 40),
        notified_at=day + dt.timedelta(days=3),
    )


def load_salo_last_year(loader: Loader, salo: PublicBody, year: int) -> int:
    """Last year's round, decided, paid and reported: the board list's "previous grants" and the
    continuity watch read it. Without reviews: only what later years look back at."""
    programme = _salo_programme(loader, salo, year, decided_last_year=True)
    if programme is None:
        return 0
    rng = random.Random(SEED - 1)
    secretary = loader.users["lautakunta.salo"]
    officer = loader.users["viranhaltija.salo"]
    planned = []
    for org in _applicants(salo):
        if rng.random() < 0.2:  # not everyone applied last year; the continuity watch shows the rest
            continue
        idea = IDEAS[_kind(org)][0]
        requested = hundreds(_requested(idea) * Decimal(rng.uniform(0.85, 1.0)))
        planned.append(
            Planned(
                org,
                idea,
                requested,
                S.CLOSED,
                submitted_at=at(dt.date(year, 1, rng.randint(8, 30)), rng.randint(9, 20)),
            )
        )
    loader.store(programme, planned)
    meeting = _meeting(programme, dt.date(year, 3, 18), "38", secretary)
    decisions, instalments, reports = [], [], []
    share = min(Decimal("0.9"), programme.appropriation * Decimal("0.95") / sum(p.requested for p in planned))
    for p in planned:
        p.decided = hundreds(p.requested * share)
        decisions.append(
            Decision(
                application=p.application,
                meeting=meeting,
                proposed_amount=p.decided,
                amount=p.decided,
                reasoning="Toiminta vastaa avustuksen tarkoitusta.",
                conditions=SALO_CONDITIONS_FI,
            )
        )
        instalments.append(
            Instalment(
                application=p.application,
                due_date=dt.date(year, 4, 15),
                amount=p.decided,
                status=InstalmentStatus.PAID,
                paid_at=dt.date(year, 4, 15),
            )
        )
        reports.append(
            UsageReport(
                application=p.application,
                due_date=dt.date(year + 1, 3, 31),
                status=ReportStatus.APPROVED,
                achievements=p.idea.outcomes,
                participants=rng.randint(20, 160),
                submitted_at=at(dt.date(year + 1, 3, rng.randint(2, 28)), 14),
                reviewed_by=officer,
                reviewed_at=at(dt.date(year + 1, 4, 10), 10),
            )
        )
        a = p.application
        loader.moves(
            a,
            [
                (S.SUBMITTED, p.submitted_at, a.created_by),
                (S.IN_REVIEW, at(dt.date(year, 2, 6), 9), officer),
                (S.PROPOSED, at(dt.date(year, 3, 4), 12), secretary),
                (S.DECIDED, meeting.decided_at, secretary),
                (S.PAID, at(dt.date(year, 4, 15), 9), officer),
                (S.REPORTED, reports[-1].submitted_at, a.created_by),
                (S.APPROVED, reports[-1].reviewed_at, officer),
                (S.CLOSED, reports[-1].reviewed_at, officer),
            ],
        )
    Decision.objects.bulk_create(decisions)
    Instalment.objects.bulk_create(instalments)
    UsageReport.objects.bulk_create(reports)
    return len(planned)


def load_salo(loader: Loader, salo: PublicBody, year: int) -> int:
    """This year's round: reviewed, decided by the board on 17 March (§ 42), paid as the dates came."""
    programme = _salo_programme(loader, salo, year)
    if programme is None:
        return 0
    rng, today, users = loader.rng, loader.today, loader.users
    officer, reviewer, secretary = users["viranhaltija.salo"], users["arvioija.salo"], users["lautakunta.salo"]

    planned: list[Planned] = []
    used: set[str] = set()
    for org in _applicants(salo):
        ideas = IDEAS[_kind(org)]
        # NGOs with a second idea send it too (the same second idea only once: one village's roof).
        chosen = [ideas[0], *[idea for idea in ideas[1:2] if idea.title not in used]]
        used.update(idea.title for idea in chosen)
        for idea in chosen:
            submitted = at(dt.date(year, 1, rng.randint(8, 31)), rng.randint(9, 15), rng.choice([0, 15, 30, 45]))
            planned.append(Planned(org, idea, _requested(idea), S.PAID, submitted_at=submitted))
    # One NGO withdrew its second application when STEA funded the work instead.
    withdrawn = next(p for p in planned if p.idea.title == "Kesän perhepuistopäivät")
    withdrawn.final = S.WITHDRAWN
    # Three applications lacked an attachment or an answer and were completed on request.
    for p in rng.sample([p for p in planned if p.final != S.WITHDRAWN], 3):
        p.completion = True
    loader.store(programme, planned)

    # Reviews: two officials score every criterion; one of them is disqualified from one application.
    criteria = list(programme.criteria.all())
    reviewed = [p for p in planned if p.final != S.WITHDRAWN]
    conflict = next((p for p in reviewed if _kind(p.organisation) == "muisti"), reviewed[0])
    conflict.conflict = True
    reviews, scores = [], []
    for p in reviewed:
        quality = rng.uniform(2.2, 4.8)
        for person in (officer, reviewer):
            has_conflict = p.conflict and person == reviewer
            review = ReviewAssignment(
                application=p.application,
                reviewer=person,
                assigned_by=officer,
                assigned_at=at(dt.date(year, 2, 3), 10),
                has_conflict=has_conflict,
                conflict_reason="Olen yhdistyksen hallituksen jäsen." if has_conflict else "",
                comment="" if has_conflict else rng.choice(REVIEW_COMMENTS),
                completed_at=None if has_conflict else at(dt.date(year, 2, rng.randint(10, 26)), 15),
                updated_at=at(dt.date(year, 2, 26), 15),
            )
            if not has_conflict:
                values = [max(0, min(5, round(quality + rng.uniform(-1, 1)))) for _ in criteria]
                p.scores[person.pk] = values
            reviews.append(review)
    ReviewAssignment.objects.bulk_create(reviews)
    by_application = {}
    for review in reviews:
        by_application.setdefault(review.application_id, []).append(review)

    # The proposal: the share of the amount applied for grows with the score; within the appropriation.
    zero = {"Kylätalon katon korjaus", "Jäsenten virkistysmatka Tallinnaan"}
    for p in reviewed:
        values = [v for person_scores in p.scores.values() for v in person_scores]
        weights = [c.weight for c in criteria] * len(p.scores)
        mean = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
        p.proposed = Decimal("0.00") if p.idea.title in zero else hundreds(p.requested * Decimal(0.25 + mean * 0.13))
    total = sum(p.proposed for p in reviewed)
    if total > programme.appropriation:
        scale = programme.appropriation / total
        for p in reviewed:
            p.proposed = euros(min(p.requested, (p.proposed * scale // 100) * 100))
    for p in reviewed:
        if p.idea.title in zero:
            p.proposal_reasoning = (
                "Avustusta ei myönnetä rakennusinvestointeihin."
                if "katon" in p.idea.title
                else "Avustusta ei myönnetä virkistysmatkoihin."
            )
        elif p.proposed == p.requested:
            p.proposal_reasoning = "Toiminta vastaa hyvin avustuksen tarkoitusta; avustus haetun suuruisena."
        else:
            p.proposal_reasoning = "Toiminta vastaa avustuksen tarkoitusta. Määräraha ei riitä kaikkeen haettuun."
        p.decided, p.reasoning = p.proposed, p.proposal_reasoning
        for review in by_application[p.application.pk]:
            if not review.has_conflict:
                change = rng.choice([-200, 0, 0, 200]) if p.proposed else 0
                review.proposed_amount = euros(min(p.requested, max(0, p.proposed + change)))
    ReviewAssignment.objects.bulk_update(reviews, ["proposed_amount"])
    for review in reviews:
        if review.has_conflict:
            continue
        p = next(q for q in reviewed if q.application.pk == review.application_id)
        for criterion, value in zip(criteria, p.scores[review.reviewer_id], strict=True):
            scores.append(Score(review=review, criterion=criterion, score=value))
    Score.objects.bulk_create(scores)

    # The board changed three proposals: it raised two that reach people in the most vulnerable
    # position and lowered one that STEA already funds, keeping within the appropriation.
    granted = [p for p in reviewed if p.proposed > 0]
    raised = [p for p in granted if _kind(p.organisation) in ("a-kilta", "ukraina")]
    lowered = [p for p in granted if p.idea.stea][:1]
    changes = [
        (
            p,
            Decimal("500"),
            "Lautakunta korotti avustusta 500 eurolla, koska toiminta tavoittaa ihmisiä, joita kaupungin "
            "palvelut eivät tavoita.",
        )
        for p in raised
    ] + [
        (
            p,
            Decimal("-1000"),
            "Lautakunta alensi avustusta 1 000 eurolla, koska STEA rahoittaa jo osan samasta toiminnasta.",
        )
        for p in lowered
    ]
    for p, change, reasoning in changes:
        p.decided = euros(min(p.requested, max(Decimal("0"), p.proposed + change)))
        p.reasoning = reasoning

    meeting = _meeting(programme, dt.date(year, 3, 17), "42", secretary)
    decisions, instalments, reports = [], [], []
    for p in reviewed:
        decisions.append(
            Decision(
                application=p.application,
                meeting=meeting,
                proposed_amount=p.proposed,
                proposal_reasoning=p.proposal_reasoning,
                amount=p.decided,
                reasoning=p.reasoning,
                conditions=SALO_CONDITIONS_FI if p.decided else "",
            )
        )
        p.final = S.DECIDED
        if p.decided == 0:
            continue
        parts = [(dt.date(year, 4, 15), p.decided)]
        if p.decided >= Decimal("3000"):
            first = hundreds(p.decided / 2)
            parts = [(dt.date(year, 4, 15), first), (dt.date(year, 9, 15), p.decided - first)]
        if p.decided >= Decimal("10000"):
            third = hundreds(p.decided / 3)
            parts = [
                (dt.date(year, 4, 15), third),
                (dt.date(year, 9, 15), third),
                (dt.date(year, 12, 15), p.decided - 2 * third),
            ]
        for due, amount in parts:
            paid = due <= today
            if paid:
                loader.history(p.application, "instalment_paid", at(due, 9), officer, message=f"{amount} € {due}")
            instalments.append(
                Instalment(
                    application=p.application,
                    due_date=due,
                    amount=amount,
                    status=InstalmentStatus.PAID if paid else InstalmentStatus.PLANNED,
                    paid_at=due if paid else None,
                )
            )
        if parts[0][0] <= today:
            p.final = S.PAID
            reports.append(UsageReport(application=p.application, due_date=programme.report_due))
    Decision.objects.bulk_create(decisions)
    Instalment.objects.bulk_create(instalments)

    # Usage reports: the summer camp's is due in ten days (the officer set an earlier date, as the
    # camp is over) and half written; two summer events have reported already, one approved.
    report_of = {r.application.pk: r for r in reports}
    camp = next(
        (p for p in reviewed if p.idea.title.startswith("Omaishoitajien kesäleiri") and p.final == S.PAID), None
    )
    if camp is not None:
        report = report_of[camp.application.pk]
        report.due_date = today + dt.timedelta(days=10)
        report.achievements = (
            "Leirille osallistui 14 omaishoitajaa ja 13 hoidettavaa. Palautteen mukaan omaishoitajat saivat "
            "levätä ja jakaa kokemuksiaan."
        )
        report.participants = 27
        loader.history(
            camp.application,
            "report_due_changed",
            at(dt.date(year, 8, 20), 10),
            officer,
            {"due_date": [programme.report_due.isoformat(), report.due_date.isoformat()]},
        )
    done = [
        p
        for p in reviewed
        if p.final == S.PAID and p.idea.title in ("Kesätapahtuma nuorille", "Muistiviikon tapahtuma syyskuussa")
    ]
    for n, p in enumerate(done):
        report = report_of[p.application.pk]
        report.status = ReportStatus.APPROVED if n == 0 else ReportStatus.SUBMITTED
        report.achievements = p.idea.outcomes + " Toteutui suunnitellusti."
        report.participants = rng.randint(40, 220)
        report.submitted_at = at(min(today, dt.date(year, 10, 5)), 13)
        if n == 0:
            report.reviewed_by, report.reviewed_at = officer, at(min(today, dt.date(year, 10, 20)), 9)
            report.review_comment = "Kiitos selvityksestä."
        p.final = S.APPROVED if n == 0 else S.REPORTED
    UsageReport.objects.bulk_create(reports)
    actual_lines = [line for p in done for line in BudgetLine.objects.filter(application=p.application)]
    for line in actual_lines:
        line.actual_amount = euros(line.amount * Decimal(rng.uniform(0.9, 1.05)))
    BudgetLine.objects.bulk_update(actual_lines, ["actual_amount"])

    # Completion requests answered in time.
    CompletionRequest.objects.bulk_create(
        [
            CompletionRequest(
                application=p.application,
                message="Hakemuksesta puuttuu edellisen vuoden tilinpäätös. Lisää se liitteeksi.",
                deadline=at(dt.date(year, 2, 14), 16, 15),
                requested_by=officer,
                requested_at=at(dt.date(year, 2, 2), 11),
                response="Lisäsimme tilinpäätöksen liitteeksi. Pahoittelut!",
                completed_at=at(dt.date(year, 2, 5), 18),
            )
            for p in reviewed
            if p.completion
        ]
    )

    # Statuses and their history.
    for p in planned:
        a = p.application
        a.status = p.final
        steps = [(S.SUBMITTED, p.submitted_at, a.created_by)]
        if p.final == S.WITHDRAWN:
            steps.append((S.WITHDRAWN, at(dt.date(year, 2, 4), 12), a.created_by))
            loader.moves(a, steps)
            continue
        if p.completion:
            steps += [
                (S.COMPLETION_REQUESTED, at(dt.date(year, 2, 2), 11), officer),
                (S.SUBMITTED, at(dt.date(year, 2, 5), 18), a.created_by),
            ]
        steps += [
            (S.IN_REVIEW, at(dt.date(year, 2, 3 if not p.completion else 6), 10), officer),
            (S.PROPOSED, at(dt.date(year, 3, 3), 14), secretary),
            (S.DECIDED, meeting.decided_at, secretary),
        ]
        if p.final in (S.PAID, S.REPORTED, S.APPROVED):
            steps.append((S.PAID, at(dt.date(year, 4, 15), 9), officer))
        if p.final in (S.REPORTED, S.APPROVED):
            steps.append((S.REPORTED, report_of[a.pk].submitted_at, a.created_by))
        if p.final == S.APPROVED:
            steps.append((S.APPROVED, report_of[a.pk].reviewed_at, officer))
        loader.moves(a, steps)
    Application.objects.bulk_update([p.application for p in planned], ["status"])
    return len(planned)


# Tampere: the open round ---------------------------------------------------------------------------


def load_tampere(loader: Loader, tampere: PublicBody, year: int) -> int:
    """Open until 31 January at 16.15: three submitted, one asked to complete, two drafts."""
    today = loader.today
    opens = min(dt.date(year - 1, 11, 1), today - dt.timedelta(days=7))
    programme = loader.programme(
        tampere,
        year,
        **programme_texts("tampere", year),
        kind="project",
        appropriation=Decimal("250000.00"),
        max_amount=Decimal("25000.00"),
        opens_at=at(opens, 8),
        closes_at=at(dt.date(year, 1, 31), 16, 15),
        requires_registered=True,
        requires_serving_body=True,
        report_due=dt.date(year + 1, 3, 31),
        created_at=at(opens - dt.timedelta(days=14), 10),
        created_by=loader.users["koordinaattori.tampere"],
    )
    if programme is None:
        return 0
    rng = random.Random(SEED + 1)
    by_slug = {o.slug: o for o in _applicants(tampere)}
    planned = []
    finals = [S.SUBMITTED, S.SUBMITTED, S.COMPLETION_REQUESTED, S.SUBMITTED, S.DRAFT, S.DRAFT]
    for (slug, idea), final in zip(TAMPERE_IDEAS.items(), finals, strict=True):
        org = by_slug.get(slug)
        if org is None:
            continue
        submitted = None
        if final != S.DRAFT:
            day = max(opens + dt.timedelta(days=1), today - dt.timedelta(days=rng.randint(1, 6)))
            submitted = at(day, rng.randint(9, 17), rng.choice([0, 20, 40]))
        planned.append(Planned(org, idea, _requested(idea), final, submitted_at=submitted))
    loader.store(programme, planned)
    officer = loader.users["koordinaattori.tampere"]
    for p in planned:
        a = p.application
        if p.final == S.DRAFT:
            continue
        steps = [(S.SUBMITTED, p.submitted_at, a.created_by)]
        if p.final == S.COMPLETION_REQUESTED:
            asked = min(timezone.now(), p.submitted_at + dt.timedelta(days=1))
            CompletionRequest.objects.create(
                application=a,
                message="Talousarviosta puuttuvat tilavuokrat. Lisää ne talousarvioon ja vastaa tähän.",
                deadline=at(today + dt.timedelta(days=10), 16, 15),
                requested_by=officer,
                requested_at=asked,
            )
            steps.append((S.COMPLETION_REQUESTED, asked, officer))
        loader.moves(a, steps)
    return len(planned)


# Varsinais-Suomi: the county's programme ----------------------------------------------------------


def load_county(loader: Loader, county: PublicBody, year: int) -> int:
    """The county's health-promotion grants, open until the end of February."""
    today = loader.today
    opens = min(dt.date(year - 1, 11, 15), today - dt.timedelta(days=5))
    programme = loader.programme(
        county,
        year,
        **programme_texts("county", year),
        kind="project",
        appropriation=Decimal("400000.00"),
        max_amount=Decimal("40000.00"),
        opens_at=at(opens, 9),
        closes_at=at(dt.date(year, 2, 28), 16),
        requires_registered=True,
        requires_serving_body=True,
        report_due=dt.date(year + 1, 4, 30),
        created_at=at(opens - dt.timedelta(days=20), 13),
        created_by=loader.users["koordinaattori.varha"],
    )
    if programme is None:
        return 0
    by_slug = {o.slug: o for o in _applicants(county)}
    planned = []
    finals = [S.SUBMITTED, S.SUBMITTED, S.DRAFT]
    for (slug, idea), final in zip(COUNTY_IDEAS.items(), finals, strict=True):
        org = by_slug.get(slug)
        if org is None:
            continue
        submitted = at(max(opens, today - dt.timedelta(days=3)), 11, 30) if final == S.SUBMITTED else None
        requested = _requested(idea) if idea.expenses else None  # the draft has no budget yet
        planned.append(Planned(org, idea, requested, final, submitted_at=submitted))
    loader.store(programme, planned)
    for p in planned:
        if p.final == S.SUBMITTED:
            loader.moves(p.application, [(S.SUBMITTED, p.submitted_at, p.application.created_by)])
    return len(planned)


def load(users: dict[str, User], today: dt.date | None = None) -> int:
    """Add the demo grant programmes that are missing; returns how many applications were added."""
    today = today or timezone.localdate()
    municipalities = {b.code: b for b in PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code__in=["734", "837"])}
    salo, tampere = municipalities["734"], municipalities["837"]
    loader = Loader(users, today)
    year = decided_year(today)
    added = load_salo_last_year(loader, salo, year - 1)
    added += load_salo(loader, salo, year)
    added += load_tampere(loader, tampere, next_round_year(today))
    added += load_county(loader, salo.county, next_round_year(today))
    loader.finish()
    return added
