"""The grant officer's forms for a programme, its assessment criteria and its extra questions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation.models import Sector
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import Term, Vocabulary
from kumppani.core.versioning import VersionedFormMixin
from kumppani.grants.forms.fields import EuroField, HelsinkiDateTimeField
from kumppani.grants.models import AttachmentKind, GrantProgramme
from kumppani.grants.services.programmes import FIELDS


class ProgrammeForm(CleanTextFormMixin, VersionedFormMixin, forms.ModelForm):
    appropriation = EuroField(label=_("Appropriation (€)"))
    max_amount = EuroField(label=_("Largest grant (€)"), required=False)
    required_attachments = forms.MultipleChoiceField(
        label=_("Attachments every applicant must add"),
        choices=AttachmentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    eligible_themes = forms.ModelMultipleChoiceField(
        label=_("Themes the programme supports"),
        help_text=_("Leave empty when NGOs of any theme may apply."),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = GrantProgramme
        fields = [*FIELDS, "eligible_themes"]
        field_classes = {"opens_at": HelsinkiDateTimeField, "closes_at": HelsinkiDateTimeField}
        widgets = {
            "report_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "principles_fi": forms.Textarea(attrs={"rows": 6}),
            "principles_sv": forms.Textarea(attrs={"rows": 6}),
            "principles_en": forms.Textarea(attrs={"rows": 6}),
            "conditions_fi": forms.Textarea(attrs={"rows": 4}),
            "conditions_sv": forms.Textarea(attrs={"rows": 4}),
            "conditions_en": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "name_en": _("Name in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
            "principles_fi": _("Grant principles in Finnish"),
            "principles_sv": _("Grant principles in Swedish"),
            "principles_en": _("Grant principles in English"),
            "conditions_fi": _("Grant conditions in Finnish"),
            "conditions_sv": _("Grant conditions in Swedish"),
            "conditions_en": _("Grant conditions in English"),
        }
        help_texts = {
            "opens_at": _("Finnish time."),
            "closes_at": _("Finnish time, e.g. 31.1. at 16.15. Leave empty only for small grants open all year."),
            "principles_fi": _("The body's grant principles, shown on the public programme page."),
            "name_en": _("Optional. Without English texts the English page shows the Finnish ones."),
            "sector": _("The sector whose money the programme gives; the welfare report counts grants by sector."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True
        # Only the body's own sectors (the cooperation record names them).
        self.fields["sector"].queryset = Sector.objects.filter(body_id=self.instance.body_id).order_by("name")
        self.fields["sector"].empty_label = _("No sector named")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            self.initial["year"] = self.initial.get("year") or timezone.localdate().year + 1
            self.initial["required_attachments"] = self.initial.get("required_attachments") or [
                "rules",
                "action_plan",
                "budget",
            ]

    def _post_clean(self):
        # The domain function checks the whole programme; the form only reads the values.
        pass

    def domain_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class CriterionForm(CleanTextFormMixin, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name_fi = forms.CharField(label=_("Criterion (Finnish)"), max_length=200, required=False)
    name_sv = forms.CharField(label=_("Criterion (Swedish)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Criterion (English)"), max_length=200, required=False)
    description_fi = forms.CharField(
        label=_("What is looked at"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1, required=False)

    def clean(self):
        data = super().clean()
        if data.get("name_fi") and not data.get("weight"):
            self.add_error("weight", _("Give the criterion a weight from 1 to 100."))
        return data


class QuestionForm(CleanTextFormMixin, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text_fi = forms.CharField(label=_("Question (Finnish)"), max_length=300, required=False)
    text_sv = forms.CharField(label=_("Question (Swedish)"), max_length=300, required=False)
    text_en = forms.CharField(label=_("Question (English)"), max_length=300, required=False)
    help_text_fi = forms.CharField(label=_("Help text"), max_length=300, required=False)
    is_required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, can_delete=True)
QuestionFormSet = forms.formset_factory(QuestionForm, extra=2, can_delete=True)


def rows(formset, key: str) -> list[dict]:
    """The filled rows of a criteria or questions formset, in order, without those marked for removal."""
    return [
        {name: value for name, value in row.items() if name != "DELETE"}
        for row in formset.cleaned_data
        if row and not row.get("DELETE") and row.get(key)
    ]


def criteria_initial(programme: GrantProgramme | None) -> list[dict]:
    if programme is None:
        return []
    return list(programme.criteria.values("id", "name_fi", "name_sv", "name_en", "description_fi", "weight"))


def questions_initial(programme: GrantProgramme | None) -> list[dict]:
    if programme is None:
        return []
    return list(programme.questions.values("id", "text_fi", "text_sv", "text_en", "help_text_fi", "is_required"))
