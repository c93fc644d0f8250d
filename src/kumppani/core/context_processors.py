"""What every template may use: whether DEBUG is on, and the languages to offer."""

from django.conf import settings


def site(request) -> dict:
    return {"debug": settings.DEBUG, "LANGUAGE_CHOICES": settings.LANGUAGES}
