from django.conf import settings


def site(request) -> dict:
    return {"debug": settings.DEBUG, "LANGUAGE_CHOICES": settings.LANGUAGES}
