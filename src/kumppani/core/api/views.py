"""What the API's views share."""

from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from kumppani.core.api.exceptions import exception_handler
from kumppani.core.api.fields import LANGUAGES
from kumppani.core.collation import collated


class ApiViewMixin:
    """Domain exceptions become JSON errors (see kumppani.core.api.exceptions)."""

    def get_exception_handler(self):
        return exception_handler


def by_translated_name(base: str = "name", *, descending: bool = False):
    """ORDER BY a translated field in the request's language (Finnish where the text is missing),
    with å, ä and ö after z."""
    language = get_language() or LANGUAGES[0]
    if language not in LANGUAGES:
        language = LANGUAGES[0]
    order = collated(f"{base}_{LANGUAGES[0]}", language, connection.vendor)
    if language != LANGUAGES[0]:
        fallback = Coalesce(NullIf(F(f"{base}_{language}"), Value("")), F(f"{base}_{LANGUAGES[0]}"))
        order.set_source_expressions([fallback])
    return order.desc() if descending else order.asc()


def not_found(request, *args, **kwargs):
    """Any address under /api/ that is no API operation: a JSON 404, as the operations answer."""
    from django.http import JsonResponse
    from django.utils.translation import gettext as _

    return JsonResponse({"detail": _("Not found.")}, status=404)
