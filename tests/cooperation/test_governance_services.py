"""Governance rules through the services the pages and the API call: networks, groups,
nominations, meetings and action items."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kumppani.cooperation import queries as record_queries
from kumppani.cooperation.governance import queries, services
from kumppani.cooperation.governance.models import ExpertAnswer, ExpertRequest, NominationStatus, Seat
from kumppani.cooperation.models import Sector
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator", email="koordinaattori@salo.example")
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    other = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    chair = factories.user(name="Paula Puheenjohtaja", email="paula@example.org")
    network = gf.network(salo, chair=chair, members=[ngo, other], by=coordinator)
    group = gf.group(salo, by=coordinator)
    return {
        "salo": salo,
        "coordinator": coordinator,
        "ngo": ngo,
        "other": other,
        "chair": chair,
        "network": network,
        "group": group,
    }


def _codes(error) -> set[str]:
    value = error.value
    if hasattr(value, "error_dict"):
        return {e.code for errors in value.error_dict.values() for e in errors}
    return {e.code for e in value.error_list}


def test_a_nomination_request_goes_to_the_chair_who_nominates_and_the_coordinator_confirms(world, mailoutbox):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    assert [m.to for m in mailoutbox] == [["paula@example.org"]]
    assert "Vanhusneuvosto" in mailoutbox[0].subject
    mailoutbox.clear()

    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    request.refresh_from_db()
    assert request.status == NominationStatus.NOMINATED
    assert [m.to for m in mailoutbox] == [["koordinaattori@salo.example"]]
    assert "Maija Meikäläinen" in mailoutbox[0].body
    mailoutbox.clear()

    seats = services.nomination_confirm(by=world["coordinator"], request=request)
    request.refresh_from_db()
    assert request.status == NominationStatus.CONFIRMED
    assert [(s.name, s.organisation.name, s.deputy_name) for s in seats] == [
        ("Maija Meikäläinen", "Salon Eläkeläiset ry", "Ville Varajäsen")
    ]
    assert seats[0].term_start == request.term_start
    assert sorted(tuple(m.to) for m in mailoutbox) == [
        ("maija@example.org", "ville@example.org"),
        ("paula@example.org",),
    ]
    actions = list(
        AuditEntry.objects.filter(object_type="cooperation.nominationrequest", object_id=request.pk).values_list(
            "action", flat=True
        )
    )
    assert set(actions) == {"nomination_requested", "nominated", "nominations_confirmed"}


def test_only_the_network_nominates_and_only_the_body_confirms(world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    with pytest.raises(PermissionDenied):
        services.nomination_submit(by=world["coordinator"], request=request, nominees=[gf.nominee(world["ngo"])])
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    with pytest.raises(PermissionDenied):
        services.nomination_confirm(by=world["chair"], request=request)
    tampere_coordinator = factories.official(factories.tampere(), role="coordinator")
    with pytest.raises(PermissionDenied):
        services.nomination_confirm(by=tampere_coordinator, request=request)
    assert Seat.objects.count() == 0


def test_a_nominee_must_come_from_a_member_ngo_and_have_a_deputy(world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    outsider = factories.organisation("Ulkopuolinen ry", areas=[world["salo"]])
    with pytest.raises(ValidationError) as error:
        services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(outsider)])
    assert _codes(error) == {"not_member"}
    with pytest.raises(ValidationError) as error:
        services.nomination_submit(
            by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"], deputy_name="")]
        )
    assert _codes(error) == {"deputy_required"}
    with pytest.raises(ValidationError) as error:
        services.nomination_submit(
            by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"]), gf.nominee(world["other"])]
        )
    assert _codes(error) == {"too_many"}
    request.refresh_from_db()
    assert request.status == NominationStatus.SENT and request.nominations.count() == 0


def test_a_request_cannot_ask_more_seats_than_the_group_has_nor_a_past_deadline(world):
    with pytest.raises(ValidationError) as error:
        services.nomination_request_create(
            by=world["coordinator"],
            group=world["group"],
            network=world["network"],
            seats=3,
            deputies=False,
            deadline=gf.today() - dt.timedelta(days=1),
            term_start=gf.today(),
            term_end=gf.today() - dt.timedelta(days=1),
        )
    assert _codes(error) == {"too_many_seats", "past_deadline", "term_order"}


def test_confirmed_nominations_cannot_be_confirmed_twice_or_changed(world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    services.nomination_confirm(by=world["coordinator"], request=request)
    with pytest.raises(ValidationError) as error:
        services.nomination_confirm(by=world["coordinator"], request=request)
    assert _codes(error) == {"not_nominated"}
    with pytest.raises(ValidationError):
        services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["other"])])
    assert Seat.objects.count() == 1


def test_the_chair_can_change_the_nominations_until_they_are_confirmed(world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    services.nomination_submit(
        by=world["chair"], request=request, nominees=[gf.nominee(world["other"], name="Olli Omainen")]
    )
    assert [n.name for n in request.nominations.all()] == ["Olli Omainen"]


def test_the_chair_sees_the_request_and_the_coordinator_the_nominations_on_their_own_pages(world):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    assert list(queries.requests_to_nominate(world["chair"])) == [request]
    assert list(queries.nominations_to_confirm(world["coordinator"])) == []
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    assert list(queries.requests_to_nominate(world["chair"])) == []
    assert list(queries.nominations_to_confirm(world["coordinator"])) == [request]


def test_only_the_areas_coordinators_set_up_a_network_and_its_chair_keeps_the_members(world):
    rep = factories.representative(world["ngo"])
    with pytest.raises(PermissionDenied):
        services.network_save(by=rep, area=world["salo"], chair=rep, data={"name_fi": "Oma verkosto"})
    newcomer = factories.organisation("Uusi ry", areas=[world["salo"]])
    services.network_members_set(by=world["chair"], network=world["network"], organisations=[world["ngo"], newcomer])
    assert set(world["network"].members.values_list("name", flat=True)) == {"Salon Eläkeläiset ry", "Uusi ry"}
    with pytest.raises(PermissionDenied):
        services.network_members_set(by=rep, network=world["network"], organisations=[])


# Meetings and action items -------------------------------------------------------------------


@pytest.fixture
def meeting(world):
    return services.meeting_save(
        by=world["coordinator"],
        body=world["salo"],
        data={
            "kind": "partnership_table",
            "title": "Kumppanuuspöytä syksy",
            "starts_at": dt.datetime(2027, 9, 14, 14, tzinfo=dt.UTC),
            "place": "Kaupungintalo",
            "agenda": "1. Avustukset\n2. Hyvinvointikertomus",
            "minutes": "",
            "network": None,
        },
        officials=[world["coordinator"]],
        organisations=[world["ngo"], world["other"]],
    )


def test_action_items_show_on_the_owners_pages_until_done(world, meeting, mailoutbox):
    rep = factories.representative(world["ngo"], email="edustaja@example.org")
    official = factories.official(world["salo"], role="official")
    item = services.action_item_add(
        by=world["coordinator"],
        meeting=meeting,
        title="Kootaan järjestöjen kokemustieto hyvinvointikertomukseen",
        due_on=gf.today() + dt.timedelta(days=30),
        owner_organisation=world["ngo"],
    )
    assert ["edustaja@example.org"] in [m.to for m in mailoutbox]
    assert list(queries.open_actions_for(rep)) == [item]
    assert list(queries.open_actions_for(official)) == []
    with pytest.raises(PermissionDenied):
        services.action_item_done(by=official, item=item)
    services.action_item_done(by=rep, item=item)
    assert list(queries.open_actions_for(rep)) == []
    with pytest.raises(ValidationError):
        services.action_item_done(by=rep, item=item)


def test_an_action_item_needs_an_owner_of_the_body(world, meeting):
    with pytest.raises(ValidationError) as error:
        services.action_item_add(by=world["coordinator"], meeting=meeting, title="Jotain", due_on=gf.today())
    assert _codes(error) == {"no_owner"}
    outsider = factories.official(factories.tampere(), role="official")
    with pytest.raises(ValidationError) as error:
        services.action_item_add(
            by=world["coordinator"], meeting=meeting, title="Jotain", due_on=gf.today(), owner_user=outsider
        )
    assert _codes(error) == {"not_official"}


def test_minutes_are_approved_once_and_then_not_changed(world, meeting):
    with pytest.raises(ValidationError):
        services.meeting_minutes_approve(by=world["coordinator"], meeting=meeting)
    meeting = services.meeting_save(
        by=world["coordinator"],
        meeting=meeting,
        data={"minutes": "Sovittiin avustusten aikataulusta."},
        officials=[world["coordinator"]],
        organisations=[world["ngo"]],
    )
    services.meeting_minutes_approve(by=world["coordinator"], meeting=meeting)
    with pytest.raises(ValidationError) as error:
        services.meeting_save(
            by=world["coordinator"], meeting=meeting, data={"minutes": "Muutettu"}, officials=[], organisations=[]
        )
    assert _codes(error) == {"approved"}


def test_the_ngo_record_shows_seats_and_meetings_publicly_and_action_items_to_its_own(world, meeting):
    request = gf.nomination_request(world["group"], world["network"], by=world["coordinator"])
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    services.nomination_confirm(by=world["coordinator"], request=request)
    services.action_item_add(
        by=world["coordinator"], meeting=meeting, title="Tiedote", due_on=gf.today(), owner_organisation=world["ngo"]
    )
    from django.contrib.auth.models import AnonymousUser

    def parts(viewer):  # as the NGO's cooperation record with the body shows them to the viewer
        return record_queries.ngo_record(world["ngo"], world["salo"], viewer).governance

    public = parts(AnonymousUser())
    assert [s.group.name for s in public["seats"]] == ["Vanhusneuvosto"]
    assert [m.title for m in public["meetings"]] == ["Kumppanuuspöytä syksy"]
    assert public["action_items"] == []
    own = parts(factories.representative(world["ngo"]))
    assert [i.title for i in own["action_items"]] == ["Tiedote"]
    other_body = parts(factories.official(factories.tampere()))
    assert other_body["action_items"] == []


@pytest.mark.parametrize("n", [1, 4])
def test_the_ngo_records_governance_parts_read_a_fixed_number_of_queries(world, client, django_assert_num_queries, n):
    sector = Sector.objects.create(body=world["salo"], name_fi="Ikäihmiset", slug="ikaihmiset")
    for i in range(n):
        group = gf.group(world["salo"], by=world["coordinator"], name=f"Ryhmä {i}")
        request = gf.nomination_request(group, world["network"], by=world["coordinator"])
        services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
        services.nomination_confirm(by=world["coordinator"], request=request)
        meeting = services.meeting_save(
            by=world["coordinator"],
            body=world["salo"],
            data={"title": f"Kokous {i}", "starts_at": dt.datetime(2027, 1, 1 + i, tzinfo=dt.UTC)},
            officials=[],
            organisations=[world["ngo"]],
        )
        services.action_item_add(
            by=world["coordinator"],
            meeting=meeting,
            title=f"Tehtävä {i}",
            due_on=gf.today(),
            owner_organisation=world["ngo"],
        )
        request = ExpertRequest.objects.create(
            body=world["salo"],
            sector=sector,
            topic=f"Pyyntö {i}",
            needed="x",
            deadline=gf.today(),
            created_by=world["coordinator"],
        )
        ExpertAnswer.objects.create(
            request=request, organisation=world["ngo"], text="x", answered_by=world["coordinator"]
        )
    with django_assert_num_queries(4):  # seats, meetings, action items, expert answers
        parts = queries.ngo_parts(world["ngo"], world["salo"], full=True)
    assert len(parts["seats"]) == len(parts["meetings"]) == len(parts["action_items"]) == n
    assert len(parts["expert_answers"]) == n

    # The record page shows them all without a query per row (nor for a field left unloaded).
    client.force_login(factories.representative(world["ngo"]))
    url = reverse("cooperation:record", args=[world["salo"].slug, world["ngo"].slug])
    with django_assert_num_queries(10):  # no forms here, so none of their parts
        page = client.get(url).content.decode()
    for i in range(n):
        for text in (
            f"Ryhmä {i}",
            "Maija Meikäläinen (Salon Eläkeläiset ry)",
            f"Kokous {i}",
            f"Tehtävä {i}",
            f"Pyyntö {i}",
        ):
            assert text in page
