"""Many-to-many relations of a page of objects as plain lists, each related row made once."""

from collections.abc import Sequence

from django.db.models import Model, QuerySet


def attach_many(objects: Sequence[Model], relation: str, related: QuerySet, to_attr: str) -> None:
    """Set `to_attr` on each of `objects` (all of one model) to the list of its objects of the
    many-to-many field `relation`, in the order of `related`, the query they are read from.

    Two queries whatever the number of objects: the pairs from the relation's table, then each
    related row once. Django's prefetch makes an object for every pair: a page of 50 full services
    made the same few dozen terms some 250 times, a tenth of the page."""
    if not objects:
        return
    field = type(objects[0])._meta.get_field(relation)
    source, target = field.m2m_column_name(), field.m2m_reverse_name()
    pairs = field.remote_field.through.objects.filter(**{f"{source}__in": [obj.pk for obj in objects]})
    pairs = list(pairs.values_list(source, target))
    by_pk = {obj.pk: obj for obj in related.filter(pk__in={pk for _source, pk in pairs})}
    position = {pk: n for n, pk in enumerate(by_pk)}
    lists: dict = {obj.pk: [] for obj in objects}
    for source_pk, pk in sorted((pair for pair in pairs if pair[1] in by_pk), key=lambda pair: position[pair[1]]):
        lists[source_pk].append(by_pk[pk])
    for obj in objects:
        setattr(obj, to_attr, lists[obj.pk])
