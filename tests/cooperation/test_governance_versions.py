"""No lost updates in governance: two people who edit the same group, network, meeting, action
item, expert request or yearly negotiation never silently overwrite each other. The second save,
made from a page opened before the first, is refused with a message that lists what changed, and
the form keeps what the second person typed for an informed save again."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from kumppani.cooperation.governance import services
from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    ExpertRequestStatus,
    Meeting,
    Negotiation,
    NegotiationMeasure,
    NgoNetwork,
    WorkingGroup,
)
from kumppani.cooperation.models import Sector
from kumppani.core.models import AuditEntry
from tests import factories
from tests.cooperation import governance_factories as gf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    coordinator = factories.official(salo, role="coordinator", name="Kaisa Koordinaattori")
    colleague = factories.official(salo, role="coordinator", name="Olli Kollega")
    ngo = factories.organisation("Salon Eläkeläiset ry", areas=[salo])
    other_ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    chair = factories.user(name="Paula Puheenjohtaja")
    network = gf.network(salo, chair=chair, members=[ngo], by=coordinator)
    group = gf.group(salo, by=coordinator)
    meeting = gf.meeting(
        salo, by=coordinator, organisations=[ngo], agenda="Avustukset", minutes="Luonnos", network=None
    )
    return {
        "salo": salo,
        "coordinator": coordinator,
        "colleague": colleague,
        "ngo": ngo,
        "other_ngo": other_ngo,
        "chair": chair,
        "network": network,
        "group": group,
        "meeting": meeting,
    }


def _form_data(response, **changes) -> dict:
    """What the page's form would send unchanged, with `changes` typed in."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, dt.datetime):
            data[name] = value.strftime("%Y-%m-%dT%H:%M")
        else:
            data[name] = str(value)
    data.update(changes)
    return data


def _open(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response


def _two_saves(client, first_user, second_user, url, first: dict, second: dict):
    """Both open the page; the first saves `first`, then the second saves `second` from the older page."""
    first_page = _form_data(_open(client, first_user, url), **first)
    second_page = _form_data(_open(client, second_user, url), **second)
    client.force_login(first_user)
    assert client.post(url, first_page).status_code == 302
    client.force_login(second_user)
    return client.post(url, second_page)


def _refused(response) -> str:
    assert response.status_code == 200
    text = response.content.decode()
    assert response.context["form"].errors
    return text


def test_a_group_saved_from_an_older_page_is_refused_and_names_the_change(client, world):
    group = world["group"]
    url = reverse("cooperation:group_edit", args=[group.pk])
    response = _two_saves(
        client,
        world["coordinator"],
        world["colleague"],
        url,
        {"name_fi": "Ikäihmisten neuvosto"},
        {"description_fi": "Kokoontuu kerran kuussa."},
    )
    text = _refused(response)
    assert "Ikäihmisten neuvosto" in text  # what the colleague changed, listed
    group.refresh_from_db()
    assert group.name_fi == "Ikäihmisten neuvosto" and group.description_fi == "" and group.version == 2
    # Saving again from the refreshed form keeps both changes.
    again = client.post(url, dict(response.context["form"].data))
    assert again.status_code == 302
    group.refresh_from_db()
    assert (group.name_fi, group.description_fi, group.version) == (
        "Ikäihmisten neuvosto",
        "Kokoontuu kerran kuussa.",
        3,
    )
    changes = AuditEntry.objects.filter(action="group_updated").order_by("pk").first().changes
    assert changes["name_fi"] == ["Vanhusneuvosto", "Ikäihmisten neuvosto"]


def test_a_network_edited_by_its_chair_and_a_coordinator_loses_nothing(client, world):
    network = world["network"]
    url = reverse("cooperation:network_edit", args=[network.slug])
    response = _two_saves(
        client,
        world["chair"],
        world["coordinator"],
        url,
        {"description_fi": "Salon järjestöjen yhteinen ääni."},
        {"name_sv": "Salo organisationsråd"},
    )
    text = _refused(response)
    assert "Salon järjestöjen yhteinen ääni." in text
    network.refresh_from_db()
    assert network.description_fi == "Salon järjestöjen yhteinen ääni." and not network.name_sv


def test_member_lists_saved_from_an_older_page_are_refused(client, world):
    network = world["network"]
    url = reverse("cooperation:network_members", args=[network.slug])
    response = _two_saves(
        client,
        world["chair"],
        world["coordinator"],
        url,
        {"members": [str(world["ngo"].pk), str(world["other_ngo"].pk)]},
        {"members": []},
    )
    text = _refused(response)
    assert "Salon Omaishoitajat ry" in text
    assert set(network.members.all()) == {world["ngo"], world["other_ngo"]}


def test_minutes_written_by_a_colleague_are_not_overwritten_or_approved_unread(client, world):
    meeting = world["meeting"]
    url = reverse("cooperation:meeting_edit", args=[meeting.pk])
    detail = reverse("cooperation:meeting", args=[meeting.pk])
    # The colleague opens the meeting's page (with the approve button) before the minutes change.
    client.force_login(world["colleague"])
    assert 'name="version" value="1"' in client.get(detail).content.decode()
    response = _two_saves(
        client,
        world["coordinator"],
        world["colleague"],
        url,
        {"minutes": "Sovittiin avustusinfosta 1.3."},
        {"agenda": "Avustukset ja tilat"},
    )
    text = _refused(response)
    assert "Sovittiin avustusinfosta 1.3." in text
    meeting.refresh_from_db()
    assert meeting.agenda == "Avustukset" and meeting.minutes == "Sovittiin avustusinfosta 1.3."
    # Approving from the page opened before the change is refused too, naming the new minutes.
    client.force_login(world["colleague"])
    refused = client.post(reverse("cooperation:meeting_approve", args=[meeting.pk]), {"version": "1"}, follow=True)
    assert "Sovittiin avustusinfosta 1.3." in refused.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at is None
    client.post(reverse("cooperation:meeting_approve", args=[meeting.pk]), {"version": str(meeting.version)})
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at is not None


def test_an_action_item_marked_done_twice_says_who_did_it(client, world):
    item = services.action_item_add(
        by=world["coordinator"],
        meeting=world["meeting"],
        title="Kootaan kokemustieto",
        due_on=gf.today(),
        owner_user=world["colleague"],
    )
    url = reverse("cooperation:action_done", args=[item.pk])
    client.force_login(world["colleague"])
    assert client.post(url, {"version": "1"}).status_code == 302
    client.force_login(world["coordinator"])
    response = client.post(url, {"version": "1"}, follow=True)
    assert "Olli Kollega" in response.content.decode()
    item.refresh_from_db()
    assert item.done_by == world["colleague"] and item.version == 2


def test_an_expert_request_closed_meanwhile_is_not_recorded_as_fulfilled(world):
    sector = Sector.objects.create(body=world["salo"], name_fi="Hyte", slug="hyte")
    expert = services.expert_request_create(
        by=world["coordinator"],
        body=world["salo"],
        sector=sector,
        topic="Hyvinvointikertomus",
        needed="Kokemustietoa",
        purpose="welfare_report",
        deadline=gf.today() + dt.timedelta(days=5),
    )
    member = factories.representative(world["ngo"])
    answer = services.expert_answer_submit(by=member, request=expert, organisation=world["ngo"], text="Autamme")
    stale = ExpertRequest.objects.get(pk=expert.pk)
    services.expert_request_close(by=world["colleague"], request=expert, version=1)
    with pytest.raises(Exception) as refused:
        services.expert_request_fulfil(by=world["coordinator"], request=stale, answers=[answer], version=1)
    assert getattr(refused.value, "code", None) == "stale"
    expert.refresh_from_db()
    assert expert.status == ExpertRequestStatus.CLOSED and expert.cooperation_form is None


def test_a_yearly_negotiation_and_its_measures_keep_both_coordinators_changes(client, world):
    negotiation = services.negotiation_open(by=world["coordinator"], body=world["salo"], year=2027)
    url = reverse("cooperation:negotiation_edit", args=[negotiation.pk])
    response = _two_saves(
        client,
        world["coordinator"],
        world["colleague"],
        url,
        {"place": "Salon kaupungintalo"},
        {"summary": "Sovittiin kolmesta tavoitteesta."},
    )
    assert "Salon kaupungintalo" in _refused(response)
    negotiation.refresh_from_db()
    assert negotiation.place == "Salon kaupungintalo" and negotiation.summary == ""

    measure = services.measure_save(
        by=world["coordinator"], negotiation=negotiation, data={"goal": "Liikunta", "measure": "Kävelyryhmät"}
    )
    measure_url = reverse("cooperation:measure_edit", args=[measure.pk])
    response = _two_saves(
        client,
        world["coordinator"],
        world["colleague"],
        measure_url,
        {"indicator": "Ryhmien määrä"},
        {"measure": "Kävely- ja tuolijumpparyhmät"},
    )
    assert "Ryhmien määrä" in _refused(response)
    measure.refresh_from_db()
    assert measure.measure == "Kävelyryhmät" and measure.indicator == "Ryhmien määrä"

    # Agreeing from a page opened before the summary changed is refused.
    negotiation.refresh_from_db()
    old_version = negotiation.version
    services.negotiation_update(
        by=world["colleague"],
        negotiation=negotiation,
        data={"held_on": gf.today(), "place": "Salon kaupungintalo", "summary": "Kolme tavoitetta"},
        organisations=[],
        version=old_version,
    )
    client.force_login(world["coordinator"])
    response = client.post(
        reverse("cooperation:negotiation_agree", args=[negotiation.pk]), {"version": str(old_version)}, follow=True
    )
    assert "Kolme tavoitetta" in response.content.decode()
    assert Negotiation.objects.get(pk=negotiation.pk).status == "preparing"


def test_the_api_answers_a_stale_change_of_minutes_with_409_listing_the_change(world):
    api = APIClient()
    meeting = world["meeting"]
    api.force_authenticate(world["coordinator"])
    url = f"/api/v1/cooperation/meetings/{meeting.pk}/"
    read = api.get(url).json()
    assert read["version"] == 1 and read["minutes"] == "Luonnos"
    assert api.patch(url, {"minutes": "Sovittiin tiloista.", "version": 1}, format="json").status_code == 200
    api.force_authenticate(world["colleague"])
    response = api.patch(url, {"agenda": "Uusi", "version": 1}, format="json")
    assert response.status_code == 409
    assert "Sovittiin tiloista." in response.json()["version"][0]
    meeting.refresh_from_db()
    assert meeting.agenda == "Avustukset" and meeting.version == 2
    # The public sees the agenda, not the draft minutes; others cannot change it.
    api.force_authenticate(None)
    public = api.get(url).json()
    assert public["agenda"] == "Avustukset" and public["minutes"] is None
    assert api.patch(url, {"agenda": "x"}, format="json").status_code in (401, 403)
    outsider = factories.official(factories.tampere(), role="coordinator")
    api.force_authenticate(outsider)
    assert api.patch(url, {"agenda": "x", "version": 2}, format="json").status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).agenda == "Avustukset"


def test_the_api_shows_versions_and_refuses_a_stale_done(world):
    api = APIClient()
    item = services.action_item_add(
        by=world["coordinator"],
        meeting=world["meeting"],
        title="Tiedote",
        due_on=gf.today(),
        owner_user=world["colleague"],
    )
    ActionItem.objects.filter(pk=item.pk).update(version=2)  # changed meanwhile
    api.force_authenticate(world["colleague"])
    assert (
        api.post(f"/api/v1/cooperation/action-items/{item.pk}/done/", {"version": 1}, format="json").status_code == 409
    )
    assert ActionItem.objects.get(pk=item.pk).done_at is None
    assert (
        api.post(f"/api/v1/cooperation/action-items/{item.pk}/done/", {"version": 2}, format="json").status_code == 200
    )
    assert api.get(f"/api/v1/cooperation/groups/{world['group'].pk}/").json()["version"] == 1
    assert api.get(f"/api/v1/cooperation/networks/{world['network'].slug}/").json()["version"] >= 1


def test_confirming_nominees_moves_the_groups_version(world):
    group = world["group"]
    request = gf.nomination_request(group, world["network"], by=world["coordinator"])
    services.nomination_submit(by=world["chair"], request=request, nominees=[gf.nominee(world["ngo"])])
    services.nomination_confirm(by=world["coordinator"], request=request)
    assert WorkingGroup.objects.get(pk=group.pk).version == 2
    assert NgoNetwork.objects.get(pk=world["network"].pk).version >= 1
    assert NegotiationMeasure.objects.count() == 0


def test_the_history_names_recorded_keys_in_words_not_as_raw_keys():
    from kumppani.core.audit import field_label

    assert field_label("grants.boardmeeting", "proposed_total") != "proposed_total"
    assert field_label("cooperation.expertrequest", "organisations") != "organisations"
    assert field_label("cooperation.negotiation", "carried_over") != "carried_over"


def test_a_networks_chair_and_coordinators_keep_it_on_its_pages(client, world):
    network = world["network"]
    helper = factories.user(name="Kalle Koordinoija", email="kalle@example.org")
    member_rep = factories.representative(world["ngo"])
    page = reverse("cooperation:network", args=[network.slug])
    edit = reverse("cooperation:network_edit", args=[network.slug])
    members = reverse("cooperation:network_members", args=[network.slug])
    # The chair names a coordinator and renames the network.
    data = _form_data(_open(client, world["chair"], edit), name_fi="Salon JANE", coordinator_emails="kalle@example.org")
    assert client.post(edit, data).status_code == 302
    network.refresh_from_db()
    assert network.name_fi == "Salon JANE" and list(network.coordinators.all()) == [helper]
    # The coordinator sees the buttons and keeps the members and the description.
    client.force_login(helper)
    assert edit in client.get(page).content.decode()
    data = _form_data(_open(client, helper, members), members=[str(world["ngo"].pk), str(world["other_ngo"].pk)])
    assert client.post(members, data).status_code == 302
    data = _form_data(_open(client, helper, edit), description_fi="Alueen järjestöjen yhteistyöelin.")
    assert client.post(edit, data).status_code == 302
    network.refresh_from_db()
    assert network.description_fi == "Alueen järjestöjen yhteistyöelin." and network.members.count() == 2
    # An unknown coordinator's e-mail is named and nothing changes.
    data = _form_data(_open(client, helper, edit), coordinator_emails="ei.ole@example.org")
    response = client.post(edit, data)
    assert response.status_code == 200 and "ei.ole@example.org" in response.content.decode()
    assert list(network.coordinators.all()) == [helper]
    # A member NGO's representative sees the network but may not change it.
    client.force_login(member_rep)
    assert edit not in client.get(page).content.decode()
    assert client.get(edit).status_code == 403 and client.post(members, {"members": []}).status_code == 403
    assert network.members.count() == 2
    history = AuditEntry.objects.filter(action="network_updated", object_id=str(network.pk))
    assert history.count() == 4
