"""Readable, unique web addresses for things people name."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.urls import reverse
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


def page_addresses(view_name: str) -> Callable[[str], str]:
    """slug → the address of that slug's page of `view_name` (a page whose only argument is the
    slug, at the end of its address), reversed once for a whole list: reversing it for each of a
    list's rows was a tenth of a feed or an API page."""
    prefix = reverse(view_name, args=["-"]).removesuffix("-/")
    return lambda slug: f"{prefix}{slug}/"
