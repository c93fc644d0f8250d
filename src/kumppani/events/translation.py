"""The event texts people write in Finnish, Swedish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "short_description", "description", "place_name", "price", "accessibility_info", "image_alt")
