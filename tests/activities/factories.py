"""Activities for tests, made with the ORM and indexed for search, so that tests of the search,
the service paths and the open data do not depend on the editing forms."""

import datetime as dt
import itertools

from django.utils import timezone
from django.utils.text import slugify

from kumppani.activities import indexing
from kumppani.activities.models import Activity, Place, ScheduleRule
from kumppani.core.models import Language, Term

_seq = itertools.count(1)


def activity(
    organisation,
    name: str = "Vertaistukiryhmä",
    *,
    kind: str = "peer_support",
    areas=(),
    themes=(),
    target_groups=(),
    languages=("fi",),
    places=(),
    times=(),
    confirmed_days_ago: int = 0,
    **fields,
) -> Activity:
    """activity(org, "Name", areas=[salo], themes=["mielenterveys"], languages=["sv"],
    places=[{"street_address": …, "postal_code": …, "municipality": body}],
    times=[(weekday, "17:00", "19:00")])."""
    fields.setdefault("name_fi", name)
    item = Activity.objects.create(
        organisation=organisation,
        slug=f"{slugify(name)[:100]}-{next(_seq)}",
        kind=kind,
        confirmed_at=timezone.now() - dt.timedelta(days=confirmed_days_ago),
        **fields,
    )
    item.areas.set(list(areas))
    item.themes.set(list(Term.objects.filter(vocabulary="theme", slug__in=themes)))
    item.target_groups.set(list(Term.objects.filter(vocabulary="target_group", slug__in=target_groups)))
    item.languages.set(list(Language.objects.filter(code__in=languages)))
    for place in places:
        Place.objects.create(activity=item, **place)
    if any(place.get("is_accessible") for place in places):
        Activity.objects.filter(pk=item.pk).update(is_accessible=True)
        item.is_accessible = True
    for weekday, start, end in times:
        ScheduleRule.objects.create(
            activity=item,
            weekday=weekday,
            start_time=dt.time.fromisoformat(start),
            end_time=dt.time.fromisoformat(end),
        )
    indexing.reindex(item)
    return item
