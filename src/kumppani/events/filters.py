"""The filters of the calendar, its feeds and its embed. The same form reads them all, so a feed
link copied from the calendar page means exactly what the page showed. A value that is not
understood is an error that names the filter (a feed answers 400 with it)."""

import datetime as dt
import html

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import Language, PublicBody, Term, Vocabulary
from kumppani.organisations.forms import body_choices


def _choices(queryset, key: str, language: str, empty_label):
    """A callable of (value, label) of the query's rows, read only when the select is drawn (a
    feed's form, only validated, reads no choices), as plain values rather than model objects."""

    cache = []

    def choices():
        if not cache:
            names = [f"name_{language}", "name_fi"] if language != "fi" else ["name_fi"]
            cache.append(("", empty_label))
            for row in queryset.values(key, *names):
                cache.append((row[key], next((row[name] for name in names if row[name]), "")))
        return cache

    return choices


class QuickSelect(forms.Select):
    """A <select> written in one string join: the calendar's filters list every public body (over
    300) on every page, and the template per option of Django's Select took most of the page's time
    (format_html per option still took a fifth of it, so the options are escaped as plain strings)."""

    options = None  # a callable of the (value, label) pairs, set by the form (see _choices)

    def use_required_attribute(self, initial):
        # Never required: the first option is always "All". (Django's Select finds that out by reading
        # the choices, which is a query and a pass over every body.)
        return False

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = "" if value is None else str(value)
        options = "".join(
            f'<option value="{html.escape(key)}"{" selected" if key == chosen else ""}>{html.escape(label)}</option>'
            for key, label in ((str(v), str(label)) for v, label in self.options())
        )
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))


VIEWS = [("list", _("List")), ("day", _("Day")), ("week", _("Week")), ("month", _("Month"))]
MAX_RANGE_DAYS = 400


class CalendarFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    body = forms.ModelChoiceField(
        label=_("Calendar of"),
        queryset=PublicBody.objects.all(),
        to_field_name="slug",
        required=False,
        widget=QuickSelect,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        to_field_name="slug",
        required=False,
        widget=QuickSelect,
    )
    target = forms.ModelChoiceField(
        label=_("For whom"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
        to_field_name="slug",
        required=False,
        widget=QuickSelect,
    )
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="code", required=False, widget=QuickSelect
    )
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    accessible = forms.BooleanField(label=_("Accessible without steps"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    start = forms.DateField(label=pgettext_lazy("first day", "From"), required=False)
    end = forms.DateField(label=_("Until"), required=False)
    view = forms.ChoiceField(label=pgettext_lazy("a calendar", "View"), choices=VIEWS, required=False)
    date = forms.DateField(label=_("Date"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() if get_language() in ("fi", "sv", "en") else "fi"
        # The bodies as in the directories' boxes (counties first, each place once; built once per
        # language, as bodies change once a year); the others as plain values, one query each.
        self.fields["body"].widget.options = lambda: [("", _("All")), *body_choices()]
        for name in ("theme", "target", "language"):
            field = self.fields[name]
            field.widget.options = _choices(field.queryset, field.to_field_name, language, _("All"))
        # Filters are read from links: a boolean is "1"/"on"/"true", anything else is refused below.
        self.unknown = []
        if self.is_bound:
            self.unknown = [key for key in self.data if key not in self.fields and key != "page"]

    def clean(self):
        data = super().clean()
        for name in ("free", "accessible", "online"):
            raw = self.data.get(name)
            if raw not in (None, "", "1", "on", "true", "True"):
                self.add_error(name, _("Use 1 to choose this filter."))
        if self.unknown:
            raise forms.ValidationError(
                _("Unknown filter: %(names)s.") % {"names": ", ".join(sorted(self.unknown))}, code="unknown_filter"
            )
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The last day must not be before the first day."))
            elif (end - start).days > MAX_RANGE_DAYS:
                self.add_error("end", _("Choose at most %(days)s days.") % {"days": MAX_RANGE_DAYS})
        return data

    def error_text(self) -> str:
        """Every problem, each with its filter's name, for a 400 answer of a feed."""
        parts = []
        for name, errors in self.errors.items():
            parts.append(" ".join(errors) if name == "__all__" else f"{name}: {' '.join(errors)}")
        return "\n".join(parts)

    def range(self, today: dt.date, default_days: int) -> tuple[dt.date, dt.date]:
        """[first, last) days of the filter, or from today for `default_days` days."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        first = data.get("start") or today
        last = data.get("end") + dt.timedelta(days=1) if data.get("end") else first + dt.timedelta(days=default_days)
        return first, last
