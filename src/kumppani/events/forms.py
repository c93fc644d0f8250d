"""The NGO's event form and the moderators' forms. They only read and show: every change goes
through kumppani.events.services, whose errors are shown beside the fields they name."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import fields_for_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core.models import PublicBody
from kumppani.events import services
from kumppani.events.models import HELSINKI, BulletinIssue, Event
from kumppani.organisations.places import as_listed, municipalities

MODEL_FIELDS = [
    *(f"{field}_{lang}" for field in ("name", "short_description", "description") for lang in services.LANGS),
    "all_day",
    "recurrence",
    "recurrence_until",
    "space",
    *(f"place_name_{lang}" for lang in ("fi", "sv")),
    "street_address",
    "postal_code",
    "municipality",
    "is_online",
    "online_url",
    "themes",
    "target_groups",
    "languages",
    "is_free",
    *(f"price_{lang}" for lang in ("fi", "sv")),
    "registration",
    "registration_url",
    "registration_email",
    "registration_phone",
    "capacity",
    "is_accessible",
    *(f"accessibility_info_{lang}" for lang in ("fi", "sv")),
    "image",
    *(f"image_alt_{lang}" for lang in ("fi", "sv")),
    "contact_name",
    "contact_email",
    "contact_phone",
    "activity",
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self):
        super().__init__(format="%H:%M")


def _dates(text: str) -> list[dt.date]:
    dates = []
    for line in (text or "").replace(",", "\n").split():
        for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
            try:
                dates.append(dt.datetime.strptime(line, pattern).date())  # noqa: DTZ007 - a date, no time
                break
            except ValueError:
                continue
        else:
            raise ValidationError(_("“%(text)s” is not a date. Write dates as 24.12.2026."), params={"text": line})
    return dates


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EventForm(forms.Form):
    start_date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts at"), required=False, widget=TimeInput())
    end_date = forms.DateField(
        label=_("Last day"), required=False, widget=DateInput(), help_text=_("Only if the event lasts several days.")
    )
    end_time = forms.TimeField(label=_("Ends at"), required=False, widget=TimeInput())
    cancelled_dates = forms.CharField(
        label=_("Dates of the series that are cancelled"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One date a line, e.g. 24.12.2026."),
    )

    def __init__(self, *args, organisation=None, body=None, event: Event | None = None, **kwargs):
        initial = kwargs.pop("initial", None) or {}
        if event is not None:
            initial.update(_initial(event))
        super().__init__(*args, initial=initial, **kwargs)
        self.fields.update(fields_for_model(Event, fields=MODEL_FIELDS, formfield_callback=_formfield))
        self.fields["municipality"].queryset = municipalities()
        self.fields["recurrence_until"].widget = DateInput()
        space = self.fields["space"]
        spaces = services.spaces_for(organisation=organisation, body=body)
        if event is not None and event.space_id:
            spaces = spaces | type(spaces.model).objects.filter(pk=event.space_id)
        space.queryset = spaces.select_related("municipality").order_by("name", "pk")
        space.label_from_instance = _space_label
        space.empty_label = _("No booked space: give the address below")
        space.help_text = _(
            "A space your NGO has booked (the booking must be approved and cover the event's time). "
            "Its name and address become the event's place."
        )
        activity = self.fields["activity"]
        activity.queryset = organisation.activities.all() if organisation is not None else activity.queryset.none()
        self.order_fields(["name_fi", "name_sv", "name_en", "start_date", "start_time", "end_date", "end_time"])

    def clean_cancelled_dates(self):
        return _dates(self.cleaned_data.get("cancelled_dates"))

    def clean(self):
        data = super().clean()
        first = data.get("start_date")
        if first is None:
            return data
        last = data.get("end_date") or first
        if data.get("all_day"):
            data["start"] = dt.datetime.combine(first, dt.time(0), HELSINKI)
            data["end"] = dt.datetime.combine(last, dt.time(12), HELSINKI)
            return data
        if data.get("start_time") is None:
            self.add_error("start_time", _("Give the starting time, or mark the event as lasting all day."))
            return data
        end_time = data.get("end_time") or data["start_time"]
        try:
            data["start"] = services.local_datetime(first, data["start_time"])
        except ValidationError as error:
            self.add_error("start_time", error)
        try:
            data["end"] = services.local_datetime(last, end_time)
        except ValidationError as error:
            self.add_error("end_time", error)
        return data

    def service_data(self) -> dict:
        data = {field: self.cleaned_data.get(field) for field in MODEL_FIELDS}
        if not data["image"]:
            data.pop("image")  # no new file: the current image stays
        data["start"], data["end"] = self.cleaned_data["start"], self.cleaned_data["end"]
        return data


def _space_label(space) -> str:
    return ", ".join(p for p in (space.name, space.street_address, space.municipality.name) if p)


def initial_from_booking(booking) -> dict:
    """The event form's first values from a booking: its space and its time."""
    start, end = timezone.localtime(booking.start, HELSINKI), timezone.localtime(booking.end, HELSINKI)
    return {
        "space": booking.space_id,
        "start_date": start.date(),
        "start_time": start.time(),
        "end_time": end.time(),
        "end_date": end.date() if end.date() != start.date() else None,
    }


def _initial(event: Event) -> dict:
    start, end = timezone.localtime(event.start, HELSINKI), timezone.localtime(event.end, HELSINKI)
    if event.all_day:
        end -= dt.timedelta(days=1)
    values = {
        field: getattr(event, field)
        for field in MODEL_FIELDS
        if field not in ("themes", "target_groups", "languages", "municipality")
    }
    values.update(
        {
            "start_date": start.date(),
            "start_time": start.time() if not event.all_day else None,
            "end_date": end.date() if end.date() != start.date() else None,
            "end_time": end.time() if not event.all_day else None,
            "municipality": as_listed(event.municipality_id),
            "themes": list(event.themes.all()),
            "target_groups": list(event.target_groups.all()),
            "languages": list(event.languages.all()),
            "cancelled_dates": "\n".join(
                f"{d.date.day}.{d.date.month}.{d.date.year}" for d in event.cancelled_dates.all()
            ),
        }
    )
    return values


class SubmitForm(forms.Form):
    bodies = forms.ModelMultipleChoiceField(
        label=_("Calendars"),
        queryset=PublicBody.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The calendars of the municipalities and counties where the event should be seen."),
    )

    def __init__(self, *args, organisation=None, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = set(body.responsible_body_ids()) if body is not None else set()
        if organisation is not None:
            for area in organisation.areas.all():
                ids.update(area.responsible_body_ids())
        self.fields["bodies"].queryset = PublicBody.objects.filter(pk__in=ids)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            ("cancelled", pgettext_lazy("event", "Cancelled")),
            ("postponed", pgettext_lazy("event", "Postponed")),
            ("published", _("Takes place after all")),
        ],
    )
    reason = forms.CharField(label=_("Reason, shown to everyone"), required=False, max_length=500)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Do not approve"))])
    reason = forms.CharField(label=_("Reason for not approving"), required=False, max_length=500)


class BulletinIssueForm(forms.ModelForm):
    deadline_date = forms.DateField(label=_("Submission deadline"), widget=DateInput())

    class Meta:
        model = BulletinIssue
        fields = ["title", "period_start", "period_end", "language", "is_published"]
        widgets = {"period_start": DateInput(), "period_end": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["deadline_date"] = timezone.localtime(self.instance.deadline, HELSINKI).date()

    def _post_clean(self):
        pass  # the service validates the issue

    def service_data(self) -> dict:
        data = {f: self.cleaned_data.get(f) for f in self.Meta.fields}
        data["deadline"] = dt.datetime.combine(self.cleaned_data["deadline_date"], dt.time(23, 59), HELSINKI)
        return data
