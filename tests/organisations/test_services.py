import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kumppani.core.models import AuditEntry, BodyRole
from kumppani.organisations import services
from kumppani.organisations.models import Membership, MembershipRequest, Organisation, OrganisationStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_bad_business_id_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError) as error:
        factories.organisation("Virheellinen ry", business_id="1234567-8")
    assert [e.code for e in error.value.error_list] == ["invalid_business_id"]
    assert not Organisation.objects.filter(name_fi="Virheellinen ry").exists()


def test_business_id_is_stored_in_its_standard_form():
    org = factories.organisation(business_id=" 0737546-2 ")
    assert org.business_id == "0737546-2"
    assert org.org_identifier == "FI-PRO-0737546-2"


def test_an_update_records_who_changed_what_from_which_value():
    org = factories.organisation("Vanha nimi ry")
    rep = factories.representative(org)
    services.organisation_update(organisation=org, by=rep, data={"name_fi": "Uusi nimi ry", "phone": "02 123 4567"})
    entry = AuditEntry.objects.filter(object_id=str(org.pk), action="updated").get()
    assert entry.actor == rep
    assert entry.changes["name_fi"] == ["Vanha nimi ry", "Uusi nimi ry"]
    assert entry.changes["phone"] == ["", "02 123 4567"]


def test_a_representative_cannot_edit_another_ngo():
    mine, other = factories.organisation(), factories.organisation()
    rep = factories.representative(mine)
    with pytest.raises(PermissionDenied):
        services.organisation_update(organisation=other, by=rep, data={"name_fi": "Kaapattu"})
    other.refresh_from_db()
    assert other.name_fi != "Kaapattu"


def test_only_a_coordinator_of_a_body_it_serves_may_verify():
    org = factories.organisation(areas=[factories.salo()])
    with pytest.raises(PermissionDenied):
        services.organisation_verify(organisation=org, by=factories.official(factories.tampere()))
    county_coordinator = factories.official(factories.salo().county)
    services.organisation_verify(organisation=org, by=county_coordinator)
    assert Organisation.objects.get(pk=org.pk).verified_by == county_coordinator


def test_coordinator_marks_an_ngo_dormant():
    org = factories.organisation()
    coordinator = factories.official(factories.salo())
    services.organisation_set_status(organisation=org, by=coordinator, status=OrganisationStatus.DORMANT)
    assert Organisation.objects.get(pk=org.pk).status == OrganisationStatus.DORMANT
    assert AuditEntry.objects.filter(object_id=str(org.pk), action="status_changed").exists()


def test_merging_keeps_everything_attached_to_either_entry():
    keep = factories.organisation("Salon Omaishoitajat ry", themes=[factories.term("omaishoito")])
    duplicate = factories.organisation(
        "Salon omaishoitajat",
        themes=[factories.term("vertaistuki")],
        email="info@omaishoitajat.example",
        areas=[factories.salo()],
    )
    rep = factories.representative(duplicate)
    duplicate.contact_persons.create(name="Liisa Laine", role="puheenjohtaja")
    requester = factories.user()
    services.membership_request_create(user=requester, organisation=duplicate)
    services.organisation_merge(keep=keep, duplicate=duplicate, by=factories.official(factories.salo()))
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert {t.slug for t in keep.themes.all()} == {"omaishoito", "vertaistuki"}
    assert keep.email == "info@omaishoitajat.example"
    assert list(keep.contact_persons.values_list("name", flat=True)) == ["Liisa Laine"]
    assert Membership.objects.filter(user=rep, organisation=keep).exists()
    assert MembershipRequest.objects.get(user=requester).organisation == keep
    assert duplicate.merged_into == keep
    assert AuditEntry.objects.filter(object_id=str(keep.pk), action="merged").exists()


def test_an_invitation_works_once_and_only_until_it_expires(mailoutbox, django_capture_on_commit_callbacks):
    org = factories.organisation()
    coordinator = factories.official(factories.salo())
    invitation, token = services.invitation_create_for_organisation(
        organisation=org, by=coordinator, email="Uusi@Example.org"
    )
    assert services.invitation_find(token) == invitation
    person = factories.user(email="uusi@example.org")
    services.invitation_accept(invitation=invitation, user=person)
    assert Membership.objects.filter(user=person, organisation=org).exists()
    assert services.invitation_find(token) is None
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(invitation=invitation, user=person)
    assert error.value.code == "invitation_closed"


def test_an_expired_invitation_is_not_found():
    from datetime import timedelta

    from django.utils import timezone

    org = factories.organisation()
    invitation, token = services.invitation_create_for_organisation(
        organisation=org, by=factories.official(factories.salo()), email="a@example.org"
    )
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    assert services.invitation_find(token) is None


def test_body_invitation_gives_the_role():
    salo = factories.salo()
    invitation, _token = services.invitation_create_for_body(
        body=salo, by=factories.official(salo), email="virkailija@salo.example", role="official"
    )
    person = factories.user(email="virkailija@salo.example")
    services.invitation_accept(invitation=invitation, user=person)
    assert BodyRole.objects.filter(user=person, body=salo, role="official").exists()


def test_an_official_cannot_invite_to_another_body():
    with pytest.raises(PermissionDenied):
        services.invitation_create_for_body(
            body=factories.salo(), by=factories.official(factories.tampere()), email="x@example.org", role="coordinator"
        )


def test_sign_up_request_is_approved_by_the_coordinator():
    org = factories.organisation()
    person = factories.user()
    request = services.membership_request_create(user=person, organisation=org, message="Olen sihteeri")
    with pytest.raises(PermissionDenied):
        services.membership_request_decide(request=request, by=factories.official(factories.tampere()), approve=True)
    services.membership_request_decide(request=request, by=factories.official(factories.salo()), approve=True)
    assert Membership.objects.filter(user=person, organisation=org).exists()
    with pytest.raises(ValidationError) as error:
        services.membership_request_decide(request=request, by=factories.official(factories.salo()), approve=False)
    assert error.value.code == "already_decided"


def test_coordinator_removes_a_role_and_it_is_recorded(client):
    from django.urls import reverse

    salo = factories.salo()
    coordinator = factories.official(salo)
    official = factories.official(salo, role="official")
    client.force_login(coordinator)
    page = client.get(reverse("organisations:body_people", args=[salo.slug])).content.decode()
    assert official.email in page
    role = BodyRole.objects.get(user=official)
    response = client.post(reverse("organisations:body_people", args=[salo.slug]), {"role": role.pk})
    assert response.status_code == 302
    assert not BodyRole.objects.filter(user=official).exists()
    entry = AuditEntry.objects.get(action="role_removed")
    assert entry.actor == coordinator and entry.changes == {"official": [official.email, None]}
    assert official.email in client.get(reverse("organisations:body_people", args=[salo.slug])).content.decode()


def test_the_last_coordinator_cannot_remove_themself():
    from kumppani.core import services as core_services

    salo = factories.salo()
    coordinator = factories.official(salo)
    with pytest.raises(ValidationError):
        core_services.body_role_remove(role=BodyRole.objects.get(user=coordinator), by=coordinator)
    assert BodyRole.objects.filter(user=coordinator).exists()


def test_only_a_coordinator_or_an_admin_adds_an_ngo():
    representative = factories.representative(factories.organisation())
    with pytest.raises(PermissionDenied):
        services.organisation_create(by=representative, data={"name_fi": "Luvaton ry", "areas": [factories.salo()]})
    coordinator = factories.official(factories.salo())
    org = services.organisation_create(
        by=coordinator, data={"name_fi": "Luvallinen ry", "areas": [factories.salo()]}, verified=True
    )
    assert org.verified_by == coordinator
    assert not Organisation.objects.filter(name_fi="Luvaton ry").exists()


def test_a_person_signing_up_proposes_their_ngo_unverified():
    person = factories.user()
    org = services.organisation_propose(by=person, data={"name_fi": "Uusi seura ry", "areas": [factories.salo()]})
    assert org.verified_at is None
    assert AuditEntry.objects.get(object_id=str(org.pk), action="created").actor == person


def test_only_a_coordinator_or_an_admin_imports_a_list():
    from kumppani.organisations import imports

    with pytest.raises(PermissionDenied):
        imports.import_file(b"name_fi\nTuotu ry\n", filename="lista.csv", by=factories.user(), commit=True)
    assert not Organisation.objects.filter(name_fi="Tuotu ry").exists()
