"""core.related: a page's many-to-many relations as plain lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kumppani.core.models import Term, Vocabulary
from kumppani.core.related import attach_many
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_each_object_gets_its_own_related_rows_in_the_querys_order_each_row_made_once():
    themes = list(Term.objects.filter(vocabulary=Vocabulary.THEME).order_by("position")[:3])
    first, second, none = (factories.organisation() for _ in range(3))
    first.themes.set([themes[2], themes[0]])
    second.themes.set([themes[1], themes[2]])
    organisations = list(Organisation.objects.filter(pk__in=[first.pk, second.pk, none.pk]).order_by("pk"))

    with CaptureQueriesContext(connection) as queries:
        attach_many(organisations, "themes", Term.objects.order_by("position"), "theme_list")
    assert len(queries) == 2  # the pairs, then each term once
    lists = {organisation.pk: organisation.theme_list for organisation in organisations}
    assert lists == {first.pk: [themes[0], themes[2]], second.pk: [themes[1], themes[2]], none.pk: []}
    assert lists[first.pk][1] is lists[second.pk][1]  # one object for the term both name

    backwards = Term.objects.order_by("-position")
    attach_many(organisations, "themes", backwards.exclude(pk=themes[0].pk), "theme_list")
    assert organisations[0].theme_list == [themes[2]]  # a row the query leaves out is left out
    assert organisations[1].theme_list == [themes[2], themes[1]]


def test_no_objects_read_nothing():
    with CaptureQueriesContext(connection) as queries:
        attach_many([], "themes", Term.objects.all(), "theme_list")
    assert not queries
