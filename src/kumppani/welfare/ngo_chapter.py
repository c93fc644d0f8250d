"""The NGO chapter of a welfare report, generated from the platform's data.

For the report's body and years (first_year..last_year, beside the same number of years before them)
it counts the grants given to NGOs, the forms of cooperation and how they were realised (strategic,
practical, financial, as in the Salo model), the NGOs' seats in councils and working groups, the
consultations and their published responses, the experiential knowledge reports and the chapters
that used them, the premises hours NGOs booked and the value of the free use, the NGO events in the
calendar and the bulletin, the NGO barometer and the yearly negotiations' goals and follow-up.
Every figure links to the public or official list it was counted from. The number of queries
depends on the report's number of years, never on the amount of data.

The figures are live until the council approves the report; `freeze` (called by the approval)
stores them in `Chapter.frozen` in every language, and from then on they are read from there."""

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kumppani.cooperation.governance.models import (
    GroupKind,
    MeasureStatus,
    Negotiation,
    NegotiationMeasure,
    NegotiationStatus,
    Seat,
)
from kumppani.cooperation.models import Category, CooperationForm, Sector
from kumppani.cooperation.queries import PUBLIC_STATUSES as COOPERATION_STATUSES
from kumppani.cooperation.queries import realisation_summary
from kumppani.core import audit, versioning
from kumppani.core.models import Term
from kumppani.core.templatetags.kumppani import euros
from kumppani.events.models import BulletinIssue, Listing, ListingStatus
from kumppani.grants.models import GrantProgramme
from kumppani.grants.queries.published import decided_grants
from kumppani.participation.consultations.models import Consultation, ConsultationStatus
from kumppani.participation.knowledge.models import PUBLIC_STATUSES as KNOWLEDGE_STATUSES
from kumppani.participation.knowledge.models import KnowledgeReport
from kumppani.participation.surveys.barometer import comparison
from kumppani.participation.surveys.models import Survey
from kumppani.premises.queries import usage
from kumppani.welfare.models import Chapter, ChapterKind, ReportStatus, WelfareReport

COUNCILS = (GroupKind.OLDER_PEOPLE_COUNCIL, GroupKind.DISABILITY_COUNCIL, GroupKind.YOUTH_COUNCIL)
CLOSED_CONSULTATIONS = (ConsultationStatus.CLOSED, ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED)
ANSWERED_CONSULTATIONS = (ConsultationStatus.RESPONDED, ConsultationStatus.FINISHED)
GENERATED_TEXTS = ("situation", "goals")


@dataclass(frozen=True)
class Figure:
    group: str
    label: str
    value: str  # already formatted as Finns write it
    url: str = ""  # the list it was counted from


# Formatting as Finns write it (DESIGN §5): 1 234, 12,5 h, 60 %, 1 234,50 €, 5.12.2026.


def number(value) -> str:
    return f"{int(value):,}".replace(",", "\xa0")


def decimal(value, places: int = 1) -> str:
    quantum = Decimal(1).scaleb(-places)
    amount = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _dot, fraction = f"{amount:,.{places}f}".partition(".")
    text = whole.replace(",", "\xa0")
    return f"{text},{fraction}" if fraction.strip("0") else text


def percent(part, whole) -> str:
    return f"{round(100 * part / whole)}\xa0%" if whole else "–"


def date(value: dt.date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def period_label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


@dataclass
class Period:
    first: int
    last: int

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    @property
    def start(self) -> dt.date:
        return dt.date(self.first, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.last, 12, 31)

    @property
    def label(self) -> str:
        return period_label(self.first, self.last)

    def previous(self) -> "Period":
        length = self.last - self.first + 1
        return Period(self.first - length, self.first - 1)


@dataclass
class Computed:
    figures: list[Figure] = field(default_factory=list)
    numbers: dict = field(default_factory=dict)
    goals: list[str] = field(default_factory=list)

    def add(self, group: str, label: str, value: str, url: str = "") -> None:
        self.figures.append(Figure(str(group), str(label), str(value), url))


# The figures ------------------------------------------------------------------------------------


def _grants(out: Computed, report: WelfareReport, now: Period, before: Period) -> None:
    group = _("Grants to NGOs")
    body = report.body
    grants = decided_grants().filter(programme__body=body)

    def decisions_url(period: Period) -> str:
        if period.first == period.last:
            return reverse("grants:public_decisions", args=[body.slug, period.last])
        return reverse("grants:public_decision_years", args=[body.slug])

    per_year = {
        row["programme__year"]: row
        for row in grants.filter(programme__year__gte=before.first, programme__year__lte=now.last)
        .order_by()
        .values("programme__year")
        .annotate(total=Sum("decision__amount"), count=Count("pk"))
    }

    def totals(period: Period) -> tuple[Decimal, int]:
        rows = [per_year[year] for year in period.years if year in per_year]
        return sum((row["total"] for row in rows), Decimal(0)), sum(row["count"] for row in rows)

    total, count = totals(now)
    previous_total, previous_count = totals(before)
    out.numbers.update(
        grants_total=total,
        grants_count=count,
        grants_previous_total=previous_total,
        grants_previous_count=previous_count,
    )
    out.add(group, _("Granted %(period)s") % {"period": now.label}, euros(total), decisions_url(now))
    out.add(group, _("Grants %(period)s") % {"period": now.label}, number(count), decisions_url(now))
    out.add(group, _("Granted %(period)s") % {"period": before.label}, euros(previous_total), decisions_url(before))
    out.add(group, _("Grants %(period)s") % {"period": before.label}, number(previous_count), decisions_url(before))
    if previous_total:
        change = round(100 * (total - previous_total) / previous_total)
        change_text = f"{'+' if change > 0 else '−' if change < 0 else '±'}{abs(change)}\xa0%"
    else:
        change_text = "–"
    out.add(
        group,
        _("Change in the money granted from %(period)s") % {"period": before.label},
        change_text,
        decisions_url(now),
    )

    current = grants.filter(programme__year__gte=now.first, programme__year__lte=now.last).order_by()
    by_theme = list(current.values("themes").annotate(total=Sum("decision__amount"), count=Count("pk")))
    themes = Term.objects.in_bulk([row["themes"] for row in by_theme if row["themes"]])
    by_theme.sort(key=lambda row: (row["themes"] is None, -row["total"], str(themes.get(row["themes"], ""))))
    for row in by_theme:
        theme = themes.get(row["themes"])
        label = _("Theme: %(theme)s") % {"theme": theme.name} if theme else _("No theme given")
        out.add(group, label, _grant_value(row), decisions_url(now))
    # By the sector whose money the programme gives (the programme names it; else "No sector named").
    by_sector = list(current.values("programme__sector").annotate(total=Sum("decision__amount"), count=Count("pk")))
    sectors = Sector.objects.in_bulk([row["programme__sector"] for row in by_sector if row["programme__sector"]])
    by_sector.sort(
        key=lambda row: (
            row["programme__sector"] is None,
            -row["total"],
            str(sectors.get(row["programme__sector"], "")),
        )
    )
    out.numbers["grants_by_sector"] = {row["programme__sector"]: (row["total"], row["count"]) for row in by_sector}
    for row in by_sector:
        sector = sectors.get(row["programme__sector"])
        label = _("Sector: %(sector)s") % {"sector": sector.name} if sector else _("No sector named")
        out.add(group, label, _grant_value(row), decisions_url(now))
    by_programme = list(current.values("programme_id").annotate(total=Sum("decision__amount"), count=Count("pk")))
    programmes = GrantProgramme.objects.in_bulk([row["programme_id"] for row in by_programme])
    by_programme.sort(key=lambda row: (-row["total"], programmes[row["programme_id"]].title))
    for row in by_programme:
        programme = programmes[row["programme_id"]]
        out.add(
            group,
            _("Grant programme: %(name)s") % {"name": programme.title},
            _grant_value(row),
            reverse("grants:public_decisions", args=[body.slug, programme.year]),
        )


def _grant_value(row) -> str:
    return _("%(total)s (%(count)s grants)") % {"total": euros(row["total"]), "count": number(row["count"])}


def _cooperation(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("Forms of cooperation")
    body = report.body
    in_period = Q(status__in=COOPERATION_STATUSES, starts_on__lte=now.end) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=now.start)
    )
    forms = CooperationForm.objects.filter(in_period, body=body).order_by().count()
    summary_url = reverse("cooperation:summary", args=[body.slug]) + f"?vuosi={now.last}"
    out.add(group, _("Forms of cooperation in force"), number(forms), reverse("cooperation:body", args=[body.slug]))
    categories = {value: [0, 0, 0] for value in Category.values}  # realised, partly, periods
    by_label = {str(label): value for value, label in Category.choices}
    for year in now.years:
        # The summary lists only the categories that had periods in the year, by their label.
        for row in realisation_summary(body, year, totals_only=True).by_category:
            value = by_label[row.label]
            categories[value][0] += row.realised
            categories[value][1] += row.partly
            categories[value][2] += row.total
    realised = sum(c[0] for c in categories.values())
    periods = sum(c[2] for c in categories.values())
    out.numbers.update(cooperation_forms=forms, cooperation_realised=realised, cooperation_periods=periods)
    for value, label in Category.choices:
        done, partly, total = categories[value]
        out.add(group, _("%(category)s: realised") % {"category": label}, _realised(done, partly, total), summary_url)
    out.add(
        group, _("All: realised"), _realised(realised, sum(c[1] for c in categories.values()), periods), summary_url
    )


def _realised(done: int, partly: int, total: int) -> str:
    if not total:
        return _("no periods to follow up")
    return _("%(percent)s (%(done)s of %(total)s periods; %(partly)s partly)") % {
        "percent": percent(done, total),
        "done": number(done),
        "total": number(total),
        "partly": number(partly),
    }


def _seats(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("NGO seats in councils and working groups")
    seats = Seat.objects.filter(group__body=report.body, term_start__lte=now.end, term_end__gte=now.start).order_by()
    kinds = dict(seats.values("group__kind").annotate(n=Count("pk")).values_list("group__kind", "n"))
    in_councils = sum(n for kind, n in kinds.items() if kind in COUNCILS)
    in_groups = sum(n for kind, n in kinds.items() if kind not in COUNCILS)
    ngos = seats.values("organisation").distinct().count()
    url = reverse("cooperation:groups", args=[report.body.slug])
    out.numbers.update(council_seats=in_councils, group_seats=in_groups, seated_ngos=ngos)
    out.add(group, _("Seats in councils (older people, disability, youth)"), number(in_councils), url)
    out.add(group, _("Seats in working and steering groups"), number(in_groups), url)
    out.add(group, _("NGOs with a seat"), number(ngos), url)


def _consultations(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("Consultations")
    figures = Consultation.objects.filter(
        body=report.body,
        closes_at__date__gte=now.start,
        closes_at__date__lte=now.end,
        status__in=CLOSED_CONSULTATIONS,
    ).aggregate(held=Count("pk"), answered=Count("pk", filter=Q(status__in=ANSWERED_CONSULTATIONS)))
    url = reverse("participation:consultation_list", args=[report.body.slug])
    out.numbers.update(consultations=figures["held"], consultations_answered=figures["answered"])
    out.add(group, _("Consultations held"), number(figures["held"]), url)
    out.add(group, _("With a published response"), number(figures["answered"]), url)


def received_knowledge(report: WelfareReport):
    """The experiential knowledge reports the body received (sent to it) in the report's years."""
    start, end = dt.date(report.first_year, 1, 1), dt.date(report.last_year, 12, 31)
    return KnowledgeReport.objects.filter(
        body=report.body, status__in=KNOWLEDGE_STATUSES, sent_at__date__gte=start, sent_at__date__lte=end
    )


def knowledge_use(report: WelfareReport, chapters: list[Chapter]) -> dict[int, set[int]]:
    """{chapter id: ids of the received knowledge reports on its theme (or naming it as their topic)}.
    Two queries."""
    received = received_knowledge(report).order_by()
    topics = list(received.values_list("pk", "topic"))
    report_themes = list(
        KnowledgeReport.themes.through.objects.filter(knowledgereport__in=received.values("pk")).values_list(
            "knowledgereport_id", "term_id"
        )
    )
    used: dict[int, set[int]] = {}
    for chapter in chapters:
        ids = {pk for pk, term in report_themes if chapter.theme_id and term == chapter.theme_id}
        title = chapter.title.strip().casefold()
        ids |= {pk for pk, topic in topics if topic and topic.strip().casefold() == title}
        used[chapter.pk] = ids
    return used


def _knowledge(out: Computed, report: WelfareReport) -> None:
    group = _("Experiential knowledge")
    figures = received_knowledge(report).aggregate(reports=Count("pk"), ngos=Count("organisation", distinct=True))
    url = reverse("participation:knowledge_body", args=[report.body.slug])
    out.numbers.update(knowledge_reports=figures["reports"], knowledge_ngos=figures["ngos"])
    out.add(group, _("Experiential knowledge reports received"), number(figures["reports"]), url)
    out.add(group, _("NGOs that sent them"), number(figures["ngos"]), url)
    chapters = list(report.chapters.exclude(kind=ChapterKind.NGO).order_by("position", "pk"))
    used = knowledge_use(report, chapters)
    every = set().union(*used.values()) if used else set()
    out.numbers["knowledge_used"] = len(every)
    out.add(group, _("Used as evidence in the report's chapters"), number(len(every)), url)
    for chapter in chapters:
        if used[chapter.pk]:
            out.add(
                group,
                _("Used in the chapter “%(title)s”") % {"title": chapter.title},
                number(len(used[chapter.pk])),
                url,
            )


def _premises(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("Premises")
    bookings, hours, value = 0, Decimal(0), Decimal(0)
    for year in now.years:
        for row in usage(report.body, year):
            bookings += row.bookings
            hours += row.hours
            value += row.value
    url = reverse("premises:usage", args=[report.body.slug]) + f"?vuosi={now.last}"
    out.numbers.update(premises_bookings=bookings, premises_hours=hours, premises_value=value)
    out.add(group, _("NGO bookings"), number(bookings), url)
    out.add(group, _("Hours booked by NGOs"), f"{decimal(hours)}\xa0h", url)
    out.add(group, _("Value of the free use"), euros(value), url)


def _events(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("Events")
    body = report.body
    issues = BulletinIssue.objects.filter(
        body=body, is_published=True, period_start__lte=now.end, period_end__gte=now.start
    ).count()
    events = (
        Listing.objects.filter(
            body=body,
            status=ListingStatus.APPROVED,
            event__organisation__isnull=False,
            event__start__date__gte=now.start,
            event__start__date__lte=now.end,
        )
        .values("event")
        .distinct()
        .count()
    )
    out.numbers.update(bulletin_issues=issues, ngo_events=events)
    out.add(
        group,
        _("NGO events published in the calendar and the bulletin"),
        number(events),
        reverse("events:calendar") + f"?body={body.slug}",
    )
    out.add(group, _("Bulletin issues published"), number(issues), reverse("events:bulletin", args=[body.slug]))


def _barometer(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("NGO barometer")
    survey = (
        Survey.objects.filter(body=report.body, barometer_year__gte=now.first, barometer_year__lte=now.last)
        .select_related("body")
        .order_by("-barometer_year")
        .first()
    )
    if survey is None:
        out.numbers["barometer_respondents"] = 0
        out.add(group, _("NGO barometer"), _("not held in these years"))
        return
    url = reverse("participation:survey_results", args=[survey.slug])
    respondents = survey.responses.count()
    out.numbers["barometer_respondents"] = respondents
    out.add(
        group, _("Respondents to the barometer %(year)s") % {"year": survey.barometer_year}, number(respondents), url
    )
    for question in comparison(survey):
        for row in question.rows:
            label = f"{question.text} – {row.label}" if question.unit == "%" else question.text
            out.add(
                group,
                label,
                _("%(own)s (county %(county)s, whole country %(national)s)")
                % {
                    "own": _measure(row.own, question.unit),
                    "county": _measure(row.county, question.unit),
                    "national": _measure(row.national, question.unit),
                },
                url,
            )


def _measure(value, unit: str) -> str:
    if value is None:
        return "–"
    return f"{number(value)}\xa0%" if unit == "%" else f"{decimal(value)} / 5"


def _negotiations(out: Computed, report: WelfareReport, now: Period) -> None:
    group = _("Yearly negotiation")
    body = report.body
    negotiations = list(Negotiation.objects.filter(body=body, year__gte=now.first, year__lte=now.last).order_by("year"))
    measures = list(
        NegotiationMeasure.objects.filter(negotiation__in=[n.pk for n in negotiations])
        .order_by("negotiation__year", "pk")
        .values_list("negotiation_id", "goal", "status", "follow_up")
    )
    done = sum(1 for _n, _goal, status, _f in measures if status == MeasureStatus.DONE)
    agreed = sum(1 for n in negotiations if n.status == NegotiationStatus.AGREED)
    list_url = reverse("cooperation:negotiations", args=[body.slug])
    out.numbers.update(negotiations=len(negotiations), negotiations_agreed=agreed, goals=len(measures), goals_done=done)
    out.add(group, _("Yearly negotiations held"), number(len(negotiations)), list_url)
    out.add(group, _("Goals agreed"), number(len(measures)), list_url)
    out.add(group, _("Goals done"), number(done), list_url)
    by_pk = {n.pk: n for n in negotiations}
    for negotiation in negotiations:
        status = NegotiationStatus(negotiation.status).label
        held = f", {date(negotiation.held_on)}" if negotiation.held_on else ""
        out.add(
            group,
            _("Yearly negotiation %(year)s") % {"year": negotiation.year},
            f"{status}{held}",
            reverse("cooperation:negotiation", args=[negotiation.pk]),
        )
    for negotiation_id, goal, status, follow_up in measures:
        negotiation = by_pk[negotiation_id]
        value = str(MeasureStatus(status).label)
        if follow_up.strip():
            value += f": {follow_up.strip()}"
        out.add(
            group,
            f"{negotiation.year}: {goal}",
            value,
            reverse("cooperation:negotiation", args=[negotiation_id]),
        )
        out.goals.append(f"{goal} ({negotiation.year}): {str(MeasureStatus(status).label).lower()}")


def compute(report: WelfareReport) -> Computed:
    """Every figure of the report's NGO chapter, in the active language, from the current data."""
    now = Period(report.first_year, report.last_year)
    out = Computed()
    _grants(out, report, now, now.previous())
    _cooperation(out, report, now)
    _seats(out, report, now)
    _consultations(out, report, now)
    _knowledge(out, report)
    _premises(out, report, now)
    _events(out, report, now)
    _barometer(out, report, now)
    _negotiations(out, report, now)
    return out


def _language() -> str:
    language = (translation.get_language() or "fi")[:2]
    return language if language in dict(settings.LANGUAGES) else "fi"


def figures(chapter: Chapter) -> list[Figure]:
    """The NGO chapter's figures: live until the report is approved, then as they were at approval."""
    if chapter.kind != ChapterKind.NGO:
        return []
    report = chapter.report
    if report.status == ReportStatus.APPROVED:
        # As stored at approval; an approved report with nothing stored shows none (never live figures).
        stored = chapter.frozen.get("figures") or {}
        rows = stored.get(_language()) or stored.get("fi") or []
        return [Figure(**row) for row in rows]
    return compute(report).figures


# Generating and freezing -----------------------------------------------------------------------


def summary_texts(report: WelfareReport, computed: Computed) -> dict[str, str]:
    """A short summary in plain Finnish for the chapter's editable texts."""
    n = computed.numbers
    now = Period(report.first_year, report.last_year)
    with translation.override("fi"):
        # Only what happened: a sentence of zeros tells the council nothing.
        sentences = [
            _("In %(period)s NGOs were granted %(total)s in %(count)s grants (%(previous_period)s: %(previous)s).")
            % {
                "period": now.label,
                "total": euros(n["grants_total"]),
                "count": number(n["grants_count"]),
                "previous_period": now.previous().label,
                "previous": euros(n["grants_previous_total"]),
            }
        ]
        if n["cooperation_forms"]:
            sentences.append(
                _("%(forms)s forms of cooperation were in force; %(percent)s of their periods were realised.")
                % {
                    "forms": number(n["cooperation_forms"]),
                    "percent": percent(n["cooperation_realised"], n["cooperation_periods"]),
                }
            )
        if n["council_seats"] or n["group_seats"]:
            sentences.append(
                _("NGOs held %(councils)s seats in councils and %(groups)s in working groups.")
                % {"councils": number(n["council_seats"]), "groups": number(n["group_seats"])}
            )
        if n["consultations"]:
            sentences.append(
                _("%(held)s consultations were held, %(answered)s of them with a published response.")
                % {"held": number(n["consultations"]), "answered": number(n["consultations_answered"])}
            )
        if n["knowledge_reports"]:
            sentences.append(
                _("NGOs sent %(reports)s experiential knowledge reports; %(used)s of them are used in this report.")
                % {"reports": number(n["knowledge_reports"]), "used": number(n["knowledge_used"])}
            )
        if n["premises_hours"]:
            sentences.append(
                _("NGOs booked premises for %(hours)s hours; the value of the free use was %(value)s.")
                % {"hours": decimal(n["premises_hours"]), "value": euros(n["premises_value"])}
            )
        if n["ngo_events"]:
            sentences.append(
                _("%(events)s NGO events were published in the calendar.") % {"events": number(n["ngo_events"])}
            )
        goals = (
            _("The goals agreed in the yearly negotiations and how they were followed up:")
            + "\n"
            + "\n".join(f"– {goal}" for goal in computed.goals)
            if computed.goals
            else _("No goals were agreed in yearly negotiations in these years.")
        )
        title = _("Cooperation with NGOs")
    return {"title": str(title), "situation": " ".join(str(s) for s in sentences), "goals": str(goals)}


def generate(*, report: WelfareReport, by) -> Chapter:
    """Create the report's NGO chapter, or refresh it: its texts are prefilled with a short summary
    of the figures; a text someone has edited since the last generation is kept as they wrote it.
    Not on an approved report."""
    if not by.has_perm("welfare.manage_report", report):
        raise PermissionDenied
    if report.status == ReportStatus.APPROVED:
        raise ValidationError({"status": ValidationError(_("An approved report no longer changes."), code="approved")})
    computed = compute(report)
    texts = summary_texts(report, computed)
    with transaction.atomic():
        chapter = report.chapters.select_for_update().filter(kind=ChapterKind.NGO).first()
        created = chapter is None
        if created:
            chapter = Chapter(
                report=report,
                kind=ChapterKind.NGO,
                title=texts["title"],
                position=report.chapters.count() + 1,
            )
        previous = chapter.frozen.get("generated", {})
        before = {} if created else audit.snapshot(chapter, list(GENERATED_TEXTS))
        for name in GENERATED_TEXTS:
            current = getattr(chapter, name)
            if not current.strip() or current == previous.get(name):
                setattr(chapter, name, texts[name])
        chapter.frozen = {"generated": {name: getattr(chapter, name) for name in GENERATED_TEXTS}}
        chapter.updated_at = timezone.now()
        chapter.full_clean()
        chapter.save()
        changes = audit.diff(before, audit.snapshot(chapter, list(GENERATED_TEXTS)))
        # A refresh that rewrote a text moves the chapter's version, so that an editor's page opened
        # before it cannot silently overwrite the new text.
        changes = changes if created else versioning.claim(chapter, changes)
        audit.record(
            actor=by,
            obj=chapter,
            action="welfare_ngo_chapter_generated" if created else "welfare_ngo_chapter_refreshed",
            changes=changes,
        )
    return chapter


def freeze(report: WelfareReport) -> WelfareReport:
    """Store the NGO chapter's figures and every chapter's evidence as they are now, in every
    language, so that the approved report stays as the council approved it."""
    from kumppani.welfare import evidence

    chapters = list(report.chapters.select_related("report__body", "theme"))
    for chapter in chapters:
        stored = {key: value for key, value in chapter.frozen.items() if key == "generated"}
        stored["evidence"] = {}
        if chapter.kind == ChapterKind.NGO:
            stored["figures"] = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                stored["evidence"][language] = [asdict(item) for item in evidence.live(chapter)]
                if chapter.kind == ChapterKind.NGO:
                    stored["figures"][language] = [asdict(item) for item in compute(report).figures]
        chapter.frozen = stored
        chapter.save(update_fields=["frozen"])
    return report
