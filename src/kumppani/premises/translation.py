"""The space texts bodies write in Finnish, Swedish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.premises.models import Space, SpacePhoto


@register(Space)
class SpaceTranslation(TranslationOptions):
    fields = ("unit_name", "name", "description", "accessibility_details")


@register(SpacePhoto)
class SpacePhotoTranslation(TranslationOptions):
    fields = ("alt",)
