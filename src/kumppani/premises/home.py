"""Premises on the role cards of a person's own page (/oma/): for a body's premises manager the
booking requests waiting for their approval (a weekly booking counts once), with the way to them."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.pages import Task, body_role_key, register_task_source
from kumppani.core.rules import body_roles
from kumppani.premises.models import Booking, BookingStatus


def manager_tasks(request) -> list[Task]:
    """Two queries however many bodies, spaces or bookings."""
    roles = body_roles(request.user)
    bodies = {pk for pk, kinds in roles.items() if BodyRoleKind.PREMISES_MANAGER in kinds}
    if not bodies:
        return []
    counts = {
        row["space__body"]: row["single"] + row["series"]
        for row in Booking.objects.filter(
            space__body__in=bodies, status=BookingStatus.REQUESTED, start__gte=timezone.now()
        )
        .values("space__body")
        .annotate(single=Count("pk", filter=Q(series__isnull=True)), series=Count("series", distinct=True))
        .order_by()
    }
    tasks = []
    for body in PublicBody.objects.filter(pk__in=bodies).only("pk", "slug").order_by("pk"):
        waiting = counts.get(body.pk, 0)
        tasks.append(
            Task(
                body_role_key(body.pk, BodyRoleKind.PREMISES_MANAGER),
                ngettext(
                    "%(count)s booking request waiting for approval",
                    "%(count)s booking requests waiting for approval",
                    waiting,
                )
                % {"count": waiting},
                waiting,
                reverse("premises:manage", args=[body.slug]),
                order=60,
            )
        )
    return tasks


def register() -> None:
    register_task_source("premises_manager", manager_tasks)
