"""Sign-in that resists guessing (django-axes, its attempts kept in the database so that every
worker process counts the same).

The rule: ten failed sign-ins in a row for one account, or from one address, lock that account or
address for 15 minutes; a successful sign-in clears the count. The locked person is told so in
plain words and can open the account at once by setting a new password through the e-mail link.
The Django admin's sign-in goes through the same backends, so the same rule holds there.
"""

from django.conf import settings
from django.http import HttpRequest


def username(request: HttpRequest, credentials: dict | None) -> str | None:
    """E-mail addresses are one account whatever their case: "Anna@X.fi" and "anna@x.fi" count together."""
    value = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or request.POST.get(
        settings.AXES_USERNAME_FORM_FIELD
    )
    return value.strip().lower() if value else None


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address: behind TRUSTED_PROXIES proxies, the one the outermost proxy saw;
    otherwise the connection's own (never a header a visitor could forge)."""
    if settings.TRUSTED_PROXIES:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= settings.TRUSTED_PROXIES:
            return forwarded[-settings.TRUSTED_PROXIES]
    return request.META.get("REMOTE_ADDR")


def unlock(email: str) -> None:
    """Open an account locked by failed sign-ins (its owner proved who they are by e-mail)."""
    from axes.utils import reset

    reset(username=email.strip().lower())
