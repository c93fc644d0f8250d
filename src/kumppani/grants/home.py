"""Grants on the role cards of a person's own page (/oma/), counted: for an NGO what is due (a usage
report, a completion request, an unsent draft) with its date; for a body's grant officers each
programme under way with its applications counted by status, the applications waiting for handling
or for the applicant's completion, the reviews assigned to them and the usage reports to check; for
a board secretary the lists to prepare, the decision letters to send and the coming board meetings.
Each source asks a fixed number of queries, however many programmes and applications there are."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.pages import Task, body_role_key, ngo_key, register_task_source
from kumppani.core.rules import body_roles
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    CompletionRequest,
    GrantProgramme,
    MeetingStatus,
    ReportStatus,
    ReviewAssignment,
    UsageReport,
)

WAITING_FOR_HANDLING = (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW)


def ngo_tasks(request) -> list[Task]:
    user = request.user
    if not user.is_authenticated:
        return []
    mine = Q(application__organisation__memberships__user=user)
    tasks = []
    reports = UsageReport.objects.filter(mine, status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED))
    for report in reports.select_related("application__programme").order_by("due_date"):
        label = (
            _("Usage report returned for changes: %(title)s (%(programme)s)")
            if report.status == ReportStatus.RETURNED
            else _("Usage report: %(title)s (%(programme)s)")
        )
        tasks.append(
            Task(
                ngo_key(report.application.organisation_id),
                label % {"title": report.application.title, "programme": report.application.programme.title},
                1,
                reverse("grants:usage_report", args=[report.application_id]),
                due=report.due_date,
                order=5,
            )
        )
    completions = CompletionRequest.objects.filter(
        mine, completed_at__isnull=True, application__status=ApplicationStatus.COMPLETION_REQUESTED
    )
    for completion in completions.select_related("application__programme").order_by("deadline"):
        tasks.append(
            Task(
                ngo_key(completion.application.organisation_id),
                _("Complete the application: %(programme)s") % {"programme": completion.application.programme.title},
                1,
                reverse("grants:application", args=[completion.application_id]),
                due=timezone.localtime(completion.deadline).date(),
                order=6,
            )
        )
    drafts = (
        Application.objects.filter(organisation__memberships__user=user, status=ApplicationStatus.DRAFT)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in drafts:
        tasks.append(
            Task(
                ngo_key(row["organisation_id"]),
                ngettext("%(count)s unsent grant application", "%(count)s unsent grant applications", row["n"])
                % {"count": row["n"]},
                row["n"],
                reverse("grants:my_applications"),
                order=7,
            )
        )
    return tasks


def _officer_key(roles: set[str], body_id: int) -> str:
    kind = BodyRoleKind.OFFICIAL if BodyRoleKind.OFFICIAL in roles else BodyRoleKind.COORDINATOR
    return body_role_key(body_id, kind)


# The statuses counted on a grant officer's programme line, in the order the case moves.
PROGRAMME_COUNTS = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.COMPLETION_REQUESTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.PROPOSED,
    ApplicationStatus.DECIDED,
    ApplicationStatus.PAID,
    ApplicationStatus.REPORTED,
)


def _programme_tasks(key_of, officer_bodies: set[int], now) -> list[Task]:
    """One line for each programme an officer's body runs that is open or has cases under way: its
    applications counted by status; the count is what waits for the officer (sent, in review)."""
    by_programme: dict[int, dict[str, int]] = {}
    for programme_id, status, n in (
        Application.objects.filter(programme__body__in=officer_bodies, status__in=PROGRAMME_COUNTS)
        .values_list("programme", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        by_programme.setdefault(programme_id, {})[status] = n
    open_now = Q(is_published=True, opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))
    programmes = GrantProgramme.objects.filter(body__in=officer_bodies).filter(open_now | Q(pk__in=by_programme))
    labels = dict(ApplicationStatus.choices)
    tasks = []
    for programme in programmes.order_by("-year", "name"):
        counts = by_programme.get(programme.pk, {})
        parts = [f"{labels[status]} {counts[status]}" for status in PROGRAMME_COUNTS if counts.get(status)]
        waiting = counts.get(ApplicationStatus.SUBMITTED, 0) + counts.get(ApplicationStatus.IN_REVIEW, 0)
        tasks.append(
            Task(
                key_of(programme.body_id),
                _("%(programme)s: %(counts)s")
                % {"programme": programme.title, "counts": ", ".join(parts) or _("no applications yet")},
                waiting,
                reverse("grants:programme_applications", args=[programme.pk]),
                order=39,
            )
        )
    return tasks


def _officer_tasks(user, roles, officer_bodies: set[int], now) -> list[Task]:
    def key_of(body_id: int) -> str:
        return _officer_key(roles[body_id], body_id)

    counts = {
        row["programme__body"]: row
        for row in Application.objects.filter(programme__body__in=officer_bodies)
        .values("programme__body")
        .annotate(
            waiting=Count("pk", filter=Q(status__in=WAITING_FOR_HANDLING)),
            completion=Count("pk", filter=Q(status=ApplicationStatus.COMPLETION_REQUESTED)),
            reports=Count("pk", filter=Q(usage_report__status=ReportStatus.SUBMITTED)),
        )
        .order_by()
    }
    reviews = dict(
        ReviewAssignment.objects.filter(
            reviewer=user,
            has_conflict=False,
            completed_at__isnull=True,
            application__programme__body__in=officer_bodies,
        )
        .values_list("application__programme__body")
        .annotate(n=Count("pk"))
        .order_by()
    )
    tasks = _programme_tasks(key_of, officer_bodies, now)
    for body in PublicBody.objects.filter(pk__in=officer_bodies).only("pk", "slug"):
        key = key_of(body.pk)
        row = counts.get(body.pk, {"waiting": 0, "completion": 0, "reports": 0})
        own = reviews.get(body.pk, 0)
        programmes = reverse("grants:body_programmes", args=[body.slug])
        tasks += [
            Task(
                key,
                ngettext("%(count)s application to review", "%(count)s applications to review", own) % {"count": own},
                own,
                reverse("grants:my_reviews"),
                order=40,
            ),
            Task(
                key,
                ngettext(
                    "%(count)s grant application waiting for handling",
                    "%(count)s grant applications waiting for handling",
                    row["waiting"],
                )
                % {"count": row["waiting"]},
                row["waiting"],
                programmes,
                order=41,
            ),
            Task(
                key,
                ngettext(
                    "%(count)s application waiting for the applicant's completion",
                    "%(count)s applications waiting for the applicant's completion",
                    row["completion"],
                )
                % {"count": row["completion"]},
                row["completion"],
                programmes,
                order=42,
            ),
            Task(
                key,
                ngettext("%(count)s usage report to check", "%(count)s usage reports to check", row["reports"])
                % {"count": row["reports"]},
                row["reports"],
                programmes,
                order=43,
            ),
        ]
    return tasks


def _lists_to_prepare(secretary_bodies: set[int], now) -> list[Task]:
    """Programmes whose application period has closed and whose reviewed applications are not yet on
    any board meeting's list: the secretary prepares the list (a meeting and its proposal)."""
    rows = (
        Application.objects.filter(
            programme__body__in=secretary_bodies,
            programme__closes_at__lte=now,
            status=ApplicationStatus.IN_REVIEW,
            decision__isnull=True,
        )
        .exclude(programme__meetings__status__in=(MeetingStatus.PREPARING, MeetingStatus.PROPOSED))
        .values_list("programme")
        .annotate(n=Count("pk"))
        .order_by()
    )
    waiting = dict(rows)
    tasks = []
    for programme in GrantProgramme.objects.filter(pk__in=waiting).order_by("closes_at", "name"):
        n = waiting[programme.pk]
        tasks.append(
            Task(
                body_role_key(programme.body_id, BodyRoleKind.BOARD_SECRETARY),
                ngettext(
                    "List to prepare: %(programme)s (%(count)s reviewed application)",
                    "List to prepare: %(programme)s (%(count)s reviewed applications)",
                    n,
                )
                % {"programme": programme.title, "count": n},
                n,
                reverse("grants:meeting_create", args=[programme.pk]),
                order=49,
            )
        )
    return tasks


def staff_tasks(request) -> list[Task]:
    user = request.user
    roles = body_roles(user)
    if not roles:
        return []
    officer_bodies = {pk for pk, kinds in roles.items() if kinds & {BodyRoleKind.OFFICIAL, BodyRoleKind.COORDINATOR}}
    secretary_bodies = {pk for pk, kinds in roles.items() if BodyRoleKind.BOARD_SECRETARY in kinds}
    now = timezone.now()
    tasks = _officer_tasks(user, roles, officer_bodies, now) if officer_bodies else []
    if secretary_bodies:
        tasks += _lists_to_prepare(secretary_bodies, now)
        today = timezone.localdate()
        meetings = list(
            BoardMeeting.objects.filter(body__in=secretary_bodies)
            .filter(
                Q(status__in=(MeetingStatus.PREPARING, MeetingStatus.PROPOSED))
                | Q(status=MeetingStatus.DECIDED, notified_at__isnull=True)
                | Q(date__gte=today)
            )
            .select_related("programme", "body")
            .order_by("date")
        )
        bodies = {}
        for body_id in secretary_bodies:
            key = body_role_key(body_id, BodyRoleKind.BOARD_SECRETARY)
            found = [meeting for meeting in meetings if meeting.body_id == body_id]
            for meeting in found:
                letters = meeting.status == MeetingStatus.DECIDED and meeting.notified_at is None
                waiting = meeting.status != MeetingStatus.DECIDED or letters
                label = (
                    _("Decision letters to send: %(board)s %(section)s, %(programme)s")
                    if letters
                    else _("%(board)s %(section)s: %(programme)s – %(status)s")
                )
                tasks.append(
                    Task(
                        key,
                        label
                        % {
                            "board": meeting.board_name,
                            "section": f"§ {meeting.section}",
                            "programme": meeting.programme.title,
                            "status": meeting.get_status_display(),
                        },
                        1 if waiting else 0,
                        reverse("grants:meeting", args=[meeting.pk]),
                        due=meeting.date,
                        order=50,
                    )
                )
            if not found:
                bodies[body_id] = key
        for body in PublicBody.objects.filter(pk__in=bodies).only("pk", "slug"):
            tasks.append(
                Task(
                    bodies[body.pk],
                    _("No board meeting is being prepared"),
                    0,
                    reverse("grants:body_programmes", args=[body.slug]),
                    order=51,
                )
            )
    return tasks


def register() -> None:
    register_task_source("grants", ngo_tasks)
    register_task_source("grants_staff", staff_tasks)
