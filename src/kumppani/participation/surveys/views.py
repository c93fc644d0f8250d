"""Survey pages: a body's surveys, writing one, its links and reach; answering (through the survey's
own address or a distribution link) and the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.participation.surveys import barometer, queries, services
from kumppani.participation.surveys.forms import BarometerForm, LinksForm, QuestionForm, SurveyForm
from kumppani.participation.surveys.models import DistributionLink, Question, Survey

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _survey(slug) -> Survey:
    return get_object_or_404(Survey.objects.select_related("body"), slug=slug)


def survey_list(request):
    """Surveys anyone may answer now, and surveys whose results are published."""
    now = timezone.now()
    surveys = list(queries.public_surveys())
    return render(
        request,
        "participation/surveys/list.html",
        {
            "open_surveys": [s for s in surveys if s.open_link and s.is_open(now)],
            "published": [s for s in surveys if s.results_published],
        },
    )


@login_required
def survey_body(request, body):
    body = get_object_or_404(PublicBody, slug=body)
    _require(request, "participation.manage_survey", body)
    barometer_form = BarometerForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and barometer_form.is_valid():
        try:
            survey = barometer.barometer_open(body=body, year=barometer_form.cleaned_data["year"], by=request.user)
        except ValidationError as error:
            add_service_errors(barometer_form, error, default_field="year")
        else:
            messages.success(request, _("The NGO barometer was created with a link for each NGO."))
            return redirect("participation:survey_manage", survey.slug)
    return render(
        request,
        "participation/surveys/body.html",
        {"body": body, "surveys": queries.body_surveys(body), "barometer_form": barometer_form, "now": timezone.now()},
    )


@login_required
def survey_create(request, body):
    body = get_object_or_404(PublicBody, slug=body)
    _require(request, "participation.manage_survey", body)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(body=body, data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey was created. Now add its questions."))
            return redirect("participation:survey_manage", survey.slug)
    return render(request, "participation/surveys/edit.html", {"body": body, "form": form})


@login_required
def survey_edit(request, slug):
    survey = _survey(slug)
    _require(request, "participation.manage_survey", survey)
    initial = {name: getattr(survey, name) for name in SurveyForm.base_fields}
    form = SurveyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(survey=survey, data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey was saved."))
            return redirect("participation:survey_manage", survey.slug)
    return render(request, "participation/surveys/edit.html", {"body": survey.body, "survey": survey, "form": form})


@login_required
def survey_manage(request, slug):
    """The owners' page of a survey: its questions, a form to add one, its links and each one's reach."""
    survey = _survey(slug)
    _require(request, "participation.manage_survey", survey)
    question_form = QuestionForm(survey=survey, prefix="q")
    links_form = LinksForm(body=survey.body, prefix="l")
    if request.method == "POST" and "q-kind" in request.POST:
        question_form = QuestionForm(request.POST, survey=survey, prefix="q")
        if question_form.is_valid():
            data, choices = question_form.service_data()
            try:
                services.question_add(survey=survey, data=data, choices=choices, by=request.user)
            except ValidationError as error:
                add_service_errors(question_form, error)
            else:
                messages.success(request, _("The question was added."))
                return redirect("participation:survey_manage", survey.slug)
    elif request.method == "POST":
        links_form = LinksForm(request.POST, body=survey.body, prefix="l")
        if links_form.is_valid():
            try:
                services.links_create(survey=survey, by=request.user, **links_form.cleaned_data)
            except ValidationError as error:
                add_service_errors(links_form, error)
            else:
                messages.success(request, _("The links were made."))
                return redirect("participation:survey_manage", survey.slug)
    links = list(survey.links.select_related("organisation"))
    return render(
        request,
        "participation/surveys/manage.html",
        {
            "survey": survey,
            "questions": survey.questions.prefetch_related("choices").select_related("show_if_choice"),
            "has_answers": survey.responses.exists(),
            "question_form": question_form,
            "links_form": links_form,
            "links": links,
            "reach": queries.survey_reach(survey),
            "base_url": request.build_absolute_uri("/")[:-1],
        },
    )


@login_required
@require_POST
def survey_question_delete(request, slug, question):
    survey = _survey(slug)
    _require(request, "participation.manage_survey", survey)
    question = get_object_or_404(Question, survey=survey, pk=question)
    try:
        services.question_delete(question=question, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question was removed."))
    return redirect("participation:survey_manage", survey.slug)


@login_required
@require_POST
def survey_publish(request, slug):
    survey = _survey(slug)
    _require(request, "participation.manage_survey", survey)
    try:
        services.survey_publish_results(survey=survey, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The results are now public, without the free-text answers."))
    return redirect("participation:survey_results", survey.slug)


def _raw_answers(post, questions) -> dict[int, list[str]]:
    return {q.pk: post.getlist(f"q{q.pk}") for q in questions}


def _answer(request, survey: Survey, link: DistributionLink | None):
    """The answer form (GET) and saving the answers (POST). Works without JavaScript; the server
    drops answers to conditional questions whose condition was not chosen."""
    questions = list(survey.questions.prefetch_related("choices").select_related("show_if_choice__question"))
    now = timezone.now()
    refusal = None
    if link is None and not survey.open_link:
        refusal = _("This survey is answered through the links its organisers sent.")
    elif link is not None and link.single_use and link.used:
        refusal = _("This link has already been used to answer. Thank you!")
    elif now < survey.opens_at:
        refusal = _("This survey is not open yet.")
    elif survey.has_closed(now):
        refusal = _("This survey has closed, so answers are no longer saved.")
    errors, general_error, raw = {}, None, {}
    if request.method == "POST" and refusal is None:
        raw = _raw_answers(request.POST, questions)
        try:
            services.response_submit(survey=survey, raw=raw, link=link, now=now)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                errors = {
                    field: " ".join(m for e in errs for m in e.messages) for field, errs in error.error_dict.items()
                }
                general_error = _("Some answers need your attention. Nothing was saved yet.")
            else:
                general_error = " ".join(error.messages)
        else:
            return redirect("participation:survey_thanks", survey.slug)
    for question in questions:
        question.field_name = f"q{question.pk}"
        question.error = errors.get(question.field_name)
        question.sent = raw.get(question.pk, [])
        question.sent_text = "\n".join(question.sent)
    # An answer that was not saved: 400, with the reason on the page.
    status = 400 if general_error or (refusal and request.method == "POST") else 200
    return render(
        request,
        "participation/surveys/answer.html",
        {
            "survey": survey,
            "questions": questions,
            "refusal": refusal,
            "general_error": general_error,
            "errors": errors,
            "link": link,
        },
        status=status,
    )


def survey_detail(request, slug):
    survey = _survey(slug)
    return _answer(request, survey, None)


def survey_answer_link(request, token):
    link = get_object_or_404(DistributionLink.objects.select_related("survey__body"), token=token)
    return _answer(request, link.survey, link)


def survey_thanks(request, slug):
    return render(request, "participation/surveys/thanks.html", {"survey": _survey(slug)})


# Results narrowed to fewer answers than this are not shown: a small group's answers could tell
# what one person (or, in a barometer, one NGO) answered.
MIN_GROUP = 5


def _filters(request, survey):
    """The NGO or channel a results page is narrowed to (?jarjesto=<id> or ?kanava=<name>), and
    whether a filter was dropped because too few answers came that way. A barometer is never narrowed
    to one NGO: each NGO answers it once."""
    organisation_id = request.GET.get("jarjesto") or None
    channel = request.GET.get("kanava") or None
    try:
        organisation_id = int(organisation_id) if organisation_id else None
    except ValueError:
        raise Http404 from None
    if survey.barometer_year:
        organisation_id = None
    if (organisation_id or channel) and queries.filtered_responses(
        survey, organisation_id=organisation_id, channel=channel
    ).count() < MIN_GROUP:
        return None, None, True
    return organisation_id, channel, False


def survey_results(request, slug):
    """The results with a chart and a table for each question; the free text for the owners only."""
    survey = _survey(slug)
    _require(request, "participation.view_survey_results", survey)
    is_owner = request.user.has_perm("participation.manage_survey", survey)
    organisation_id, channel, too_few = _filters(request, survey)
    results = queries.survey_results(survey, with_texts=is_owner, organisation_id=organisation_id, channel=channel)
    reach = queries.survey_reach(survey)
    comparison = barometer.comparison(survey) if survey.barometer_year else None
    return render(
        request,
        "participation/surveys/results.html",
        {
            "survey": survey,
            "results": results,
            "is_owner": is_owner,
            "reach": reach,
            "organisations": []
            if survey.barometer_year
            else sorted({(r.organisation_id, r.name) for r in reach if r.organisation_id}, key=lambda r: r[1]),
            "too_few": too_few,
            "min_group": MIN_GROUP,
            "channels": sorted({r.channel for r in reach if r.channel}),
            "organisation_id": organisation_id,
            "channel": channel,
            "comparison": comparison,
            "export_query": request.GET.urlencode(),
        },
    )


def survey_results_export(request, slug, fmt):
    """The results as CSV or Excel: open data once published (counts only); the owners' file also
    has the free-text answers."""
    survey = _survey(slug)
    _require(request, "participation.view_survey_results", survey)
    with_texts = request.user.has_perm("participation.manage_survey", survey)
    organisation_id, channel, _too_few = _filters(request, survey)
    results = queries.survey_results(survey, with_texts=with_texts, organisation_id=organisation_id, channel=channel)
    if fmt == "csv":
        response = HttpResponse(
            queries.results_csv(results, with_texts=with_texts), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(queries.results_xlsx(results, with_texts=with_texts), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kysely-{survey.slug}.{fmt}"'
    return response


def results_url(survey: Survey) -> str:
    return reverse("participation:survey_results", args=[survey.slug])
