"""A body's event editors: the queue of events awaiting approval, the decision, and the NGOs the
body trusts to publish at once (coordinators only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import confirm
from kumppani.core.models import PublicBody
from kumppani.events import queries, services
from kumppani.events.forms import DecisionForm
from kumppani.events.models import Listing, TrustedOrganisation
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import public_organisations, serving_body


def _body(request, slug, perm="events.moderate") -> PublicBody:
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm(perm, body):
        raise PermissionDenied
    return body


@login_required
def queue(request, body):
    body = _body(request, body)
    return render(
        request,
        "events/moderation/queue.html",
        {
            "body": body,
            "listings": list(queries.queue(body)),
            "form": DecisionForm(),
            "can_trust": request.user.has_perm("events.manage_calendar", body),
        },
    )


@login_required
@require_POST
def decide(request, body, pk):
    body = _body(request, body)
    listing = get_object_or_404(Listing, pk=pk, body=body)
    form = DecisionForm(request.POST)
    rejecting = form.is_valid() and form.cleaned_data["decision"] == "reject" and form.cleaned_data["reason"]
    if rejecting and not confirm.confirmed(request):
        # The organiser is told at once, so a rejection asks first (one without a reason is refused anyway).
        return confirm.ask(
            request,
            title=_("Do not approve the event"),
            question=_("Leave %(event)s out of %(body)s's calendar?") % {"event": listing.event, "body": body.name},
            consequences=[_("The organiser is told by e-mail, with the reason you gave.")],
            confirm_label=_("Yes, do not approve"),
            cancel_url=reverse("events:queue", args=[body.slug]),
        )
    if form.is_valid():
        try:
            services.listing_decide(
                by=request.user,
                listing=listing,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Decision saved; the organiser is told by e-mail."))
    else:
        messages.error(request, _("Choose whether to approve the event."))
    return redirect("events:queue", body.slug)


@login_required
def trusted(request, body):
    body = _body(request, body, "events.manage_calendar")
    if request.method == "POST":
        organisation = get_object_or_404(Organisation, slug=request.POST.get("organisation", ""))
        services.trust_set(
            by=request.user, body=body, organisation=organisation, trusted=request.POST.get("trusted") == "1"
        )
        messages.success(request, _("Saved."))
        return redirect("events:trusted", body.slug)
    trusted_orgs = [
        t.organisation for t in TrustedOrganisation.objects.filter(body=body).select_related("organisation")
    ]
    candidates = (
        serving_body(public_organisations(), body)
        .exclude(pk__in=[o.pk for o in trusted_orgs])
        .only("slug", "name", "name_fi", "name_sv", "name_en")
        .order_by("name_fi")
    )
    return render(
        request, "events/moderation/trusted.html", {"body": body, "trusted": trusted_orgs, "candidates": candidates}
    )
