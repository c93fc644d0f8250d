"""Pages of the review stage: assigning reviewers, a reviewer's own list and review form, and the
programme summary for the body's grant staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.grants.forms.review import AssignForm, ConflictForm, ReviewForm
from kumppani.grants.models import Application, ApplicationStatus, GrantProgramme, ReviewAssignment
from kumppani.grants.queries import summary
from kumppani.grants.services import review as services
from kumppani.grants.workflow import ASSIGNABLE


def _application(pk: int) -> Application:
    return get_object_or_404(Application.objects.select_related("programme__body", "organisation"), pk=pk)


@login_required
def assign(request, pk):
    """The grant officer chooses who reviews the application, or takes an unfinished review away."""
    application = _application(pk)
    if not request.user.has_perm("grants.handle_application", application):
        raise PermissionDenied
    reviews = list(application.reviews.select_related("reviewer").order_by("reviewer__full_name"))
    form = AssignForm(
        request.POST or None, body=application.programme.body, exclude_ids=[r.reviewer_id for r in reviews]
    )
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                review = get_object_or_404(ReviewAssignment, pk=request.POST["remove"], application=application)
                services.unassign_reviewer(review=review, by=request.user)
                messages.success(request, _("The reviewer has been taken off the application."))
                return redirect("grants:assign_reviewers", pk=application.pk)
            if form.is_valid():
                services.assign_reviewers(
                    application=application, reviewers=list(form.cleaned_data["reviewers"]), by=request.user
                )
                messages.success(request, _("The reviewers have been assigned and told by e-mail."))
                return redirect("grants:assign_reviewers", pk=application.pk)
        except ValidationError as error:
            add_service_errors(form, error)
    return render(
        request,
        "grants/review/assign.html",
        {
            "application": application,
            "reviews": reviews,
            "form": form,
            "can_assign": application.status in ASSIGNABLE,
        },
    )


@login_required
def my_reviews(request):
    """The reviewer's own reviews: those to do, those finished, and those they are disqualified from."""
    reviews = (
        ReviewAssignment.objects.filter(reviewer=request.user)
        .select_related("application__organisation", "application__programme__body")
        .order_by("-assigned_at")
    )
    todo, done, excluded = [], [], []
    for review in reviews:
        if review.has_conflict:
            excluded.append(review)
        elif review.completed_at is None and review.application.status == ApplicationStatus.IN_REVIEW:
            todo.append(review)
        else:
            done.append(review)
    return render(request, "grants/review/my_reviews.html", {"todo": todo, "done": done, "excluded": excluded})


def _own_review(request, application) -> ReviewAssignment:
    """The signed-in reviewer's review of the application; 404 for anyone else."""
    review = ReviewAssignment.objects.filter(application=application, reviewer=request.user).first()
    if review is None:
        raise Http404
    return review


@login_required
def review(request, pk):
    """The review form: a score and comment for each criterion, an overall comment and a proposed amount."""
    application = _application(pk)
    own = _own_review(request, application)
    if own.has_conflict:
        messages.info(request, _("You have declared a conflict of interest and do not review this application."))
        return redirect("grants:my_reviews")
    criteria = list(application.programme.criteria.all())
    scores = {s.criterion_id: s for s in own.scores.all()}
    initial = {"comment": own.comment, "proposed_amount": own.proposed_amount}
    for criterion in criteria:
        if criterion.pk in scores:
            initial[f"score_{criterion.pk}"] = str(scores[criterion.pk].score)
            initial[f"comment_{criterion.pk}"] = scores[criterion.pk].comment
    form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
    editable = application.status == ApplicationStatus.IN_REVIEW
    if request.method == "POST" and editable and form.is_valid():
        complete = "complete" in request.POST or (own.completed_at is not None)
        try:
            services.save_review(
                application=application,
                by=request.user,
                scores=form.score_inputs(),
                comment=form.cleaned_data["comment"],
                proposed_amount=form.cleaned_data["proposed_amount"],
                complete=complete,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your review is finished. Thank you!") if complete else _("Your review has been saved.")
            )
            return redirect("grants:my_reviews") if complete else redirect("grants:review", pk=application.pk)
    weighted = services.weighted_score([(s.score, c.weight) for c in criteria if (s := scores.get(c.pk))])
    return render(
        request,
        "grants/review/review.html",
        {
            "application": application,
            "review": own,
            "form": form,
            "conflict_form": ConflictForm(),
            "editable": editable,
            "weighted": weighted,
        },
    )


@login_required
@require_POST
def declare_conflict(request, pk):
    application = _application(pk)
    _own_review(request, application)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tell briefly why you are disqualified."))
        return redirect("grants:review", pk=application.pk)
    services.declare_conflict(application=application, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("You are now excluded from this application. The grant officer has been told."))
    return redirect("grants:my_reviews")


@login_required
def programme_summary(request, pk):
    """Every application of the programme with its reviews, proposal and decision, and the totals
    against the appropriation. For the body's grant officers and board secretaries."""
    programme = get_object_or_404(GrantProgramme.objects.select_related("body"), pk=pk)
    user = request.user
    can_handle = user.has_perm("grants.handle_application", programme)
    can_prepare = user.has_perm("grants.prepare_decision", programme)
    if not (can_handle or can_prepare):
        raise PermissionDenied
    table = summary.summary_table(
        programme,
        with_assign=can_handle,
        status=request.GET.get("status", ""),
        order=request.GET.get("order", ""),
        hidden=summary.hidden_for(programme, user),
    )
    return render(
        request,
        "grants/review/summary.html",
        {
            "programme": programme,
            "table": table,
            "orders": [(value, label) for value, label, _key in summary.ORDERS],
            "totals": table.totals,
            "meetings": list(programme.meetings.order_by("-date")),
            "can_handle": can_handle,
            "can_prepare": can_prepare,
        },
    )
