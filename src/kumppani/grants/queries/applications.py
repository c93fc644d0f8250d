"""Which applications a user may see through the API: their NGOs' own, drafts included, and
those sent to the programmes of the bodies they work for."""

from django.db.models import Q, QuerySet

from kumppani.core.rules import body_roles, is_platform_admin
from kumppani.grants.models import Application, ApplicationStatus
from kumppani.organisations.models import Membership


def visible_applications(user) -> QuerySet[Application]:
    """The applications `user` may see: their NGOs' own, and those sent to their bodies' programmes."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    own = Q(organisation_id__in=Membership.objects.filter(user=user).values("organisation_id"))
    sent = ~Q(status=ApplicationStatus.DRAFT)
    if not is_platform_admin(user):
        sent &= Q(programme__body_id__in=list(body_roles(user)))
    return Application.objects.filter(own | sent)
