"""The welfare app's forms: the national table's filters and a self-assessment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import BodyKind, PublicBody
from kumppani.welfare.models import AssessedStatus


class TableFilterForm(forms.Form):
    vuosi = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    hyvinvointialue = forms.ModelChoiceField(
        label=_("Wellbeing services county"),
        queryset=PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Whole country"),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vuosi"].choices = [(year, str(year)) for year in years]


class SelfAssessmentForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Assessment"), choices=AssessedStatus.choices, widget=forms.RadioSelect)
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("Why: what the body does, where it is decided or written. The public reads this."),
    )
