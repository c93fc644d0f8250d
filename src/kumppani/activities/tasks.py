"""Scheduled work of the activities app (see kumppani.core.schedule).

Runs in a `kumppani worker` process: the worker checks the schedule every minute and enqueues
each daily job once, whichever of the workers gets there first. `make run` starts one worker
beside the development server.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from kumppani.activities.models import CONFIRM_INTERVAL, Activity
from kumppani.activities.services import OPEN_STATUSES
from kumppani.core import mail
from kumppani.organisations.models import Organisation
from kumppani.organisations.queries import public_organisations

# An NGO that has been reminded is not reminded again for a month, whatever it has left unconfirmed.
REMIND_AGAIN_AFTER = timedelta(days=30)


def _links(organisation: Organisation, activities: list[Activity], language: str) -> tuple[str, list[dict]]:
    """The NGO's activities page and each activity's confirmation page, in the reader's language."""
    with translation.override(language):
        page = settings.SITE_URL + reverse("activities:manage", kwargs={"slug": organisation.slug})
        rows = [
            {
                "name": activity.name,
                "confirmed_at": activity.confirmed_at,
                "link": settings.SITE_URL
                + reverse("activities:confirm", kwargs={"slug": organisation.slug, "activity": activity.slug}),
            }
            for activity in activities
        ]
    return page, rows


@task()
def send_confirmation_reminders() -> int:
    """Ask each NGO to confirm the activities it has not confirmed for six months.

    One e-mail per NGO and person: every representative gets it in their own language, listing
    those activities with a link to confirm each. An NGO reminded in the last 30 days is skipped.
    Returns how many NGOs were reminded.
    """
    now = timezone.now()
    recently_reminded = Activity.objects.filter(reminder_sent_at__gte=now - REMIND_AGAIN_AFTER).values(
        "organisation_id"
    )
    due = (
        Activity.objects.filter(status__in=OPEN_STATUSES, confirmed_at__lt=now - CONFIRM_INTERVAL)
        .exclude(organisation_id__in=recently_reminded)
        .order_by("sort_key_fi", "pk")
    )
    by_organisation: dict[int, list[Activity]] = {}
    for activity in due:
        by_organisation.setdefault(activity.organisation_id, []).append(activity)
    organisations = public_organisations().filter(pk__in=by_organisation).prefetch_related("memberships__user")
    reminded = 0
    for organisation in organisations:
        people = [m.user for m in organisation.memberships.all() if m.user.is_active]
        if not people:
            continue  # nobody to ask; the coordinator sees these in the out-of-date report
        activities = by_organisation[organisation.pk]
        with transaction.atomic():
            for person in people:
                page, rows = _links(organisation, activities, person.language)
                mail.send(
                    to=[person.email],
                    template="activities/email/confirmation_reminder",
                    context={"organisation_name": organisation.name, "activities": rows, "link": page},
                    language=person.language,
                )
            Activity.objects.filter(pk__in=[a.pk for a in activities]).update(reminder_sent_at=now)
        reminded += 1
    return reminded
