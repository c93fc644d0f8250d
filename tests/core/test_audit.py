"""The history every service writes through core.audit.record."""

import pytest

from kumppani.core import audit
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_edit_that_changed_nothing_leaves_no_entry_but_other_events_without_changes_do():
    salo = factories.salo()
    for action in ("updated", "space_updated"):
        assert audit.record(actor=None, obj=salo, action=action, changes={}) is None
        assert audit.record(actor=None, obj=salo, action=action) is None
    audit.record(actor=None, obj=salo, action="space_updated", changes={"name_fi": ["Sali", "Iso sali"]})
    audit.record(actor=None, obj=salo, action="resident_comment_written", changes={})

    entries = audit.history_for(salo).order_by("pk")
    assert [(e.action, e.changes) for e in entries] == [
        ("space_updated", {"name_fi": ["Sali", "Iso sali"]}),
        ("resident_comment_written", {}),
    ]
