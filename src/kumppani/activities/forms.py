"""The form an NGO fills in to publish or update an activity: the activity itself and, below it,
its places, regular times and exceptions as formsets with a few empty rows (no JavaScript needed).

ActivityEditor bundles the four and turns them into the arguments of the domain functions in
kumppani.activities.services, which validate the whole again before saving anything.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kumppani.activities import services
from kumppani.activities.models import Activity, ActivityStatus, Place, ScheduleException, ScheduleRule
from kumppani.core.forms import CleanTextFormMixin, add_service_errors
from kumppani.core.versioning import VersionedFormMixin
from kumppani.organisations.places import as_listed, municipality_choices
from kumppani.organisations.widgets import AreaCheckboxes, grouped_area_choices

WEEK_OF_MONTH_CHOICES = [
    ("", _("— (only for once a month)")),
    (1, _("the first")),
    (2, _("the second")),
    (3, _("the third")),
    (4, _("the fourth")),
    (-1, _("the last")),
]


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# Fields of the form that are not the activity's data (services.activity_create takes the token apart).
FORM_ONLY_FIELDS = {"version", "submission", "not_a_duplicate"}


class ActivityForm(CleanTextFormMixin, VersionedFormMixin, forms.ModelForm):
    required_css_class = "required"  # marked with * by the style sheet
    online_url = forms.URLField(label=_("Online address"), required=False, assume_scheme="https", max_length=200)
    website = forms.URLField(label=_("Web site"), required=False, assume_scheme="https", max_length=200)
    # A new activity's form carries the token of its page (services.activity_create), and, when the NGO
    # has an activity of a similar name, the answer to "is this a different activity?".
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)
    not_a_duplicate = forms.BooleanField(label=_("Yes, this is a different activity: save it"), required=False)

    class Meta:
        model = Activity
        fields = services.EDITABLE_FIELDS
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "schedule_kind": forms.RadioSelect,
            "join_method": forms.RadioSelect,
            **{f"description_{lang}": forms.Textarea(attrs={"rows": 5}) for lang in ("fi", "sv", "en")},
            **{f"how_to_join_{lang}": forms.Textarea(attrs={"rows": 2}) for lang in ("fi", "sv", "en")},
        }
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "name_en": _("Name in English"),
            "short_description_fi": _("Short description in Finnish"),
            "short_description_sv": _("Short description in Swedish"),
            "short_description_en": _("Short description in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
            "cost_description_fi": _("About the cost in Finnish"),
            "cost_description_sv": _("About the cost in Swedish"),
            "cost_description_en": _("About the cost in English"),
            "how_to_join_fi": _("Joining instructions in Finnish"),
            "how_to_join_sv": _("Joining instructions in Swedish"),
            "how_to_join_en": _("Joining instructions in English"),
            "is_online": _("The activity is (also) online"),
            "is_free": _("Free of charge"),
        }
        help_texts = {
            "short_description_fi": _("One sentence that tells a resident what happens and for whom."),
            "areas": _("Whose residents may take part? Open a county and tick the municipalities, or the whole area."),
            "schedule_note": _("E.g. “no meetings in July” or “ask for a time by phone”."),
            "fee": _("E.g. 5 or 2.50. Leave empty when the activity is free of charge."),
            "online_url": _("Where to join online, if the address is public."),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["version"]
            self.fields["submission"].initial = uuid.uuid4()
        else:
            self.fields["version"].initial = self.instance.version
            del self.fields["submission"], self.fields["not_a_duplicate"]
        self.fields["name_fi"].required = True
        self.fields["areas"].required = True
        self.fields["areas"].widget = AreaCheckboxes()
        self.fields["areas"].choices = grouped_area_choices()
        if organisation is not None and not self.instance.pk and not self.is_bound:
            self.initial["areas"] = [area.pk for area in organisation.areas.all()]

    def clean(self):
        data = super().clean()
        if data.get("is_free") is False and not data.get("fee"):
            self.add_error("fee", _("Give the fee in euros, or mark the activity as free of charge."))
        return data


class PlaceForm(CleanTextFormMixin, forms.ModelForm):
    required_css_class = "required"  # marked with * by the style sheet
    uuid = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Place
        fields = [
            "name_fi",
            "name_sv",
            "street_address",
            "postal_code",
            "municipality",
            "is_accessible",
            "accessibility_details_fi",
            "accessibility_details_sv",
            "latitude",
            "longitude",
        ]
        labels = {
            "name_fi": _("Name of the place in Finnish"),
            "name_sv": _("Name of the place in Swedish"),
            "accessibility_details_fi": _("Accessibility details in Finnish"),
            "accessibility_details_sv": _("Accessibility details in Swedish"),
        }
        help_texts = {
            "name_fi": _("E.g. “Järjestötalo, meeting room 2”."),
            "accessibility_details_fi": _("E.g. a ramp at the back door, an accessible toilet, an induction loop."),
            "latitude": _(
                "Optional, with the longitude: the place's map coordinates in decimal degrees, e.g. 60.38312. "
                "Map services that use Kumppani's open data show the place with them. In a map service such "
                "as Maanmittauslaitos' Karttapaikka or OpenStreetMap, right-click the place to see them."
            ),
            "longitude": _("Optional, with the latitude: e.g. 23.12581 (east of Greenwich, so positive in Finland)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", "—"), *municipality_choices()]
        if self.instance.pk and self.instance.municipality_id:
            self.initial["municipality"] = as_listed(self.instance.municipality_id)
        self.fields["postal_code"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})

    def clean(self):
        data = super().clean()
        for field, message in services.place_problems(data).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class TimeForm(forms.ModelForm):
    required_css_class = "required"  # marked with * by the style sheet
    week_of_month = forms.TypedChoiceField(
        label=_("Week of the month"), choices=WEEK_OF_MONTH_CHOICES, coerce=int, empty_value=None, required=False
    )
    place = forms.TypedChoiceField(label=_("Place"), coerce=int, empty_value=None, required=False, choices=[("", "—")])

    class Meta:
        model = ScheduleRule
        fields = ["frequency", "weekday", "week_of_month", "start_time", "end_time", "valid_from", "valid_until"]
        widgets = {
            "start_time": _time_input(),
            "end_time": _time_input(),
            "valid_from": _date_input(),
            "valid_until": _date_input(),
        }
        labels = {"valid_from": _("First day (optional)"), "valid_until": _("Last day (optional)")}

    field_order = ["frequency", "weekday", "week_of_month", "start_time", "end_time", "place"]

    def __init__(self, *args, place_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", _("— any of the places")), *place_choices]

    def clean(self):
        data = super().clean()
        for field, message in services.time_problems(data).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class ExceptionForm(CleanTextFormMixin, forms.ModelForm):
    required_css_class = "required"  # marked with * by the style sheet

    class Meta:
        model = ScheduleException
        fields = ["date", "until", "note"]
        widgets = {"date": _date_input(), "until": _date_input()}
        labels = {"date": _("Date (or first day)"), "until": _("Last day (optional)")}
        help_texts = {"note": _("E.g. “Christmas break” or “meets in the library this time”.")}

    def clean(self):
        data = super().clean()
        for field, message in services.exception_problems(data).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


PlaceFormSet = forms.formset_factory(PlaceForm, extra=1, can_delete=True, max_num=20)
TimeFormSet = forms.formset_factory(TimeForm, extra=2, can_delete=True, max_num=20)
ExceptionFormSet = forms.formset_factory(ExceptionForm, extra=2, can_delete=True, max_num=50)


def _kept(formset) -> list[forms.Form]:
    """The rows that are kept: the existing ones and the filled-in new ones, unless marked for removal."""
    initial = formset.initial_form_count()
    return [
        form
        for n, form in enumerate(formset.forms)
        if (n < initial or form.has_changed()) and not formset._should_delete_form(form)
    ]


def _row(form, fields) -> dict:
    return {field: form.cleaned_data.get(field) for field in fields}


class ActivityEditor:
    """The activity form and its three formsets, shown and checked together."""

    def __init__(self, data=None, *, organisation, activity: Activity | None = None):
        self.activity = activity
        self.form = ActivityForm(data, instance=activity, organisation=organisation)
        places = list(activity.places.select_related("municipality")) if activity else []
        place_rows = [
            {
                "uuid": p.uuid,
                **{f: getattr(p, f) for f in PlaceForm._meta.fields if f != "municipality"},
                "municipality": p.municipality_id,
            }
            for p in places
        ]
        self.places = PlaceFormSet(data, initial=place_rows, prefix="places")
        position = {p.pk: n for n, p in enumerate(places)}
        rules = list(activity.schedule_rules.all()) if activity else []
        time_rows = [
            {**{f: getattr(r, f) for f in TimeForm._meta.fields}, "place": position.get(r.place_id)} for r in rules
        ]
        place_choices = [
            (n, _("Place %(n)s") % {"n": n + 1} + (f" ({places[n]})" if n < len(places) else ""))
            for n in range(len(self.places.forms))
        ]
        self.times = TimeFormSet(data, initial=time_rows, prefix="times", form_kwargs={"place_choices": place_choices})
        exceptions = list(activity.schedule_exceptions.all()) if activity else []
        self.exceptions = ExceptionFormSet(
            data,
            initial=[{f: getattr(e, f) for f in ExceptionForm._meta.fields} for e in exceptions],
            prefix="exceptions",
        )

    @property
    def formsets(self):
        return (self.places, self.times, self.exceptions)

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        for formset in self.formsets:
            valid = formset.is_valid() and valid
        if valid:
            valid = self._check_place_choices()
        return valid

    def _check_place_choices(self) -> bool:
        kept = _kept(self.places)
        filled = {n for n, form in enumerate(self.places.forms) if form in kept}
        ok = True
        for form in _kept(self.times):
            index = form.cleaned_data.get("place")
            if index is not None and index not in filled:
                form.add_error("place", _("This place is empty or marked for removal. Choose another one."))
                ok = False
        return ok

    def add_error(self, error: ValidationError) -> None:
        """Show the domain function's errors: by a field of the activity form, or above the form."""
        add_service_errors(self.form, error)

    @property
    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(formset.total_error_count() for formset in self.formsets)

    def domain_arguments(self) -> dict:
        """data, places, times and exceptions as the domain functions take them."""
        kept_places = _kept(self.places)
        position = {self.places.forms.index(form): n for n, form in enumerate(kept_places)}
        places = []
        for form in kept_places:
            row = _row(form, PlaceForm._meta.fields)
            if form.cleaned_data.get("uuid"):
                row["uuid"] = form.cleaned_data["uuid"]
            places.append(row)
        times = []
        for form in _kept(self.times):
            row = _row(form, TimeForm._meta.fields)
            index = form.cleaned_data.get("place")
            row["place"] = position[index] if index is not None else None
            times.append(row)
        exceptions = [_row(form, ExceptionForm._meta.fields) for form in _kept(self.exceptions)]
        data = {name: value for name, value in self.form.cleaned_data.items() if name not in FORM_ONLY_FIELDS}
        return {"data": data, "places": places, "times": times, "exceptions": exceptions}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
