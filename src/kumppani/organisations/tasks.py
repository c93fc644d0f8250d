"""Scheduled work of the NGO register (see kumppani.core.schedule)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from kumppani.core import mail
from kumppani.core.models import BodyRoleKind, User
from kumppani.organisations.models import Invitation, MembershipRequest, RequestStatus


@task()
def expire_invitations() -> int:
    """Forget the secret of invitations that expired more than 30 days ago."""
    cutoff = timezone.now() - timezone.timedelta(days=30)
    return Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff).delete()[0]


@task()
def send_coordinator_digests() -> int:
    """Each morning, tell every coordinator how many requests and unverified NGOs wait for them."""
    from kumppani.organisations.queries import in_care_of

    sent = 0
    coordinators = User.objects.filter(is_active=True, body_roles__role=BodyRoleKind.COORDINATOR).distinct()
    for user in coordinators.prefetch_related("body_roles__body"):
        bodies = [role.body for role in user.body_roles.all() if role.role == BodyRoleKind.COORDINATOR]
        organisations = in_care_of(bodies)
        pending = MembershipRequest.objects.filter(status=RequestStatus.PENDING, organisation__in=organisations).count()
        if not pending:
            continue
        mail.send(
            to=[user.email],
            template="organisations/email/coordinator_digest",
            context={"pending": pending, "link": settings.SITE_URL + reverse("core:dashboard")},
            language=user.language,
        )
        sent += 1
    return sent
