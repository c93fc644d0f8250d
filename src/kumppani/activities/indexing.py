"""What the activity search looks at, kept in core.SearchEntry (FTS5 on SQLite, GIN on PostgreSQL)."""

from kumppani.activities.models import Activity
from kumppani.core import search

SEARCH_KIND = "activity"


def search_texts(activity: Activity) -> list[str]:
    """Names and descriptions in every language, the NGO's name, the type, themes, target groups
    and the places' names: a resident may search by any of them."""
    texts = [
        getattr(activity, f"{field}_{lang}") or ""
        for field in ("name", "short_description", "description")
        for lang in ("fi", "sv", "en")
    ]
    organisation = activity.organisation
    texts.extend([organisation.name_fi or "", organisation.name_sv or "", organisation.name_en or ""])
    for term in [*activity.themes.all(), *activity.target_groups.all()]:
        texts.extend([term.name_fi or "", term.name_sv or "", term.name_en or ""])
    for place in activity.places.all():
        texts.extend([place.name_fi or "", place.name_sv or ""])
    return texts


def search_documents():
    """Every activity's search document, for rebuilding the index (core.search.rebuild)."""
    activities = Activity.objects.select_related("organisation").prefetch_related("themes", "target_groups", "places")
    for activity in activities.iterator(chunk_size=500):
        yield activity.pk, search_texts(activity)


def reindex(activity: Activity) -> None:
    search.update_entry(SEARCH_KIND, activity.pk, search_texts(activity))


def remove(activity_pk: int) -> None:
    search.delete_entry(SEARCH_KIND, activity_pk)
