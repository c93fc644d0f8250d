"""The texts bodies write in Finnish, Swedish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.cooperation.models import CooperationForm, CoordinatorContact, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(CoordinatorContact)
class CoordinatorContactTranslation(TranslationOptions):
    fields = ("title",)


@register(CooperationForm)
class CooperationFormTranslation(TranslationOptions):
    fields = ("title", "description")


# The governance package's texts (councils, working groups, networks).
from kumppani.cooperation.governance import translation as governance_translation  # noqa: E402,F401
