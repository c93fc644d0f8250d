"""Breadcrumbs on the pages below the top level of participation, events and premises: each page,
opened by a person who may see it, says where it sits with a trail that starts at the front page and
ends with the page's own heading."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import reverse

from kumppani.participation.consultations import services as consultations
from kumppani.participation.knowledge import services as knowledge
from tests import factories
from tests.breadcrumbs import trail_of
from tests.events import factories as events
from tests.participation.consultations import helpers
from tests.participation.surveys import factories as surveys
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db


@dataclass
class _Crumbs:
    """The page's breadcrumb trails counted, the links and the current item of its trail, its <h1>."""

    navs: int
    links: list[tuple[str, str]]
    current: str | None
    h1: str | None


def crumbs_of(client, url) -> _Crumbs:
    response = client.get(url)
    assert response.status_code == 200, url
    page = trail_of(response.content.decode())
    items = page.trails[0] if page.trails else []
    return _Crumbs(
        navs=len(page.trails),
        links=[(item["href"], item["text"]) for item in items if item["href"]],
        current=next((item["text"] for item in items if item["current"] == "page"), None),
        h1=page.h1,
    )


def _signed_in(client, person):
    client.force_login(person)


# Each case returns the address of a page below the top level, after signing in the person who uses it.


def premises_space(client):
    return reverse("premises:detail", args=[premises.space(factories.salo()).slug])


def premises_book(client):
    space = premises.space(factories.salo())
    ngo = factories.organisation(areas=[factories.salo()])
    _signed_in(client, factories.representative(ngo))
    return reverse("premises:book", args=[space.slug])


def _a_booking():
    space = premises.space(factories.salo())
    ngo = factories.organisation(areas=[factories.salo()])
    person = factories.representative(ngo)
    return premises.book(space, ngo, person, premises.future_weekday(2))[0], ngo, person


def premises_booking(client):
    booking, _ngo, person = _a_booking()
    _signed_in(client, person)
    return reverse("premises:booking", args=[booking.pk])


def premises_ngo_bookings(client):
    _booking, ngo, person = _a_booking()
    _signed_in(client, person)
    return reverse("premises:ngo_bookings", args=[ngo.slug])


def premises_manage(client):
    _signed_in(client, premises.manager(factories.salo()))
    return reverse("premises:manage", args=[factories.salo().slug])


def premises_create(client):
    _signed_in(client, premises.manager(factories.salo()))
    return reverse("premises:create", args=[factories.salo().slug])


def premises_edit(client):
    boss = premises.manager(factories.salo())
    space = premises.space(factories.salo(), by=boss)
    _signed_in(client, boss)
    return reverse("premises:edit", args=[space.slug])


def premises_usage(client):
    _signed_in(client, factories.official(factories.salo()))
    return reverse("premises:usage", args=[factories.salo().slug])


def events_detail(client):
    return reverse("events:detail", args=[events.published(factories.organisation()).slug])


def events_manage(client):
    ngo = factories.organisation()
    _signed_in(client, factories.representative(ngo))
    return reverse("events:manage", args=[ngo.slug])


def events_create(client):
    ngo = factories.organisation()
    _signed_in(client, factories.representative(ngo))
    return reverse("events:create", args=[ngo.slug])


def events_edit(client):
    ngo = factories.organisation()
    person = factories.representative(ngo)
    event = events.event(ngo, by=person)
    _signed_in(client, person)
    return reverse("events:edit", args=[ngo.slug, event.slug])


def events_submit(client):
    ngo = factories.organisation()
    person = factories.representative(ngo)
    event = events.event(ngo, by=person)
    _signed_in(client, person)
    return reverse("events:submit", args=[ngo.slug, event.slug])


def events_body_manage(client):
    _signed_in(client, factories.official(factories.salo(), role="official"))
    return reverse("events:body_manage", args=[factories.salo().slug])


def events_body_create(client):
    _signed_in(client, factories.official(factories.salo(), role="official"))
    return reverse("events:body_create", args=[factories.salo().slug])


def events_queue(client):
    _signed_in(client, factories.official(factories.salo(), role="official"))
    return reverse("events:queue", args=[factories.salo().slug])


def events_trusted(client):
    _signed_in(client, factories.official(factories.salo()))
    return reverse("events:trusted", args=[factories.salo().slug])


def events_bulletin(client):
    _signed_in(client, factories.official(factories.salo()))
    return reverse("events:bulletin", args=[factories.salo().slug])


def _consultation_world(client, person_key):
    world = helpers.world()
    item = helpers.consultation(world["salo"], world["official"])
    _signed_in(client, world[person_key])
    return world, item


def consultation_list(client):
    return reverse("participation:consultation_list", args=[factories.salo().slug])


def consultation_detail(client):
    _world, item = _consultation_world(client, "official")
    return reverse("participation:consultation_detail", args=[item.pk])


def consultation_create(client):
    _signed_in(client, factories.official(factories.salo(), role="official"))
    return reverse("participation:consultation_create", args=[factories.salo().slug])


def consultation_edit(client):
    _world, item = _consultation_world(client, "official")
    return reverse("participation:consultation_edit", args=[item.pk])


def consultation_section_add(client):
    world = helpers.world()
    item = helpers.consultation(world["salo"], world["official"], open_it=False)
    _signed_in(client, world["official"])
    return reverse("participation:consultation_section_add", args=[item.pk])


def consultation_document_add(client):
    _world, item = _consultation_world(client, "official")
    return reverse("participation:consultation_document_add", args=[item.pk])


def consultation_statement_edit(client):
    world, item = _consultation_world(client, "representative")
    return reverse("participation:consultation_statement_edit", args=[item.pk, world["ngo"].slug])


def consultation_statement(client):
    world, item = _consultation_world(client, "representative")
    statement = consultations.statement_save(
        by=world["representative"],
        consultation=item,
        organisation=world["ngo"],
        answers={item.sections.first().pk: "Luonnos"},
    )
    return reverse("participation:consultation_statement", args=[statement.pk])


def _report():
    salo = factories.salo()
    ngo = factories.organisation(areas=[salo])
    writer = factories.representative(ngo)
    report = knowledge.report_create(
        organisation=ngo,
        body=salo,
        data={
            "title": "Yksinäisyys kylillä",
            "period_start": dt.date(2026, 1, 1),
            "period_end": dt.date(2026, 6, 30),
            "observations": "Ikäihmiset jäävät yksin.",
            "public_summary": "Kylien ikäihmiset kaipaavat kohtaamisia.",
        },
        quotes=[],
        quotes_consent=False,
        by=writer,
    )
    return report, ngo, writer


def knowledge_body(client):
    return reverse("participation:knowledge_body", args=[factories.salo().slug])


def knowledge_ngo(client):
    _, ngo, writer = _report()
    _signed_in(client, writer)
    return reverse("participation:knowledge_ngo", args=[ngo.slug])


def knowledge_create(client):
    _, ngo, writer = _report()
    _signed_in(client, writer)
    return reverse("participation:knowledge_create", args=[ngo.slug])


def knowledge_edit(client):
    report, _ngo, writer = _report()
    _signed_in(client, writer)
    return reverse("participation:knowledge_edit", args=[report.pk])


def knowledge_detail_for_its_writer(client):
    report, _ngo, writer = _report()
    _signed_in(client, writer)
    return reverse("participation:knowledge_detail", args=[report.pk])


def knowledge_detail_for_the_body(client):
    report, _ngo, writer = _report()
    knowledge.report_send(by=writer, report=report)
    _signed_in(client, factories.official(factories.salo(), role="official"))
    return reverse("participation:knowledge_detail", args=[report.pk])


def _survey(client):
    official = factories.official(factories.salo(), role="official")
    survey = surveys.survey(factories.salo(), official)
    surveys.choice_question(survey, official)
    _signed_in(client, official)
    return survey


def survey_body(client):
    _survey(client)
    return reverse("participation:survey_body", args=[factories.salo().slug])


def survey_create(client):
    _survey(client)
    return reverse("participation:survey_create", args=[factories.salo().slug])


def survey_edit(client):
    return reverse("participation:survey_edit", args=[_survey(client).slug])


def survey_manage(client):
    return reverse("participation:survey_manage", args=[_survey(client).slug])


def survey_results_for_its_owner(client):
    return reverse("participation:survey_results", args=[_survey(client).slug])


def survey_answering(client):
    survey = _survey(client)
    client.logout()
    return reverse("participation:survey_detail", args=[survey.slug])


def survey_thanks(client):
    survey = _survey(client)
    client.logout()
    return reverse("participation:survey_thanks", args=[survey.slug])


PAGES = [
    consultation_list,
    consultation_detail,
    consultation_create,
    consultation_edit,
    consultation_section_add,
    consultation_document_add,
    consultation_statement_edit,
    consultation_statement,
    knowledge_body,
    knowledge_ngo,
    knowledge_create,
    knowledge_edit,
    knowledge_detail_for_its_writer,
    knowledge_detail_for_the_body,
    survey_body,
    survey_create,
    survey_edit,
    survey_manage,
    survey_results_for_its_owner,
    survey_answering,
    survey_thanks,
    events_detail,
    events_manage,
    events_create,
    events_edit,
    events_submit,
    events_body_manage,
    events_body_create,
    events_queue,
    events_trusted,
    events_bulletin,
    premises_space,
    premises_book,
    premises_booking,
    premises_ngo_bookings,
    premises_manage,
    premises_create,
    premises_edit,
    premises_usage,
]


@pytest.mark.parametrize("page", PAGES, ids=[case.__name__ for case in PAGES])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_page_below_the_top_level_says_where_it_sits(client, page, language):
    url = page(client)
    assert url.startswith("/fi/")
    crumbs = crumbs_of(client, f"/{language}/{url.removeprefix('/fi/')}")
    assert crumbs.navs == 1
    assert crumbs.links[0] == (f"/{language}/", {"fi": "Etusivu", "sv": "Startsida"}[language])
    assert len(crumbs.links) >= 2
    assert crumbs.current == crumbs.h1
    for href, label in crumbs.links:
        assert label, href
        if href != f"/{language}/":
            assert client.get(href).status_code == 200, href


@pytest.mark.parametrize(
    "url_name", ["premises:list", "events:calendar", "participation:survey_list", "participation:knowledge_list"]
)
def test_the_top_level_pages_have_no_trail(client, url_name):
    assert crumbs_of(client, reverse(url_name)).navs == 0
