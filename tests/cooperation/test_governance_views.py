"""Governance pages: what the public, the body's coordinator, the network's chair and an NGO see,
who is refused, and query counts that do not grow with the data."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.cooperation.governance import services
from kumppani.cooperation.governance.models import ActionItem, NominationRequest, NominationStatus, Seat
from kumppani.cooperation.models import Sector
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator")
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    chair = factories.user(name="Paula Puheenjohtaja")
    network = gf.network(salo, chair=chair, members=[ngo], by=coordinator)
    group = gf.group(salo, by=coordinator)
    meeting = gf.meeting(
        salo,
        by=coordinator,
        organisations=[ngo],
        agenda="Avustukset",
        minutes="Luonnos: sovittiin salaisuuksista.",
        network=network,
    )
    item = services.action_item_add(
        by=coordinator, meeting=meeting, title="Kootaan kokemustieto", due_on=gf.today(), owner_organisation=ngo
    )
    request = gf.nomination_request(group, network, by=coordinator)
    sector = Sector.objects.create(body=salo, name_fi="Hyte", slug="hyte")
    expert = services.expert_request_create(
        by=coordinator,
        body=salo,
        sector=sector,
        topic="Apua",
        needed="Tietoa",
        purpose="other",
        deadline=gf.today() + dt.timedelta(days=5),
    )
    return {
        "expert": expert,
        "salo": salo,
        "coordinator": coordinator,
        "ngo": ngo,
        "chair": chair,
        "network": network,
        "group": group,
        "meeting": meeting,
        "item": item,
        "request": request,
    }


def test_the_whole_nomination_goes_through_the_pages(client, world):
    client.force_login(world["coordinator"])
    response = client.post(
        reverse("cooperation:nomination_request_create", args=[world["group"].pk]),
        {
            "network": world["network"].pk,
            "seats": 1,
            "deputies": "on",
            "deadline": (gf.today() + dt.timedelta(days=10)).isoformat(),
            "term_start": "2027-01-01",
            "term_end": "2028-12-31",
            "message": "",
        },
    )
    request = NominationRequest.objects.exclude(pk=world["request"].pk).get()
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()

    client.force_login(world["chair"])
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert request.get_absolute_url() in dashboard
    assert f"viimeistään {request.deadline.day}.{request.deadline.month}.{request.deadline.year}" in dashboard
    response = client.post(
        reverse("cooperation:nominate", args=[request.pk]),
        {
            "organisation_1": world["ngo"].pk,
            "name_1": "Maija Meikäläinen",
            "email_1": "maija@example.org",
            "deputy_organisation_1": world["ngo"].pk,
            "deputy_name_1": "Ville Varajäsen",
            "deputy_email_1": "",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == NominationStatus.NOMINATED

    client.force_login(world["coordinator"])
    assert "Maija Meikäläinen" in client.get(request.get_absolute_url()).content.decode()
    response = client.post(reverse("cooperation:nomination_confirm", args=[request.pk]))
    assert response.status_code == 302

    client.logout()
    page = client.get(world["group"].get_absolute_url()).content.decode()
    assert "Maija Meikäläinen" in page and "Ville Varajäsen" in page and "1.1.2027–31.12.2028" in page
    assert "Maija Meikäläinen" in client.get(reverse("cooperation:groups", args=["salo"])).content.decode()
    assert "Maija Meikäläinen" in client.get(world["network"].get_absolute_url()).content.decode()
    assert "maija@example.org" not in page


def test_a_nomination_without_a_deputy_is_shown_beside_the_field_and_saves_nothing(client, world):
    client.force_login(world["chair"])
    response = client.post(
        reverse("cooperation:nominate", args=[world["request"].pk]),
        {"organisation_1": world["ngo"].pk, "name_1": "Maija Meikäläinen"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("deputy_name_1", code="deputy_required")
    assert world["request"].nominations.count() == 0


def test_draft_minutes_and_action_items_are_not_public(client, world):
    page = client.get(world["meeting"].get_absolute_url()).content.decode()
    assert "Avustukset" in page
    assert "salaisuuksista" not in page and "Kootaan kokemustieto" not in page
    client.force_login(factories.representative(world["ngo"]))
    page = client.get(world["meeting"].get_absolute_url()).content.decode()
    assert "Kootaan kokemustieto" in page and "salaisuuksista" not in page


def test_an_ngo_marks_its_action_item_done_from_its_own_page(client, world):
    client.force_login(factories.representative(world["ngo"]))
    assert "Kootaan kokemustieto" in client.get(reverse("core:dashboard")).content.decode()
    response = client.post(
        reverse("cooperation:action_done", args=[world["item"].pk]), {"next": reverse("core:dashboard")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")
    assert ActionItem.objects.get(pk=world["item"].pk).done_at is not None
    assert "Kootaan kokemustieto" not in client.get(reverse("core:dashboard")).content.decode()


def test_the_body_page_links_to_its_groups_and_meetings(client, world):
    page = client.get(world["salo"].get_absolute_url()).content.decode()
    assert reverse("cooperation:groups", args=["salo"]) in page
    assert reverse("cooperation:meetings", args=["salo"]) in page


# Permissions ----------------------------------------------------------------------------------


def protected_requests(world):
    group, request, network = world["group"], world["request"], world["network"]
    meeting, item = world["meeting"], world["item"]
    return [
        ("get", reverse("cooperation:group_create", args=["salo"])),
        ("post", reverse("cooperation:group_create", args=["salo"])),
        ("get", reverse("cooperation:group_edit", args=[group.pk])),
        ("post", reverse("cooperation:group_edit", args=[group.pk])),
        ("get", reverse("cooperation:nomination_request_create", args=[group.pk])),
        ("post", reverse("cooperation:nomination_request_create", args=[group.pk])),
        ("get", reverse("cooperation:nomination_request", args=[request.pk])),
        ("get", reverse("cooperation:nominate", args=[request.pk])),
        ("post", reverse("cooperation:nominate", args=[request.pk])),
        ("post", reverse("cooperation:nomination_confirm", args=[request.pk])),
        ("post", reverse("cooperation:nomination_cancel", args=[request.pk])),
        ("get", reverse("cooperation:network_create", args=["salo"])),
        ("post", reverse("cooperation:network_create", args=["salo"])),
        ("get", reverse("cooperation:network_edit", args=[network.slug])),
        ("post", reverse("cooperation:network_edit", args=[network.slug])),
        ("get", reverse("cooperation:network_members", args=[network.slug])),
        ("post", reverse("cooperation:network_members", args=[network.slug])),
        ("get", reverse("cooperation:meeting_create", args=["salo"])),
        ("post", reverse("cooperation:meeting_create", args=["salo"])),
        ("get", reverse("cooperation:meeting_edit", args=[meeting.pk])),
        ("post", reverse("cooperation:meeting_edit", args=[meeting.pk])),
        ("post", reverse("cooperation:meeting_approve", args=[meeting.pk])),
        ("post", reverse("cooperation:action_add", args=[meeting.pk])),
        ("post", reverse("cooperation:action_done", args=[item.pk])),
        ("get", reverse("cooperation:expert_request_create", args=["salo"])),
        ("post", reverse("cooperation:expert_request_create", args=["salo"])),
        ("post", reverse("cooperation:expert_answer", args=[world["expert"].pk])),
        ("post", reverse("cooperation:expert_fulfil", args=[world["expert"].pk])),
        ("post", reverse("cooperation:expert_close", args=[world["expert"].pk])),
    ]


@pytest.mark.parametrize("actor", ["anonymous", "representative of another NGO", "coordinator of another body"])
def test_outsiders_are_refused_and_nothing_changes(client, world, actor):
    tampere = factories.tampere()
    person = {
        "anonymous": None,
        "representative of another NGO": factories.representative(factories.organisation("Toinen ry", areas=[tampere])),
        "coordinator of another body": factories.official(tampere, role="coordinator"),
    }[actor]
    if person is not None:
        client.force_login(person)
    before = (AuditEntry.objects.count(), Seat.objects.count(), NominationRequest.objects.count())
    for method, url in protected_requests(world):
        data = {
            "name_fi": "Kaapattu",
            "title": "Kaapattu",
            "members": [world["ngo"].pk],
            "name_1": "X",
            "organisation": world["ngo"].pk,
            "text": "Kaapattu",
        }
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    assert (AuditEntry.objects.count(), Seat.objects.count(), NominationRequest.objects.count()) == before
    assert ActionItem.objects.get(pk=world["item"].pk).done_at is None
    assert not world["expert"].answers.exists()


# Query counts ---------------------------------------------------------------------------------


def _more(world, n):
    for i in range(n):
        group = gf.group(world["salo"], by=world["coordinator"], name=f"Työryhmä {i}", kind="working_group")
        request = gf.nomination_request(group, world["network"], by=world["coordinator"])
        services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
        services.nomination_confirm(by=world["coordinator"], request=request)
        gf.network(world["salo"], by=world["coordinator"], members=[world["ngo"]], name=f"Verkosto {i}")
        services.meeting_save(
            by=world["coordinator"],
            body=world["salo"],
            data={
                "kind": "network",
                "title": f"Verkostokokous {i}",
                "starts_at": dt.datetime(2027, 1, 1 + i, tzinfo=dt.UTC),
            },
            officials=[],
            organisations=[world["ngo"]],
        )


@pytest.mark.parametrize("n", [1, 6])
@pytest.mark.parametrize(
    ("name", "args", "queries"),
    [
        ("cooperation:groups", ["salo"], 3),  # the body, the groups, their current seats
        ("cooperation:networks", [], 1),  # the networks with their areas, chairs and member counts
        ("cooperation:meetings", ["salo"], 2),  # the body, the meetings with their NGO counts
    ],
)
def test_list_pages_read_a_fixed_number_of_queries(client, world, django_assert_num_queries, n, name, args, queries):
    _more(world, n)
    with django_assert_num_queries(queries):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
