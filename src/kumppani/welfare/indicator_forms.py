"""The forms of the indicator values: a value entered by hand for the body's own area, and a
Sotkanet CSV or JSON file to import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.welfare.models import Indicator

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class IndicatorValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.order_by("sotkanet_id"))
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    value = forms.DecimalField(
        label=_("Value"),
        required=False,
        max_digits=14,
        decimal_places=3,
        localize=True,
        help_text=_("As Sotkanet gives it, e.g. 6,1. Leave empty to remove the value you entered for that year."),
    )


class IndicatorFileForm(forms.Form):
    file = forms.FileField(
        label=_("Sotkanet CSV or JSON file"),
        help_text=_("Columns indicator, region, year, gender and value, as Sotkanet's own download gives them."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."), code="too_large")
        return upload
