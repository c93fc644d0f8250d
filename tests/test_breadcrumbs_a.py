"""Every page below the top level shows where it sits: a breadcrumb trail that starts at the front
page and ends with the page's own title (the cooperation, welfare, about, core, activities and
NGO pages). Each page is opened as the person who uses it, built through the services."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.cooperation.governance import services as governance
from tests import factories
from tests.breadcrumbs import trail_of
from tests.cooperation import governance_factories as gf
from tests.cooperation.record_world import make_form, world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def _parse(response):
    return trail_of(response.content.decode())


# --- cooperation ---------------------------------------------------------------------------------


def _cooperation(world):
    """The cooperation record and governance objects of Salo, made through the services."""
    from tests.premises import factories as premises

    salo, coordinator = world["salo"], world["coordinator"]
    form = make_form(world)
    chair = factories.user(name="Paula Puheenjohtaja")
    network = gf.network(salo, chair=chair, members=[world["ngo"]], by=coordinator)
    group = gf.group(salo, by=coordinator)
    nomination = gf.nomination_request(group, network, by=coordinator)
    meeting = governance.meeting_save(
        by=coordinator,
        body=salo,
        data={
            "kind": "partnership_table",
            "title": "Kumppanuuspöytä",
            "starts_at": dt.datetime(2027, 2, 2, tzinfo=dt.UTC),
        },
        officials=[],
        organisations=[world["ngo"]],
    )
    expert = governance.expert_request_create(
        by=world["official"],
        body=salo,
        sector=world["sector"],
        topic="Kokemustietoa hyvinvointikertomukseen",
        needed="Kuvaus nuorten tilanteesta.",
        purpose="welfare_report",
        deadline=gf.today() + dt.timedelta(days=21),
        themes=[],
    )
    negotiation = governance.negotiation_open(by=coordinator, body=salo, year=2027)
    measure = governance.measure_save(
        by=coordinator,
        negotiation=negotiation,
        data={
            "goal": "Nuorten yksinäisyys vähenee",
            "measure": "Kohtaamispaikka",
            "indicator": "Osallistujat",
            "monitoring_on": dt.date(2027, 10, 1),
            "status": "planned",
            "follow_up": "",
        },
        sectors=[world["sector"]],
    )
    manager = premises.manager(salo)
    world["sector"].officials.add(manager)
    space = premises.space(salo, by=manager)
    (booking,) = premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1))
    from kumppani.premises import services as premises_services

    premises_services.booking_decide(booking=booking, approve=True, by=manager)
    return locals()


def _page(kind, name, who, *args, status=200, post=None, query=""):
    """A page of an app's world: its URL name, who opens it (a name in the world, None for anyone),
    its arguments (names of objects of the world, or "=literal values"), and how it is asked for."""
    how = {"status": status, "post": post, "query": query}
    return pytest.param(kind, name, who, args, how, id=f"{name}{query}{'-post' if post else ''}")


def _c(name, who, *args, **how):
    return _page("cooperation", name, who, *args, **how)


PAGES = [
    _c("cooperation:coordinators", None),
    _c("cooperation:body", None, "salo.slug"),
    _c("cooperation:sectors", "coordinator", "salo.slug"),
    _c("cooperation:sector", "coordinator", "salo.slug", "sector.slug"),
    _c("cooperation:contact", "coordinator", "salo.slug"),
    _c("cooperation:form_create", "official", "salo.slug"),
    _c("cooperation:form", "official", "form.uuid"),
    _c("cooperation:form_edit", "official", "form.uuid"),
    _c("cooperation:from_booking", "manager", "salo.slug", "=varaus", "booking.pk"),
    _c("cooperation:ngo", None, "ngo.slug"),
    _c("cooperation:propose", "rep", "ngo.slug", "salo.slug"),
    _c("cooperation:record", None, "salo.slug", "ngo.slug"),
    _c("cooperation:summary", "coordinator", "salo.slug"),
    _c("cooperation:groups", None, "salo.slug"),
    _c("cooperation:group_create", "coordinator", "salo.slug"),
    _c("cooperation:group", None, "group.pk"),
    _c("cooperation:group_edit", "coordinator", "group.pk"),
    _c("cooperation:nomination_request_create", "coordinator", "group.pk"),
    _c("cooperation:nomination_request", "coordinator", "nomination.pk"),
    _c("cooperation:nominate", "chair", "nomination.pk"),
    _c("cooperation:networks", None),
    _c("cooperation:network_create", "coordinator", "salo.slug"),
    _c("cooperation:network", None, "network.slug"),
    _c("cooperation:network_edit", "coordinator", "network.slug"),
    _c("cooperation:network_members", "coordinator", "network.slug"),
    _c("cooperation:meetings", None, "salo.slug"),
    _c("cooperation:meeting_create", "coordinator", "salo.slug"),
    _c("cooperation:meeting", None, "meeting.pk"),
    _c("cooperation:meeting_edit", "coordinator", "meeting.pk"),
    _c("cooperation:expert_requests", None, "salo.slug"),
    _c("cooperation:expert_request_create", "official", "salo.slug"),
    _c("cooperation:expert_request", "official", "expert.pk"),
    _c("cooperation:negotiations", None, "salo.slug"),
    _c("cooperation:negotiation", "coordinator", "negotiation.pk"),
    _c("cooperation:negotiation_edit", "coordinator", "negotiation.pk"),
    _c("cooperation:measure_create", "coordinator", "negotiation.pk"),
    _c("cooperation:measure_edit", "coordinator", "measure.pk"),
]


# --- welfare -------------------------------------------------------------------------------------


def _welfare(world):
    """A draft welfare report of Salo with one chapter that the sector's official writes."""
    from django.utils import timezone

    from kumppani.welfare import reports, services

    salo, coordinator = world["salo"], world["coordinator"]
    report = reports.report_create(
        body=salo,
        kind="yearly",
        first_year=timezone.localdate().year,
        title="Salon hyvinvointiraportti",
        by=coordinator,
    )
    chapter = reports.chapter_add(report=report, title="Ikääntyneet", editors=[world["official"]], by=coordinator)
    year = timezone.localdate().year - 1
    services.index_compute(body=salo, year=year, by=None)
    return {"report": report, "chapter": chapter, "year": year}


def _w(name, who, *args, **how):
    return _page("welfare", name, who, *args, **how)


PAGES += [
    _w("welfare:index", None),
    _w("welfare:body_index", None, "salo.slug"),
    _w("welfare:self_assess", "coordinator", "salo.slug", "year", "=grants_health_promotion"),
    _w("welfare:indicator_values", "coordinator", "salo.slug"),
    _w("welfare:indicator_import", "coordinator"),
    _w("welfare:reports", "coordinator", "salo.slug"),
    _w("welfare:report_new", "coordinator", "salo.slug"),
    _w("welfare:report", "coordinator", "report.pk"),
    _w("welfare:report_work", "coordinator", "report.pk"),
    _w("welfare:chapter_edit", "official", "chapter.pk"),
    _w("welfare:report_move", "coordinator", "report.pk", "=arvioitavaksi"),
]


# --- about, core, activities and NGOs ----------------------------------------------------------


def _others(world):
    """A service path of Salo with a step, a saved client list, an invitation and a sent e-mail."""
    from kumppani.activities.client_lists import services as client_lists
    from kumppani.activities.paths import services as paths
    from kumppani.core.models import OutboxMessage
    from kumppani.organisations import services as organisations
    from tests.activities.factories import activity

    salo, coordinator = world["salo"], world["coordinator"]
    group = activity(world["ngo"], "Nuorten vertaistukiryhmä", areas=[salo])
    path = paths.path_create(body=salo, by=coordinator, data={"name_fi": "Nuoren polku"})
    step = paths.step_add(path=path, by=coordinator, data={"kind": "ngo", "title_fi": "Vertaistuki"})
    paths.activity_attach(step=step, by=coordinator, activity=group)
    paths.path_publish(path=path, by=coordinator)
    saved = client_lists.client_list_create(activity_ids=[group.pk], language="fi")
    ngo_admin = factories.representative(world["ngo"], role="admin")
    _invitation, token = organisations.invitation_create_for_organisation(
        organisation=world["ngo"], by=ngo_admin, email="uusi@example.org"
    )
    message = OutboxMessage.objects.create(
        from_email="kumppani@example.org", to="uusi@example.org", subject="Kutsu Kumppaniin", body="Tervetuloa."
    )
    admin = factories.user(name="Ylläpitäjä", is_staff=True)
    return locals()


def _o(name, who, *args, **how):
    return _page("others", name, who, *args, **how)


FEEDBACK = {"topic": "service", "message": "Sivu on selkeä.", "email": "a@example.org"}
PAGES += [
    _o("about:accessibility", None),
    _o("about:privacy", None),
    _o("about:body_privacy", None, "salo.slug"),
    _o("about:body_privacy_edit", "coordinator", "salo.slug"),
    _o("about:feedback", None),
    _o("about:feedback", None, post=FEEDBACK),
    _o("core:body", None, "salo.slug"),
    _o("core:body", None, "=ei-ole-olemassa", status=404),
    _o("core:outbox", "coordinator", status=403),
    _o("core:search", None),
    _o("core:search", None, query="?q=nuoret"),
    _o("core:api_key", "coordinator"),
    _o("core:outbox_message", "admin", "message.pk"),
    _o("password_reset", None),
    _o("password_reset_done", None),
    _o("password_reset_confirm", None, "=MQ", "=vanhentunut"),
    _o("password_reset_complete", None),
    _o("activities:path", None, "salo.slug", "path.slug"),
    _o("activities:path_create", "coordinator", "salo.slug"),
    _o("activities:path_edit", "coordinator", "salo.slug", "path.slug"),
    _o("activities:path_update", "coordinator", "salo.slug", "path.slug"),
    _o("activities:path_delete", "coordinator", "salo.slug", "path.slug"),
    _o("activities:step_create", "coordinator", "salo.slug", "path.slug"),
    _o("activities:step_update", "coordinator", "salo.slug", "path.slug", "step.pk"),
    _o("activities:step_delete", "coordinator", "salo.slug", "path.slug", "step.pk"),
    _o("activities:step_activities", "coordinator", "salo.slug", "path.slug", "step.pk"),
    _o("activities:detail", None, "group.slug"),
    _o("activities:client_list_draft", None),
    _o("activities:client_list", None, "saved.token"),
    _o("organisations:signup", None),
    _o("organisations:import", "coordinator"),
    _o("organisations:accept_invitation", None, "token"),
    _o("organisations:accept_invitation", None, "=vanha-kutsu", status=410),
]

WORLDS = {"cooperation": _cooperation, "welfare": _welfare, "others": _others}


def _value(objects, spec: str):
    if spec.startswith("="):
        return spec[1:]
    name, *attributes = spec.split(".")
    value = objects[name]
    for attribute in attributes:
        value = getattr(value, attribute)
    return value


@pytest.mark.parametrize(("kind", "name", "who", "args", "how"), PAGES)
def test_the_page_shows_where_it_sits(client, world, kind, name, who, args, how):
    objects = {**world, **WORLDS[kind](world)}
    if who is not None:
        client.force_login(objects[who])
    url = reverse(name, args=[_value(objects, spec) for spec in args])
    response = client.post(url, how["post"]) if how["post"] else client.get(url + how["query"])
    assert response.status_code == how["status"], (url, response.status_code)
    page = _parse(response)
    assert len(page.trails) == 1, "one breadcrumb trail"
    trail = page.trails[0]
    assert trail[0]["href"] == reverse("core:home") and trail[0]["text"] == "Etusivu"
    assert trail[-1]["current"] == "page" and trail[-1]["href"] is None
    current = trail[-1]["text"]  # the page's heading, or the part of its title that names this page
    assert current == page.h1 or current.lower() in " ".join(page.title.split()).lower(), (current, page.h1)
    for item in trail[1:-1]:  # every step between is a link to a page the person can open
        assert item["href"] and item["current"] is None
        assert client.get(item["href"]).status_code == 200, item


@pytest.mark.parametrize("name", ["core:home", "core:body_list", "organisations:directory", "activities:directory"])
def test_a_top_level_page_has_no_trail(client, name):
    assert _parse(client.get(reverse(name))).trails == []
