"""Forms of the cooperation record. They only collect input: the rules are in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation.models import Category, Kind, Outcome, ReviewPeriod, Sector
from kumppani.core import versioning
from kumppani.core.models import User
from kumppani.organisations.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SectorForm(forms.Form):
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=200)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)


class OfficialsForm(forms.Form):
    officials = forms.ModelMultipleChoiceField(
        label=_("Officials"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officials"].queryset = User.objects.filter(body_roles__body=body).distinct().order_by("full_name")


class ContactForm(forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Public e-mail"), required=False)


class CooperationFormForm(forms.Form):
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none())
    organisations = forms.ModelMultipleChoiceField(
        label=_("NGOs"),
        queryset=Organisation.objects.none(),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    title = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    description = forms.CharField(label=_("Description in Finnish"), widget=forms.Textarea, required=False)
    description_sv = forms.CharField(label=_("Description in Swedish"), widget=forms.Textarea, required=False)
    responsible = forms.ModelChoiceField(label=_("Responsible official"), queryset=User.objects.none())
    starts_on = forms.DateField(label=_("Starts"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), widget=DATE, required=False, help_text=_("Leave empty if ongoing."))
    frequency = forms.CharField(
        label=_("Agreed frequency"), max_length=200, required=False, help_text=_("E.g. monthly, twice a year.")
    )
    review_period = forms.ChoiceField(
        label=_("Realisation reviewed"), choices=ReviewPeriod.choices, initial=ReviewPeriod.YEAR
    )

    def __init__(self, *args, body, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["organisations"].queryset = (
            Organisation.objects.filter(areas__in=body.area_body_ids()).distinct().order_by("name")
        )
        self.fields["responsible"].queryset = (
            User.objects.filter(body_roles__body=body).distinct().order_by("full_name")
        )


class CooperationFormEditForm(versioning.VersionedFormMixin, CooperationFormForm):
    """Changing a recorded form: its sector stays (another sector's cooperation is another form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["sector"]


class EndForm(forms.Form):
    ends_on = forms.DateField(label=_("Ended on"), widget=DATE)


class ProposalForm(forms.Form):
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none())
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    title = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    description = forms.CharField(label=_("Description in Finnish"), widget=forms.Textarea, required=False)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE)
    frequency = forms.CharField(label=_("Agreed frequency"), max_length=200, required=False)

    def __init__(self, *args, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors


class DecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Accept")), ("0", _("Decline"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Needed when you decline; the NGO sees it."),
    )


class RealisationForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    outcome = forms.ChoiceField(label=_("Was it realised?"), choices=Outcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [
            (
                f"{start.isoformat()}/{end.isoformat()}",
                f"{start.day}.{start.month}.{start.year}–{end.day}.{end.month}.{end.year}",
            )
            for start, end in reversed(periods)
        ]

    def period_dates(self):
        import datetime as dt

        start, end = self.cleaned_data["period"].split("/")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


class FromBookingForm(forms.Form):
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none())

    def __init__(self, *args, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
