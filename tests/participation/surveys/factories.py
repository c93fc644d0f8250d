"""Surveys for tests, made through the services."""

from datetime import timedelta

from django.utils import timezone

from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import QuestionKind


def survey(body, by, *, open_link=True, opens_at=None, closes_at=None, title="Hyvinvointikysely"):
    now = timezone.now()
    return services.survey_create(
        body=body,
        data={
            "title_fi": title,
            "title_sv": "Välfärdsenkät",
            "opens_at": opens_at or now - timedelta(days=1),
            "closes_at": closes_at or now + timedelta(days=10),
            "open_link": open_link,
        },
        by=by,
    )


def choice_question(survey, by, *, kind=QuestionKind.SINGLE, text="Miten voit?", labels=("Hyvin", "Huonosti"), **extra):
    return services.question_add(
        survey=survey,
        data={"kind": kind, "text_fi": text, **extra},
        choices=[{"label_fi": label} for label in labels],
        by=by,
    )


def text_question(survey, by, *, text="Mitä haluat sanoa?", **extra):
    return services.question_add(survey=survey, data={"kind": QuestionKind.TEXT, "text_fi": text, **extra}, by=by)


def scale_question(survey, by, *, text="Kuinka tyytyväinen olet?", **extra):
    return services.question_add(
        survey=survey,
        data={"kind": QuestionKind.SCALE, "text_fi": text, "scale_min": 1, "scale_max": 5, **extra},
        by=by,
    )
