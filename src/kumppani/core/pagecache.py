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


def digest(request: HttpRequest, version: str) -> str:
    """The same for the same URL asked at the same `version` of the data (a cache key's last part,
    and an ETag)."""
    return hashlib.sha256(f"{version}|{request.get_full_path()}".encode()).hexdigest()


def cached_content(key: str, build: Callable[[], HttpResponse]) -> bytes | HttpResponse:
    """The content kept under `key`, or else `build()`'s, kept when it is successful. An
    unsuccessful response is returned as it is, never kept (its errors may be in the request's
    language, or passing)."""
    content = cache.get(key) if settings.DIRECTORY_CACHE_SECONDS > 0 else None
    if content is None:
        response = build()
        if response.status_code != 200:
            return response
        content = response.content
        if settings.DIRECTORY_CACHE_SECONDS > 0:
            cache.set(key, content, settings.DIRECTORY_CACHE_SECONDS)
    return content


def cached_page(
    request: HttpRequest, *, name: str, version: Callable[[], str], build: Callable[..., HttpResponse]
) -> HttpResponse:
    """The page `build(csrf_token=…)` makes for this URL, from the cache where a visitor without a
    session asked the same at the same `version()` of the data. Only successful pages are kept."""
    if not cacheable(request):
        return build()
    key = f"kumppani:{name}:{get_language()}:{digest(request, version())}"
    content = cached_content(key, lambda: build(csrf_token=CSRF_PLACEHOLDER))
    if isinstance(content, HttpResponse):
        return content
    placeholder = CSRF_PLACEHOLDER.encode()
    # Only a page with a form gets the visitor's token (and so the CSRF cookie).
    if placeholder in content:
        content = content.replace(placeholder, get_token(request).encode())
    return HttpResponse(content)
