"""The privacy notice's form (one field per language, as the other bilingual forms) and the feedback form."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kumppani.about.models import Feedback, PrivacyNotice
from kumppani.about.services import NOTICE_FIELDS
from kumppani.core.audit import IN_LANGUAGE
from kumppani.core.models import PublicBody


class PrivacyNoticeForm(forms.ModelForm):
    # 0: the form was made when the body had no notice of its own yet.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2_147_483_647)

    class Meta:
        model = PrivacyNotice
        fields = NOTICE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in NOTICE_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            base, _sep, language = name.rpartition("_")
            if language in IN_LANGUAGE:
                model_field = PrivacyNotice._meta.get_field(base)
                field.label = f"{capfirst(model_field.verbose_name)} {IN_LANGUAGE[language]}"
                field.required = language == "fi" and not model_field.blank


class FeedbackForm(forms.ModelForm):
    body = forms.ModelChoiceField(
        queryset=PublicBody.objects.order_by("name"),
        required=False,
        label=_("Municipality or county (if the feedback is about one)"),
    )

    class Meta:
        model = Feedback
        fields = ("topic", "body", "message", "name", "email")
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"email": _("Only if you want an answer.")}
