"""The forms of the client list (ohjauslista): the add and remove buttons, and saving the list."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class ClientListForm(forms.Form):
    language = forms.ChoiceField(
        label=_("The client's language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("The list is shown and printed in this language."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_(
            "For example “Activities near you”. Do not write the client's name: anyone with the link can read the list."
        ),
    )
    note = forms.CharField(
        label=_("Note to the client"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. No personal details, please."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language by its own name, as the client would recognise it.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES
        ]


class CollectForm(forms.Form):
    """An add or remove button: which activity, and where to return."""

    activity = forms.IntegerField(min_value=1)
    next = forms.CharField(required=False, max_length=2000)
