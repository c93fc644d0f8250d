"""The search form of the activity directory. A value that is not understood (a hand-edited link)
is left out, and the page says so; the other filters still apply."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.activities.models import ActivityType, Weekday
from kumppani.activities.queries import Criteria
from kumppani.core.models import Language, PublicBody, Term, Vocabulary
from kumppani.organisations.forms import BodyField

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("fresh", _("Recently confirmed")),
    ("name", _("Name A–Z")),
]
TIME_OF_DAY_CHOICES = [
    ("morning", _("Morning (before 12)")),
    ("afternoon", _("Afternoon (12–17)")),
    ("evening", _("Evening (after 17)")),
]


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    body = BodyField(label=_("Municipality or county"), required=False)
    theme = forms.ModelMultipleChoiceField(
        label=_("Theme"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        to_field_name="slug",
        required=False,
    )
    target = forms.ModelMultipleChoiceField(
        label=_("For whom"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
        to_field_name="slug",
        required=False,
    )
    kind = forms.MultipleChoiceField(label=_("Type"), choices=ActivityType.choices, required=False)
    language = forms.ModelMultipleChoiceField(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="code", required=False
    )
    weekday = forms.TypedMultipleChoiceField(label=_("Day"), choices=Weekday.choices, coerce=int, required=False)
    time = forms.MultipleChoiceField(label=_("Time of day"), choices=TIME_OF_DAY_CHOICES, required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    accessible = forms.BooleanField(label=_("Accessible without steps"), required=False)
    include_stale = forms.BooleanField(label=_("Show also activities not confirmed for a year"), required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=SORT_CHOICES, required=False)

    def criteria(self) -> Criteria:
        """The valid part of the form as search criteria (call is_valid() first)."""
        data = self.cleaned_data
        body = None
        if data.get("body"):
            body = PublicBody.objects.only("pk", "kind", "county_id", "slug").get(slug=data["body"])
        return Criteria(
            query=data.get("q", ""),
            body=body,
            themes=list(data.get("theme") or []),
            target_groups=list(data.get("target") or []),
            kinds=list(data.get("kind") or []),
            languages=list(data.get("language") or []),
            weekdays=list(data.get("weekday") or []),
            times=list(data.get("time") or []),
            free=bool(data.get("free")),
            online=bool(data.get("online")),
            accessible=bool(data.get("accessible")),
            include_stale=bool(data.get("include_stale")),
        )
