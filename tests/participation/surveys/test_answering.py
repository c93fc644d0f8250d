"""Answering a survey: anonymous answers, the reach of each NGO's link, single-use links, and bad input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kumppani.participation.surveys import queries, services
from kumppani.participation.surveys.models import Answer, Response
from tests import factories
from tests.participation.surveys import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    salo = factories.salo()
    owner = factories.official(salo, role="official")
    survey = sf.survey(salo, owner)
    mood = sf.choice_question(survey, owner, required=True)
    good, bad = mood.choices.all()
    why = sf.text_question(survey, owner, text="Miksi huonosti?", show_if_choice=bad)
    scale = sf.scale_question(survey, owner)
    return {
        "body": salo,
        "owner": owner,
        "survey": survey,
        "mood": mood,
        "good": good,
        "bad": bad,
        "why": why,
        "scale": scale,
    }


def test_an_answer_stores_nothing_that_tells_who_answered(client, setup):
    """Read the answer tables themselves: no user, IP address, session, link or time of day anywhere."""
    survey, owner = setup["survey"], setup["owner"]
    ngo = factories.organisation("Salon Mielenterveysseura ry")
    link = services.links_create(survey=survey, organisation=ngo, channel="uutiskirje", by=owner)[0]
    client.force_login(factories.user(email="vastaaja@example.org"))
    response = client.post(
        reverse("participation:survey_answer_link", args=[link.token]),
        {f"q{setup['mood'].pk}": setup["bad"].pk, f"q{setup['why'].pk}": "Yksinäisyys", f"q{setup['scale'].pk}": "2"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    for model in (Response, Answer):
        columns = {
            c.name for c in connection.introspection.get_table_description(connection.cursor(), model._meta.db_table)
        }
        assert not columns & {"user_id", "ip", "ip_address", "session", "session_key", "link_id", "token", "created_at"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Response._meta.db_table}")
        stored = [str(value) for row in cursor.fetchall() for value in row]
        cursor.execute(f"SELECT * FROM {Answer._meta.db_table}")
        stored += [str(value) for row in cursor.fetchall() for value in row]
    text = " ".join(stored)
    assert "203.0.113.9" not in text and "vastaaja" not in text and link.token not in text
    assert str(client.session.session_key) not in text
    assert Response.objects.get().channel == "uutiskirje"


def test_each_ngo_sees_its_reach_counted_and_the_channel_filter_narrows_results(client, setup):
    survey, owner = setup["survey"], setup["owner"]
    first, second = factories.organisation("Eka ry"), factories.organisation("Toka ry")
    link_a = services.links_create(survey=survey, organisation=first, channel="", by=owner)[0]
    link_b = services.links_create(survey=survey, organisation=second, channel="kokous", by=owner)[0]
    for link, n in ((link_a, 5), (link_b, 2)):
        for _i in range(n):
            services.response_submit(survey=survey, link=link, raw={setup["mood"].pk: [str(setup["good"].pk)]})
    services.response_submit(survey=survey, raw={setup["mood"].pk: [str(setup["bad"].pk)]})
    reach = {(r.name, r.channel): r.answers for r in queries.survey_reach(survey)}
    assert reach == {("Eka ry", ""): 5, ("Toka ry", "kokous"): 2, ("", ""): 1}
    narrowed = queries.survey_results(survey, channel="kokous")
    assert narrowed.total == 2 and narrowed.questions[0].rows[0].count == 2
    client.force_login(owner)
    url = reverse("participation:survey_results", args=[survey.slug])
    page = client.get(url, {"jarjesto": first.pk})
    assert page.context["results"].total == 5 and not page.context["too_few"]
    # Two answers through the meeting: too few to show apart, as they could tell what someone answered.
    page = client.get(url, {"kanava": "kokous"})
    assert page.context["too_few"] and page.context["results"].total == 8


def test_a_single_use_link_works_once(client, setup):
    survey = setup["survey"]
    link = services.links_create(
        survey=survey, organisation=factories.organisation(), channel="", single_use=True, count=2, by=setup["owner"]
    )[0]
    url = reverse("participation:survey_answer_link", args=[link.token])
    data = {f"q{setup['mood'].pk}": setup["good"].pk}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400 and again.context["refusal"]
    assert b'name="q' not in again.content
    assert Response.objects.count() == 1


def test_a_required_answer_missing_saves_nothing_and_says_which(client, setup):
    page = client.post(
        reverse("participation:survey_detail", args=[setup["survey"].slug]), {f"q{setup['scale'].pk}": "3"}
    )
    assert page.status_code == 400
    assert f'href="#q{setup["mood"].pk}"' in page.content.decode()
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_answers_to_a_closed_survey_are_refused(client, setup):
    survey = setup["survey"]
    services.survey_update(
        survey=survey,
        data={"opens_at": timezone.now() - timedelta(days=5), "closes_at": timezone.now() - timedelta(minutes=1)},
        by=setup["owner"],
    )
    page = client.post(
        reverse("participation:survey_detail", args=[survey.slug]), {f"q{setup['mood'].pk}": setup["good"].pk}
    )
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_a_conditional_answer_counts_only_when_its_condition_was_chosen(setup):
    survey, mood, why = setup["survey"], setup["mood"], setup["why"]
    services.response_submit(survey=survey, raw={mood.pk: [str(setup["good"].pk)], why.pk: ["ohitettava"]})
    services.response_submit(survey=survey, raw={mood.pk: [str(setup["bad"].pk)], why.pk: ["huono uni"]})
    assert list(Answer.objects.filter(question=why).values_list("text", flat=True)) == ["huono uni"]


def test_a_choice_of_another_question_or_a_value_off_the_scale_is_refused(setup):
    survey = setup["survey"]
    with pytest.raises(services.ValidationError):
        services.response_submit(survey=survey, raw={setup["mood"].pk: ["999999"]})
    with pytest.raises(services.ValidationError):
        services.response_submit(
            survey=survey, raw={setup["mood"].pk: [str(setup["good"].pk)], setup["scale"].pk: ["9"]}
        )
    assert not Response.objects.exists()


def test_the_answer_page_without_an_open_address_needs_a_link(client, setup):
    survey = setup["survey"]
    services.survey_update(survey=survey, data={"open_link": False}, by=setup["owner"])
    page = client.get(reverse("participation:survey_detail", args=[survey.slug]))
    assert page.context["refusal"] and b'name="q' not in page.content
