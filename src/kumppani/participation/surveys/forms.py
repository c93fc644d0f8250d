"""Forms of the survey pages. They only read what was typed; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core.forms import CleanTextFormMixin
from kumppani.organisations.models import Organisation
from kumppani.participation.surveys.models import Choice, QuestionKind

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SurveyForm(CleanTextFormMixin, forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    introduction_fi = forms.CharField(
        label=_("Introduction in Finnish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    introduction_sv = forms.CharField(
        label=_("Introduction in Swedish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    introduction_en = forms.CharField(
        label=_("Introduction in English"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    opens_at = forms.DateTimeField(label=_("Opens (Finnish time)"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes (Finnish time)"), widget=DATETIME)
    open_link = forms.BooleanField(
        label=_("Anyone may answer through the survey's own address"),
        required=False,
        help_text=_("Otherwise answers come only through the links you make for NGOs and channels."),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text_fi = forms.CharField(label=_("Question in Finnish"), max_length=500)
    text_sv = forms.CharField(label=_("Question in Swedish"), max_length=500, required=False)
    text_en = forms.CharField(label=_("Question in English"), max_length=500, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices_fi = forms.CharField(
        label=_("Choices in Finnish, one on each line"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    choices_sv = forms.CharField(
        label=_("Choices in Swedish, in the same order"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    choices_en = forms.CharField(
        label=_("Choices in English, in the same order"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    scale_min = forms.IntegerField(label=_("Scale from"), initial=1, min_value=0, max_value=10)
    scale_max = forms.IntegerField(label=_("Scale to"), initial=5, min_value=1, max_value=10)
    show_if_choice = forms.ModelChoiceField(
        label=_("Show only when this was chosen in an earlier question"), queryset=Choice.objects.none(), required=False
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["show_if_choice"]
        field.queryset = Choice.objects.filter(question__survey=survey).select_related("question")
        field.label_from_instance = lambda c: f"{c.question.text} → {c.label}"

    def service_data(self) -> tuple[dict, list[dict]]:
        data = {
            k: self.cleaned_data[k] for k in ("kind", "text_fi", "text_sv", "text_en", "required", "show_if_choice")
        }
        if data["kind"] == QuestionKind.SCALE:
            data["scale_min"], data["scale_max"] = self.cleaned_data["scale_min"], self.cleaned_data["scale_max"]
        choices = []
        if data["kind"] in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            fi, sv, en = (_lines(self.cleaned_data[f"choices_{lang}"]) for lang in ("fi", "sv", "en"))
            for i, label in enumerate(fi):
                choices.append(
                    {
                        "label_fi": label,
                        "label_sv": sv[i] if i < len(sv) else "",
                        "label_en": en[i] if i < len(en) else "",
                    }
                )
        return data, choices


class LinksForm(CleanTextFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("NGO"), queryset=Organisation.objects.none(), required=False)
    channel = forms.CharField(
        label=_("Channel"), max_length=100, required=False, help_text=_("For example: newsletter, meeting, poster.")
    )
    single_use = forms.BooleanField(
        label=_("Each link works once"),
        required=False,
        help_text=_("For handing out one link to each person. Nobody can see who used which link."),
    )
    count = forms.IntegerField(label=_("How many links"), initial=1, min_value=1, max_value=500)

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        # The NGOs that work in the body's area: a county's municipalities included.
        areas = body.area_body_ids() if body.is_county else [body.pk]
        self.fields["organisation"].queryset = Organisation.objects.filter(areas__in=areas).distinct().order_by("name")


class BarometerForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
