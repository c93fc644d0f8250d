"""The welfare app's forms: the national table's filters, a self-assessment, and the welfare
report's forms (a report, a chapter added and written, the council's approval)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core import versioning
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import BodyKind, PublicBody, Term, User, Vocabulary
from kumppani.organisations.models import Organisation
from kumppani.welfare.models import AssessedStatus, Indicator, ReportKind


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


# Welfare reports -----------------------------------------------------------------------------------


class ReportForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices, widget=forms.RadioSelect)
    first_year = forms.IntegerField(
        label=_("First year"),
        min_value=2017,
        max_value=2100,
        help_text=_("A term report covers four years from this year, a yearly report this year."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)


def _person_label(user) -> str:
    return user.full_name or user.email


class ChapterAddForm(CleanTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the chapter"), max_length=200)
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Term.objects.none(), required=False, empty_label=_("No theme")
    )
    editors = forms.ModelMultipleChoiceField(
        label=_("Editors"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People with a role in the body. They can write this chapter until the report is approved."),
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Term.objects.filter(vocabulary=Vocabulary.THEME).order_by("position", "name")
        self.fields["editors"].queryset = (
            User.objects.filter(body_roles__body=body).distinct().order_by("full_name", "email")
        )
        self.fields["editors"].label_from_instance = _person_label


class ChapterForm(versioning.VersionedFormMixin, CleanTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the chapter"), max_length=200)
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Term.objects.none(), required=False, empty_label=_("No theme")
    )
    situation = forms.CharField(
        label=_("Situation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("How the residents are doing now, in figures and in their own words."),
    )
    goals = forms.CharField(label=_("Goals"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    measures = forms.CharField(
        label=_("Measures and who is responsible"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    responsible_sectors = forms.ModelMultipleChoiceField(
        label=_("Responsible sectors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    responsible_organisations = forms.ModelMultipleChoiceField(
        label=_("Responsible NGOs"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("NGOs that work in the body's area. Hold Ctrl (or ⌘) to choose several."),
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators followed (Sotkanet)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    assessment = forms.CharField(label=_("Assessment"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    editors = ChapterAddForm.base_fields["editors"]

    def __init__(self, *args, body, can_manage: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        from kumppani.cooperation.models import Sector

        if can_manage:
            self.fields["editors"].queryset = (
                User.objects.filter(body_roles__body=body).distinct().order_by("full_name", "email")
            )
            self.fields["editors"].label_from_instance = _person_label
        else:
            del self.fields["editors"]
        self.fields["theme"].queryset = Term.objects.filter(vocabulary=Vocabulary.THEME).order_by("position", "name")
        self.fields["responsible_sectors"].queryset = Sector.objects.filter(body=body).order_by("name")
        self.fields["responsible_organisations"].queryset = (
            Organisation.objects.filter(areas__in=body.area_body_ids()).distinct().order_by("name")
        )
        self.fields["indicators"].queryset = Indicator.objects.order_by("sotkanet_id")
        self.fields["indicators"].label_from_instance = indicator_label


def indicator_label(indicator: Indicator) -> str:
    """Sotkanet has not titled every indicator in every language: the first title there is."""
    title = indicator.title or indicator.title_fi or indicator.title_sv or indicator.title_en
    return f"{title} ({indicator.sotkanet_id})" if title else f"Sotkanet {indicator.sotkanet_id}"


class ApproveForm(forms.Form):
    decision_date = forms.DateField(
        label=_("Date of the council's decision"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    section = forms.CharField(label=_("Section (§) of the minutes"), max_length=20)
