"""Grants on the role cards of a person's own page (/oma/), counted: for an NGO what is due (a usage
report, a completion request, an unsent draft) with its date; for a body's grant officers the
applications waiting for handling, the reviews assigned to them and the usage reports to check; for
a board secretary the coming board meetings."""

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


def staff_tasks(request) -> list[Task]:
    user = request.user
    roles = body_roles(user)
    if not roles:
        return []
    officer_bodies = {pk for pk, kinds in roles.items() if kinds & {BodyRoleKind.OFFICIAL, BodyRoleKind.COORDINATOR}}
    secretary_bodies = {pk for pk, kinds in roles.items() if BodyRoleKind.BOARD_SECRETARY in kinds}
    tasks = []
    if officer_bodies:
        counts = {
            row["programme__body"]: row
            for row in Application.objects.filter(programme__body__in=officer_bodies)
            .values("programme__body")
            .annotate(
                waiting=Count("pk", filter=Q(status__in=WAITING_FOR_HANDLING)),
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
        for body in PublicBody.objects.filter(pk__in=officer_bodies).only("pk", "slug"):
            key = _officer_key(roles[body.pk], body.pk)
            row = counts.get(body.pk, {"waiting": 0, "reports": 0})
            own = reviews.get(body.pk, 0)
            programmes = reverse("grants:body_programmes", args=[body.slug])
            tasks += [
                Task(
                    key,
                    ngettext("%(count)s application to review", "%(count)s applications to review", own)
                    % {"count": own},
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
                    ngettext("%(count)s usage report to check", "%(count)s usage reports to check", row["reports"])
                    % {"count": row["reports"]},
                    row["reports"],
                    programmes,
                    order=42,
                ),
            ]
    if secretary_bodies:
        today = timezone.localdate()
        meetings = list(
            BoardMeeting.objects.filter(body__in=secretary_bodies)
            .filter(
                Q(status__in=(MeetingStatus.PREPARING, MeetingStatus.PROPOSED))
                | Q(status=MeetingStatus.DECIDED, notified_at__isnull=True)
                | Q(date__gte=today)
            )
            .select_related("programme")
            .order_by("date")
        )
        for body_id in secretary_bodies:
            key = body_role_key(body_id, BodyRoleKind.BOARD_SECRETARY)
            found = [meeting for meeting in meetings if meeting.body_id == body_id]
            for meeting in found:
                waiting = meeting.status != MeetingStatus.DECIDED or meeting.notified_at is None
                status = (
                    _("decision letters to send")
                    if meeting.status == MeetingStatus.DECIDED and meeting.notified_at is None
                    else meeting.get_status_display()
                )
                tasks.append(
                    Task(
                        key,
                        _("%(board)s %(section)s: %(programme)s – %(status)s")
                        % {
                            "board": meeting.board_name,
                            "section": f"§ {meeting.section}",
                            "programme": meeting.programme.title,
                            "status": status,
                        },
                        1 if waiting else 0,
                        reverse("grants:meeting", args=[meeting.pk]),
                        due=meeting.date,
                        order=50,
                    )
                )
            if not found:
                tasks.append(
                    Task(
                        key,
                        _("No board meeting is being prepared"),
                        0,
                        reverse("grants:body_programmes", args=[PublicBody.objects.get(pk=body_id).slug]),
                        order=50,
                    )
                )
    return tasks


def register() -> None:
    register_task_source("grants", ngo_tasks)
    register_task_source("grants_staff", staff_tasks)
