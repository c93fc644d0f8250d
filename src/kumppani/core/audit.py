"""The audit history: every domain function that changes something records it here."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import AuditEntry

ACTION_LABELS = {
    "created": _("Added to the register"),
    "updated": _("Information changed"),
    "verified": _("Verified"),
    "status_changed": _("Status changed"),
    "contacts_changed": _("Contact persons changed"),
    "merged": _("A duplicate entry merged into this"),
    "merged_into": _("Merged into another entry"),
    "invited": _("Invitation sent"),
    "member_added": _("Representative added"),
    "member_removed": _("Representative removed"),
    "membership_requested": _("Asked to represent the NGO"),
    "membership_approved": _("Request approved"),
    "membership_declined": _("Request declined"),
    "role_added": _("Role added"),
    "role_removed": _("Role removed"),
    "signed_up": _("Signed up"),
    # NGO activities (activities.services)
    "activity_published": _("Activity published"),
    "activity_confirmed": _("Confirmed as current"),
    # Service paths (activities.paths)
    "path_created": _("Service path created"),
    "path_updated": _("Service path changed"),
    "path_published": _("Service path published"),
    "path_unpublished": _("Service path taken off public view"),
    "path_deleted": _("Service path removed"),
    "step_added": _("Step added"),
    "step_updated": _("Step changed"),
    "step_moved": _("Step moved"),
    "step_removed": _("Step removed"),
    "activity_attached": _("NGO activity added to a step"),
    "activity_detached": _("NGO activity removed from a step"),
    # Grant programmes and applications (grants.services.programmes, grants.services.applying)
    "programme_created": _("Grant programme created"),
    "programme_updated": _("Grant programme changed"),
    "programme_published": _("Grant programme published"),
    "application_started": _("Application started"),
    "application_saved": _("Application saved"),
    "budget_changed": _("Budget changed"),
    "funding_changed": _("Other funding changed"),
    "answers_saved": _("Answers saved"),
    "attachment_added": _("Attachment added"),
    "attachment_removed": _("Attachment removed"),
    # Review and board decisions (grants.services.review, grants.services.decisions)
    "reviewers_assigned": _("Reviewers assigned"),
    "reviewer_removed": _("Reviewer taken off"),
    "conflict_declared": _("A reviewer declared a conflict of interest"),
    "review_saved": _("Review saved"),
    "review_completed": _("Review finished"),
    "meeting_created": _("Board meeting created"),
    "proposal_set": _("Proposal to the board changed"),
    "proposal_ready": _("Proposal ready for the board"),
    "decision_recorded": _("Board's decision recorded"),
    "decision_notified": _("Decision sent to the applicant"),
    # Payments, usage reports and recovery (grants.services.reporting)
    "instalments_planned": _("Instalments planned"),
    "instalment_paid": _("Instalment paid"),
    "report_due_changed": _("Due date of the usage report changed"),
    "report_saved": _("Usage report saved"),
    "report_attachment_added": _("Attachment added to the usage report"),
    "report_attachment_removed": _("Attachment removed from the usage report"),
    "recovery_marked": _("Marked for recovery"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def _model_field(object_type: str, key: str):
    """The model field a change key names, or None. A dotted key names a field of a related
    model: a service path records its steps' changes as "steps.title_fi"."""
    try:
        model = apps.get_model(object_type)
        *relations, name = key.split(".")
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        return model._meta.get_field(name)
    except (LookupError, ValueError, AttributeError, FieldDoesNotExist):
        return None


def field_label(object_type: str, field: str) -> str:
    """The field's own name as the forms show it ("name_sv" → "name [sv]"), or the key itself."""
    model_field = _model_field(object_type, field)
    if model_field is None:
        return field
    # A reverse relation (e.g. an application's budget lines) has no verbose name of its own.
    return str(getattr(model_field, "verbose_name", None) or model_field.related_model._meta.verbose_name_plural)


def value_label(object_type: str, field: str, value) -> str:
    """A recorded value as people read it: a choice by its label ("ngo" → "NGO activity"), yes or
    no, a list joined with commas, nothing as a dash."""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if _empty(value):
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    choices = dict(getattr(_model_field(object_type, field), "flatchoices", None) or [])
    return str(choices.get(value, value))


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The current values of `fields`, in a form that can be stored as JSON."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(o) for o in getattr(obj, name).all()) if obj.pk else []
        else:
            value = getattr(obj, field.attname)
            values[name] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return values


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for each field whose value changed (an empty field left empty has not)."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (_empty(before.get(name)) and _empty(value))
    }


def record(*, actor, obj: models.Model, action: str, changes: dict | None = None, message: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:250],
        changes=changes or {},
        message=message[:500],
    )


def history_for(obj: models.Model):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")
