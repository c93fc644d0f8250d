"""Forms of the review stage: assigning reviewers, a reviewer's scores and a conflict of interest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.grants.forms.fields import EuroField
from kumppani.grants.services.review import MAX_SCORE, ScoreInput, eligible_reviewers

SCORE_CHOICES = [(str(n), str(n)) for n in range(MAX_SCORE + 1)]


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.email})" if obj.full_name else obj.email


class AssignForm(forms.Form):
    reviewers = ReviewerChoiceField(
        label=_("Reviewers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Staff of the body. Each reviewer gets an e-mail."),
    )

    def __init__(self, *args, body, exclude_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = eligible_reviewers(body).exclude(pk__in=exclude_ids)


class ReviewForm(forms.Form):
    """A score from 0 to 5 and a comment for each criterion, an overall comment and a proposed amount."""

    comment = forms.CharField(label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    proposed_amount = EuroField(
        label=_("Proposed amount (€)"),
        required=False,
        help_text=_("What you think the NGO should get; 0 if nothing."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on this criterion"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def criterion_rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def score_inputs(self) -> list[ScoreInput]:
        data = self.cleaned_data
        return [ScoreInput(c, data.get(f"score_{c.pk}"), data.get(f"comment_{c.pk}") or "") for c in self.criteria]


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you disqualified?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: I am on the NGO's board, or a close relative of mine is."),
    )
