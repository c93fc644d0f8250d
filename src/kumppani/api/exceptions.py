"""Errors of the API as JSON: validation errors name their fields, in the request's language.

The domain functions raise Django's own exceptions. DRF already turns PermissionDenied into 403
and Http404 into 404; this handler also turns django.core.exceptions.ValidationError into 400,
keyed by field name like a serializer's errors (`non_field_errors` for the whole object).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    return drf_exception_handler(exc, context)
