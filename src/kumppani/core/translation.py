"""The fields of core's models that django-modeltranslation stores per language (fi, sv, en)."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.core.models import Language, PublicBody, Term


@register(PublicBody)
class PublicBodyTranslation(TranslationOptions):
    fields = ("name", "introduction")


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("name",)


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)
