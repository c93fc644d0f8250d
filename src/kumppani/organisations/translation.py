"""The NGO fields kept in Finnish, Swedish and English (django-modeltranslation: name_fi, name_sv, …)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.organisations.models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_description", "description")
