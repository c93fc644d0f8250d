"""Form widgets of the register: areas as municipalities grouped by wellbeing services county."""

from django import forms
from django.utils.translation import gettext as _

from kumppani.core.models import BodyKind, PublicBody


class AreaCheckboxes(forms.CheckboxSelectMultiple):
    """Municipalities as checkboxes grouped by wellbeing services county, each group folded
    unless something in it is chosen: easier than a list of 330 names."""

    template_name = "organisations/widgets/areas.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["optgroups"] = [
            (*group, any(option["selected"] for option in group[1])) for group in context["widget"]["optgroups"]
        ]
        return context


def grouped_area_choices() -> list:
    """[(county name, [(county id, "whole county"), (municipality id, name), …]), …] in one query."""
    bodies = PublicBody.objects.only("id", "name", "name_fi", "name_sv", "name_en", "kind", "county_id")
    counties = {b.pk: b for b in bodies if b.kind != BodyKind.MUNICIPALITY}
    members: dict[int | None, list] = {}
    for body in bodies:
        if body.kind == BodyKind.MUNICIPALITY:
            members.setdefault(body.county_id, []).append(body)
    groups = []
    for county in sorted(counties.values(), key=lambda c: c.name):
        options = [(county.pk, _("The whole area: %(name)s") % {"name": county.name})]
        options += [(m.pk, m.name) for m in sorted(members.get(county.pk, []), key=lambda m: m.name)]
        groups.append((county.name, options))
    if members.get(None):
        groups.append((_("Åland"), [(m.pk, m.name) for m in sorted(members[None], key=lambda m: m.name)]))
    return groups
