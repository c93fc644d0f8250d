"""Review of grant applications: the grant officer assigns reviewers, each reviewer scores the
criteria, comments and proposes an amount, or declares a conflict of interest (esteellisyys).

Each reviewer writes only their own ReviewAssignment and Score rows, so two reviewers saving at
the same moment cannot overwrite each other; a reviewer's own row is locked while it is saved.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail
from kumppani.core.models import BodyRoleKind, User
from kumppani.grants.models import Application, ApplicationStatus, Criterion, ReviewAssignment, Score
from kumppani.grants.workflow import ASSIGNABLE, transition

# Staff of the body who may review: not premises managers, whose work is elsewhere.
REVIEWER_ROLES = {
    BodyRoleKind.OFFICIAL,
    BodyRoleKind.COORDINATOR,
    BodyRoleKind.BOARD_SECRETARY,
    BodyRoleKind.VIEWER,
}
MAX_SCORE = 5


def eligible_reviewers(body) -> QuerySet[User]:
    """The people who may review the body's applications, by name."""
    return (
        User.objects.filter(is_active=True, body_roles__body=body, body_roles__role__in=REVIEWER_ROLES)
        .distinct()
        .order_by("full_name", "email")
    )


def weighted_score(scores: list[tuple[int, int]]) -> Decimal | None:
    """Σ weight·score / Σ weight of (score, weight) pairs, to two decimals; None when nothing is scored."""
    total_weight = sum(weight for _score, weight in scores)
    if not total_weight:
        return None
    total = sum(Decimal(score) * weight for score, weight in scores)
    return (total / total_weight).quantize(Decimal("0.01"))


def _site_link(name: str, pk: int) -> str:
    from django.conf import settings

    return settings.SITE_URL + reverse(name, kwargs={"pk": pk})


@transaction.atomic
def assign_reviewers(*, application: Application, reviewers: list[User], by: User) -> list[ReviewAssignment]:
    """The grant officer assigns reviewers to a submitted application, which moves it into review.

    Reviewers must be staff of the body that runs the programme; someone already assigned keeps
    their review as it is. Each new reviewer gets an e-mail."""
    if not by.has_perm("grants.handle_application", application):
        raise PermissionDenied
    application = Application.objects.select_for_update().select_related("programme__body").get(pk=application.pk)
    if application.status not in ASSIGNABLE:
        raise ValidationError(
            _("Reviewers can be assigned only to a submitted application or one in review."), code="not_assignable"
        )
    if not reviewers:
        raise ValidationError(_("Choose at least one reviewer."), code="no_reviewers")
    allowed = set(eligible_reviewers(application.programme.body).values_list("pk", flat=True))
    if any(person.pk not in allowed for person in reviewers):
        raise ValidationError(
            _("Only staff of the body that runs the programme can review its applications."), code="not_body_staff"
        )
    # A declared conflict is permanent: its declarer is never assigned to the application again.
    conflicted = set(application.reviews.filter(has_conflict=True).values_list("reviewer_id", flat=True))
    refused = [person for person in reviewers if person.pk in conflicted]
    if refused:
        raise ValidationError(
            _("%(name)s has declared a conflict of interest in this application and cannot review it.")
            % {"name": ", ".join(str(person) for person in refused)},
            code="conflict_of_interest",
        )
    existing = set(application.reviews.values_list("reviewer_id", flat=True))
    added = [
        ReviewAssignment.objects.create(application=application, reviewer=person, assigned_by=by)
        for person in reviewers
        if person.pk not in existing
    ]
    if application.status == ApplicationStatus.SUBMITTED:
        transition(application, ApplicationStatus.IN_REVIEW, by=by)
    if added:
        audit.record(
            actor=by,
            obj=application,
            action="reviewers_assigned",
            changes={"reviewers": [None, [str(review.reviewer) for review in added]]},
        )
    for review in added:
        mail.send(
            to=[review.reviewer.email],
            template="grants/email/review_assigned",
            context={
                "application": application,
                "programme_name": application.programme.name,
                "link": _site_link("grants:review", application.pk),
            },
            language=review.reviewer.language,
        )
    return added


@transaction.atomic
def unassign_reviewer(*, review: ReviewAssignment, by: User) -> None:
    """The grant officer takes a reviewer off an application before the review is finished."""
    if not by.has_perm("grants.handle_application", review.application):
        raise PermissionDenied
    review = ReviewAssignment.objects.select_for_update().select_related("application", "reviewer").get(pk=review.pk)
    if review.has_conflict:
        raise ValidationError(
            _("A declared conflict of interest stays on record and cannot be removed."), code="conflict_on_record"
        )
    if review.completed_at is not None:
        raise ValidationError(_("A finished review stays on record and cannot be removed."), code="review_finished")
    if review.application.status not in ASSIGNABLE:
        raise ValidationError(_("The review stage of this application is over."), code="review_over")
    review.delete()
    audit.record(
        actor=by, obj=review.application, action="reviewer_removed", changes={"reviewers": [str(review.reviewer), None]}
    )


def _own_review(application: Application, by: User) -> ReviewAssignment:
    """The reviewer's own row, locked; refuses anyone not assigned or excluded by a conflict."""
    if not by.has_perm("grants.review_application", application):
        raise PermissionDenied
    review = ReviewAssignment.objects.select_for_update().filter(application=application, reviewer=by).first()
    if review is None or review.has_conflict:
        raise PermissionDenied
    return review


@transaction.atomic
def declare_conflict(*, application: Application, by: User, reason: str) -> ReviewAssignment:
    """A reviewer declares a conflict of interest (esteellisyys) and is excluded from the application.

    Whatever the reviewer had scored is removed, so it cannot weigh in the summary. The officer
    who made the assignment is told, so that they can assign someone else."""
    if not by.has_perm("grants.review_application", application):
        raise PermissionDenied  # before the reason is checked, so that a stranger learns nothing
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Tell briefly why you are disqualified."), code="reason_missing")}
        )
    review = _own_review(application, by)
    review.scores.all().delete()
    review.has_conflict = True
    review.conflict_reason = reason[:300]
    review.proposed_amount = None
    review.comment = ""
    review.completed_at = None
    review.updated_at = timezone.now()
    review.save()
    audit.record(actor=by, obj=application, action="conflict_declared")  # the reason stays on the review
    if review.assigned_by_id and review.assigned_by.email:
        mail.send(
            to=[review.assigned_by.email],
            template="grants/email/conflict_declared",
            context={
                "application": application,
                "reviewer_name": str(by),
                "reason": review.conflict_reason,
                "link": _site_link("grants:assign_reviewers", application.pk),
            },
            language=review.assigned_by.language,
        )
    return review


@dataclass
class ScoreInput:
    criterion: Criterion
    score: int | None
    comment: str = ""


@transaction.atomic
def save_review(
    *,
    application: Application,
    by: User,
    scores: list[ScoreInput],
    comment: str = "",
    proposed_amount: Decimal | None = None,
    complete: bool = False,
) -> ReviewAssignment:
    """Save the reviewer's scores (0–5 per criterion, each with a comment), overall comment and
    proposed amount. Saving with `complete` marks the review finished, which needs every
    criterion scored. A finished review can still be corrected while the application is in review."""
    application = Application.objects.select_related("programme").get(pk=application.pk)
    review = _own_review(application, by)
    if application.status != ApplicationStatus.IN_REVIEW:
        raise ValidationError(_("The application is no longer in review."), code="not_in_review")
    criteria = {c.pk: c for c in application.programme.criteria.all()}
    errors = {}
    for item in scores:
        if item.criterion.pk not in criteria:
            raise ValidationError(_("The criterion does not belong to this grant programme."), code="unknown_criterion")
        if item.score is not None and not 0 <= item.score <= MAX_SCORE:
            errors[f"score_{item.criterion.pk}"] = ValidationError(_("Give a score from 0 to 5."), code="invalid_score")
    if proposed_amount is not None:
        if proposed_amount < 0:
            errors["proposed_amount"] = ValidationError(_("The amount cannot be negative."), code="negative_amount")
        elif application.amount_requested is not None and proposed_amount > application.amount_requested:
            errors["proposed_amount"] = ValidationError(
                _("The proposal cannot be more than the amount applied for."), code="over_requested"
            )
    scored = {item.criterion.pk for item in scores if item.score is not None}
    if complete and scored != set(criteria):
        errors["__all__"] = ValidationError(
            _("Score every criterion before marking the review finished."), code="unscored_criteria"
        )
    if complete and proposed_amount is None:
        errors["proposed_amount"] = ValidationError(
            _("Propose an amount before marking the review finished (0 if nothing)."), code="proposed_amount_missing"
        )
    if errors:
        raise ValidationError(errors)

    for item in scores:
        if item.score is None:
            Score.objects.filter(review=review, criterion=item.criterion).delete()
        else:
            Score.objects.update_or_create(
                review=review,
                criterion=item.criterion,
                defaults={"score": item.score, "comment": item.comment.strip()},
            )
    was_complete = review.completed_at is not None
    review.comment = comment.strip()
    review.proposed_amount = proposed_amount
    if complete and not was_complete:
        review.completed_at = timezone.now()
    review.updated_at = timezone.now()
    review.save()
    # The scores themselves stay out of the application's history, which its applicant may read.
    audit.record(
        actor=by, obj=application, action="review_completed" if complete and not was_complete else "review_saved"
    )
    return review
