"""The knowledge report form: it reads what was typed; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import PublicBody, Term, Vocabulary

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(CleanTextFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Send to"), queryset=PublicBody.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Term.objects.filter(vocabulary=Vocabulary.THEME), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"), queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    area = forms.CharField(
        label=_("Area"), max_length=200, required=False, help_text=_("For example a village or a district.")
    )
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period to"), widget=DATE)
    observations = forms.CharField(label=_("What we have seen"), widget=forms.Textarea(attrs={"rows": 8}))
    participants = forms.IntegerField(label=_("Participants"), min_value=0, required=False)
    contacts = forms.IntegerField(label=_("Contacts"), min_value=0, required=False)
    members_heard = forms.IntegerField(label=_("Members heard"), min_value=0, required=False)
    quotes = forms.CharField(
        label=_("Quotes"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("People's own words, one quote per paragraph (leave an empty line between them)."),
    )
    quotes_consent = forms.BooleanField(
        label=_("The people quoted have agreed to their words being published"), required=False
    )
    recommendations = forms.CharField(
        label=_("Our recommendations"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    public_summary = forms.CharField(
        label=_("Public summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anyone may read this once the report is sent."),
    )
    topic = forms.CharField(
        label=_("Topic of the welfare report"), max_length=100, required=False,
        help_text=_("Optional: the topic of the municipal or county welfare report this belongs to."),
    )  # fmt: skip

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        areas = list(organisation.areas.all())
        ids = {pk for area in areas for pk in area.responsible_body_ids()}
        self.fields["body"].queryset = PublicBody.objects.filter(pk__in=ids).order_by("name")

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("body", "quotes", "quotes_consent")}
        quotes = [part.strip() for part in (self.cleaned_data["quotes"] or "").replace("\r", "").split("\n\n")]
        return {"data": data, "quotes": [q for q in quotes if q], "quotes_consent": self.cleaned_data["quotes_consent"]}


class AnswerForm(CleanTextFormMixin, forms.Form):
    response = forms.CharField(
        label=_("Our answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The answer is public with the report."),
    )
