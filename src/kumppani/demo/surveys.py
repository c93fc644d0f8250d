"""Demo surveys: Rovaniemi's residents' wellbeing survey, open now, shared through five NGOs and the
library's notice board, with a few hundred answers; last year's residents' survey, shared the same
way, closed and its results published (Rovaniemi's yearly welfare report of last year uses it as
evidence, seed 002); and last year's NGO barometer of several bodies, answered and published. The survey and its questions go through the services; the answers are
bulk-created (as the service would store them: no person, no link) so that loading stays quick.

A Rovaniemi official owns the survey: viranhaltija.rovaniemi@demo.kumppani.fi (the demo password).
Running it again adds nothing when the survey exists.
"""

import datetime as dt
import random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody, User
from kumppani.demo.accounts import DOMAIN, PASSWORD
from kumppani.participation.surveys import barometer, services
from kumppani.participation.surveys.models import Answer, DistributionLink, QuestionKind, Response, Survey

SEED = 20261206
ROVANIEMI = "698"
BAROMETER_BODIES = ("698", "758", "047", "734", "837", "564")
OFFICIAL = f"viranhaltija.rovaniemi@{DOMAIN}"
TITLE = "Asukkaiden hyvinvointikysely"


def _official(rovaniemi) -> User:
    user = User.objects.filter(email=OFFICIAL).first()
    if user is None:
        user = User.objects.create(email=OFFICIAL, full_name="Minna Kangas", password=make_password(PASSWORD))
    BodyRole.objects.get_or_create(user=user, body=rovaniemi, role=BodyRoleKind.OFFICIAL)
    return user


CURRENT = {
    "title_fi": TITLE,
    "title_sv": "Invånarnas välfärdsenkät",
    "title_en": "Residents' wellbeing survey",
    "introduction_fi": "Kerro, miten voit ja mikä arjessasi auttaisi. Vastaaminen vie viisi minuuttia, ja vastaukset ovat nimettömiä.",
    "introduction_sv": "Berätta hur du mår och vad som skulle hjälpa i vardagen. Det tar fem minuter, och svaren är anonyma.",
    "introduction_en": "Tell us how you are and what would help in your everyday life. It takes five minutes, and answers are anonymous.",
}  # fmt: skip
# Last year's survey speaks of the themes of the yearly welfare report's chapters (mental health,
# inclusion), which is how the report finds it.
LAST_YEAR = {
    "title_fi": f"{TITLE} {{year}}",
    "title_sv": "Invånarnas välfärdsenkät {year}",
    "title_en": "Residents' wellbeing survey {year}",
    "introduction_fi": "Kysely kartoittaa asukkaiden mielenterveyttä, yksinäisyyttä ja osallisuutta: miten voit, mikä "
    "auttaisi ja voitko vaikuttaa asuinalueesi asioihin. Kysely jaetaan järjestöjen kautta.",
    "introduction_sv": "Enkäten kartlägger invånarnas psykiska hälsa, ensamhet och delaktighet: hur du mår, vad som "
    "skulle hjälpa och om du kan påverka i ditt område. Enkäten delas ut via föreningarna.",
    "introduction_en": "The survey maps residents' mental health, loneliness and inclusion: how you are, what would "
    "help and whether you can influence matters where you live. It is shared through NGOs.",
}


def _wellbeing_survey(body, by, rng, texts: dict = CURRENT, opens_at=None, closes_at=None) -> int:
    now = timezone.now()
    opens_at = opens_at or now - dt.timedelta(days=14)
    closes_at = closes_at or now + dt.timedelta(days=16)
    survey = services.survey_create(
        body=body,
        data={**texts, "opens_at": opens_at, "closes_at": closes_at, "open_link": True},
        by=by,
    )

    def choice(text, sv, en, labels, *, kind=QuestionKind.SINGLE, required=False, condition=None):
        return services.question_add(
            survey=survey,
            data={
                "kind": kind,
                "text_fi": text,
                "text_sv": sv,
                "text_en": en,
                "required": required,
                "show_if_choice": condition,
            },
            choices=[{"label_fi": fi, "label_sv": lsv, "label_en": len_} for fi, lsv, len_ in labels],
            by=by,
        )

    mood = choice(
        "Miten olet voinut viime aikoina?", "Hur har du mått på sistone?", "How have you been lately?",
        [("Hyvin", "Bra", "Well"), ("Kohtalaisesti", "Någorlunda", "Fairly"), ("Huonosti", "Dåligt", "Poorly")],
        required=True,
    )  # fmt: skip
    lonely = choice(
        "Tunnetko itsesi yksinäiseksi?", "Känner du dig ensam?", "Do you feel lonely?",
        [("En koskaan", "Aldrig", "Never"), ("Joskus", "Ibland", "Sometimes"), ("Usein", "Ofta", "Often")],
    )  # fmt: skip
    often = lonely.choices.get(label_fi="Usein")
    helps = choice(
        "Mikä auttaisi sinua?", "Vad skulle hjälpa dig?", "What would help you?",
        [("Kerhot ja ryhmät", "Klubbar och grupper", "Clubs and groups"), ("Vertaistuki", "Kamratstöd", "Peer support"),
         ("Kuljetus", "Skjuts", "Transport"), ("Juttukaveri", "Någon att prata med", "Someone to talk to")],
        kind=QuestionKind.MULTIPLE, condition=often,
    )  # fmt: skip
    services_q = services.question_add(
        survey=survey,
        data={
            "kind": QuestionKind.SCALE, "text_fi": "Kuinka hyvin löydät tarvitsemasi palvelut?",
            "text_sv": "Hur väl hittar du den service du behöver?", "text_en": "How well do you find the services you need?",
            "scale_min": 1, "scale_max": 5, "scale_min_label_fi": "Huonosti", "scale_max_label_fi": "Hyvin",
            "scale_min_label_sv": "Dåligt", "scale_max_label_sv": "Bra",
        },
        by=by,
    )  # fmt: skip
    words = services.question_add(
        survey=survey,
        data={
            "kind": QuestionKind.TEXT,
            "text_fi": "Mitä muuta haluat sanoa?",
            "text_sv": "Vad vill du säga mer?",
            "text_en": "What else would you like to say?",
        },
        by=by,
    )
    from kumppani.participation.surveys.barometer import body_organisations

    ngos = list(body_organisations(body)[:5])
    for ngo in ngos:
        services.links_create(survey=survey, organisation=ngo, channel="", by=by)
    services.links_create(survey=survey, organisation=None, channel="Kirjaston ilmoitustaulu", by=by)
    if ngos:
        services.links_create(survey=survey, organisation=ngos[0], channel="Kerhot", single_use=True, count=40, by=by)
    sources = [*((ngo.pk, "") for ngo in ngos), (None, "Kirjaston ilmoitustaulu"), (None, "")]
    weights = [*[30, 22, 15, 12, 8][: len(ngos)], 10, 20]
    words_said = ["Bussit kulkevat liian harvoin kylille.", "Kiitos kerhoista, ne ovat viikon kohokohta.",
             "Toivoisin iltaisin jotain tekemistä nuorille.", "Palveluiden puhelinnumeroita on vaikea löytää."]  # fmt: skip
    mood_choices, lonely_choices, help_choices = (
        list(mood.choices.all()),
        list(lonely.choices.all()),
        list(helps.choices.all()),
    )
    last_day = timezone.localtime(min(closes_at, now)).date()
    days = min(13, (last_day - timezone.localtime(opens_at).date()).days)
    responses = []
    for _i in range(rng.randint(280, 340)):
        organisation_id, channel = rng.choices(sources, weights=weights)[0]
        responses.append(
            Response(
                survey=survey,
                organisation_id=organisation_id,
                channel=channel,
                submitted_on=last_day - dt.timedelta(days=rng.randint(0, days)),
            )
        )
    Response.objects.bulk_create(responses)
    answers = []
    for response in responses:
        answers.append(Answer(response=response, question=mood, choice=rng.choices(mood_choices, weights=[5, 4, 2])[0]))
        lonely_choice = rng.choices(lonely_choices, weights=[5, 4, 2])[0]
        answers.append(Answer(response=response, question=lonely, choice=lonely_choice))
        if lonely_choice == often:
            answers.extend(
                Answer(response=response, question=helps, choice=c) for c in rng.sample(help_choices, rng.randint(1, 3))
            )
        answers.append(
            Answer(
                response=response, question=services_q, value=rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 5, 4, 2])[0]
            )
        )
        if rng.random() < 0.15:
            answers.append(Answer(response=response, question=words, text=rng.choice(words_said)))
    Answer.objects.bulk_create(answers, batch_size=500)
    if closes_at <= now:
        services.survey_publish_results(survey=survey, by=by)
    return len(responses)


def _last_year_survey(body, by, rng) -> int:
    """Last year's residents' survey, in September, closed and its results published."""
    year = timezone.localdate().year - 1
    opens = dt.datetime(year, 9, 1, 8, tzinfo=dt.UTC)
    texts = {key: value.format(year=year) for key, value in LAST_YEAR.items()}
    return _wellbeing_survey(body, by, rng, texts, opens_at=opens, closes_at=opens + dt.timedelta(days=29))


def _barometers(by, rng) -> int:
    year = timezone.localdate().year - 1
    opens = dt.datetime(year, 10, 1, 9, tzinfo=dt.UTC)
    count = 0
    bodies = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code__in=BAROMETER_BODIES)
    for body in bodies:
        survey = barometer.barometer_open(
            body=body, year=year, by=by, opens_at=opens, closes_at=opens + dt.timedelta(days=30)
        )
        questions = list(survey.questions.prefetch_related("choices"))
        links = list(survey.links.all())
        answered = [link for link in links if rng.random() < 0.6]
        responses = Response.objects.bulk_create(
            Response(survey=survey, organisation_id=link.organisation_id, submitted_on=dt.date(year, 10, rng.randint(2, 30))) for link in answered
        )  # fmt: skip
        DistributionLink.objects.filter(pk__in=[link.pk for link in answered]).update(used=True)
        # A body's own tilt, so that the figures differ between bodies as they would.
        tilt = rng.uniform(-0.8, 0.8)
        answers = []
        for response in responses:
            for question in questions:
                if question.kind == QuestionKind.SINGLE:
                    answers.append(
                        Answer(
                            response=response,
                            question=question,
                            choice=rng.choices(list(question.choices.all()), weights=[4 + 2 * tilt, 3, 2 - tilt])[0],
                        )
                    )
                elif question.kind == QuestionKind.SCALE:
                    base = {
                        "seen-volunteers": 4.0,
                        "seen-service-provider": 3.4,
                        "seen-influencer": 2.6,
                        "seen-partner": 2.3,
                    }[question.key]
                    answers.append(
                        Answer(
                            response=response,
                            question=question,
                            value=max(1, min(5, round(rng.gauss(base + tilt, 0.9)))),
                        )
                    )
                elif rng.random() < 0.3:
                    works = ["Avustukset tulevat ajallaan.", "Yhteiset tapaamiset kerran vuodessa."]
                    missing = ["Meitä ei kuulla päätöksissä.", "Tiloja on vaikea saada."]
                    answers.append(
                        Answer(
                            response=response,
                            question=question,
                            text=rng.choice(works if question.key == "what-works" else missing),
                        )
                    )
        Answer.objects.bulk_create(answers, batch_size=500)
        Survey.objects.filter(pk=survey.pk).update(results_published=True)
        count += 1
    return count


def load(users) -> str:
    rovaniemi = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code=ROVANIEMI).first()
    if rovaniemi is None or Survey.objects.filter(body=rovaniemi, title_fi=TITLE).exists():
        return "Surveys: already there.\n"
    rng = random.Random(SEED)
    official = _official(rovaniemi)
    answers = _wellbeing_survey(rovaniemi, official, rng)
    barometers = _barometers(users["admin"], rng)
    last_year = _last_year_survey(rovaniemi, official, rng)
    return (
        f"Surveys: Rovaniemi's wellbeing survey with {answers} answers and last year's with {last_year} (results "
        f"published), {barometers} barometers of last year (owner: {OFFICIAL}).\n"
    )
