"""Publishing and keeping activities current through the domain functions: permissions, validation
of the whole activity before anything is saved, the audit history and the search index."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from kumppani.activities import services
from kumppani.activities.models import Activity, Place, ScheduleException, ScheduleRule
from kumppani.core.models import AuditEntry, Language, SearchEntry, Term
from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The messages are compared as written (the pages and the API show them in the user's language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def ngo():
    return factories.organisation("Salon Mielenterveysseura ry", areas=[factories.salo()])


def data(**extra) -> dict:
    return {
        "name_fi": "Olohuone-kohtaamispaikka",
        "name_sv": "Vardagsrummet",
        "short_description_fi": "Tule juttelemaan kahvin ääreen.",
        "kind": "meeting_place",
        "themes": [Term.objects.get(vocabulary="theme", slug="mielenterveys")],
        "languages": [Language.objects.get(code="fi")],
        "areas": [factories.salo()],
        **extra,
    }


def place(**extra) -> dict:
    return {
        "name_fi": "Järjestötalo",
        "street_address": "Rantakatu 5",
        "postal_code": "24100",
        "municipality": factories.salo(),
        **extra,
    }


def weekly(weekday=1, start="17:00", end="19:00", **extra) -> dict:
    return {
        "frequency": "weekly",
        "weekday": weekday,
        "start_time": dt.time.fromisoformat(start),
        "end_time": dt.time.fromisoformat(end),
        **extra,
    }


def create(by, organisation, **kwargs):
    kwargs.setdefault("data", data())
    kwargs.setdefault("places", [place()])
    kwargs.setdefault("times", [weekly()])
    return services.activity_create(by=by, organisation=organisation, **kwargs)


def messages_of(error: ValidationError) -> dict[str, list[str]]:
    return error.value.message_dict


def codes_of(error: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


# Publishing ---------------------------------------------------------------------------------


def test_representative_publishes_an_activity_with_a_place_and_a_weekly_time(ngo):
    person = factories.representative(ngo)
    activity = create(
        person,
        ngo,
        places=[place(is_accessible=True)],
        times=[weekly(place=0)],
        exceptions=[{"date": dt.date(2026, 12, 22), "until": dt.date(2027, 1, 6), "note": "Joulutauko"}],
    )
    activity.refresh_from_db()
    assert activity.slug == "olohuone-kohtaamispaikka"
    assert activity.organisation == ngo
    assert activity.name_sv == "Vardagsrummet"
    assert activity.is_accessible is True
    assert activity.confirmed_by == person
    assert timezone.now() - activity.confirmed_at < dt.timedelta(minutes=1)
    only_place = activity.places.get()
    assert only_place.street_address == "Rantakatu 5"
    rule = activity.schedule_rules.get()
    assert (rule.weekday, rule.start_time, rule.place) == (1, dt.time(17), only_place)
    assert activity.schedule_exceptions.get().note == "Joulutauko"
    assert [t.slug for t in activity.themes.all()] == ["mielenterveys"]
    entry = AuditEntry.objects.get(object_type="activities.activity", object_id=str(activity.pk))
    assert (entry.action, entry.actor) == ("activity_published", person)
    assert entry.changes["name_fi"] == [None, "Olohuone-kohtaamispaikka"]
    assert SearchEntry.objects.filter(kind="activity", object_id=activity.pk).exists()


def test_the_same_name_gets_its_own_web_address(ngo):
    person = factories.representative(ngo)
    first, second = create(person, ngo), create(person, ngo)
    assert (first.slug, second.slug) == ("olohuone-kohtaamispaikka", "olohuone-kohtaamispaikka-2")


def test_coordinator_of_the_ngos_municipality_and_platform_admin_may_publish(ngo):
    create(factories.official(factories.salo(), role="coordinator"), ngo)
    create(factories.user(is_staff=True), ngo)
    assert ngo.activities.count() == 2


@pytest.mark.parametrize("who", ["nobody", "another NGO's representative", "another body's coordinator", "official"])
def test_outsiders_may_not_publish_and_nothing_is_saved(ngo, who):
    by = {
        "nobody": lambda: None,
        "another NGO's representative": lambda: factories.representative(
            factories.organisation(areas=[factories.tampere()])
        ),
        "another body's coordinator": lambda: factories.official(factories.tampere(), role="coordinator"),
        "official": lambda: factories.official(factories.salo(), role="official"),
    }[who]()
    with pytest.raises(PermissionDenied):
        create(by, ngo)
    assert Activity.objects.count() == 0
    assert Place.objects.count() == 0


# Validation ---------------------------------------------------------------------------------


def test_an_activity_needs_a_place_unless_it_is_online(ngo):
    person = factories.representative(ngo)
    with pytest.raises(ValidationError) as error:
        create(person, ngo, places=[])
    assert messages_of(error) == {"places": ["Give at least one place where the activity meets, or mark it as online."]}
    online = create(person, ngo, data=data(is_online=True, online_url="https://meet.example.org/olohuone"), places=[])
    assert online.is_online and online.places.count() == 0


def test_a_fee_is_needed_unless_the_activity_is_free(ngo):
    person = factories.representative(ngo)
    with pytest.raises(ValidationError) as error:
        create(person, ngo, data=data(is_free=False))
    assert messages_of(error) == {"fee": ["Give the fee in euros, or mark the activity as free of charge."]}
    paid = create(person, ngo, data=data(is_free=False, fee=Decimal("5.00")))
    assert paid.fee == Decimal("5.00")
    free = create(person, ngo, data=data(is_free=True, fee=Decimal("5.00")))
    assert free.fee is None  # a free activity has no fee


def test_every_problem_is_told_at_once_and_nothing_is_half_saved(ngo):
    person = factories.representative(ngo)
    with pytest.raises(ValidationError) as error:
        create(
            person,
            ngo,
            data=data(name_fi="", areas=[], kind=""),
            places=[place(postal_code="241")],
            times=[
                weekly(start="19:00", end="17:00"),
                {**weekly(), "frequency": "monthly"},
            ],
            exceptions=[{"date": dt.date(2026, 12, 24), "until": dt.date(2026, 12, 20)}],
        )
    problems = messages_of(error)
    assert problems["name_fi"] == ["Give the name in Finnish."]
    assert problems["areas"] == ["Choose whose residents may take part: at least one municipality or county."]
    assert problems["kind"] == ["This field cannot be blank."]
    assert problems["places"] == ["Place 1, postal code: A postal code has five digits, e.g. 24100."]
    assert problems["times"] == [
        "Time 1, ends: The end must be after the start.",
        "Time 2, week of the month: Choose which week of the month, e.g. the first or the last.",
    ]
    assert problems["exceptions"] == ["Exception 1, until: The last day must not be before the first day."]
    assert codes_of(error) == {
        "name_fi": ["required"],
        "areas": ["areas_required"],
        "kind": ["blank"],
        "places": ["invalid_place"],
        "times": ["invalid_time", "invalid_time"],
        "exceptions": ["invalid_exception"],
    }
    assert (Activity.objects.count(), Place.objects.count(), ScheduleRule.objects.count()) == (0, 0, 0)
    assert not AuditEntry.objects.filter(object_type="activities.activity").exists()


def test_a_monthly_time_with_its_week_is_accepted_and_a_weekly_one_has_no_week(ngo):
    person = factories.representative(ngo)
    activity = create(
        person,
        ngo,
        times=[{**weekly(weekday=0), "frequency": "monthly", "week_of_month": -1}, weekly(week_of_month=2)],
    )
    assert sorted((r.frequency, r.week_of_month) for r in activity.schedule_rules.all()) == [
        ("monthly", -1),
        ("weekly", None),
    ]


def test_regular_times_and_by_appointment_exclude_each_other(ngo):
    person = factories.representative(ngo)
    with pytest.raises(ValidationError) as error:
        create(person, ngo, times=[])
    assert messages_of(error) == {"times": ["Give at least one regular time, or choose “by appointment”."]}
    with pytest.raises(ValidationError) as error:
        create(person, ngo, data=data(schedule_kind="by_appointment"))
    assert list(messages_of(error)) == ["times"]
    assert create(person, ngo, data=data(schedule_kind="by_appointment"), times=[]).schedule_rules.count() == 0


def test_areas_must_be_public_bodies_and_themes_from_the_vocabulary(ngo):
    person = factories.representative(ngo)
    target_group = Term.objects.filter(vocabulary="target_group").first()
    with pytest.raises(ValidationError) as error:
        create(person, ngo, data=data(areas=[ngo], themes=[target_group]))
    assert messages_of(error) == {
        "areas": ["Choose municipalities or wellbeing services counties from the list."],
        "themes": ["Choose from the list."],
    }


def test_a_place_must_be_in_a_municipality(ngo):
    county = factories.salo().county
    with pytest.raises(ValidationError) as error:
        create(factories.representative(ngo), ngo, places=[place(municipality=county)])
    assert messages_of(error) == {
        "places": ["Place 1, municipality: Choose a municipality, not a wellbeing services county."]
    }


# Updating -----------------------------------------------------------------------------------


def test_update_keeps_a_place_given_by_its_uuid_and_replaces_the_times(ngo):
    person = factories.representative(ngo)
    activity = create(person, ngo, places=[place(), place(street_address="Torikatu 1")])
    kept = activity.places.get(street_address="Rantakatu 5")
    Activity.objects.filter(pk=activity.pk).update(confirmed_at=timezone.now() - dt.timedelta(days=300))
    coordinator = factories.official(factories.salo(), role="coordinator")
    services.activity_update(
        by=coordinator,
        activity=activity,
        data={"name_fi": "Olohuone", "phone": "040 123 4567"},
        places=[{**place(is_accessible=True), "uuid": kept.uuid}],
        times=[weekly(weekday=3, start="10:00", end="12:00", place=0)],
    )
    activity.refresh_from_db()
    assert (activity.name_fi, activity.name_sv, activity.phone) == ("Olohuone", "Vardagsrummet", "040 123 4567")
    assert activity.slug == "olohuone-kohtaamispaikka"  # the address stays
    assert [p.uuid for p in activity.places.all()] == [kept.uuid]
    assert activity.is_accessible is True
    assert [(r.weekday, r.start_time, r.place_id) for r in activity.schedule_rules.all()] == [(3, dt.time(10), kept.pk)]
    assert activity.confirmed_by == coordinator and not activity.needs_confirmation
    entry = AuditEntry.objects.get(object_id=str(activity.pk), action="updated")
    assert entry.changes["name_fi"] == ["Olohuone-kohtaamispaikka", "Olohuone"]
    assert "places" in entry.changes and "times" in entry.changes


def test_update_leaves_what_is_not_given(ngo):
    person = factories.representative(ngo)
    activity = create(person, ngo, exceptions=[{"date": dt.date(2026, 12, 24), "note": "Jouluaatto"}])
    services.activity_update(by=person, activity=activity, data={"contact_name": "Maija"})
    assert (activity.places.count(), activity.schedule_rules.count(), ScheduleException.objects.count()) == (1, 1, 1)


def test_invalid_update_changes_nothing(ngo):
    person = factories.representative(ngo)
    activity = create(person, ngo)
    before = Activity.objects.values().get(pk=activity.pk)
    with pytest.raises(ValidationError) as error:
        services.activity_update(by=person, activity=activity, data={"name_fi": "Uusi nimi"}, places=[])
    assert codes_of(error) == {"places": ["no_place"]}
    assert Activity.objects.values().get(pk=activity.pk) == before
    assert activity.places.count() == 1


def test_a_place_of_another_activity_cannot_be_taken_over(ngo):
    person = factories.representative(ngo)
    mine = create(person, ngo)
    other = create(factories.representative(ngo), ngo)
    with pytest.raises(ValidationError) as error:
        services.activity_update(
            by=person, activity=mine, data={}, places=[{**place(), "uuid": other.places.get().uuid}]
        )
    assert codes_of(error) == {"places": ["foreign_place"]}
    assert other.places.get().activity_id == other.pk


def test_outsider_may_not_update(ngo):
    activity = create(factories.representative(ngo), ngo)
    outsider = factories.representative(factories.organisation(areas=[factories.tampere()]))
    with pytest.raises(PermissionDenied):
        services.activity_update(by=outsider, activity=activity, data={"name_fi": "Kaapattu"})
    activity.refresh_from_db()
    assert activity.name_fi == "Olohuone-kohtaamispaikka"


# Confirming and status ----------------------------------------------------------------------


def test_confirming_marks_the_activity_current_and_clears_the_reminder(ngo):
    person = factories.representative(ngo)
    activity = make_activity(ngo, confirmed_days_ago=400)
    Activity.objects.filter(pk=activity.pk).update(reminder_sent_at=timezone.now())
    activity.refresh_from_db()
    assert activity.is_stale
    services.activity_confirm(by=person, activity=activity)
    activity.refresh_from_db()
    assert not activity.is_stale and not activity.needs_confirmation
    assert (activity.confirmed_by, activity.reminder_sent_at) == (person, None)
    assert AuditEntry.objects.filter(object_id=str(activity.pk), action="activity_confirmed", actor=person).exists()


def test_an_ended_activity_cannot_be_confirmed(ngo):
    activity = make_activity(ngo, status="ended", confirmed_days_ago=400)
    with pytest.raises(ValidationError) as error:
        services.activity_confirm(by=factories.representative(ngo), activity=activity)
    assert error.value.code == "ended"


def test_confirm_all_confirms_the_ngos_open_activities_only(ngo):
    person = factories.representative(ngo)
    active = make_activity(ngo, "Ryhmä", confirmed_days_ago=200)
    paused = make_activity(ngo, "Tauolla", status="paused", confirmed_days_ago=400)
    ended = make_activity(ngo, "Loppunut", status="ended", confirmed_days_ago=400)
    others = make_activity(factories.organisation(), "Muiden", confirmed_days_ago=400)
    assert services.activities_confirm_all(by=person, organisation=ngo) == 2
    fresh = {a.pk: not a.needs_confirmation for a in Activity.objects.all()}
    assert fresh == {active.pk: True, paused.pk: True, ended.pk: False, others.pk: False}


def test_outsider_may_not_confirm(ngo):
    activity = make_activity(ngo, confirmed_days_ago=400)
    outsider = factories.official(factories.tampere(), role="coordinator")
    with pytest.raises(PermissionDenied):
        services.activity_confirm(by=outsider, activity=activity)
    with pytest.raises(PermissionDenied):
        services.activities_confirm_all(by=outsider, organisation=ngo)
    activity.refresh_from_db()
    assert activity.is_stale


def test_pausing_ending_and_starting_again(ngo):
    person = factories.representative(ngo)
    activity = make_activity(ngo, confirmed_days_ago=300)
    services.activity_set_status(by=person, activity=activity, status="paused")
    activity.refresh_from_db()
    assert activity.status == "paused" and activity.needs_confirmation  # pausing confirms nothing
    services.activity_set_status(by=person, activity=activity, status="active")
    activity.refresh_from_db()
    assert activity.status == "active" and not activity.needs_confirmation  # running again: current
    statuses = [
        e.changes["status"] for e in AuditEntry.objects.filter(object_id=str(activity.pk), action="status_changed")
    ]
    assert sorted(statuses) == [["active", "paused"], ["paused", "active"]]
    with pytest.raises(ValidationError) as error:
        services.activity_set_status(by=person, activity=activity, status="deleted")
    assert codes_of(error) == {"status": ["unknown_status"]}
