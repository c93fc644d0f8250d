"""The welfare app's translated fields (django-modeltranslation): Sotkanet's indicator titles."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.welfare.models import Indicator


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("title",)
