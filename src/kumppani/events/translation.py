from modeltranslation.translator import TranslationOptions, register

from kumppani.events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "short_description", "description", "place_name", "price", "accessibility_info", "image_alt")
