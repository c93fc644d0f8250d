"""Forms of governance. They only collect input: the rules are in services.py."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kumppani.cooperation.governance import services
from kumppani.cooperation.governance.models import (
    ExpertAnswer,
    ExpertRequest,
    Meeting,
    Negotiation,
    NegotiationMeasure,
    NgoNetwork,
    NominationRequest,
    WorkingGroup,
)
from kumppani.core import audit, versioning
from kumppani.core.models import PublicBody, Term, User
from kumppani.organisations.models import Organisation, OrganisationStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def area_organisations(body: PublicBody):
    """Active NGOs that work in the body's area."""
    return (
        Organisation.objects.filter(
            areas__in=body.area_body_ids(), status=OrganisationStatus.ACTIVE, merged_into__isnull=True
        )
        .distinct()
        .order_by("name")
    )


def body_officials(body: PublicBody):
    return User.objects.filter(body_roles__body=body, is_active=True).distinct().order_by("full_name")


class VersionedModelForm(versioning.VersionedFormMixin, forms.ModelForm):
    """A form of a governance object that several people edit: it carries the version it was made
    from (core.versioning), and leaves the object as it is: the service changes it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
        # "Name in Finnish" rather than the translation library's "Name [fi]".
        object_type = self._meta.model._meta.label_lower
        for name, field in self.fields.items():
            if name.rpartition("_")[2] in audit.IN_LANGUAGE:
                label = audit.field_label(object_type, name)
                if label != name:
                    field.label = capfirst(label)

    def _post_clean(self):
        pass

    def version(self) -> int | None:
        return self.cleaned_data.get("version")


class GroupForm(VersionedModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name_fi", "name_sv", "name_en", "kind", "description_fi", "description_sv", "ngo_seats", "is_active"]

    def domain_arguments(self) -> dict:
        return {"data": {key: self.cleaned_data[key] for key in self.Meta.fields}, "version": self.version()}


class NetworkForm(VersionedModelForm):
    chair_email = forms.EmailField(
        label=_("Chair's e-mail"), help_text=_("The chair must already have an account in Kumppani.")
    )

    coordinator_emails = forms.CharField(
        label=_("Coordinators' e-mails"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line. The coordinators keep the network's details and members with the chair."),
    )

    class Meta:
        model = NgoNetwork
        fields = ["name_fi", "name_sv", "name_en", "description_fi", "description_sv", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = NgoNetwork.objects.exclude(pk=self.instance.pk).order_by("name")
        if self.instance.pk:
            self.fields["chair_email"].initial = self.instance.chair.email
            self.fields["coordinator_emails"].initial = "\n".join(
                self.instance.coordinators.order_by("email").values_list("email", flat=True)
            )

    def clean_coordinator_emails(self):
        emails = [line.strip() for line in self.cleaned_data["coordinator_emails"].split() if line.strip()]
        people = []
        for email in emails:
            person = User.objects.filter(email__iexact=email, is_active=True).first()
            if person is None:
                raise forms.ValidationError(
                    _("No one with the e-mail %(email)s has an account.") % {"email": email}, code="unknown_user"
                )
            people.append(person)
        self.coordinators = people
        return "\n".join(emails)

    def clean_chair_email(self):
        email = self.cleaned_data["chair_email"]
        chair = User.objects.filter(email__iexact=email, is_active=True).first()
        if chair is None:
            raise forms.ValidationError(_("No one with this e-mail has an account."), code="unknown_user")
        self.chair = chair
        return email

    def domain_arguments(self) -> dict:
        data = {key: self.cleaned_data[key] for key in services.NETWORK_FIELDS if key in self.cleaned_data}
        return {
            "data": data,
            "chair": self.chair,
            "parent": self.cleaned_data.get("parent"),
            "coordinators": self.coordinators,
            "version": self.version(),
        }


class NetworkMembersForm(versioning.VersionedFormMixin, forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Member NGOs"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, network: NgoNetwork, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = area_organisations(network.area)
        self.fields["members"].initial = list(network.members.values_list("pk", flat=True))
        self.fields["version"].initial = network.version


class NominationRequestForm(forms.ModelForm):
    class Meta:
        model = NominationRequest
        fields = ["network", "seats", "deputies", "deadline", "term_start", "term_end", "message"]
        widgets = {"deadline": DATE, "term_start": DATE, "term_end": DATE}

    def __init__(self, *args, group: WorkingGroup, **kwargs):
        super().__init__(*args, **kwargs)
        body = group.body
        # The networks of the body's area: a municipality's own and its county's; a county's and its municipalities'.
        self.fields["network"].queryset = NgoNetwork.objects.filter(area_id__in=body.area_body_ids()).order_by("name")
        self.fields["seats"].initial = group.ngo_seats


class NominationForm(forms.Form):
    """One row of representative and deputy per seat asked for."""

    def __init__(self, *args, request: NominationRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        members = request.network.members.order_by("name")
        existing = list(request.nominations.all())
        for index in range(1, request.seats + 1):
            current = existing[index - 1] if index <= len(existing) else None
            self.fields[f"organisation_{index}"] = forms.ModelChoiceField(
                label=_("NGO"), queryset=members, required=False, initial=current and current.organisation_id
            )
            self.fields[f"name_{index}"] = forms.CharField(
                label=_("Representative"), max_length=200, required=index == 1, initial=current and current.name
            )
            self.fields[f"email_{index}"] = forms.EmailField(
                label=_("Representative's e-mail"), required=False, initial=current and current.email
            )
            if request.deputies:
                self.fields[f"deputy_organisation_{index}"] = forms.ModelChoiceField(
                    label=_("Deputy's NGO"),
                    queryset=members,
                    required=False,
                    initial=current and current.deputy_organisation_id,
                )
                self.fields[f"deputy_name_{index}"] = forms.CharField(
                    label=_("Deputy"), max_length=200, required=False, initial=current and current.deputy_name
                )
                self.fields[f"deputy_email_{index}"] = forms.EmailField(
                    label=_("Deputy's e-mail"), required=False, initial=current and current.deputy_email
                )

    def rows(self):
        keys = services.NOMINEE_KEYS if self.request.deputies else services.NOMINEE_KEYS[:3]
        return [[self[f"{key}_{index}"] for key in keys] for index in range(1, self.request.seats + 1)]

    def nominees(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {key: data.get(f"{key}_{index}") for key in services.NOMINEE_KEYS}
            for index in range(1, self.request.seats + 1)
        ]


class MeetingForm(VersionedModelForm):
    officials = forms.ModelMultipleChoiceField(
        label=_("Officials taking part"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("NGOs taking part"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Meeting
        fields = ["title", "kind", "starts_at", "place", "network", "agenda", "minutes"]
        widgets = {"starts_at": DATETIME}

    def __init__(self, *args, body: PublicBody, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officials"].queryset = body_officials(body)
        self.fields["organisations"].queryset = area_organisations(body)
        self.fields["network"].queryset = NgoNetwork.objects.order_by("name")
        if self.instance.pk:
            self.fields["officials"].initial = list(self.instance.officials.values_list("pk", flat=True))
            self.fields["organisations"].initial = list(self.instance.organisations.values_list("pk", flat=True))

    def domain_arguments(self) -> dict:
        data = {key: self.cleaned_data[key] for key in services.MEETING_FIELDS}
        return {
            "data": data,
            "officials": list(self.cleaned_data["officials"]),
            "organisations": list(self.cleaned_data["organisations"]),
            "version": self.version(),
        }


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=DATE)
    owner_user = forms.ModelChoiceField(label=_("Official responsible"), queryset=User.objects.none(), required=False)
    owner_organisation = forms.ModelChoiceField(
        label=_("NGO responsible"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = body_officials(meeting.body)
        self.fields["owner_organisation"].queryset = meeting.organisations.order_by("name")


class ExpertRequestForm(forms.ModelForm):
    class Meta:
        model = ExpertRequest
        fields = ["sector", "topic", "purpose", "needed", "deadline", "themes"]
        widgets = {"deadline": DATE, "themes": forms.CheckboxSelectMultiple}
        help_texts = {"themes": _("The NGOs of the area with these themes are told. None chosen: all of them.")}

    def __init__(self, *args, body: PublicBody, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = body.sectors.order_by("name")
        self.fields["themes"].queryset = Term.objects.filter(vocabulary="theme").order_by("name")


class ExpertAnswerForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("NGO"), queryset=Organisation.objects.none())
    text = forms.CharField(label=_("What we offer"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(memberships__user=user).order_by("name")
        self.fields["contact_email"].initial = user.email


class ExpertFulfilForm(forms.Form):
    answers = forms.ModelMultipleChoiceField(
        label=_("NGOs that gave the help"), queryset=ExpertAnswer.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("How it went"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, request: ExpertRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].queryset = request.answers.select_related("organisation")
        self.fields["answers"].label_from_instance = lambda answer: answer.organisation.name


class NegotiationOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class NegotiationForm(VersionedModelForm):
    organisations = forms.ModelMultipleChoiceField(
        label=_("NGOs taking part"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Negotiation
        fields = ["held_on", "place", "summary"]
        widgets = {"held_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = area_organisations(self.instance.body)
        self.fields["organisations"].initial = list(self.instance.organisations.values_list("pk", flat=True))


class MeasureForm(VersionedModelForm):
    sectors = forms.ModelMultipleChoiceField(
        label=_("Responsible sectors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Responsible NGOs"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = NegotiationMeasure
        fields = ["goal", "measure", "indicator", "monitoring_on", "status", "follow_up"]
        widgets = {"monitoring_on": DATE, "measure": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, negotiation: Negotiation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = negotiation.body.sectors.order_by("name")
        self.fields["organisations"].queryset = negotiation.organisations.order_by("name")
        if self.instance.pk:
            self.fields["sectors"].initial = list(self.instance.sectors.values_list("pk", flat=True))
            self.fields["organisations"].initial = list(self.instance.organisations.values_list("pk", flat=True))
        if negotiation.status == "agreed":
            for name in list(self.fields):
                if name not in ("status", "follow_up", "version"):
                    del self.fields[name]

    def domain_arguments(self) -> dict:
        data = {key: self.cleaned_data[key] for key in self.Meta.fields if key in self.cleaned_data}
        arguments = {"data": data, "version": self.version()}
        if "sectors" in self.fields:
            arguments.update(
                sectors=list(self.cleaned_data["sectors"]), organisations=list(self.cleaned_data["organisations"])
            )
        return arguments
