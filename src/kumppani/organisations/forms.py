"""The register's forms: the directory's filters, an NGO's information and contact persons,
merging, invitations, signing up, membership requests and the import file."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kumppani.core.collation import sort_key
from kumppani.core.forms import CleanTextFormMixin
from kumppani.core.models import BodyKind, BodyRoleKind, Language, PublicBody, Term, Vocabulary
from kumppani.core.validators import validate_phone
from kumppani.core.versioning import VersionedFormMixin
from kumppani.organisations.models import MembershipRole, Organisation, OrganisationStatus
from kumppani.organisations.queries import unmerged_organisations
from kumppani.organisations.validators import normalise_association_id, normalise_business_id
from kumppani.organisations.widgets import AreaCheckboxes, grouped_area_choices

SORT_CHOICES = [
    ("name", _("Name A–Z")),
    ("-updated", _("Recently updated")),
    ("relevance", _("Best match")),
]


def body_choices() -> list[tuple[str, str]]:
    """(slug, name) of every public body in the active language, counties first, each part in
    alphabetical order, each place once: Helsinki, a municipality and a "city county" at once, is
    listed as the municipality (kumppani.organisations.places). Built once per language and cached:
    bodies change once a year."""
    return _body_lists()[0]


def _body_lists() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The choices and {city county's slug: its municipality's slug}, from one query."""
    language = get_language()
    key = f"kumppani:body-choices:{language}"
    lists = cache.get(key)
    if lists is None:
        bodies = list(PublicBody.objects.only("slug", "kind", "name", "name_fi", "name_sv", "name_en", "county_id"))
        city_counties = {b.pk: b for b in bodies if b.kind == BodyKind.CITY_COUNTY}
        represented = {
            city_counties[b.county_id].slug: b.slug
            for b in bodies
            if b.kind == BodyKind.MUNICIPALITY and b.county_id in city_counties
        }
        shown = [b for b in bodies if b.slug not in represented]
        ordered = sorted(shown, key=lambda b: (b.kind == BodyKind.MUNICIPALITY, sort_key(b.name)))
        lists = ([(body.slug, body.name) for body in ordered], represented)
        cache.set(key, lists, 60 * 60)
    return lists


class BodyField(forms.ChoiceField):
    """A municipality or county by its slug. A link to Helsinki's city county (from its own page)
    is read as the municipality that stands for it in the list: the two cover the same people."""

    def __init__(self, **kwargs):
        super().__init__(choices=body_choices, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return _body_lists()[1].get(value, value)


def body_options_html(selected: str) -> str:
    """The <option>s of the municipality filter. Rendering 330 options through Django's widget
    templates took half of the directory page's time, so they are built here once per language."""
    language = get_language()
    key = f"kumppani:body-options:{language}"
    options = cache.get(key)
    if options is None:
        options = format_html_join("", '<option value="{}">{}</option>', body_choices())
        cache.set(key, options, 60 * 60)
    empty = format_html('<option value="">{}</option>', _("Whole country"))
    if selected:
        # The slug was validated against the choices, so it is safe to look for.
        options = options.replace(f'value="{selected}">', f'value="{selected}" selected>', 1)
    return mark_safe(empty + options)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    body = BodyField(label=_("Municipality or county"), required=False)
    theme = forms.ModelMultipleChoiceField(
        label=_("Theme"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.THEME),
        to_field_name="slug",
        required=False,
    )
    target = forms.ModelMultipleChoiceField(
        label=_("Target group"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP),
        to_field_name="slug",
        required=False,
    )
    language = forms.ModelMultipleChoiceField(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="code", required=False
    )
    include_dormant = forms.BooleanField(label=_("Show dormant NGOs too"), required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=SORT_CHOICES, required=False)


class OrganisationForm(CleanTextFormMixin, VersionedFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Web site"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Organisation
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "short_description_fi",
            "short_description_sv",
            "short_description_en",
            "description_fi",
            "description_sv",
            "description_en",
            "business_id",
            "association_id",
            "founded_year",
            "member_count",
            "themes",
            "target_groups",
            "languages",
            "areas",
            "email",
            "phone",
            "website",
            "street_address",
            "postal_code",
            "post_office",
            "logo",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "description_fi": forms.Textarea(attrs={"rows": 6}),
            "description_sv": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "name_fi": _("Name in Finnish"),
            "name_sv": _("Name in Swedish"),
            "name_en": _("Name in English"),
            "short_description_fi": _("Short description in Finnish"),
            "short_description_sv": _("Short description in Swedish"),
            "short_description_en": _("Short description in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
        }
        help_texts = {
            "short_description_fi": _("One sentence that tells a resident what you do."),
            "areas": _(
                "Where do the people you serve live? Open a county and tick the municipalities, or the whole area."
            ),
            "business_id": _("Business ID (Y-tunnus), e.g. 1234567-8. Leave empty if the NGO has none."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version
        self.fields["name_fi"].required = True
        self.fields["areas"].required = True
        self.fields["areas"].widget = AreaCheckboxes()
        self.fields["areas"].choices = grouped_area_choices()
        self.fields["logo"].widget = forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})

    def clean_business_id(self):
        return normalise_business_id(self.cleaned_data.get("business_id", ""))

    def clean_association_id(self):
        return normalise_association_id(self.cleaned_data.get("association_id", ""))

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "size") and logo.size > 2 * 1024 * 1024:
            raise ValidationError(_("The logo may be at most 2 MB."))
        return logo

    def domain_data(self) -> dict:
        """The cleaned values in the form the domain functions take (the logo goes separately)."""
        return {name: value for name, value in self.cleaned_data.items() if name not in ("logo", "version")}


class ContactPersonForm(CleanTextFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False, validators=[validate_phone])


ContactPersonFormSet = forms.formset_factory(ContactPersonForm, extra=1, can_delete=True, max_num=10)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=OrganisationStatus.choices)


class MergeForm(CleanTextFormMixin, forms.Form):
    duplicate = forms.CharField(
        label=_("Duplicate entry to merge into this one"),
        max_length=300,
        help_text=_("Open the duplicate's page and copy its web address here."),
    )

    def clean_duplicate(self) -> Organisation:
        # Accept the whole address (https://…/fi/jarjestot/salon-seura-2/) or only its last part.
        slug = self.cleaned_data["duplicate"].strip().rstrip("/").rsplit("/", 1)[-1]
        duplicate = unmerged_organisations().filter(slug=slug).first()
        if duplicate is None:
            raise ValidationError(_("No NGO has this web address."))
        return duplicate


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.REPRESENTATIVE)


class BodyInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=BodyRoleKind.choices)


class AccountForm(CleanTextFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, help_text=_("At least 10 characters."))

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class SignupForm(AccountForm):
    organisation = forms.ModelChoiceField(
        label=_("The NGO you represent"),
        queryset=unmerged_organisations().order_by("name"),
        required=False,
        help_text=_("Choose it from the register, or write its name below if it is not there yet."),
    )
    new_organisation_name = forms.CharField(label=_("Name of a new NGO"), max_length=250, required=False)
    new_organisation_area = forms.ModelChoiceField(
        label=_("Municipality where the new NGO works"),
        queryset=PublicBody.objects.order_by("kind", "name"),
        required=False,
    )
    message = forms.CharField(
        label=_("Message to the coordinator"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not data.get("new_organisation_name"):
            raise ValidationError(_("Choose your NGO from the register or give the name of a new one."))
        if data.get("new_organisation_name") and not data.get("new_organisation_area"):
            self.add_error("new_organisation_area", _("Tell us where the new NGO works."))
        return data


class MembershipRequestForm(CleanTextFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Message to the coordinator"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or Excel file"), help_text=_("Columns: see the instructions above."))
    commit = forms.BooleanField(label=_("Import the rows (otherwise only check the file)"), required=False)
