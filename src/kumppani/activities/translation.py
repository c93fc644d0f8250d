"""The fields of activities, places and service paths kept in Finnish, Swedish and English
(django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.activities.models import Activity, PathStep, Place, ServicePath


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("name", "short_description", "description", "how_to_join", "cost_description")


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name", "accessibility_details")


@register(ServicePath)
class ServicePathTranslation(TranslationOptions):
    fields = ("name", "description")


@register(PathStep)
class PathStepTranslation(TranslationOptions):
    fields = ("title", "description")
