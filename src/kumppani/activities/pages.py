"""Activities on other pages: a body's service paths on its page; "Our activities" on each NGO's card
and the out-of-date activities of each coordinated body on a person's own page."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from kumppani.activities.freshness import needing_confirmation
from kumppani.activities.models import Activity
from kumppani.activities.queries import search_found
from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.pages import (
    Finding,
    Hit,
    SearchArea,
    Section,
    Task,
    body_role_key,
    ngo_key,
    register_body_section,
    register_search_area,
    register_task_source,
)
from kumppani.core.rules import coordinated_body_ids
from kumppani.organisations.pages import Link, register_coordinator_link, register_ngo_link
from kumppani.organisations.queries import in_care_of


def body_paths(request, body) -> dict:
    return {"body": body, "can_coordinate": request.user.has_perm("core.coordinate_body", body)}


def ngo_tasks(request) -> list[Task]:
    """Each NGO the person represents: its activities that wait to be confirmed as current."""
    user = request.user
    if not user.is_authenticated:
        return []
    counts = (
        needing_confirmation(Activity.objects.filter(organisation__memberships__user=user))
        .values("organisation_id", "organisation__slug")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        Task(
            ngo_key(row["organisation_id"]),
            ngettext("%(count)s activity to confirm as current", "%(count)s activities to confirm as current", row["n"])
            % {"count": row["n"]},
            row["n"],
            reverse("activities:manage", args=[row["organisation__slug"]]),
            order=20,
        )
        for row in counts
    ]


def coordinator_tasks(request) -> list[Task]:
    """Each body the person coordinates: the activities of its NGOs that are out of date."""
    ids = coordinated_body_ids(request.user)
    tasks = []
    for body in PublicBody.objects.filter(pk__in=ids).order_by("name"):
        count = needing_confirmation(Activity.objects.filter(organisation__in=in_care_of([body]))).count()
        tasks.append(
            Task(
                body_role_key(body.pk, BodyRoleKind.COORDINATOR),
                ngettext("%(count)s out-of-date activity", "%(count)s out-of-date activities", count)
                % {"count": count},
                count,
                reverse("activities:stale_report", args=[body.slug]),
                order=30,
            )
        )
    return tasks


def find_activities(query: str, limit: int) -> Finding:
    """The activities part of the front page's search."""
    total, found = search_found(query, limit, language=get_language())
    hits = [Hit("", a.get_absolute_url(), a.organisation.name, obj=a, field="name") for a in found]
    return Finding(total, hits)


def register() -> None:
    register_search_area(
        SearchArea(
            "activities",
            _("Activities"),
            "activities:directory",
            find_activities,
            lambda n: ngettext("%(count)s activity", "%(count)s activities", n) % {"count": n},
            order=10,
        )
    )
    register_task_source("activities", ngo_tasks)
    register_task_source("activities_coordinator", coordinator_tasks)
    register_body_section(Section("service_paths", "activities/paths/_body_paths.html", body_paths, order=20))
    register_ngo_link(
        "activities",
        Link(_("Our activities"), lambda organisation: reverse("activities:manage", args=[organisation.slug]), 10),
    )
    register_coordinator_link(
        "stale_activities",
        Link(_("Out-of-date activities"), lambda body: reverse("activities:stale_report", args=[body.slug]), 10),
    )
