"""Forms of consultations. They only collect input: the rules are in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.cooperation.governance.models import WorkingGroup
from kumppani.cooperation.models import Sector
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import PublicBody, Term
from kumppani.core.versioning import VersionedFormMixin
from kumppani.participation.consultations.services import COUNCIL_KINDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ConsultationForm(CleanTextFormMixin, forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    summary_fi = forms.CharField(label=_("Summary in Finnish"), widget=forms.Textarea(attrs={"rows": 4}))
    summary_sv = forms.CharField(
        label=_("Summary in Swedish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    summary_en = forms.CharField(
        label=_("Summary in English"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none(), required=False)
    opens_at = forms.DateTimeField(
        label=pgettext_lazy("a consultation", "Opens"),
        widget=DATETIME,
        help_text=_("Finnish time. Statements are taken from this moment."),
    )
    closes_at = forms.DateTimeField(
        label=pgettext_lazy("a consultation", "Closes"),
        widget=DATETIME,
        help_text=_("Finnish time. Nothing is taken from this moment on."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("NGOs of these areas"),
        queryset=PublicBody.objects.none(),
        required=False,
        help_text=_("None chosen: the NGOs of your own area."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Only NGOs of these themes"),
        queryset=Term.objects.filter(vocabulary="theme"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    councils = forms.ModelMultipleChoiceField(
        label=_("Councils"), queryset=WorkingGroup.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    residents = forms.BooleanField(label=_("Residents may comment"), required=False)

    def __init__(self, *args, body: PublicBody, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.filter(body=body)
        ids = body.area_body_ids()
        self.fields["areas"].queryset = PublicBody.objects.filter(pk__in=ids).order_by("name")
        self.fields["councils"].queryset = WorkingGroup.objects.filter(
            body=body, kind__in=COUNCIL_KINDS, is_active=True
        )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        relations = {key: list(data.pop(key)) for key in ("areas", "themes", "councils")}
        data.pop("version", None)
        return {"data": data, **relations}


class ConsultationEditForm(VersionedFormMixin, ConsultationForm):
    pass


class SectionForm(CleanTextFormMixin, forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    text_fi = forms.CharField(
        label=_("Background in Finnish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    text_sv = forms.CharField(
        label=_("Background in Swedish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    question_fi = forms.CharField(label=_("Question in Finnish"), widget=forms.Textarea(attrs={"rows": 2}))
    question_sv = forms.CharField(
        label=_("Question in Swedish"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word (.docx) or OpenDocument (.odt), at most 20 MB."))


def _answer_fields(form: forms.Form, sections, answers: dict) -> None:
    for section in sections:
        form.fields[f"section_{section.pk}"] = forms.CharField(
            label=f"{section.title}: {section.question}",
            widget=forms.Textarea(attrs={"rows": 5}),
            required=False,
            initial=answers.get(section.pk, ""),
            help_text=_("Required before sending.") if section.required else "",
        )


class StatementForm(CleanTextFormMixin, forms.Form):
    """The NGO's statement: a summary and an answer to each section's question."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    summary = forms.CharField(
        label=_("Summary of the statement"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_public = forms.BooleanField(
        label=_("The statement may be public after the consultation closes"), required=False, initial=True
    )

    def __init__(self, *args, sections, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        _answer_fields(self, sections, answers or {})

    def answers(self) -> dict:
        return {
            int(name.removeprefix("section_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("section_")
        }


class CouncilStatementForm(StatementForm):
    council = forms.ModelChoiceField(label=_("Council"), queryset=WorkingGroup.objects.none())
    meeting_date = forms.DateField(label=_("Date of the council's meeting"), widget=DATE)
    minutes = forms.FileField(
        label=pgettext_lazy("a council", "Minutes"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt), at most 20 MB."),
    )
    field_order = ["council", "meeting_date", "minutes", "summary", "is_public"]

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, sections=consultation.sections.all(), **kwargs)
        self.fields["council"].queryset = consultation.councils.all()
        del self.fields["version"]


class CommentForm(CleanTextFormMixin, forms.Form):
    section = forms.ModelChoiceField(label=_("About"), queryset=None, required=False, empty_label=_("The whole plan"))
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We send you a link to confirm the comment. The address is not shown to anyone."),
    )

    def __init__(self, *args, consultation, signed_in: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = consultation.sections.all()
        if signed_in:
            del self.fields["name"], self.fields["email"]


class HideCommentForm(forms.Form):
    reason = forms.CharField(label=_("Why is the comment hidden?"), max_length=300)


class ResponseForm(CleanTextFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    heard = forms.CharField(label=_("What we heard"), widget=forms.Textarea(attrs={"rows": 6}))
    changed = forms.CharField(label=_("What we changed"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, statements, links=None, **kwargs):
        super().__init__(*args, **kwargs)
        links = links or {}
        for statement in statements:
            self.fields[f"link_{statement.pk}"] = forms.CharField(
                label=_("What the statement of %(author)s changed") % {"author": statement.author},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=links.get(statement.pk, ""),
                help_text=_("Leave empty if it changed nothing."),
            )

    def links(self) -> dict:
        return {
            int(name.removeprefix("link_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("link_")
        }
