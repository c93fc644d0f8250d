"""A consultation's texts in Finnish, Swedish and English."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.participation.consultations.models import Consultation, ConsultationSection


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(ConsultationSection)
class ConsultationSectionTranslation(TranslationOptions):
    fields = ("title", "text", "question")
