"""The filters of the calendar, its feeds and its embed. The same form reads them all, so a feed
link copied from the calendar page means exactly what the page showed. A value that is not
understood is an error that names the filter (a feed answers 400 with it)."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import Language, PublicBody, Term, Vocabulary

VIEWS = [("list", _("List")), ("day", _("Day")), ("week", _("Week")), ("month", _("Month"))]
MAX_RANGE_DAYS = 400


class CalendarFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    body = forms.ModelChoiceField(
        label=_("Calendar of"), queryset=PublicBody.objects.all(), to_field_name="slug", required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        to_field_name="slug",
        required=False,
    )
    target = forms.ModelChoiceField(
        label=_("For whom"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
        to_field_name="slug",
        required=False,
    )
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="code", required=False
    )
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    accessible = forms.BooleanField(label=_("Accessible without steps"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("Until"), required=False)
    view = forms.ChoiceField(label=_("View"), choices=VIEWS, required=False)
    date = forms.DateField(label=_("Date"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("body", "theme", "target", "language"):
            self.fields[name].empty_label = _("All")
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
