"""Reads of consultations that pages, panels and the API share, each in a fixed number of queries."""

from django.db.models import Count, Q
from django.utils import timezone

from kumppani.core.models import BodyRoleKind
from kumppani.core.rules import body_roles
from kumppani.organisations.models import Organisation, OrganisationStatus
from kumppani.organisations.rules import membership_roles
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationStatus,
    ResidentComment,
    Statement,
    StatementStatus,
)

PREPARERS = (BodyRoleKind.COORDINATOR, BodyRoleKind.OFFICIAL)


def audience_organisations(consultation: Consultation):
    """The active NGOs a consultation asks: those serving its chosen areas (the body's own area when
    none is chosen), narrowed to its themes when it names any."""
    area_ids = list(consultation.audience_areas.values_list("pk", flat=True))
    if not area_ids:
        area_ids = consultation.body.area_body_ids()
    organisations = Organisation.objects.filter(
        areas__in=area_ids, status=OrganisationStatus.ACTIVE, merged_into__isnull=True
    )
    theme_ids = list(consultation.audience_themes.values_list("pk", flat=True))
    if theme_ids:
        organisations = organisations.filter(themes__in=theme_ids)
    return organisations.distinct()


def is_in_audience(consultation: Consultation, organisation: Organisation) -> bool:
    return audience_organisations(consultation).filter(pk=organisation.pk).exists()


def body_consultations(body, user):
    """A body's consultations, newest first, with the number of sent statements (1 query). Drafts only
    for the body's preparers."""
    consultations = Consultation.objects.filter(body=body).select_related("sector", "response")
    if not (getattr(user, "is_staff", False) or set(body_roles(user).get(body.pk, set())) & set(PREPARERS)):
        consultations = consultations.exclude(status=ConsultationStatus.DRAFT)
    return consultations.annotate(
        statement_count=Count("statements", filter=Q(statements__status=StatementStatus.SENT), distinct=True)
    ).order_by("-opens_at", "-pk")


def public_statements(consultation: Consultation):
    """The sent statements everyone may read once the consultation is past closing, with their answers
    and what each changed (3 queries)."""
    return (
        Statement.objects.filter(consultation=consultation, status=StatementStatus.SENT, is_public=True)
        .select_related("organisation", "council")
        .prefetch_related("answers__section")
        .order_by("sent_at", "pk")
    )


def sent_statements(consultation: Consultation):
    """Every sent statement, for the body's preparers."""
    return (
        Statement.objects.filter(consultation=consultation, status=StatementStatus.SENT)
        .select_related("organisation", "council")
        .prefetch_related("answers__section")
        .order_by("sent_at", "pk")
    )


def visible_comments(consultation: Consultation):
    """Confirmed comments that no moderator has hidden."""
    return ResidentComment.objects.filter(
        consultation=consultation, confirmed_at__isnull=False, hidden_at__isnull=True
    ).select_related("section")


def open_for_my_ngos(user):
    """Open consultations whose audience includes an NGO of the user, with that NGO's statement status
    (for the person's own page)."""
    own = list(membership_roles(user))
    if not own:
        return []
    now = timezone.now()
    candidates = list(
        Consultation.objects.filter(status=ConsultationStatus.OPEN, opens_at__lte=now, closes_at__gt=now)
        .select_related("body")
        .prefetch_related("audience_areas", "audience_themes")
        .order_by("closes_at")[:50]
    )
    if not candidates:
        return []
    organisations = list(Organisation.objects.filter(pk__in=own).prefetch_related("areas", "themes"))
    body_areas = {}
    rows = []
    for consultation in candidates:
        chosen = {area.pk for area in consultation.audience_areas.all()}
        if not chosen:
            if consultation.body_id not in body_areas:
                ids = consultation.body.area_body_ids()
                body_areas[consultation.body_id] = set(
                    ids if isinstance(ids, list) else ids.values_list("pk", flat=True)
                )
            chosen = body_areas[consultation.body_id]
        themes = {theme.pk for theme in consultation.audience_themes.all()}
        for organisation in organisations:
            if not chosen & {area.pk for area in organisation.areas.all()}:
                continue
            if themes and not themes & {theme.pk for theme in organisation.themes.all()}:
                continue
            rows.append((consultation, organisation))
    return rows


def waiting_for_response(user):
    """Consultations of the user's bodies past closing and without a published response."""
    body_ids = [body_id for body_id, roles in body_roles(user).items() if roles & set(PREPARERS)]
    if not body_ids:
        return Consultation.objects.none()
    now = timezone.now()
    return (
        Consultation.objects.filter(body_id__in=body_ids)
        .filter(
            Q(status=ConsultationStatus.CLOSED) | Q(status=ConsultationStatus.OPEN, closes_at__lte=now),
        )
        .select_related("body")
        .order_by("closes_at")
    )
