"""Reads of governance shared by the pages, the API and the NGO's cooperation record; each in a
fixed number of queries whatever the size of the data."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertAnswer,
    ExpertRequest,
    ExpertRequestStatus,
    Meeting,
    Negotiation,
    NegotiationStatus,
    NgoNetwork,
    NominationRequest,
    NominationStatus,
    Seat,
    WorkingGroup,
)
from kumppani.cooperation.governance.rules import run_network_ids
from kumppani.core.models import PublicBody
from kumppani.core.rules import coordinated_body_ids
from kumppani.organisations.models import Organisation, OrganisationStatus, link_fields
from kumppani.organisations.rules import membership_roles


def current_seats():
    """Seats whose term has not ended, with their NGOs."""
    return Seat.objects.filter(term_end__gte=timezone.localdate()).select_related("organisation", "deputy_organisation")


def body_groups(body):
    """A body's active councils and working groups with their current NGO representatives (2 queries)."""
    return (
        WorkingGroup.objects.filter(body=body, is_active=True)
        .prefetch_related(Prefetch("seats", queryset=current_seats(), to_attr="current_seats"))
        .order_by("kind", "name", "pk")
    )


def networks():
    """Every network with its area, chair and number of member NGOs (1 query)."""
    return (
        NgoNetwork.objects.select_related("area", "chair", "parent")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("area__name", "name", "pk")
    )


def network_seats(network):
    """Current seats held by the network's member NGOs, in any body's group (1 query)."""
    return (
        current_seats()
        .filter(organisation__ngo_networks=network)
        .select_related("group__body")
        .order_by("group__body__name", "group__name", "pk")
    )


def requests_to_nominate(user):
    """Nomination requests waiting for the networks the user runs."""
    return (
        NominationRequest.objects.filter(network_id__in=run_network_ids(user), status=NominationStatus.SENT)
        .select_related("group__body", "network")
        .order_by("deadline", "pk")
    )


def nominations_to_confirm(user):
    """Nominations waiting for the confirmation of a body the user coordinates."""
    return (
        NominationRequest.objects.filter(
            group__body_id__in=coordinated_body_ids(user), status=NominationStatus.NOMINATED
        )
        .select_related("group__body", "network")
        .order_by("deadline", "pk")
    )


def open_actions_for(user):
    """Action items not yet done that the user owns, or that an NGO of the user owns."""
    own_orgs = list(membership_roles(user))
    return (
        ActionItem.objects.filter(done_at__isnull=True)
        .filter(Q(owner_user=user) | Q(owner_organisation_id__in=own_orgs))
        .select_related("meeting", "owner_organisation")
        .order_by("due_on", "pk")
    )


def body_meetings(body):
    """A body's meetings, newest first, with the number of NGOs taking part (1 query)."""
    return (
        Meeting.objects.filter(body=body)
        .select_related("network")
        .annotate(ngo_count=Count("organisations", distinct=True))
        .order_by("-starts_at", "-pk")
    )


def ngo_parts(organisation, body, *, full: bool) -> dict:
    """The NGO's governance parts on its cooperation record with `body`: its current seats in the
    body's groups and its meetings (public), and, for those who see the `full` record (the NGO and
    the body's officials), its action items and expert answers. Four queries at most, whatever the
    number of rows, each loading only what the record shows."""
    seats = list(
        current_seats()
        .filter(group__body=body)
        .filter(Q(organisation=organisation) | Q(deputy_organisation=organisation))
        .select_related("group")
        .only(
            "name",
            "deputy_name",
            "term_start",
            "term_end",
            *(f"group__{name}" for name in ("name", "name_fi", "name_sv", "name_en")),
            *link_fields("organisation"),
            *link_fields("deputy_organisation"),
        )
        .order_by("group__name", "pk")
    )
    meetings = list(
        Meeting.objects.filter(body=body, organisations=organisation)
        .only("title", "starts_at")
        .order_by("-starts_at", "-pk")[:50]
    )
    action_items = []
    if full:
        action_items = list(
            ActionItem.objects.filter(meeting__body=body, owner_organisation=organisation)
            .only("title", "due_on", "done_at")
            .order_by("done_at", "due_on", "pk")[:100]
        )
    expert_answers = expert_answers_of(organisation, body) if full else []
    return {"seats": seats, "expert_answers": expert_answers, "meetings": meetings, "action_items": action_items}


def expert_matches(body, themes):
    """The active NGOs of the body's area whose themes match (all of the area's NGOs when the
    request names no theme): the ones told about an expert request."""
    organisations = Organisation.objects.filter(
        areas__in=body.area_body_ids(), status=OrganisationStatus.ACTIVE, merged_into__isnull=True
    )
    theme_ids = [term.pk for term in themes]
    if theme_ids:
        organisations = organisations.filter(themes__in=theme_ids)
    return organisations.distinct()


def body_expert_requests(body):
    """A body's expert requests, newest first, with the number of answers (1 query)."""
    return (
        ExpertRequest.objects.filter(body=body)
        .select_related("sector")
        .annotate(answer_count=Count("answers", distinct=True))
        .order_by("-created_at", "-pk")
    )


def open_expert_requests_for(user):
    """Open requests of the areas of the user's NGOs that match their themes and that they have
    not yet answered (for the person's own page)."""
    own = list(membership_roles(user))
    if not own:
        return ExpertRequest.objects.none()
    today = timezone.localdate()
    area_ids = Organisation.objects.filter(pk__in=own).values("areas")
    theme_ids = Organisation.objects.filter(pk__in=own).values("themes")
    return (
        ExpertRequest.objects.filter(status=ExpertRequestStatus.OPEN, deadline__gte=today)
        .filter(Q(body_id__in=area_ids) | Q(body_id__in=PublicBody.objects.filter(pk__in=area_ids).values("county")))
        .filter(Q(themes__in=theme_ids) | Q(themes__isnull=True))
        .exclude(answers__organisation_id__in=own)
        .select_related("body")
        .distinct()
        .order_by("deadline", "pk")
    )


def expert_answers_of(organisation, body):
    return list(
        ExpertAnswer.objects.filter(organisation=organisation, request__body=body)
        .select_related("request")
        .only("created_at", "request__topic")
        .order_by("-created_at", "-pk")[:50]
    )


def _measures(negotiation):
    return negotiation.measures.prefetch_related("sectors", "organisations").select_related("carried_from")


def negotiation_record(negotiation) -> dict:
    """The negotiation's NGOs, its measures with their responsible parties, and last year's measures
    with how they went (the follow-up). Five queries whatever the number of measures."""
    follow_up = list(_measures(negotiation.previous)) if negotiation.previous_id else []
    return {
        "organisations": list(negotiation.organisations.order_by("name")),
        "measures": list(_measures(negotiation)),
        "follow_up": follow_up,
    }


def body_negotiations(body, *, include_drafts: bool):
    """A body's yearly negotiations, newest first, with their number of measures (1 query)."""
    negotiations = Negotiation.objects.filter(body=body)
    if not include_drafts:
        negotiations = negotiations.filter(status=NegotiationStatus.AGREED)
    return negotiations.annotate(measure_count=Count("measures", distinct=True)).order_by("-year", "pk")
