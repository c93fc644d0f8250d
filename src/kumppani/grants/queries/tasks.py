"""What a person has to do about grants, for their own page (/oma/): the programmes an officer runs
with their applications counted by status, the reviews waiting, the board meetings a secretary
prepares, and what an NGO owes (a completion, a usage report) with its date. A few queries each,
however many applications there are."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from kumppani.core.models import BodyRoleKind
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
from kumppani.grants.rules import OFFICER_ROLES, conflicted_application_ids
from kumppani.organisations.models import Membership

# The statuses an officer acts on, in the order the work goes.
WORK_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.COMPLETION_REQUESTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.PROPOSED,
    ApplicationStatus.REPORTED,
)
MAX_ROWS = 8


@dataclass(frozen=True)
class ProgrammeWork:
    programme: GrantProgramme
    counts: list[tuple[str, str, int]]  # (status, label, count), only those above zero


@dataclass(frozen=True)
class Due:
    date: dt.date
    kind: str  # "completion", "report" or "draft"
    application: Application


def officer_programmes(user) -> list[ProgrammeWork]:
    """The programmes of the bodies where `user` handles grants that have applications to act on."""
    bodies = [pk for pk, held in body_roles(user).items() if held & OFFICER_ROLES]
    if not bodies:
        return []
    counts = {status: Count("pk", filter=Q(status=status)) for status in (s.value for s in WORK_STATUSES)}
    rows = (
        Application.objects.filter(programme__body_id__in=bodies, status__in=WORK_STATUSES)
        .exclude(pk__in=conflicted_application_ids(user))
        .values("programme_id")
        .annotate(**counts)
        .order_by("-programme_id")[:MAX_ROWS]
    )
    rows = list(rows)
    programmes = GrantProgramme.objects.select_related("body").in_bulk([row["programme_id"] for row in rows])
    labels = dict(ApplicationStatus.choices)
    return [
        ProgrammeWork(
            programmes[row["programme_id"]],
            [(status, labels[status], row[status]) for status in (s.value for s in WORK_STATUSES) if row[status]],
        )
        for row in rows
    ]


def reviews_waiting(user) -> int:
    return ReviewAssignment.objects.filter(
        reviewer=user, has_conflict=False, completed_at__isnull=True, application__status=ApplicationStatus.IN_REVIEW
    ).count()


def meetings_to_prepare(user) -> list[BoardMeeting]:
    """The board meetings of the bodies where `user` is a board secretary that are not finished:
    proposal not ready, decision not recorded, or letters not sent."""
    bodies = [pk for pk, held in body_roles(user).items() if BodyRoleKind.BOARD_SECRETARY in held]
    if not bodies:
        return []
    unfinished = ~Q(status=MeetingStatus.DECIDED) | Q(notified_at__isnull=True)
    return list(
        BoardMeeting.objects.filter(unfinished, body_id__in=bodies)
        .select_related("programme", "body")
        .order_by("date", "pk")[:MAX_ROWS]
    )


def ngo_dues(user) -> list[Due]:
    """What the NGOs `user` represents owe, earliest first: completions asked for, usage reports
    to file or mend, and drafts of programmes still open."""
    organisations = Membership.objects.filter(user=user).values("organisation_id")
    now = timezone.now()
    dues = [
        Due(timezone.localdate(request.deadline), "completion", request.application)
        for request in CompletionRequest.objects.filter(
            completed_at__isnull=True,
            application__status=ApplicationStatus.COMPLETION_REQUESTED,
            application__organisation_id__in=organisations,
        ).select_related("application__programme", "application__organisation")[:MAX_ROWS]
    ]
    dues += [
        Due(report.due_date, "report", report.application)
        for report in UsageReport.objects.filter(
            status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED),
            application__status__in=(ApplicationStatus.PAID, ApplicationStatus.REPORTED),
            application__organisation_id__in=organisations,
        ).select_related("application__programme", "application__organisation")[:MAX_ROWS]
    ]
    dues += [
        Due(timezone.localdate(application.programme.closes_at), "draft", application)
        for application in Application.objects.filter(
            status=ApplicationStatus.DRAFT,
            organisation_id__in=organisations,
            programme__closes_at__gt=now,
        ).select_related("programme", "organisation")[:MAX_ROWS]
    ]
    return sorted(dues, key=lambda due: due.date)[:MAX_ROWS]
