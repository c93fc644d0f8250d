"""The privacy notice's texts in Finnish, Swedish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.about.models import PrivacyNotice


@register(PrivacyNotice)
class PrivacyNoticeTranslation(TranslationOptions):
    fields = ("purposes", "data_categories", "sources", "recipients", "retention")
