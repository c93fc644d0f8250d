"""Which applications a user may read, as a queryset: the lists, the summary, the exports and the
API use it, so they answer as the pages' `grants.view_application` (`grants.rules.may_read_application`)."""

from django.db.models import QuerySet

from kumppani.grants.models import Application, GrantProgramme
from kumppani.grants.rules import readable, staff_readable


def readable_applications(
    user, *, programme: GrantProgramme | None = None, as_staff: bool = False
) -> QuerySet[Application]:
    """The applications `user` may read: their NGOs' own, drafts included, and the sent ones they
    have a reason to read for their work. With `as_staff`, only the latter (an official's lists: never a draft).
    With `programme`, only that programme's."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    applications = Application.objects.filter(staff_readable(user) if as_staff else readable(user))
    if programme is not None:
        applications = applications.filter(programme=programme)
    return applications
