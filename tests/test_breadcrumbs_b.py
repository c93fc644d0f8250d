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


def _official(salo):
    return factories.official(salo, role="official")


def _a_survey(salo):
    """A survey of Salo's with one question, and the official who made it."""
    official = _official(salo)
    survey = surveys.survey(salo, official)
    surveys.choice_question(survey, official)
    return survey, official


def _survey_owner(salo):
    return _a_survey(salo)[1]


def _salo_page(name, person=None):
    """Salo's page `name`, opened by `person(salo)` or, without one, by anyone."""

    def case(client):
        salo = factories.salo()
        if person:
            _signed_in(client, person(salo))
        return reverse(name, args=[salo.slug])

    return case


def _ngo_page(name):
    """An NGO's page `name`, opened by its representative."""

    def case(client):
        ngo = factories.organisation()
        _signed_in(client, factories.representative(ngo))
        return reverse(name, args=[ngo.slug])

    return case


def _event_page(name):
    """The page `name` of an NGO's event, opened by the representative who made it."""

    def case(client):
        ngo = factories.organisation()
        person = factories.representative(ngo)
        event = events.event(ngo, by=person)
        _signed_in(client, person)
        return reverse(name, args=[ngo.slug, event.slug])

    return case


def _consultation_world(client, person_key):
    world = helpers.world()
    item = helpers.consultation(world["salo"], world["official"])
    _signed_in(client, world[person_key])
    return world, item


def _consultation_page(name):
    """The page `name` of an open consultation, opened by its official."""

    def case(client):
        _world, item = _consultation_world(client, "official")
        return reverse(name, args=[item.pk])

    return case


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


def _report_page(name, *, of):
    """The page `name` of a knowledge report's NGO (`of="ngo"`) or of the report itself (`of="report"`),
    opened by its writer."""

    def case(client):
        report, ngo, writer = _report()
        _signed_in(client, writer)
        return reverse(name, args=[ngo.slug if of == "ngo" else report.pk])

    return case


def _survey_page(name, *, signed_in=True):
    """The page `name` of a survey, opened by the official who made it or, signed out, by anyone."""

    def case(client):
        survey, official = _a_survey(factories.salo())
        _signed_in(client, official)
        if not signed_in:
            client.logout()
        return reverse(name, args=[survey.slug])

    return case


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


def premises_edit(client):
    boss = premises.manager(factories.salo())
    space = premises.space(factories.salo(), by=boss)
    _signed_in(client, boss)
    return reverse("premises:edit", args=[space.slug])


def consultation_section_add(client):
    world = helpers.world()
    item = helpers.consultation(world["salo"], world["official"], open_it=False)
    _signed_in(client, world["official"])
    return reverse("participation:consultation_section_add", args=[item.pk])


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


def knowledge_detail_for_the_body(client):
    report, _ngo, writer = _report()
    knowledge.report_send(by=writer, report=report)
    _signed_in(client, _official(factories.salo()))
    return reverse("participation:knowledge_detail", args=[report.pk])


PAGES = {
    "consultation_list": _salo_page("participation:consultation_list"),
    "consultation_detail": _consultation_page("participation:consultation_detail"),
    "consultation_create": _salo_page("participation:consultation_create", _official),
    "consultation_edit": _consultation_page("participation:consultation_edit"),
    "consultation_section_add": consultation_section_add,
    "consultation_document_add": _consultation_page("participation:consultation_document_add"),
    "consultation_statement_edit": consultation_statement_edit,
    "consultation_statement": consultation_statement,
    "knowledge_body": _salo_page("participation:knowledge_body"),
    "knowledge_ngo": _report_page("participation:knowledge_ngo", of="ngo"),
    "knowledge_create": _report_page("participation:knowledge_create", of="ngo"),
    "knowledge_edit": _report_page("participation:knowledge_edit", of="report"),
    "knowledge_detail_for_its_writer": _report_page("participation:knowledge_detail", of="report"),
    "knowledge_detail_for_the_body": knowledge_detail_for_the_body,
    "survey_body": _salo_page("participation:survey_body", _survey_owner),
    "survey_create": _salo_page("participation:survey_create", _survey_owner),
    "survey_edit": _survey_page("participation:survey_edit"),
    "survey_manage": _survey_page("participation:survey_manage"),
    "survey_results_for_its_owner": _survey_page("participation:survey_results"),
    "survey_answering": _survey_page("participation:survey_detail", signed_in=False),
    "survey_thanks": _survey_page("participation:survey_thanks", signed_in=False),
    "events_detail": lambda client: reverse("events:detail", args=[events.published(factories.organisation()).slug]),
    "events_manage": _ngo_page("events:manage"),
    "events_create": _ngo_page("events:create"),
    "events_edit": _event_page("events:edit"),
    "events_submit": _event_page("events:submit"),
    "events_body_manage": _salo_page("events:body_manage", _official),
    "events_body_create": _salo_page("events:body_create", _official),
    "events_queue": _salo_page("events:queue", _official),
    "events_trusted": _salo_page("events:trusted", factories.official),
    "events_bulletin": _salo_page("events:bulletin", factories.official),
    "premises_space": lambda client: reverse("premises:detail", args=[premises.space(factories.salo()).slug]),
    "premises_book": premises_book,
    "premises_booking": premises_booking,
    "premises_ngo_bookings": premises_ngo_bookings,
    "premises_manage": _salo_page("premises:manage", premises.manager),
    "premises_create": _salo_page("premises:create", premises.manager),
    "premises_edit": premises_edit,
    "premises_usage": _salo_page("premises:usage", factories.official),
}


@pytest.mark.parametrize("page", PAGES.values(), ids=list(PAGES))
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
