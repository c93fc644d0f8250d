"""Pages of the API's lists: ?page=N&page_size=M, with both checked, so that a wrong value is a 400
that names the parameter rather than a silently different page."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

# No list has nearly this many pages; a larger number is a mistake (or a probe), not a page.
MAX_PAGE = 1_000_000


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def _checked(self, request, name: str, maximum: int) -> None:
        for raw in request.query_params.getlist(name):
            if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= maximum):
                raise ValidationError({name: [_("Give a whole number from 1 to %(maximum)s.") % {"maximum": maximum}]})

    def paginate_queryset(self, queryset, request, view=None):
        self._checked(request, self.page_query_param, MAX_PAGE)
        self._checked(request, self.page_size_query_param, self.max_page_size)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
