"""Core's business rules: roles in public bodies."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kumppani.core import services
from kumppani.core.models import AuditEntry, BodyRole
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_coordinator_removes_another_coordinator():
    salo = factories.salo()
    coordinator, other = factories.official(salo), factories.official(salo)
    services.body_role_remove(role=BodyRole.objects.get(user=other), by=coordinator)
    assert list(BodyRole.objects.filter(body=salo).values_list("user", flat=True)) == [coordinator.pk]
    entry = AuditEntry.objects.get(action="role_removed")
    assert entry.actor == coordinator and entry.changes == {"coordinator": [other.email, None]}


def test_the_last_coordinator_cannot_remove_themself():
    salo = factories.salo()
    coordinator = factories.official(salo)
    with pytest.raises(ValidationError) as error:
        services.body_role_remove(role=BodyRole.objects.get(user=coordinator), by=coordinator)
    assert error.value.code == "last_coordinator"
    assert BodyRole.objects.filter(user=coordinator).exists()
    assert not AuditEntry.objects.filter(action="role_removed").exists()


def test_staff_may_remove_the_last_coordinator():
    salo = factories.salo()
    coordinator = factories.official(salo)
    staff = factories.user(is_staff=True)
    services.body_role_remove(role=BodyRole.objects.get(user=coordinator), by=staff)
    assert not BodyRole.objects.filter(body=salo).exists()


def test_someone_who_does_not_coordinate_the_body_cannot_remove_a_role():
    salo = factories.salo()
    coordinator = factories.official(salo)
    outsider = factories.official(factories.tampere())
    with pytest.raises(PermissionDenied):
        services.body_role_remove(role=BodyRole.objects.get(user=coordinator), by=outsider)
    assert BodyRole.objects.filter(user=coordinator).exists()
