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


def test_the_directory_counts_from_the_bit_sets_equal_those_of_the_aggregate_queries():
    from kumppani.core import search
    from kumppani.core.models import Language

    salo, tampere = factories.salo(), factories.tampere()
    factories.organisation("Salon mielenterveysseura ry", areas=[salo], themes=[factories.term("mielenterveys")])
    factories.organisation("Tampereen vertaistukiyhdistys ry", areas=[tampere], languages=Language.objects.all())
    factories.organisation("Maakunnan omaishoitajat ry", areas=[salo.county], target_groups=[factories.term("nuoret")])
    sleeping = factories.organisation("Nukkuva vertaistuki ry", areas=[salo])
    sleeping.status = OrganisationStatus.DORMANT
    sleeping.save()
    index = queries.register_index()
    for body, words, include_dormant in [
        (None, "", False),
        (salo, "", False),
        (salo, "vertaistuki", True),
        (salo.county, "", True),
        (tampere, "ry", False),
    ]:
        organisations = queries.public_organisations()
        if not include_dormant:
            organisations = organisations.filter(status=OrganisationStatus.ACTIVE)
        if body:
            organisations = queries.serving_body(organisations, body)
        ranks = None
        if words:
            organisations = search.filter_matching(organisations, services.SEARCH_KIND, words)
            ranks = search.relevance(services.SEARCH_KIND, words)
        matches = queries.directory_matches(index, include_dormant=include_dormant, body=body, ranks=ranks)
        assert set(search.members(matches)) == set(organisations.values_list("pk", flat=True))
        assert queries.facet_counts_of(index, matches) == queries.facet_counts(organisations)
        if words:
            assert queries.ranked(index, matches, ranks, tiebreak="sort_key_fi") == search.ranked_pks(
                organisations, services.SEARCH_KIND, words, tiebreak="sort_key_fi"
            )


def test_the_orders_kept_in_memory_are_those_of_the_database():
    """The directory and the API list page their matches in orders kept with the register's bit
    sets; each must be the database's ORDER BY that field (or its reverse), then by id."""
    from django.utils import timezone

    from kumppani.core import search
    from kumppani.organisations.models import Organisation

    names = ["Öljymäen seura ry", "Aamukahvi ry", "Ämmänsaaren kyläyhdistys", "aamukahvi ry", "Zonta", "Åbo-seura"]
    moment = timezone.now()
    for n, name in enumerate(names * 2):
        organisation = factories.organisation(name, name_sv=f"{names[-n % len(names)]} sv" if n % 3 else "")
        # Some share the moment of their last change, as an import's rows do.
        Organisation.objects.filter(pk=organisation.pk).update(updated_at=moment - timezone.timedelta(days=n % 4))
    index = queries.register_index()
    for field in queries.ORDER_FIELDS:
        for ordering in (field, f"-{field}"):
            expected = list(queries.public_organisations().order_by(ordering, "pk").values_list("pk", flat=True))
            assert queries.ordered(index, index.public, ordering)[:] == expected, ordering
            # A part of them, in the same order.
            part = search.to_bits(expected[::2])
            assert queries.ordered(index, part, ordering)[:] == expected[::2], ordering
