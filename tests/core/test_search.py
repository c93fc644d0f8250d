"""Search quality: Finnish inflected forms, compound parts and derived words, and Swedish."""

import random

import pytest
from django.db import connection

from kumppani.core import search
from kumppani.core.models import SearchEntry
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

CASES = [
    # (query, text that must be found)
    ("mielenterveys", "Salon Mielenterveysseura ry"),
    ("nuorille", "Toimintaa nuoret aikuiset"),
    ("nuoret", "Kerho nuorille"),
    ("kohtaamispaikkoja", "Avoin kohtaamispaikka"),
    ("kuntosali", "Kuntosaliryhmä ikäihmisille"),
    ("vertaistukea", "Vertaistukiryhmä omaishoitajille"),
    ("yksinäisyys", "Kahvila yksinäisille ikäihmisille"),
    ("omaishoitajat", "Vertaistukiryhmä omaishoitajille"),
    ("äldre", "Stöd för äldre i Borgå"),
    ("familjer", "Stöd för familjen"),
    ("mielenterv", "Salon Mielenterveysseura ry"),  # still typing: the last word matches as a prefix
]


def _found(query: str, text: str) -> bool:
    org = factories.organisation(text)
    other = factories.organisation("Shakkikerho Ratsu ry")
    found = set(search.filter_matching(Organisation.objects.all(), "organisation", query).values_list("pk", flat=True))
    assert other.pk not in found, f"{query!r} also found an unrelated NGO"
    return org.pk in found


@pytest.mark.parametrize(("query", "text"), CASES)
def test_it_finds_word_forms_and_compound_parts(query, text):
    assert _found(query, text)


def test_every_query_word_must_match():
    org = factories.organisation("Salon Mielenterveysseura ry")
    both = search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys salo")
    assert list(both) == [org]
    assert not search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys tampere").exists()


def test_a_query_without_words_narrows_nothing():
    both = {factories.organisation("Salon Mielenterveysseura ry").pk, factories.organisation("Shakkikerho Ratsu ry").pk}
    for query in ['"', "*", "(", "') --", "a:b", "", "   "]:  # one-letter words are left out
        found = set(
            search.filter_matching(Organisation.objects.all(), "organisation", query).values_list("pk", flat=True)
        )
        assert found == both, query


def test_punctuation_around_query_words_is_ignored():
    org = factories.organisation("Salon Mielenterveysseura ry")
    factories.organisation("Shakkikerho Ratsu ry")
    for query in ['"mielenterveys"', "mielenterveys*", "(salo)", "salo: mielenterveys!", "'salon'"]:
        assert list(search.filter_matching(Organisation.objects.all(), "organisation", query)) == [org], query


def test_search_operators_and_sql_in_a_query_are_only_words():
    """Words such as OR and NEAR are looked for like any word, not obeyed: nothing matches them here."""
    factories.organisation("Salon Mielenterveysseura ry")
    factories.organisation("Shakkikerho Ratsu ry")
    for query in ["salo OR shakkikerho", "mieli AND OR NOT", "NEAR(salo shakkikerho)", "tokens:salo", "') OR 1=1 --"]:
        assert not search.filter_matching(Organisation.objects.all(), "organisation", query).exists(), query
    assert Organisation.objects.count() == 2


def test_it_ranks_the_better_match_first():
    weak = factories.organisation("Liikuntakerho ry", short_description_fi="Myös mielenterveys on tärkeää.")
    strong = factories.organisation(
        "Mielenterveysyhdistys Tuki ry", short_description_fi="Mielenterveys ja mielenterveyden tuki"
    )
    matching = search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys")
    ranked = search.ranked_pks(matching, "organisation", "mielenterveys", tiebreak="sort_key_fi")
    assert ranked == [strong.pk, weak.pk]


def test_voikko_is_in_use():
    """CI installs Voikko: without it the compound cases above would pass by luck or not at all."""
    assert search.voikko_available()


def _matching_ids(kind: str, query: str) -> set[int]:
    return set(search.relevance(kind, query))


def test_each_kind_has_its_own_index_that_follows_every_change():
    """An edit replaces a document's words, a removal takes them away, and a document is found
    only by a search of its own kind, even when another kind's object has the same id."""
    org = factories.organisation("Salon Mielenterveysseura ry")
    search.update_entry("activity", org.pk, ["Shakkikerho"])
    assert _matching_ids("organisation", "mielenterveys") == {org.pk}
    assert _matching_ids("activity", "mielenterveys") == set()
    assert _matching_ids("activity", "shakki") == {org.pk}
    assert _matching_ids("organisation", "shakki") == set()

    search.update_entry("organisation", org.pk, ["Salon Omaishoitajat ry"])
    assert _matching_ids("organisation", "mielenterveys") == set()
    assert _matching_ids("organisation", "omaishoitajat") == {org.pk}
    assert set(search.filter_matching(Organisation.objects.all(), "organisation", "omaishoitaja")) == {org}

    search.delete_entry("organisation", org.pk)
    assert _matching_ids("organisation", "omaishoitajat") == set()
    assert _matching_ids("activity", "shakki") == {org.pk}


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


@postgresql_only
def test_on_postgresql_each_kind_is_indexed_on_its_stored_tsvector():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'core_searchentry_tsv_%'")
        indexes = dict(cursor.fetchall())
    assert {"core_searchentry_tsv_organisation", "core_searchentry_tsv_activity"} <= set(indexes)
    assert all("USING gin (vector)" in definition for definition in indexes.values()), indexes


@postgresql_only
def test_on_postgresql_a_common_word_is_matched_through_the_kinds_index():
    """Told how many documents a common word matches, the planner read every document of the
    table instead of the index (it does not count unpacking each stored tsvector)."""
    SearchEntry.objects.bulk_create(
        SearchEntry(kind="organisation", object_id=pk, tokens=f"vertaistuki yhdistys{pk} " + "sana " * 150)
        for pk in range(1, 3001)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_searchentry")
    sql, params = search._match_sql(search.query_groups("vertaistuki"), "organisation", prefix_last=True)
    plan = " ".join(row[0] for row in search._fetch_matches("EXPLAIN " + sql, params))
    assert "Index Scan on core_searchentry_tsv_organisation" in plan, plan
    assert len(search.relevance("organisation", "vertaistuki")) == 3000


def test_a_search_not_ordered_by_relevance_finds_the_same_without_scores():
    found = factories.organisation("Vertaistukiryhmä omaishoitajille")
    factories.organisation("Stödgrupp för närstående")  # found through the concept's Swedish words
    factories.organisation("Shakkikerho")
    ranked = search.look_up("organisation", "vertaistuki", ranked=True)
    assert set(search.look_up("organisation", "vertaistuki", ranked=False)) == set(ranked)
    assert ranked[found.pk][0] is True and len(ranked) == 2
    assert search.look_up("organisation", "  ! ", ranked=True) is None


def test_a_kind_that_is_not_a_plain_word_is_refused():
    with pytest.raises(ValueError):
        search.relevance("organisation; DROP TABLE core_searchentry", "mielenterveys")


@pytest.mark.parametrize("density", [1.0, 0.5, 0.05, 0.0])
def test_an_order_gives_any_subset_in_its_order_however_sparse(density):
    rng = random.Random(7)
    pks = rng.sample(range(1, 3000), 2000)
    order = search.Order(pks)
    chosen = [pk for pk in pks if rng.random() < density]
    bits, chosen_set = search.to_bits(chosen), set(chosen)
    expected = [pk for pk in pks if pk in chosen_set]
    for end in (0, 1, 20, 400, 5000):
        # Both ways of finding them, walking the order and sorting the members, give the same.
        assert order.first(bits, len(chosen), end) == expected[:end]
    ordered = search.Ordered(order, bits, len(chosen))
    assert len(ordered) == len(chosen)
    assert list(ordered[20:40]) == expected[20:40]
    assert list(ordered) == expected
    if chosen:
        assert (ordered[0], ordered[-1]) == (expected[0], expected[-1])
    with pytest.raises(IndexError):
        ordered[len(chosen)]


def test_a_prefix_search_leaves_out_the_forms_another_form_begins_and_finds_the_same():
    """A search for "vertaistukea" asks for "vertaistuke…" or "vertaistuki…": its own form and the
    concept's word "vertaistukiryhmä" would find nothing more, and reading every word a prefix
    begins is what a common word's search costs."""
    group = search.query_groups("vertaistukea")[-1]
    assert {"vertaistuke", "vertaistukea", "vertaistuki"} <= group.forms and "vertaistukiryhmä" in group.synonyms
    kept = search._without_covered(group)
    assert "vertaistukea" not in kept.forms and {"vertaistuke", "vertaistuki"} <= kept.forms
    assert "vertaistukiryhmä" not in kept.synonyms and "kamratstöd" in kept.synonyms

    texts = [
        "Vertaistukea omaishoitajille",
        "Vertaistukiryhmä",
        "Vertaistuen ilta",
        "Kamratstöd i Borgå",
        "Shakkikerho",
    ]
    orgs = [factories.organisation(text) for text in texts]
    for query in ("vertaistukea", "vertaistukiryhmä", "omaishoitajille", "vertaistukea omaishoitajille"):
        unscored = set(search.look_up("organisation", query, ranked=False))
        assert unscored == set(search.look_up("organisation", query, ranked=True)), query  # every form kept
    assert set(search.look_up("organisation", "vertaistukea", ranked=False)) == {org.pk for org in orgs[:4]}
