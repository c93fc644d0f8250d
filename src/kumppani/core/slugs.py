"""Readable, unique web addresses for things people name."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(taken: QuerySet, name: str, *, fallback: str, max_length: int = 100, reserved=()) -> str:
    """The slug of `name` ("Vertaistukiryhmä Salossa" → "vertaistukiryhma-salossa"), numbered
    ("-2", "-3", …) past those in `taken` (a queryset of the rows it must differ from, with the
    object itself excluded) and the `reserved` words that are the app's own addresses."""
    base = slugify(name)[:max_length] or fallback
    slug, n = base, 2
    while slug in reserved or taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
