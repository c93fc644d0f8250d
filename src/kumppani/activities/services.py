"""Business rules of NGO activities: publishing them and keeping them current.

Every change goes through one of these functions. Each checks `activities.change_activity`,
validates the whole activity with its places, regular times and exceptions before anything is
written, runs in one transaction, records the audit history and keeps the search index current.
The pages and the API call the same functions, so the same rules hold in both.

Places, times and exceptions are given as lists of dicts of model field names. A regular time
names its place by position (`"place": 0` is the first place of the list, None for none); an
existing place keeps its identity when its dict carries its `uuid`.
"""

import re
import uuid
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.activities import indexing
from kumppani.activities.models import (
    Activity,
    ActivityStatus,
    Frequency,
    Place,
    ScheduleException,
    ScheduleKind,
    ScheduleRule,
)
from kumppani.core import audit, versioning
from kumppani.core.models import BodyKind, Language, PublicBody, Term, User, Vocabulary
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import Organisation

CHANGE = "activities.change_activity"
LANGS = ("fi", "sv", "en")
_TRANSLATED = ("name", "short_description", "description", "how_to_join", "cost_description")
_M2M = ("themes", "target_groups", "languages", "areas")
EDITABLE_FIELDS = [
    *(f"{field}_{lang}" for field in ("name", "short_description", "description") for lang in LANGS),
    "kind",
    "is_online",
    "online_url",
    "schedule_kind",
    "schedule_note",
    "is_free",
    "fee",
    *(f"cost_description_{lang}" for lang in LANGS),
    "join_method",
    *(f"how_to_join_{lang}" for lang in LANGS),
    "contact_name",
    "email",
    "phone",
    "website",
    *_M2M,
]
AUDITED_FIELDS = [*EDITABLE_FIELDS, "status"]
PLACE_FIELDS = [
    *(f"name_{lang}" for lang in LANGS),
    "street_address",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "is_accessible",
    *(f"accessibility_details_{lang}" for lang in LANGS),
]
TIME_FIELDS = ["frequency", "weekday", "week_of_month", "start_time", "end_time", "valid_from", "valid_until"]
EXCEPTION_FIELDS = ["date", "until", "note"]
# Statuses whose activities the NGO is asked to confirm (an ended one is no longer shown).
OPEN_STATUSES = (ActivityStatus.ACTIVE, ActivityStatus.PAUSED)
_POSTAL_CODE = re.compile(r"^\d{5}$")
PLACE_BODY_KINDS = (BodyKind.MUNICIPALITY, BodyKind.CITY_COUNTY)


# Row rules, shared with the forms and the API serializers so that each row's error can be shown
# next to the row. Each returns {field: message} and is empty when the row is fine.


def place_problems(values: dict) -> dict[str, str]:
    problems = {}
    municipality = values.get("municipality")
    if municipality is not None and municipality.kind not in PLACE_BODY_KINDS:
        problems["municipality"] = _("Choose a municipality, not a wellbeing services county.")
    code = values.get("postal_code")
    if code and not _POSTAL_CODE.match(code):
        problems["postal_code"] = _("A postal code has five digits, e.g. 24100.")
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        missing = "longitude" if values.get("longitude") is None else "latitude"
        problems[missing] = _("Give both the latitude and the longitude, or neither.")
    return problems


def time_problems(values: dict) -> dict[str, str]:
    problems = {}
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        problems["end_time"] = _("The end must be after the start.")
    if values.get("frequency") == Frequency.MONTHLY and not values.get("week_of_month"):
        problems["week_of_month"] = _("Choose which week of the month, e.g. the first or the last.")
    first, last = values.get("valid_from"), values.get("valid_until")
    if first and last and last < first:
        problems["valid_until"] = _("The last day must not be before the first day.")
    return problems


def exception_problems(values: dict) -> dict[str, str]:
    first, last = values.get("date"), values.get("until")
    if first and last and last < first:
        return {"until": _("The last day must not be before the first day.")}
    return {}


# Helpers ------------------------------------------------------------------------------------


def _check_permission(by: User | None, obj) -> None:
    if by is None or not by.has_perm(CHANGE, obj):
        raise PermissionDenied


def _add(errors: dict, key: str, message: str, code: str) -> None:
    errors.setdefault(key, []).append(ValidationError(message, code=code))


def _row_errors(errors: dict, key: str, label: str, n: int, problems: dict, model, code: str) -> None:
    """Each problem of row n under `key`, saying the row and the field: "Place 2, postal code: …"."""
    for field, texts in problems.items():
        try:
            where = f"{label} {n}, {model._meta.get_field(field).verbose_name}"
        except FieldDoesNotExist:
            where = f"{label} {n}"
        for text in [texts] if isinstance(texts, str) else texts:
            _add(errors, key, f"{where}: {text}", code)


def _apply(activity: Activity, data: dict) -> None:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable activity fields: {sorted(unknown)}")
    for field, value in data.items():
        if field not in _M2M:
            setattr(activity, field, "" if value is None and field in ("online_url", "email", "website") else value)
    if activity.is_free:
        activity.fee = None
    if not activity.is_online:
        activity.online_url = ""


def _check_relations(data: dict, errors: dict, *, creating: bool) -> None:
    vocabularies = {"themes": Vocabulary.THEME, "target_groups": Vocabulary.TARGET_GROUP}
    for field, vocabulary in vocabularies.items():
        for term in data.get(field) or []:
            if not isinstance(term, Term) or term.vocabulary != vocabulary:
                _add(errors, field, _("Choose from the list."), "not_in_list")
                break
    if any(not isinstance(language, Language) for language in data.get("languages") or []):
        _add(errors, "languages", _("Choose from the list."), "not_in_list")
    if "areas" in data or creating:
        areas = list(data.get("areas") or [])
        if not areas:
            _add(
                errors,
                "areas",
                _("Choose whose residents may take part: at least one municipality or county."),
                "areas_required",
            )
        elif any(not isinstance(area, PublicBody) for area in areas):
            _add(
                errors, "areas", _("Choose municipalities or wellbeing services counties from the list."), "not_in_list"
            )


def _validate(
    activity: Activity,
    data: dict,
    *,
    creating: bool,
    places: list[Place] | None,
    times: list[ScheduleRule] | None,
    exceptions: list[ScheduleException] | None,
    place_count: int,
    time_count: int,
    place_indexes: list[int | None],
) -> None:
    """Raise one ValidationError with everything that is wrong, before anything is saved."""
    errors: dict[str, list[ValidationError]] = {}
    for n, index in enumerate(place_indexes, start=1):
        if index is not None and not (0 <= index < place_count):
            _add(errors, "times", _("Time %(n)s: choose one of the activity's places.") % {"n": n}, "unknown_place")
    exclude = ["slug", "organisation", *_TRANSLATED]
    try:
        activity.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():  # the model's own codes kept
            errors.setdefault(field, []).extend(field_errors)
    if not (activity.name_fi or "").strip():
        _add(errors, "name_fi", _("Give the name in Finnish."), "required")
    _check_relations(data, errors, creating=creating)
    if not activity.is_online and place_count == 0:
        _add(errors, "places", _("Give at least one place where the activity meets, or mark it as online."), "no_place")
    if not activity.is_free and (activity.fee is None or activity.fee <= Decimal(0)):
        _add(errors, "fee", _("Give the fee in euros, or mark the activity as free of charge."), "no_fee")
    if activity.schedule_kind == ScheduleKind.RECURRING and time_count == 0:
        _add(errors, "times", _("Give at least one regular time, or choose “by appointment”."), "no_times")
    if activity.schedule_kind == ScheduleKind.BY_APPOINTMENT and time_count > 0:
        _add(
            errors,
            "times",
            _("An activity by appointment has no regular times: remove them or choose regular times."),
            "times_by_appointment",
        )
    for n, place in enumerate(places or [], start=1):
        values = {f: getattr(place, f) for f in ("postal_code", "latitude", "longitude")}
        values["municipality"] = place.municipality if place.municipality_id else None
        row = place_problems(values)
        try:
            # The municipality's kind is checked above, with a clearer message than the model's.
            place.full_clean(exclude=["activity", *row], validate_unique=False)
        except ValidationError as error:
            row = {**error.message_dict, **row}
        if row:
            _row_errors(errors, "places", _("Place"), n, row, Place, "invalid_place")
    for n, rule in enumerate(times or [], start=1):
        row = time_problems({f: getattr(rule, f) for f in TIME_FIELDS})
        try:
            rule.full_clean(exclude=["activity", "place"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            row = {**error.message_dict, **row}
        if row:
            _row_errors(errors, "times", _("Time"), n, row, ScheduleRule, "invalid_time")
    for n, exception in enumerate(exceptions or [], start=1):
        row = exception_problems({"date": exception.date, "until": exception.until})
        try:
            exception.full_clean(exclude=["activity"], validate_unique=False)
        except ValidationError as error:
            row = {**error.message_dict, **row}
        if row:
            _row_errors(errors, "exceptions", _("Exception"), n, row, ScheduleException, "invalid_exception")
    if errors:
        raise ValidationError(errors)


def _build_places(activity: Activity, rows: list[dict]) -> list[Place]:
    """Unsaved Place objects for the rows; a row with the uuid of one of the activity's places
    updates that place, so its identity (and the open data that refers to it) stays."""
    existing = {str(place.uuid): place for place in activity.places.all()} if activity.pk else {}
    places = []
    for row in rows:
        key = str(row.get("uuid") or "")
        if key and key not in existing:
            raise ValidationError(
                {"places": ValidationError(_("This place does not belong to the activity."), code="foreign_place")}
            )
        place = existing.get(key) or Place()
        for field in PLACE_FIELDS:
            if field in row:
                value = row[field]
                if field.startswith(("name_", "accessibility_details_")) and value is None:
                    value = ""
                setattr(place, field, value)
        places.append(place)
    return places


def _build_times(rows: list[dict]) -> tuple[list[ScheduleRule], list[int | None]]:
    rules, place_indexes = [], []
    for row in rows:
        rule = ScheduleRule(**{field: row.get(field) for field in TIME_FIELDS if field in row})
        if rule.frequency != Frequency.MONTHLY:
            rule.week_of_month = None  # only a monthly time has a week of the month
        rules.append(rule)
        place_indexes.append(row.get("place"))
    return rules, place_indexes


def _build_exceptions(rows: list[dict]) -> list[ScheduleException]:
    return [ScheduleException(**{field: row.get(field) for field in EXCEPTION_FIELDS if field in row}) for row in rows]


def _summary(activity: Activity) -> dict[str, list[str]]:
    """Places, times and exceptions as short texts, for the audit history."""
    return {
        "places": [f"{p}, {p.postal_code}" for p in activity.places.all()],
        "times": [f"{r.get_frequency_display()} {r}" for r in activity.schedule_rules.all()],
        "exceptions": [str(e) for e in activity.schedule_exceptions.all()],
    }


def _save_rows(
    activity: Activity,
    places: list[Place] | None,
    times: list[ScheduleRule] | None,
    place_indexes: list[int | None],
    exceptions: list[ScheduleException] | None,
) -> None:
    if places is not None:
        keep = [place.pk for place in places if place.pk]
        activity.places.exclude(pk__in=keep).delete()
        for place in places:
            place.activity = activity
            place.save()
    if times is not None:
        current_places = places if places is not None else list(activity.places.all())
        activity.schedule_rules.all().delete()
        for rule, index in zip(times, place_indexes, strict=True):
            rule.activity = activity
            rule.place = current_places[index] if index is not None else None
        ScheduleRule.objects.bulk_create(times)
    if exceptions is not None:
        activity.schedule_exceptions.all().delete()
        for exception in exceptions:
            exception.activity = activity
        ScheduleException.objects.bulk_create(exceptions)
    is_accessible = activity.places.filter(is_accessible=True).exists()
    if is_accessible != activity.is_accessible:
        activity.is_accessible = is_accessible
        activity.save(update_fields=["is_accessible"])


def _mark_confirmed(activity: Activity, by: User, now) -> None:
    activity.confirmed_at, activity.confirmed_by, activity.reminder_sent_at = now, by, None


# Domain functions ---------------------------------------------------------------------------


@transaction.atomic
def activity_create(
    *,
    by: User,
    organisation: Organisation,
    data: dict,
    places: list[dict] = (),
    times: list[dict] = (),
    exceptions: list[dict] = (),
    submission: uuid.UUID | None = None,
) -> Activity:
    """Publish a new activity of the NGO. Its information counts as confirmed today.

    `submission` is the token of the form page: the same page sent again returns the activity it
    created and makes no copy, also when the two sends race (the database refuses the second)."""
    _check_permission(by, organisation)
    if submission is not None:
        existing = Activity.objects.filter(submission=submission, organisation=organisation).first()
        if existing is not None:
            return existing
    now = timezone.now()
    activity = Activity(organisation=organisation, created_at=now, updated_at=now)
    _mark_confirmed(activity, by, now)
    _apply(activity, data)
    place_objects = _build_places(activity, list(places))
    time_objects, place_indexes = _build_times(list(times))
    exception_objects = _build_exceptions(list(exceptions))
    _validate(
        activity,
        data,
        creating=True,
        places=place_objects,
        times=time_objects,
        exceptions=exception_objects,
        place_count=len(place_objects),
        time_count=len(time_objects),
        place_indexes=place_indexes,
    )
    activity.slug = unique_slug(Activity.objects.all(), activity.name_fi, fallback="toiminta", max_length=120)
    activity.submission = submission
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError:
        existing = Activity.objects.filter(submission=submission, organisation=organisation).first()
        if submission is None or existing is None:
            raise
        return existing
    for field in _M2M:
        getattr(activity, field).set(data.get(field) or [])
    _save_rows(activity, place_objects, time_objects, place_indexes, exception_objects)
    audit.record(
        actor=by,
        obj=activity,
        action="activity_published",
        changes=audit.diff({}, {**audit.snapshot(activity, AUDITED_FIELDS), **_summary(activity)}),
    )
    indexing.reindex(activity)
    return activity


@transaction.atomic
def activity_update(
    *,
    by: User,
    activity: Activity,
    data: dict,
    places: list[dict] | None = None,
    times: list[dict] | None = None,
    exceptions: list[dict] | None = None,
    version: int | None = None,
) -> Activity:
    """Change an activity. Only what is given changes (None leaves the places, the times or the
    exceptions as they are). Whoever updates the activity has looked at it, so it also counts as
    confirmed today.

    `version` is the one the form or API client read: when someone else has saved since, nothing
    is saved and the error lists what they changed (core.versioning)."""
    _check_permission(by, activity)
    activity = Activity.objects.select_for_update().select_related("organisation").get(pk=activity.pk)
    versioning.check(activity, version)
    before = {**audit.snapshot(activity, AUDITED_FIELDS), **_summary(activity)}
    _apply(activity, data)
    place_objects = _build_places(activity, list(places)) if places is not None else None
    time_objects, place_indexes = _build_times(list(times)) if times is not None else (None, [])
    exception_objects = _build_exceptions(list(exceptions)) if exceptions is not None else None
    place_count = len(place_objects) if place_objects is not None else activity.places.count()
    _validate(
        activity,
        data,
        creating=False,
        places=place_objects,
        times=time_objects,
        exceptions=exception_objects,
        place_count=place_count,
        time_count=len(time_objects) if time_objects is not None else activity.schedule_rules.count(),
        place_indexes=place_indexes,
    )
    now = timezone.now()
    activity.updated_at = now
    _mark_confirmed(activity, by, now)
    activity.save()
    for field in _M2M:
        if field in data:
            getattr(activity, field).set(data[field] or [])
    _save_rows(activity, place_objects, time_objects, place_indexes, exception_objects)
    changes = audit.diff(before, {**audit.snapshot(activity, AUDITED_FIELDS), **_summary(activity)})
    audit.record(actor=by, obj=activity, action="updated", changes=versioning.claim(activity, changes))
    indexing.reindex(activity)
    return activity


@transaction.atomic
def activity_confirm(*, by: User, activity: Activity) -> Activity:
    """The NGO tells that the activity still runs as described."""
    _check_permission(by, activity)
    if activity.status == ActivityStatus.ENDED:
        raise ValidationError(_("An ended activity cannot be confirmed. Start it again first."), code="ended")
    _mark_confirmed(activity, by, timezone.now())
    activity.save(update_fields=["confirmed_at", "confirmed_by", "reminder_sent_at"])
    audit.record(actor=by, obj=activity, action="activity_confirmed")
    # The search index holds only texts; the freshness is read from the activity itself.
    return activity


@transaction.atomic
def activities_confirm_all(*, by: User, organisation: Organisation) -> int:
    """Confirm every activity of the NGO that has not ended. Returns how many were confirmed."""
    _check_permission(by, organisation)
    activities = list(organisation.activities.filter(status__in=OPEN_STATUSES))
    now = timezone.now()
    for activity in activities:
        _mark_confirmed(activity, by, now)
        audit.record(actor=by, obj=activity, action="activity_confirmed")
    Activity.objects.bulk_update(activities, ["confirmed_at", "confirmed_by", "reminder_sent_at"])
    return len(activities)


@transaction.atomic
def activity_set_status(*, by: User, activity: Activity, status: str, version: int | None = None) -> Activity:
    """Pause, end or restart an activity. Starting it again also confirms it. Claims the next
    version, so that a form read before cannot change the status back."""
    _check_permission(by, activity)
    if status not in ActivityStatus.values:
        raise ValidationError({"status": ValidationError(_("Unknown status."), code="unknown_status")})
    old = activity.status
    if old == status:
        return activity
    versioning.check(activity, version)
    now = timezone.now()
    activity.status, activity.updated_at = status, now
    fields = ["status", "updated_at"]
    if status == ActivityStatus.ACTIVE:
        _mark_confirmed(activity, by, now)
        fields += ["confirmed_at", "confirmed_by", "reminder_sent_at"]
    activity.save(update_fields=fields)
    changes = versioning.claim(activity, {"status": [old, status]})
    audit.record(actor=by, obj=activity, action="status_changed", changes=changes)
    indexing.reindex(activity)
    return activity
