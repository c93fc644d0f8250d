"""When an activity meets, in words a resident reads: "tiistaisin klo 17–19", "kuun ensimmäinen
maanantai klo 10–12", "varannan torsdag kl. 18–20", "ajanvarauksella".

    describe(rule)          one regular time
    describe_all(activity)  every current time of an activity, or "by appointment"
    summary(activity)       all of it on one line, for a list row
"""

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kumppani.activities.models import Activity, Frequency, ScheduleKind, ScheduleRule


# Whole phrases, not a weekday dropped into a frame: Finnish and Swedish inflect the weekday
# differently in each ("tiistaisin" / "tisdagar", "joka toinen tiistai" / "varannan tisdag",
# "kuun ensimmäinen tiistai" / "första tisdagen i månaden").
def _weekly(weekday: int) -> str:
    return [
        _("on Mondays"),
        _("on Tuesdays"),
        _("on Wednesdays"),
        _("on Thursdays"),
        _("on Fridays"),
        _("on Saturdays"),
        _("on Sundays"),
    ][weekday]


def _every_other(weekday: int) -> str:
    return [
        _("every other Monday"),
        _("every other Tuesday"),
        _("every other Wednesday"),
        _("every other Thursday"),
        _("every other Friday"),
        _("every other Saturday"),
        _("every other Sunday"),
    ][weekday]


def _of_month(weekday: int, ordinal: str) -> str:
    phrase = [
        _("the %(ordinal)s Monday of the month"),
        _("the %(ordinal)s Tuesday of the month"),
        _("the %(ordinal)s Wednesday of the month"),
        _("the %(ordinal)s Thursday of the month"),
        _("the %(ordinal)s Friday of the month"),
        _("the %(ordinal)s Saturday of the month"),
        _("the %(ordinal)s Sunday of the month"),
    ][weekday]
    return phrase % {"ordinal": ordinal}


def _ordinal(week_of_month: int) -> str:
    return {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), -1: _("last")}[week_of_month]


def clock(value: dt.time) -> str:
    """17 or 17.30 as Finnish and Swedish write times of day; 17:00 or 17:30 in English."""
    if get_language() == "en":
        return f"{value:%H:%M}"
    return str(value.hour) if value.minute == 0 else f"{value.hour}.{value.minute:02d}"


def time_range(start: dt.time, end: dt.time) -> str:
    return f"{clock(start)}–{clock(end)}"


def short_date(value: dt.date) -> str:
    return date_format(value, "j F" if get_language() == "en" else "j.n.")


def _when(rule: ScheduleRule) -> str:
    if rule.frequency == Frequency.BIWEEKLY:
        return _every_other(rule.weekday)
    if rule.frequency == Frequency.MONTHLY:
        if rule.week_of_month:
            return _of_month(rule.weekday, _ordinal(rule.week_of_month))
        return _("once a month, %(when)s") % {"when": _weekly(rule.weekday)}
    return _weekly(rule.weekday)


def describe(rule: ScheduleRule, *, today: dt.date | None = None) -> str:
    """One regular time in words: "tiistaisin klo 17–19 (alkaen 1.9.)"."""
    today = today or timezone.localdate()
    text = _("%(when)s at %(time)s") % {
        "when": _when(rule),
        "time": time_range(rule.start_time, rule.end_time),
    }
    if rule.valid_from and rule.valid_from > today:
        text += " " + _("(from %(date)s)") % {"date": short_date(rule.valid_from)}
    elif rule.valid_until:
        text += " " + _("(until %(date)s)") % {"date": short_date(rule.valid_until)}
    return text


def current_rules(activity: Activity, *, today: dt.date | None = None) -> list[ScheduleRule]:
    """The activity's regular times that have not ended (uses prefetched rules when there are some)."""
    today = today or timezone.localdate()
    return [rule for rule in activity.schedule_rules.all() if not (rule.valid_until and rule.valid_until < today)]


def describe_all(activity: Activity, *, today: dt.date | None = None) -> list[str]:
    """Every current regular time of the activity in words, or "by appointment"."""
    if activity.schedule_kind == ScheduleKind.BY_APPOINTMENT:
        return [_("by appointment")]
    return [describe(rule, today=today) for rule in current_rules(activity, today=today)]


def summary(activity: Activity, *, today: dt.date | None = None) -> str:
    """All of it in one line for a list row: "Tiistaisin klo 17–19; torstaisin klo 10–12"."""
    return capfirst("; ".join(describe_all(activity, today=today)))
