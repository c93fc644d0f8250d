"""The NGO's application form in steps, and the forms around it (completion, withdrawal).

Every step form carries the version of the application it was made from, so that the save
can refuse a form that someone else's save has made stale.
"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kumppani.activities.models import Activity
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import Term, Vocabulary
from kumppani.core.validators import normalise_iban, validate_phone
from kumppani.grants import uploads
from kumppani.grants.euros import format_euros
from kumppani.grants.forms.fields import EuroField, HelsinkiDateTimeField
from kumppani.grants.models import Application, AttachmentKind, FundingSource, FundingStatus


class VersionedForm(CleanTextFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DetailsForm(VersionedForm):
    """Step 1: what the grant is for, how much, and who to contact."""

    title = forms.CharField(
        label=_("What the grant is for"),
        max_length=250,
        help_text=_("A short name, such as “Peer support groups for carers in 2027”."),
    )
    purpose = forms.CharField(
        label=_("Purpose and activities"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What will you do with the grant, where, how often and with whom?"),
    )
    amount_requested = EuroField(label=_("Amount applied for (€)"))
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("The NGO's activities the grant supports"),
        queryset=Activity.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"), help_text=_("The receipt is sent here."))
    contact_phone = forms.CharField(
        label=_("Contact phone"), max_length=40, required=False, validators=[validate_phone]
    )
    bank_account = forms.CharField(
        label=_("Bank account (IBAN)"),
        max_length=42,
        required=False,
        help_text=_("The NGO's account the grant is paid to, e.g. FI21 1234 5600 0007 85. Needed before sending."),
    )

    def clean_bank_account(self) -> str:
        return normalise_iban(self.cleaned_data["bank_account"])

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = Activity.objects.filter(organisation=application.organisation).order_by(
            "name"
        )
        limit = application.programme.max_amount
        if limit is not None:
            self.fields["amount_requested"].help_text = _("At most %(limit)s.") % {"limit": format_euros(limit)}


class OutcomesForm(VersionedForm):
    """Step 2: for whom, and what changes."""

    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    expected_outcomes = forms.CharField(
        label=_("Expected outcomes"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What will be different for the participants, and how will you know?"),
    )


class BudgetLineForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Item"), max_length=200, required=False)
    amount = EuroField(label=_("Amount (€)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("description") and data.get("amount") is None:
            self.add_error("amount", _("Enter the amount of this item."))
        if data.get("amount") is not None and not data.get("description"):
            self.add_error("description", _("Name the item."))
        return data


class OtherFundingForm(CleanTextFormMixin, forms.Form):
    source = forms.ChoiceField(label=_("Source"), choices=[("", "—"), *FundingSource.choices], required=False)
    funder = forms.CharField(
        label=_("Funder"), max_length=200, required=False, help_text=_("e.g. STEA, the City of Turku")
    )
    amount = EuroField(label=_("Amount (€)"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=FundingStatus.choices, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("source"):
            for field in ("amount", "status", "year"):
                if data.get(field) in (None, ""):
                    self.add_error(field, _("This field is required."))
        elif data.get("amount") is not None:
            self.add_error("source", _("Choose the source of the funding."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3)
OtherFundingFormSet = forms.formset_factory(OtherFundingForm, extra=2)


def budget_rows(formset, kind: str) -> list[dict]:
    return [
        {"kind": kind, "description": row["description"], "amount": row["amount"]}
        for row in formset.cleaned_data
        if row.get("description")
    ]


def funding_rows(formset) -> list[dict]:
    return [
        {key: row[key] for key in ("source", "funder", "amount", "status", "year")}
        for row in formset.cleaned_data
        if row.get("source")
    ]


class QuestionsForm(VersionedForm):
    """Step 4: one text box per extra question of the programme. Answers may be left empty in the
    draft; the required ones are checked on submission."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                widget=forms.Textarea(attrs={"rows": 5}),
                required=False,
            )

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}", "") for q in self.questions}


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=[("", "—"), *AttachmentKind.choices])
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT}),
    )


class CompletionRequestForm(CleanTextFormMixin, forms.Form):
    message = forms.CharField(
        label=_("What is missing"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The applicant sees this message and gets it by e-mail."),
    )
    deadline = HelsinkiDateTimeField(label=_("Deadline"), help_text=_("Finnish time."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two weeks from now at 16.00, the usual office deadline.
        default = timezone.localtime() + dt.timedelta(days=14)
        self.initial.setdefault("deadline", default.replace(hour=16, minute=0, second=0, microsecond=0))


class CompletionForm(CleanTextFormMixin, forms.Form):
    response = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tell what you have added or changed."),
    )


class WithdrawForm(CleanTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=500
    )
