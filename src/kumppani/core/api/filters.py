"""Filter building blocks shared by the apps' API viewsets."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from kumppani.core.models import Term


def documented(filter_, description: str):
    """Document a filter by slugs or codes as a string parameter in the OpenAPI document."""
    return extend_schema_field({"type": "string", "description": description})(filter_)


def term_filter(field_name: str, vocabulary: str, description: str):
    """Filter by terms of a vocabulary given as slugs; repeated, every one of them must match."""
    return documented(
        django_filters.ModelMultipleChoiceFilter(
            field_name=f"{field_name}__slug",
            queryset=Term.objects.filter(vocabulary=vocabulary),
            to_field_name="slug",
            conjoined=True,
        ),
        description,
    )
