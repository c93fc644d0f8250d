"""The models' own get_FOO_display() give what Django's would, only faster."""

import datetime as dt

from django.db.models.base import Model
from django.utils import translation

from kumppani.activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Frequency,
    JoinMethod,
    ScheduleRule,
    Weekday,
)
from kumppani.cooperation.models import Category, CooperationForm, Kind, Outcome, Realisation, Status
from kumppani.core.models import BodyKind, PublicBody, choice_label


def _djangos(instance, field: str) -> str:
    return Model._get_FIELD_display(instance, instance._meta.get_field(field))


def test_every_label_is_django_s_own_in_every_language():
    cases = [
        *[(Activity(kind=value), "kind") for value in ActivityType.values],
        *[(Activity(status=value), "status") for value in ActivityStatus.values],
        *[(Activity(join_method=value), "join_method") for value in JoinMethod.values],
        *[(PublicBody(kind=value), "kind") for value in BodyKind.values],
        *[(CooperationForm(category=value), "category") for value in Category.values],
        *[(CooperationForm(kind=value), "kind") for value in Kind.values],
        *[(CooperationForm(status=value), "status") for value in Status.values],
        *[
            (Realisation(outcome=value, ngo_outcome=value), field)
            for value in Outcome.values
            for field in ("outcome", "ngo_outcome")
        ],
        *[
            (ScheduleRule(weekday=day, frequency=freq, start_time=dt.time(17), end_time=dt.time(19)), field)
            for day in Weekday.values
            for freq in Frequency.values
            for field in ("weekday", "frequency")
        ],
    ]
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            for instance, field in cases:
                assert getattr(instance, f"get_{field}_display")() == _djangos(instance, field)
    with translation.override("sv"):
        assert (
            ScheduleRule(weekday=Weekday.TUESDAY, start_time=dt.time(17), end_time=dt.time(19))
            .__str__()
            .startswith(str(Weekday.TUESDAY.label))
        )


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert choice_label(ActivityType, "unknown") == "unknown"
    assert Activity(kind="unknown").get_kind_display() == "unknown"
