"""Errors of the API as JSON in the request's language; validation errors name their fields.

The domain functions raise Django's own exceptions: django.core.exceptions.ValidationError becomes
400, keyed by field name like a serializer's errors (`non_field_errors` for the whole object);
PermissionDenied becomes 403 and Http404 becomes 404, both as {"detail": reason}. A change made
from an older version of the object (core.versioning) is 409 Conflict, as {"version": [what changed]}.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from kumppani.core import versioning


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "Conflict."
    default_code = versioning.STALE


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError) and versioning.is_stale(exc):
        exc = Conflict({"version": list(exc.messages)})
    elif isinstance(exc, DjangoValidationError):
        detail = as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Http404):
        # get_object_or_404's English "No <Model> matches the given query." names an internal model.
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    return drf_exception_handler(exc, context)
