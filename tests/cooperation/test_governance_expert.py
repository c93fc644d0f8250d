"""Expert requests: an official asks the NGOs of the area, the matching ones are told, their answers
come back in one place, and fulfilled help becomes realised practical cooperation."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kumppani.cooperation.governance import queries, services
from kumppani.cooperation.governance.models import ExpertAnswer, ExpertRequest, ExpertRequestStatus
from kumppani.cooperation.models import Sector
from kumppani.core.models import Term
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    official = factories.official(salo, role="official", email="virkailija@salo.example")
    sector = Sector.objects.create(body=salo, name_fi="Hyvinvoinnin edistäminen", slug="hyte")
    sector.officials.add(official)
    mental, elderly = Term.objects.filter(vocabulary="theme").order_by("pk")[:2]
    matching = factories.organisation("Salon Mielenterveysseura ry", areas=[salo], themes=[mental])
    elsewhere = factories.organisation("Porvoon Mielenterveysseura ry", areas=[factories.porvoo()], themes=[mental])
    other_theme = factories.organisation("Salon Eläkeläiset ry", areas=[salo], themes=[elderly])
    rep = factories.representative(matching, email="edustaja@mieli.example")
    factories.representative(elsewhere, email="porvoo@mieli.example")
    factories.representative(other_theme, email="elakelaiset@example.org")
    return {
        "salo": salo,
        "official": official,
        "sector": sector,
        "mental": mental,
        "matching": matching,
        "other_theme": other_theme,
        "rep": rep,
    }


def _ask(world, **extra):
    data = {
        "body": world["salo"],
        "sector": world["sector"],
        "topic": "Kokemustietoa hyvinvointikertomukseen",
        "needed": "Kuvaus nuorten aikuisten mielenterveyden tilanteesta Salossa.",
        "purpose": "welfare_report",
        "deadline": gf.today() + dt.timedelta(days=21),
        "themes": [world["mental"]],
    }
    data.update(extra)
    return services.expert_request_create(by=world["official"], **data)


def test_the_ngos_of_the_area_with_the_theme_are_told(world, mailoutbox):
    request = _ask(world)
    assert [m.to for m in mailoutbox] == [["edustaja@mieli.example"]]
    assert "Kokemustietoa hyvinvointikertomukseen" in mailoutbox[0].subject
    assert request.notified_count == 1
    assert list(queries.open_expert_requests_for(world["rep"])) == [request]


def test_an_ngo_answers_and_the_official_sees_the_answers_in_one_place(client, world, mailoutbox):
    request = _ask(world)
    mailoutbox.clear()
    client.force_login(world["rep"])
    response = client.post(
        reverse("cooperation:expert_answer", args=[request.pk]),
        {
            "organisation": world["matching"].pk,
            "text": "Voimme koota kokemuksia vertaisryhmistämme.",
            "contact_email": "",
        },
    )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["virkailija@salo.example"]]
    assert list(queries.open_expert_requests_for(world["rep"])) == []

    client.force_login(world["official"])
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Voimme koota kokemuksia vertaisryhmistämme." in page
    client.logout()
    public = client.get(request.get_absolute_url()).content.decode()
    assert "Kuvaus nuorten aikuisten" in public and "Voimme koota" not in public


def test_an_ngo_answers_only_for_its_own_and_only_while_open(world):
    request = _ask(world)
    with pytest.raises(PermissionDenied):
        services.expert_answer_submit(by=world["rep"], request=request, organisation=world["other_theme"], text="x")
    services.expert_request_close(by=world["official"], request=request)
    with pytest.raises(ValidationError) as error:
        services.expert_answer_submit(by=world["rep"], request=request, organisation=world["matching"], text="x")
    assert error.value.error_list[0].code == "closed"
    assert ExpertAnswer.objects.count() == 0


def test_a_request_needs_a_sector_of_the_body_and_a_coming_deadline(world):
    other_sector = Sector.objects.create(body=factories.tampere(), name_fi="Nuoriso", slug="nuoriso")
    with pytest.raises(ValidationError) as error:
        _ask(world, sector=other_sector, deadline=gf.today() - dt.timedelta(days=1))
    assert set(error.value.error_dict) == {"sector", "deadline"}
    assert ExpertRequest.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.expert_request_create(
            by=world["rep"],
            body=world["salo"],
            sector=world["sector"],
            topic="x",
            needed="x",
            purpose="other",
            deadline=gf.today(),
        )


def test_fulfilled_help_is_recorded_as_realised_practical_cooperation(world, mailoutbox):
    request = _ask(world)
    answer = services.expert_answer_submit(
        by=world["rep"], request=request, organisation=world["matching"], text="Autamme mielellämme."
    )
    mailoutbox.clear()
    form = services.expert_request_fulfil(by=world["official"], request=request, answers=[answer], note="Hyvä apu.")
    request.refresh_from_db()
    assert request.status == ExpertRequestStatus.FULFILLED and request.cooperation_form == form
    assert (form.category, form.kind) == ("practical", "expert_help")
    assert list(form.organisations.all()) == [world["matching"]]
    assert form.realisations.get().outcome == "realised"
    assert ["edustaja@mieli.example"] in [m.to for m in mailoutbox]
    with pytest.raises(ValidationError):
        services.expert_request_fulfil(by=world["official"], request=request, answers=[answer])


@pytest.mark.parametrize("n", [1, 6])
def test_the_list_reads_a_fixed_number_of_queries(client, world, django_assert_num_queries, n):
    for i in range(n):
        _ask(world, topic=f"Pyyntö {i}")
    with django_assert_num_queries(2):  # the body, the requests with their sectors and answer counts
        response = client.get(reverse("cooperation:expert_requests", args=["salo"]))
    assert response.content.decode().count("/asiantuntijapyynnot/") >= n
