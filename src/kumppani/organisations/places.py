"""The one list of places a resident lives in: every municipality once.

Helsinki is both a municipality and the body that arranges its own social and health services (a
"city county"), so the register holds it twice: "Helsinki" and "Helsingin kaupunki". Lists of
municipalities (the place of an activity, a space or an event, and the directories' area filter)
show it once, under the municipality's plain name. A city county without a municipality of its own
stays in the list, so that no place is lost.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language

from kumppani.core.collation import sort_key
from kumppani.core.models import BodyKind, PublicBody


def municipality_filter() -> Q:
    """Municipalities, and a city county only when no municipality stands for it."""
    return Q(kind=BodyKind.MUNICIPALITY) | Q(kind=BodyKind.CITY_COUNTY, municipalities__isnull=True)


def municipalities():
    """The municipalities as a queryset, for model choice fields; each place once."""
    return PublicBody.objects.filter(municipality_filter()).distinct().order_by("name")


def municipality_choices(by: str = "pk") -> list[tuple[int | str, str]]:
    """(id, or slug when `by` is "slug", and name) of every municipality in the active language and
    alphabetical order, built once per language and cached: a page with several places would
    otherwise render the list several times, and a search form reads it on every search."""
    key = f"kumppani:municipality-choices:{by}:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        bodies = municipalities().only("id", "slug", "name", "name_fi", "name_sv", "name_en")
        choices = [(getattr(body, by), body.name) for body in sorted(bodies, key=lambda b: sort_key(b.name))]
        cache.set(key, choices, 60 * 60)
    return choices


def represented_city_county_ids() -> set[int]:
    """The city counties that a municipality of their own stands for in the lists (Helsinki)."""
    return set(
        PublicBody.objects.filter(kind=BodyKind.CITY_COUNTY, municipalities__isnull=False).values_list("pk", flat=True)
    )


def as_listed(body_id: int | None) -> int | None:
    """The place as the lists show it: older records may name the city county ("Helsingin kaupunki"),
    which an edit form then shows as its municipality, so that saving the form keeps the place."""
    key = "kumppani:represented-city-counties"
    represented = cache.get(key)
    if represented is None:
        represented = dict(
            PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, county__kind=BodyKind.CITY_COUNTY).values_list(
                "county_id", "pk"
            )
        )
        cache.set(key, represented, 60 * 60)
    return represented.get(body_id, body_id)
