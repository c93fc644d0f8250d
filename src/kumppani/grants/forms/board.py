"""Forms of the board stage: the meeting, the proposal (a row per application) and the decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.versioning import VersionedFormMixin
from kumppani.grants.forms.fields import EuroField


class MeetingForm(CleanTextFormMixin, forms.Form):
    board_name_fi = forms.CharField(
        label=_("Board, in Finnish"), max_length=200, help_text=_("For example: Sosiaali- ja terveyslautakunta")
    )
    board_name_sv = forms.CharField(
        label=_("Board, in Swedish"), max_length=200, required=False, help_text=_("For letters in Swedish.")
    )
    date = forms.DateField(label=_("Meeting date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    section = forms.CharField(
        label=_("Section (§)"), max_length=20, help_text=_("The number of the section, such as 45.")
    )
    rectification_address = forms.CharField(
        label=_("Where to send a request for rectification"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The registry's postal address, visiting address and e-mail address. Printed on every letter."),
    )


class ProposalVersionForm(VersionedFormMixin):
    """The version of the meeting the proposal form was made from."""


class ProposalRowForm(CleanTextFormMixin, forms.Form):
    """One application on the proposal: an empty amount leaves it off."""

    amount = EuroField(label=_("Proposed amount (€)"), required=False)
    reasoning = forms.CharField(label=_("Reasoning"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DecisionRowForm(CleanTextFormMixin, forms.Form):
    """The board's decision on one application: 0 is a negative decision."""

    amount = EuroField(label=_("Granted amount (€)"))
    reasoning = forms.CharField(label=_("Reasoning"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    conditions = forms.CharField(label=_("Grant conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionConfirmForm(forms.Form):
    """Recording is final: the secretary confirms that the rows are what the board decided."""

    confirm = forms.BooleanField(
        label=_("I have checked the amounts: they are what the board decided. Once recorded, they cannot be changed."),
        error_messages={"required": _("Tick the box to confirm that these are the board's decisions.")},
    )


class FormRows:
    """The row forms of a page (one per application) as one group for the error summary at the
    top of the page (core's form_problems reads a formset's `forms` and `non_form_errors`)."""

    def __init__(self, forms_):
        self.forms = list(forms_)

    def non_form_errors(self) -> list:
        return []
