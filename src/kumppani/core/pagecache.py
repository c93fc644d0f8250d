"""The page cache of the public directories: residents' identical searches answered from memory.

The key holds the data's version, so a change shows at once; only visitors without a session are
served from it (a signed-in person or one with a pending message sees their own page). Setting
DIRECTORY_CACHE_SECONDS to 0 turns it off.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

# Stands in for the visitor's CSRF token in a cached page (a search form may post, e.g. "collect").
CSRF_PLACEHOLDER = "kumppani-csrf-token-placeholder"


def cacheable(request: HttpRequest) -> bool:
    return (
        settings.DIRECTORY_CACHE_SECONDS > 0
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cached_page(
    request: HttpRequest, *, name: str, version: Callable[[], str], build: Callable[..., HttpResponse]
) -> HttpResponse:
    """The page `build(csrf_token=…)` makes for this URL, from the cache where a visitor without a
    session asked the same at the same `version()` of the data. Only successful pages are kept."""
    if not cacheable(request):
        return build()
    digest = hashlib.sha256(f"{version()}|{request.get_full_path()}".encode()).hexdigest()
    key = f"kumppani:{name}:{get_language()}:{digest}"
    content = cache.get(key)
    if content is None:
        response = build(csrf_token=CSRF_PLACEHOLDER)
        if response.status_code != 200:
            return response
        content = response.content
        cache.set(key, content, settings.DIRECTORY_CACHE_SECONDS)
    return HttpResponse(content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode()))
