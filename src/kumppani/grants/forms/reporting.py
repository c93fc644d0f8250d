"""Forms of the payment, usage report and continuity pages."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.grants import uploads
from kumppani.grants.forms.fields import EuroField
from kumppani.grants.models import AttachmentKind, InstalmentStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class InstalmentForm(forms.Form):
    due_date = forms.DateField(label=_("Payment date"), required=False, widget=DateInput)
    amount = EuroField(label=_("Amount (€)"), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("due_date")) != (data.get("amount") is not None) and not self.errors:
            raise forms.ValidationError(_("Give both the date and the amount, or leave both empty."))
        if data.get("amount") is not None and data["amount"] <= 0:
            self.add_error("amount", _("The amount must be more than 0 €."))
        return data


InstalmentFormSet = forms.formset_factory(InstalmentForm, extra=2, max_num=24, validate_max=True)


class SplitForm(forms.Form):
    """Fill the instalment rows with an even split (the officer can still change every row)."""

    parts = forms.IntegerField(label=_("Number of instalments"), min_value=1, max_value=12, initial=2)
    first = forms.DateField(label=_("First payment date"), widget=DateInput)
    months = forms.IntegerField(label=_("Months between payments"), min_value=1, max_value=12, initial=3)


class MarkPaidForm(forms.Form):
    paid_at = forms.DateField(label=_("Paid on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_at"].initial = timezone.localdate()


class DueDateForm(forms.Form):
    due_date = forms.DateField(label=_("Usage report due"), widget=DateInput)


class RecoveryForm(forms.Form):
    amount = EuroField(label=_("Amount to recover (€)"))
    reason = forms.CharField(
        label=_("Reason for recovery"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("The NGO receives this text by e-mail."),
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the NGO"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Required when you return the report: tell what to correct."),
    )
    close = forms.BooleanField(label=_("Close the grant at the same time (all instalments paid)"), required=False)


class UsageReportForm(forms.Form):
    """The NGO's report: an actual amount per budget line, what was achieved, and an attachment."""

    achievements = forms.CharField(
        label=_("What was achieved with the grant?"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you did, how many took part, what changed for them, and what did not go as planned."),
    )
    participants = forms.IntegerField(label=_("Number of participants"), required=False, min_value=0)
    attachment = forms.FileField(
        label=_("Add an attachment"),
        required=False,
        help_text=_("For example the financial statements or the annual report. PDF, office document or image."),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT}),
    )
    attachment_kind = forms.ChoiceField(
        label=_("Kind of attachment"), choices=AttachmentKind.choices, initial=AttachmentKind.FINANCIAL_STATEMENTS
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[self.line_field(line)] = EuroField(
                label=_("Actual: %(item)s") % {"item": line.description},
                required=False,
                initial=line.actual_amount,
            )

    @staticmethod
    def line_field(line) -> str:
        return f"actual_{line.pk}"

    def actuals(self) -> dict:
        return {line.pk: self.cleaned_data.get(self.line_field(line)) for line in self.lines}

    def line_fields(self):
        """(budget line, its bound field) pairs for the table."""
        return [(line, self[self.line_field(line)]) for line in self.lines]


class PaymentsFilterForm(forms.Form):
    start = forms.DateField(label=_("First day"), widget=DateInput)
    end = forms.DateField(label=_("Last day"), widget=DateInput)
    status = forms.ChoiceField(
        label=_("Instalments"),
        required=False,
        choices=[
            ("", _("All (by payment date)")),
            (InstalmentStatus.PLANNED, _("Waiting to be paid")),
            (InstalmentStatus.PAID, _("Paid (by the day paid)")),
        ],
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end date must not be before the start date."))
        return data

    @staticmethod
    def defaults() -> dict:
        today = timezone.localdate()
        first = today.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return {"start": first.isoformat(), "end": last.isoformat(), "status": ""}


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
