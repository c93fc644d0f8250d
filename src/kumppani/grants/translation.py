"""The translated fields of grants (django-modeltranslation): a programme's texts, criteria and
questions and a board's name are written in Finnish, Swedish and English."""

from modeltranslation.translator import TranslationOptions, register

from kumppani.grants.models import BoardMeeting, Criterion, GrantProgramme, Question


@register(GrantProgramme)
class GrantProgrammeTranslation(TranslationOptions):
    fields = ("name", "description", "principles", "conditions")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text")


@register(BoardMeeting)
class BoardMeetingTranslation(TranslationOptions):
    fields = ("board_name",)
