"""Business rules of service paths (palvelupolut).

A body's NGO coordinator builds a path of ordered steps; a step is either a public service
(the memory nurse's appointment) or an NGO step, to which the coordinator attaches NGO
activities that the body's residents may join. Every change checks the permission, runs in a
transaction and is written to the path's audit history.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.activities import queries
from kumppani.activities.models import Activity, PathStep, ServicePath, StepKind
from kumppani.core import audit, versioning
from kumppani.core.models import PublicBody, User
from kumppani.core.slugs import unique_slug

PATH_FIELDS = ["name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en"]
STEP_FIELDS = [
    "kind",
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "link",
]


def _of_step(changes: dict) -> dict:
    """A step's changes as the path's history records them: "steps.title_fi", so that the history
    names the step's own fields."""
    return {f"steps.{name}": values for name, values in changes.items()}


def _check(by: User, body: PublicBody) -> None:
    if not by.has_perm("activities.manage_paths", body):
        raise PermissionDenied


def _locked(path: ServicePath) -> ServicePath:
    """The path row locked for this transaction, so that two editors never mix step positions."""
    return ServicePath.objects.select_for_update().select_related("body").get(pk=path.pk)


def _touch(path: ServicePath) -> None:
    path.updated_at = timezone.now()
    ServicePath.objects.filter(pk=path.pk).update(updated_at=path.updated_at)


def attachable_activities(body: PublicBody) -> QuerySet[Activity]:
    """The listed (active, public) activities that the body's residents may join."""
    return queries.open_to_residents_of(queries.listed_activities(), body)


# Words the editor's own addresses use after /palvelupolkujen-hallinta/.
RESERVED_SLUGS = {"uusi"}


def _apply(obj, data: dict, fields: list[str]) -> None:
    for field in fields:
        if field in data:
            setattr(obj, field, data[field] or "")


# Paths


@transaction.atomic
def path_create(*, body: PublicBody, by: User, data: dict) -> ServicePath:
    """A new, unpublished path of the body."""
    _check(by, body)
    slug = unique_slug(
        ServicePath.objects.filter(body=body), data.get("name_fi", ""), fallback="palvelupolku", reserved=RESERVED_SLUGS
    )
    path = ServicePath(body=body, slug=slug)
    _apply(path, data, PATH_FIELDS)
    path.full_clean()
    path.save()
    audit.record(actor=by, obj=path, action="path_created", changes=audit.diff({}, audit.snapshot(path, PATH_FIELDS)))
    return path


@transaction.atomic
def path_update(*, path: ServicePath, by: User, data: dict, version: int | None = None) -> ServicePath:
    """Change the path's name and description, when it is still at `version` (the one the form
    was made from; see core.versioning)."""
    _check(by, path.body)
    stored = _locked(path)
    versioning.check(stored, version)
    before = audit.snapshot(stored, PATH_FIELDS)
    _apply(stored, data, PATH_FIELDS)
    stored.full_clean()
    stored.updated_at = timezone.now()
    stored.save(update_fields=[*PATH_FIELDS, "updated_at"])
    changes = audit.diff(before, audit.snapshot(stored, PATH_FIELDS))
    if changes:
        audit.record(actor=by, obj=stored, action="path_updated", changes=versioning.claim(stored, changes))
    return stored


@transaction.atomic
def path_publish(*, path: ServicePath, by: User) -> ServicePath:
    """Show the path to everyone. A path without steps would only confuse a resident."""
    _check(by, path.body)
    path = _locked(path)
    if not path.steps.exists():
        raise ValidationError(_("Add at least one step before publishing the path."), code="no_steps")
    if not path.is_published:
        path.is_published, path.updated_at = True, timezone.now()
        path.save(update_fields=["is_published", "updated_at"])
        audit.record(actor=by, obj=path, action="path_published", changes={"is_published": [False, True]})
    return path


@transaction.atomic
def path_unpublish(*, path: ServicePath, by: User) -> ServicePath:
    _check(by, path.body)
    path = _locked(path)
    if path.is_published:
        path.is_published, path.updated_at = False, timezone.now()
        path.save(update_fields=["is_published", "updated_at"])
        audit.record(actor=by, obj=path, action="path_unpublished", changes={"is_published": [True, False]})
    return path


@transaction.atomic
def path_delete(*, path: ServicePath, by: User) -> None:
    """Remove the path and its steps. The NGO activities themselves stay as they are."""
    _check(by, path.body)
    audit.record(actor=by, obj=path, action="path_deleted", message=path.name)
    path.delete()


# Steps


@transaction.atomic
def step_add(*, path: ServicePath, by: User, data: dict) -> PathStep:
    """A new step at the end of the path."""
    _check(by, path.body)
    path = _locked(path)
    last = path.steps.aggregate(last=Max("position"))["last"] or 0
    step = PathStep(path=path, position=last + 1)
    _apply(step, data, STEP_FIELDS)
    step.full_clean()
    step.save()
    _touch(path)
    audit.record(
        actor=by,
        obj=path,
        action="step_added",
        changes=_of_step(audit.diff({}, audit.snapshot(step, STEP_FIELDS))),
        message=step.title,
    )
    return step


@transaction.atomic
def step_update(*, step: PathStep, by: User, data: dict) -> PathStep:
    """Change a step. A step that becomes a public service step lets go of its NGO activities."""
    _check(by, step.path.body)
    # From the stored row: the step form has already put the new values into `step`.
    before = audit.snapshot(PathStep.objects.get(pk=step.pk), STEP_FIELDS)
    _apply(step, data, STEP_FIELDS)
    step.full_clean()
    step.save()
    changes = audit.diff(before, audit.snapshot(step, STEP_FIELDS))
    if step.kind == StepKind.PUBLIC:
        detached = sorted(str(a) for a in step.activities.all())
        if detached:
            step.activities.clear()
            changes["activities"] = [detached, []]
    if changes:
        _touch(step.path)
        audit.record(actor=by, obj=step.path, action="step_updated", changes=_of_step(changes), message=step.title)
    return step


@transaction.atomic
def step_move(*, step: PathStep, by: User, direction: str) -> PathStep:
    """Swap the step with its neighbour above ("up") or below ("down"); at either end nothing moves."""
    _check(by, step.path.body)
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."), code="unknown_direction")
    path = _locked(step.path)
    step = path.steps.get(pk=step.pk)  # positions as they are now, after the lock
    neighbours = path.steps.filter(position__lt=step.position).order_by("-position")
    if direction == "down":
        neighbours = path.steps.filter(position__gt=step.position).order_by("position")
    other = neighbours.first()
    if other is None:
        return step
    step.position, other.position = other.position, step.position
    PathStep.objects.bulk_update([step, other], ["position"])
    _touch(path)
    audit.record(
        actor=by,
        obj=path,
        action="step_moved",
        changes=_of_step({"position": [other.position, step.position]}),
        message=step.title,
    )
    return step


@transaction.atomic
def step_remove(*, step: PathStep, by: User) -> None:
    """Remove a step; the steps after it move up so that the numbering stays 1, 2, 3 …"""
    _check(by, step.path.body)
    path = _locked(step.path)
    title, position = step.title, step.position
    step.delete()
    later = list(path.steps.filter(position__gt=position).order_by("position"))
    for each in later:
        each.position -= 1
    PathStep.objects.bulk_update(later, ["position"])
    _touch(path)
    audit.record(actor=by, obj=path, action="step_removed", message=title)


# NGO activities at a step


@transaction.atomic
def activity_attach(*, step: PathStep, by: User, activity: Activity) -> None:
    """Attach an NGO activity to an NGO step: only an active activity the body's residents may join."""
    body = step.path.body
    _check(by, body)
    if step.kind != StepKind.NGO:
        raise ValidationError(_("NGO activities can be added to NGO steps only."), code="not_ngo_step")
    if not attachable_activities(body).filter(pk=activity.pk).exists():
        raise ValidationError(
            _("“%(activity)s” is not an active activity offered to the residents of %(body)s.")
            % {"activity": activity.name, "body": body.name},
            code="not_offered",
        )
    if step.activities.filter(pk=activity.pk).exists():
        return
    step.activities.add(activity)
    _touch(step.path)
    audit.record(
        actor=by,
        obj=step.path,
        action="activity_attached",
        changes=_of_step({"activities": [None, activity.name]}),
        message=f"{step.title}: {activity.name}",
    )


@transaction.atomic
def activity_detach(*, step: PathStep, by: User, activity: Activity) -> None:
    _check(by, step.path.body)
    if not step.activities.filter(pk=activity.pk).exists():
        return
    step.activities.remove(activity)
    _touch(step.path)
    audit.record(
        actor=by,
        obj=step.path,
        action="activity_detached",
        changes=_of_step({"activities": [activity.name, None]}),
        message=f"{step.title}: {activity.name}",
    )
