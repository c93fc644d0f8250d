"""Which NGOs the public sees: one definition, and its complement for the activities' lists."""

import pytest

from kumppani.organisations import queries, services
from kumppani.organisations.models import OrganisationStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_public_and_hidden_ngos_are_complements_and_a_dissolved_one_keeps_its_own_entry():
    active, dormant, dissolved, keep, duplicate = (factories.organisation() for _ in range(5))
    admin = factories.user(is_staff=True)
    services.organisation_set_status(organisation=dormant, by=admin, status=OrganisationStatus.DORMANT)
    services.organisation_set_status(organisation=dissolved, by=admin, status=OrganisationStatus.DISSOLVED)
    services.organisation_merge(keep=keep, duplicate=duplicate, by=admin)
    assert set(queries.public_organisations()) == {active, dormant, keep}
    assert set(queries.hidden_organisations()) == {dissolved, duplicate}
    assert set(queries.unmerged_organisations()) == {active, dormant, dissolved, keep}
