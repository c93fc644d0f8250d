"""The service path editor's forms: a path, a step, and the search for NGO activities to attach."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.activities.models import PathStep, ServicePath, StepKind
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.versioning import VersionedFormMixin


class PathForm(CleanTextFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ServicePath
        fields = ["name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en"]
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "name_en": _("Name in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
        }
        help_texts = {
            "name_fi": _("For example “Memory path for older people”. Say whom the path is for."),
            "description_fi": _(
                "Whom the path is for and what it helps with, in words a resident or a relative understands."
            ),
        }
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in ("fi", "sv", "en")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version
        self.fields["name_fi"].required = True


class StepForm(CleanTextFormMixin, forms.ModelForm):
    link = forms.URLField(
        label=_("Link"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("A page with more about this public service, such as the booking page."),
    )

    class Meta:
        model = PathStep
        fields = [
            "kind",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "link",
        ]
        labels = {
            "kind": _("Kind of step"),
            "title_fi": _("Title in Finnish"),
            "title_sv": _("Title in Swedish"),
            "title_en": _("Title in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
        }
        help_texts = {
            "kind": _("A public service step is the body's own service; at an NGO step you add NGO activities."),
            "description_fi": _("What happens at this step and how to get there."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            **{f"description_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in ("fi", "sv", "en")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True
        self.fields["kind"].choices = StepKind.choices
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("kind", StepKind.NGO)


class ActivitySearchForm(forms.Form):
    q = forms.CharField(label=_("Search the activities offered to the residents"), required=False, max_length=200)
