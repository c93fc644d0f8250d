"""Forms of spaces, bookings and decisions. They only collect input: the rules are in services.py."""

import datetime as dt
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core.models import PublicBody, User
from kumppani.organisations.places import as_listed, municipalities, municipality_choices
from kumppani.premises import services
from kumppani.premises.models import Equipment, Space

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SpaceForm(forms.ModelForm):
    equipment = forms.MultipleChoiceField(
        label=_("Equipment"), choices=Equipment.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    managers = forms.ModelMultipleChoiceField(
        label=_("Named managers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Besides the premises managers of the body."),
    )

    photo = forms.ImageField(
        label=_("Add a photo"), required=False, help_text=_("It is shown after the space's other photos.")
    )
    photo_alt_fi = forms.CharField(
        label=_("Description of the photo (Finnish)"),
        max_length=300,
        required=False,
        help_text=_("What the photo shows, for those who cannot see it. Required with a photo."),
    )
    photo_alt_sv = forms.CharField(label=_("Description of the photo (Swedish)"), max_length=300, required=False)
    photo_alt_en = forms.CharField(label=_("Description of the photo (English)"), max_length=300, required=False)

    class Meta:
        model = Space
        fields = [f for f in services.SPACE_FIELDS if f != "equipment_codes"]

    def __init__(self, *args, body: PublicBody, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities()
        if self.instance.pk and self.instance.municipality_id:
            self.initial["municipality"] = as_listed(self.instance.municipality_id)
        self.fields["managers"].queryset = User.objects.filter(body_roles__body=body).distinct().order_by("full_name")
        if self.instance.pk:
            self.fields["equipment"].initial = self.instance.equipment
            self.fields["managers"].initial = list(self.instance.managers.all())
        hours = {h.weekday: h for h in self.instance.opening_hours.all()} if self.instance.pk else {}
        for weekday in range(7):
            name = services.weekday_name(weekday)
            current = hours.get(weekday)
            self.fields[f"opens_{weekday}"] = forms.TimeField(
                label=_("%(day)s opens") % {"day": name},
                required=False,
                widget=TIME,
                initial=current.opens if current else None,
            )
            self.fields[f"closes_{weekday}"] = forms.TimeField(
                label=_("%(day)s closes") % {"day": name},
                required=False,
                widget=TIME,
                initial=current.closes if current else None,
            )

    def weekday_fields(self):
        return [(services.weekday_name(d), self[f"opens_{d}"], self[f"closes_{d}"]) for d in range(7)]

    def clean(self):
        data = super().clean()
        for weekday in range(7):
            opens, closes = data.get(f"opens_{weekday}"), data.get(f"closes_{weekday}")
            if (opens is None) != (closes is None):
                self.add_error(f"closes_{weekday}", _("Give both the opening and the closing time, or neither."))
        return data

    def domain_arguments(self) -> dict:
        data = self.cleaned_data
        values = {f: data[f] for f in services.SPACE_FIELDS if f in data}
        values["equipment_codes"] = data.get("equipment") or []
        hours = [
            (d, data[f"opens_{d}"], data[f"closes_{d}"])
            for d in range(7)
            if data.get(f"opens_{d}") and data.get(f"closes_{d}")
        ]
        photo = data.get("photo") or None
        alt = {lang: data.get(f"photo_alt_{lang}") or "" for lang in services.LANGS}
        return {
            "data": values,
            "opening_hours": hours,
            "managers": list(data["managers"]),
            "photo": photo,
            "photo_alt": alt,
        }


class PhotoForm(forms.Form):
    """One photo's descriptions and its place in the order, on the space's editor."""

    alt_fi = forms.CharField(label=_("Description (Finnish)"), max_length=300)
    alt_sv = forms.CharField(label=_("Description (Swedish)"), max_length=300, required=False)
    alt_en = forms.CharField(label=_("Description (English)"), max_length=300, required=False)
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=1000)

    def __init__(self, *args, photo=None, **kwargs):
        if photo is not None:
            kwargs.setdefault(
                "initial",
                {"alt_fi": photo.alt_fi, "alt_sv": photo.alt_sv, "alt_en": photo.alt_en, "position": photo.position},
            )
            kwargs.setdefault("prefix", f"photo-{photo.pk}")
        super().__init__(*args, **kwargs)

    def alt(self) -> dict:
        return {lang: self.cleaned_data.get(f"alt_{lang}") or "" for lang in services.LANGS}


class BookingForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("NGO"), coerce=int)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), widget=TIME)
    weekly = forms.BooleanField(label=_("Every week at the same time"), required=False)
    repeat_until = forms.DateField(
        label=_("Last day of the weekly booking"),
        required=False,
        widget=DATE,
        help_text=_("Public holidays and days the space is closed are skipped."),
    )
    purpose = forms.CharField(label=_("What is the space used for?"), max_length=300)
    people = forms.IntegerField(label=_("Number of people"), min_value=1)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]

    def clean(self):
        data = super().clean()
        if data.get("weekly") and not data.get("repeat_until"):
            self.add_error("repeat_until", _("Give the last day of the weekly booking."))
        return data

    def domain_arguments(self) -> dict:
        from kumppani.premises.calendar import local

        data = self.cleaned_data
        return {
            "organisation": self.organisations[data["organisation"]],
            "start": local(data["date"], data["start_time"]),
            "end": local(data["date"], data["end_time"]),
            "purpose": data["purpose"],
            "people": data["people"],
            "repeat_until": data["repeat_until"] if data.get("weekly") else None,
        }


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    whole_series = forms.BooleanField(label=_("Every waiting date of the weekly booking"), required=False)
    reason = forms.CharField(label=_("Reason (told to the NGO)"), max_length=500, required=False)


class CancelForm(forms.Form):
    whole_series = forms.BooleanField(label=_("Every coming date of the weekly booking"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class BlockForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), widget=TIME)
    reason = forms.CharField(label=_("Reason, e.g. maintenance"), max_length=300)


class ClosedDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Reason"), max_length=200, required=False)
    closed = forms.TypedChoiceField(
        choices=[("1", pgettext_lazy("a day", "Closed")), ("0", pgettext_lazy("a day", "Open"))],
        coerce=lambda v: v == "1",
        initial="1",
    )


class LongSelect(forms.Select):
    """A select of a few hundred options (the municipalities) written out directly: the same HTML as
    Django's Select, without rendering a template for each option on every search (and escaped as
    plain strings: format_html for each option still took a tenth of the search's time)."""

    def use_required_attribute(self, initial):
        return False  # the first option is always "All municipalities"; Django would read the list

    def render(self, name, value, attrs=None, renderer=None):
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key in chosen else ""}>{escape(label)}</option>'
            for key, label in ((str(v), str(label)) for v, label in self.choices)
        )
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))


class SlugNames(forms.models.ModelChoiceIterator):
    """(slug, name in the active language) of each municipality, from the list every place select uses."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from municipality_choices(by="slug")


class SlugChoiceField(forms.ModelChoiceField):
    iterator = SlugNames


class SearchForm(forms.Form):
    municipality = SlugChoiceField(
        label=_("Municipality"),
        queryset=municipalities(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
        widget=LongSelect,
    )
    people = forms.IntegerField(label=_("Number of people"), min_value=1, required=False)
    accessible = forms.BooleanField(label=_("Accessible"), required=False)
    equipment = forms.MultipleChoiceField(
        label=_("Equipment"), choices=Equipment.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    date = forms.DateField(label=_("Free on"), required=False, widget=DATE)
    start = forms.TimeField(label=pgettext_lazy("time of day", "from"), required=False, widget=TIME)
    end = forms.TimeField(label=pgettext_lazy("time of day", "to"), required=False, widget=TIME)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The end must be after the start."))
        if (data.get("start") or data.get("end")) and not data.get("date"):
            self.add_error("date", _("Choose the day as well."))
        return data

    def criteria(self):
        from kumppani.premises.queries import Criteria

        data = self.cleaned_data if self.is_valid() else {}
        return Criteria(
            municipality=data.get("municipality"),
            people=data.get("people"),
            accessible=bool(data.get("accessible")),
            equipment=data.get("equipment") or [],
            date=data.get("date"),
            start=data.get("start"),
            end=data.get("end"),
        )


def today() -> dt.date:
    from django.utils import timezone

    from kumppani.premises.calendar import local_date

    return local_date(timezone.now())
