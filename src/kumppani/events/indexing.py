"""What the event search looks at, kept in core.SearchEntry like the activities' search."""

from kumppani.core import search
from kumppani.events.models import Event

SEARCH_KIND = "event"


def search_texts(event: Event) -> list[str]:
    """Titles and descriptions in every language, the organiser's and the place's names, the themes
    and target groups: a resident may search by any of them."""
    texts = [
        getattr(event, f"{field}_{lang}") or ""
        for field in ("name", "short_description", "description", "place_name")
        for lang in ("fi", "sv", "en")
    ]
    organiser = event.organiser
    texts.extend([organiser.name_fi or "", organiser.name_sv or "", organiser.name_en or ""] if organiser else [])
    texts.append(event.street_address)
    for term in [*event.themes.all(), *event.target_groups.all()]:
        texts.extend([term.name_fi or "", term.name_sv or "", term.name_en or ""])
    return texts


def search_documents():
    """Every event's search document, for rebuilding the index (core.search.rebuild)."""
    events = Event.objects.select_related("organisation", "organiser_body").prefetch_related("themes", "target_groups")
    for event in events.iterator(chunk_size=500):
        yield event.pk, search_texts(event)


def reindex(event: Event) -> None:
    search.update_entry(SEARCH_KIND, event.pk, search_texts(event))
