"""Reading service paths: a body's paths, one path with its steps and activities, and the paths
an NGO's activities are used on. Each takes a fixed number of queries, however long the path."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from kumppani.activities import queries
from kumppani.activities.models import Activity, PathStep, Place, ServicePath
from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation


def sort_field() -> str:
    language = get_language()
    return f"sort_key_{language if language in ('fi', 'sv', 'en') else 'fi'}"


def body_paths(body: PublicBody, *, published_only: bool = True) -> QuerySet[ServicePath]:
    """The body's paths, each with its number of steps and of attached NGO activities."""
    paths = ServicePath.objects.filter(body=body)
    if published_only:
        paths = paths.filter(is_published=True)
    listed = Q(steps__activities__in=queries.listed_activities().values("pk"))
    return paths.select_related("body").annotate(
        step_count=Count("steps", distinct=True),
        activity_count=Count("steps__activities", filter=listed, distinct=True),
    )


def with_row_relations(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Everything an activity row shows: its NGO, places and regular times."""
    return activities.select_related("organisation").prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("municipality")),
        "schedule_rules",
    )


def activities_prefetch(*, active_only: bool) -> Prefetch:
    """A step's activities, ready for their rows: the listed ones (queries.listed_activities) for the
    public, all of them for the coordinator."""
    activities = with_row_relations(queries.listed_activities() if active_only else Activity.objects.all())
    return Prefetch("activities", queryset=activities.order_by(sort_field(), "pk"))


def steps_of(path: ServicePath, *, active_only: bool = True) -> list[PathStep]:
    """The path's steps in order. The public sees only active activities; the coordinator all."""
    return list(path.steps.order_by("position").prefetch_related(activities_prefetch(active_only=active_only)))


def paths_using(organisation: Organisation) -> list[dict]:
    """The published paths on which the NGO's activities are used:
    [{"path": path, "uses": [(step, activity), …]}, …], in one query."""
    through = PathStep.activities.through.objects.filter(
        activity__organisation=organisation, pathstep__path__is_published=True
    ).select_related("pathstep__path__body", "activity")
    grouped: dict[int, dict] = {}
    for row in through.order_by("pathstep__path__body__name", "pathstep__path__name", "pathstep__position"):
        path = row.pathstep.path
        grouped.setdefault(path.pk, {"path": path, "uses": []})["uses"].append((row.pathstep, row.activity))
    return list(grouped.values())
