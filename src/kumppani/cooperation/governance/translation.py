"""The governance texts bodies write in Finnish, Swedish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.cooperation.governance.models import NgoNetwork, WorkingGroup


@register(NgoNetwork)
class NgoNetworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "description")
