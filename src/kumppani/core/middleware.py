"""Requests that carry a NUL character are refused at the door: no text field may hold one
(PostgreSQL cannot store it), so a query parameter, form field or JSON string with one is a 400
that says why, never a 500 deep inside a query."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            message = _("The request contains a NUL character, which no text may hold.")
            if request.path.startswith("/api/"):  # shaped as every 400 of the API is documented
                return JsonResponse({"non_field_errors": [message]}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.path:
            return True
        content_type = request.META.get("CONTENT_TYPE", "")
        # Uploaded files may contain NUL bytes; only typed text is checked.
        if content_type.startswith("application/json"):
            return b"\\u0000" in request.body or b"\x00" in request.body
        if content_type.startswith("application/x-www-form-urlencoded"):
            return b"%00" in request.body
        return False
