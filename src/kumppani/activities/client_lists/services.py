"""The client list (ohjauslista): a nurse or a social worker collects activities for a client, then
saves the list and gives the client its link or a printout.

No one signs in for this. While the list is being collected its activities live in the session;
saving creates a ClientList that anyone with its unguessable link may read.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kumppani.activities import queries
from kumppani.activities.models import ClientList, ClientListItem

MAX_ITEMS = 30
SESSION_KEY = "kumppani_client_list"
TOKEN_BYTES = 16  # 128 bits: the link is the only key to the list


def collected_ids(session) -> list[int]:
    """The activities collected so far, in the order they were added."""
    return [pk for pk in session.get(SESSION_KEY, []) if isinstance(pk, int)]


def collect(session, activity_id: int) -> None:
    """Add a public activity to the list being collected (at most MAX_ITEMS; twice is once)."""
    ids = collected_ids(session)
    if activity_id in ids:
        return
    if len(ids) >= MAX_ITEMS:
        raise ValidationError(
            _("A client list can hold at most %(count)s activities. Remove one before adding another."),
            params={"count": MAX_ITEMS},
            code="too_many",
        )
    if not queries.listed_activities().filter(pk=activity_id).exists():
        raise ValidationError(_("This activity is no longer available."), code="not_public")
    session[SESSION_KEY] = [*ids, activity_id]


def discard(session, activity_id: int) -> None:
    session[SESSION_KEY] = [pk for pk in collected_ids(session) if pk != activity_id]


def clear(session) -> None:
    session.pop(SESSION_KEY, None)


def client_list_create(*, activity_ids: list[int], language: str, title: str = "", note: str = "") -> ClientList:
    """Save a client list with a random 128-bit link. Activities that have left the public listing
    since they were collected are left out; a list needs at least one activity and holds at most
    MAX_ITEMS."""
    public = set(queries.listed_activities().filter(pk__in=activity_ids).values_list("pk", flat=True))
    ids = [pk for pk in dict.fromkeys(activity_ids) if pk in public]
    if not ids:
        raise ValidationError(_("Add at least one activity to the list first."), code="empty")
    if len(ids) > MAX_ITEMS:
        raise ValidationError(
            _("A client list can hold at most %(count)s activities."), params={"count": MAX_ITEMS}, code="too_many"
        )
    with transaction.atomic():
        client_list = ClientList.objects.create(
            token=secrets.token_urlsafe(TOKEN_BYTES), language=language, title=title.strip(), note=note.strip()
        )
        ClientListItem.objects.bulk_create(
            ClientListItem(client_list=client_list, activity_id=pk, position=position)
            for position, pk in enumerate(ids)
        )
    return client_list
