"""The NGO barometer: a standard yearly survey of a body's NGOs (seed 000, after SOSTE's
Järjestöbarometri). Every barometer has the same questions with the same keys, so a body's figures
can be set beside its county's and the whole country's of the same year."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core.models import PublicBody
from kumppani.organisations.models import Organisation
from kumppani.participation.surveys import services
from kumppani.participation.surveys.models import Answer, DistributionLink, QuestionKind, Survey

YES_NO = [
    ("yes", "Kyllä, säännöllisesti", "Ja, regelbundet", "Yes, regularly"),
    ("sometimes", "Joskus", "Ibland", "Sometimes"),
    ("no", "Ei", "Nej", "No"),
]
SCALE = ("Ei lainkaan", "Inte alls", "Not at all"), ("Erittäin paljon", "Mycket", "Very much")


def _seen(key, fi, sv, en):
    return {
        "key": key,
        "kind": QuestionKind.SCALE,
        "text": (fi, sv, en),
        "labels": SCALE,
    }


# (key, kind, (fi, sv, en), choices). The keys never change: comparisons across years rely on them.
QUESTIONS = [
    {
        "key": "coop-municipality",
        "kind": QuestionKind.SINGLE,
        "text": (
            "Tekeekö järjestönne säännöllisesti yhteistyötä kunnan kanssa?",
            "Samarbetar er organisation regelbundet med kommunen?",
            "Does your NGO cooperate regularly with the municipality?",
        ),
        "choices": YES_NO,
    },
    {
        "key": "coop-county",
        "kind": QuestionKind.SINGLE,
        "text": (
            "Tekeekö järjestönne säännöllisesti yhteistyötä hyvinvointialueen kanssa?",
            "Samarbetar er organisation regelbundet med välfärdsområdet?",
            "Does your NGO cooperate regularly with the wellbeing services county?",
        ),
        "choices": YES_NO,
    },
    _seen(
        "seen-service-provider",
        "Kuinka paljon kunta tai hyvinvointialue arvostaa järjestöjä palvelujen tuottajina?",
        "Hur mycket uppskattar kommunen eller välfärdsområdet organisationerna som serviceproducenter?",
        "How much does the municipality or county value NGOs as service providers?",
    ),
    _seen(
        "seen-volunteers",
        "Kuinka paljon kunta tai hyvinvointialue arvostaa järjestöjä vapaaehtoistoiminnan järjestäjinä?",
        "Hur mycket uppskattar kommunen eller välfärdsområdet organisationerna som ordnare av frivilligverksamhet?",
        "How much does the municipality or county value NGOs as organisers of volunteering?",
    ),
    _seen(
        "seen-influencer",
        "Kuinka paljon kunta tai hyvinvointialue arvostaa järjestöjä vaikuttajina?",
        "Hur mycket uppskattar kommunen eller välfärdsområdet organisationerna som påverkare?",
        "How much does the municipality or county value NGOs as influencers?",
    ),
    _seen(
        "seen-partner",
        "Kuinka paljon kunta tai hyvinvointialue arvostaa järjestöjä strategisina kumppaneina?",
        "Hur mycket uppskattar kommunen eller välfärdsområdet organisationerna som strategiska partner?",
        "How much does the municipality or county value NGOs as strategic partners?",
    ),
    {
        "key": "what-works",
        "kind": QuestionKind.TEXT,
        "text": (
            "Mikä yhteistyössä toimii hyvin?",
            "Vad fungerar bra i samarbetet?",
            "What works well in the cooperation?",
        ),
    },
    {
        "key": "what-missing",
        "kind": QuestionKind.TEXT,
        "text": (
            "Mitä yhteistyöstä puuttuu?",
            "Vad saknas i samarbetet?",
            "What is missing from the cooperation?",
        ),
    },
]


def body_organisations(body: PublicBody):
    areas = body.area_body_ids() if body.is_county else [body.pk]
    return Organisation.objects.filter(areas__in=areas).distinct().order_by("name")


def barometer_open(
    *, body: PublicBody, year: int, by, opens_at: datetime | None = None, closes_at: datetime | None = None
) -> Survey:
    """Create the body's NGO barometer for the year with the fixed question set and one single-use
    link for each NGO working in its area (each NGO answers once). One barometer per body and year."""
    services.require(by, "participation.manage_survey", body)
    if Survey.objects.filter(body=body, barometer_year=year).exists():
        raise ValidationError(
            {"year": _("%(body)s already has a barometer for %(year)s.") % {"body": body, "year": year}},
            code="barometer_exists",
        )
    opens_at = opens_at or timezone.now()
    closes_at = closes_at or opens_at + timedelta(days=30)
    with transaction.atomic():
        survey = services.survey_create(
            body=body,
            data={
                "title_fi": f"Järjestöbarometri {year}",
                "title_sv": f"Organisationsbarometern {year}",
                "title_en": f"NGO barometer {year}",
                "introduction_fi": "Kerro, miten yhteistyö kunnan ja hyvinvointialueen kanssa sujuu. Vastaukset ovat nimettömiä.",
                "introduction_sv": "Berätta hur samarbetet med kommunen och välfärdsområdet fungerar. Svaren är anonyma.",
                "introduction_en": "Tell us how the cooperation with the municipality and the county works. Answers are anonymous.",
                "opens_at": opens_at,
                "closes_at": closes_at,
                "barometer_year": year,
            },
            by=by,
        )
        for spec in QUESTIONS:
            fi, sv, en = spec["text"]
            data = {"key": spec["key"], "kind": spec["kind"], "text_fi": fi, "text_sv": sv, "text_en": en}
            if spec["kind"] == QuestionKind.SCALE:
                (low_fi, low_sv, low_en), (high_fi, high_sv, high_en) = spec["labels"]
                data.update(
                    scale_min=1, scale_max=5, scale_min_label_fi=low_fi, scale_min_label_sv=low_sv,
                    scale_min_label_en=low_en, scale_max_label_fi=high_fi, scale_max_label_sv=high_sv,
                    scale_max_label_en=high_en,
                )  # fmt: skip
            choices = [
                {"key": key, "label_fi": cfi, "label_sv": csv, "label_en": cen}
                for key, cfi, csv, cen in spec.get("choices", [])
            ]
            services.question_add(survey=survey, data=data, choices=choices, by=by)
        DistributionLink.objects.bulk_create(
            DistributionLink(survey=survey, organisation=organisation, single_use=True)
            for organisation in body_organisations(body)
        )
    return survey


@dataclass
class ComparisonRow:
    label: str
    own: float | None
    county: float | None
    national: float | None


@dataclass
class ComparisonQuestion:
    text: str
    unit: str  # "%" or "mean"
    rows: list[ComparisonRow] = field(default_factory=list)


def _figures(answers) -> tuple[dict, dict]:
    """({(question key, choice key or value): count}, {question key: respondents})."""
    counts = {
        (row["question__key"], row["choice__key"] or row["value"]): row["n"]
        for row in answers.values("question__key", "choice__key", "value").annotate(n=Count("pk"))
    }
    respondents = dict(
        answers.values("question__key")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question__key", "n")
    )
    return counts, respondents


def comparison(survey: Survey) -> list[ComparisonQuestion]:
    """The barometer's figures for the body beside its county's and the whole country's of the same
    year: the share of each choice, the mean of each scale. Six queries, and one for the questions."""
    year, body = survey.barometer_year, survey.body
    base = Answer.objects.filter(question__survey__barometer_year=year).exclude(question__kind=QuestionKind.TEXT)
    county_id = body.pk if body.is_county else body.county_id
    scopes = {
        "own": _figures(base.filter(question__survey=survey)),
        "county": _figures(
            base.filter(
                question__survey__body__in=PublicBody.objects.filter(pk=county_id)
                | PublicBody.objects.filter(county_id=county_id)
            )
        )
        if county_id
        else ({}, {}),
        "national": _figures(base),
    }

    def share(scope, qkey, ckey):
        counts, respondents = scopes[scope]
        n = respondents.get(qkey)
        return round(100 * counts.get((qkey, ckey), 0) / n) if n else None

    def mean(scope, qkey, values):
        counts, respondents = scopes[scope]
        n = respondents.get(qkey)
        return round(sum(v * counts.get((qkey, v), 0) for v in values) / n, 1) if n else None

    result = []
    for question in survey.questions.prefetch_related("choices"):
        if question.kind == QuestionKind.TEXT or not question.key:
            continue
        if question.has_choices:
            item = ComparisonQuestion(question.text, "%")
            for choice in question.choices.all():
                item.rows.append(
                    ComparisonRow(
                        choice.label, *(share(s, question.key, choice.key) for s in ("own", "county", "national"))
                    )
                )
        else:
            item = ComparisonQuestion(question.text, "mean")
            item.rows.append(
                ComparisonRow(
                    _("Mean (%(min)s–%(max)s)") % {"min": question.scale_min, "max": question.scale_max},
                    *(mean(s, question.key, question.scale_values) for s in ("own", "county", "national")),
                )
            )
        result.append(item)
    return result
