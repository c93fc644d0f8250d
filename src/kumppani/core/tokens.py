"""API keys: a signed-in person creates and revokes their own key for /api/v1/ on their page
(`Authorization: Token <key>`). A key can do exactly what its owner can do in the browser: the
API checks the same permissions. Creating a new key revokes the old one."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from rest_framework.authtoken.models import Token

from kumppani.core import audit
from kumppani.core.models import User


def _require_signed_in(by: User) -> None:
    if not getattr(by, "is_authenticated", False):
        raise PermissionDenied


def api_key_of(user: User) -> Token | None:
    return Token.objects.filter(user=user).first()


@transaction.atomic
def api_key_create(*, by: User) -> Token:
    """A new key for the person; any earlier key stops working at once."""
    _require_signed_in(by)
    replaced = Token.objects.filter(user=by).delete()[0] > 0
    token = Token.objects.create(user=by)
    audit.record(actor=by, obj=by, action="api_key_replaced" if replaced else "api_key_created")
    return token


@transaction.atomic
def api_key_revoke(*, by: User) -> bool:
    """Revoke the person's key; False when they had none."""
    _require_signed_in(by)
    revoked = Token.objects.filter(user=by).delete()[0] > 0
    if revoked:
        audit.record(actor=by, obj=by, action="api_key_revoked")
    return revoked
