"""Search quality across words and languages: a query finds what people mean, not only the words
written — a Swedish or English query finds a text written only in Finnish (and the other way round)
through the YSO concepts' words, ranked below the texts that have the query's own words."""

import pytest

from kumppani.core import search
from kumppani.organisations import services
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    salo = factories.salo()
    made = {
        "finnish peer support": factories.organisation(
            "Salon Vertaistuki ry",
            areas=[salo],
            short_description_fi="Vertaistukiryhmiä mielenterveyskuntoutujille joka viikko.",
        ),
        "finnish carers": factories.organisation(
            "Salon Seudun Omaishoitajat ry",
            areas=[salo],
            short_description_fi="Tukea ja virkistystä omaishoitajille.",
        ),
        "swedish peer support": factories.organisation(
            "Borgå Kamratstöd rf",
            areas=[salo],
            name_sv="Borgå Kamratstöd rf",
            short_description_sv="Stödgrupper för anhöriga och alla som behöver kamratstöd.",
        ),
        "english sports": factories.organisation(
            "Salo Sports Club ry", areas=[salo], short_description_en="Exercise and gym for seniors."
        ),
        "unrelated": factories.organisation("Salon Shakkiseura ry", areas=[salo], short_description_fi="Shakkia."),
    }
    return {key: organisation.pk for key, organisation in made.items()}


def ranked(query: str) -> list[int]:
    matching = search.filter_matching(Organisation.objects.all(), services.SEARCH_KIND, query)
    return search.ranked_pks(matching, services.SEARCH_KIND, query, tiebreak="name_fi")


@pytest.mark.parametrize(
    ("query", "expected_first", "also_found"),
    [
        # Swedish: the exact words first, then the Finnish-only texts through the concept.
        ("stödgrupp", ["swedish peer support"], ["finnish peer support"]),
        ("stödgrupper", ["swedish peer support"], ["finnish peer support"]),
        ("anhöriga", ["swedish peer support"], ["finnish carers"]),
        ("närståendevårdare", [], ["finnish carers"]),
        ("motion", [], ["english sports"]),
        # English.
        ("peer", [], ["finnish peer support", "swedish peer support"]),
        ("carers", [], ["finnish carers"]),
        # Finnish: a Swedish-only text is found through its words.
        ("vertaistuki", ["finnish peer support"], ["swedish peer support"]),
        ("liikunta", [], ["english sports"]),
        ("ikäihmiset", [], ["english sports"]),
    ],
)
def test_a_query_finds_the_concept_in_every_language_and_ranks_its_own_words_first(
    register, query, expected_first, also_found
):
    results = ranked(query)
    wanted = [register[key] for key in expected_first + also_found]
    assert set(wanted) <= set(results), f"{query}: {results}"
    assert register["unrelated"] not in results
    # Texts with the query's own words come before those found only through the concept.
    first = [register[key] for key in expected_first]
    assert results[: len(first)] == first


def test_a_synonym_is_matched_as_a_whole_word_not_as_a_prefix(register):
    factories.organisation("Motivaatioryhmä ry", short_description_en="Motivation coaching.")
    assert register["english sports"] in ranked("motion")
    assert all(Organisation.objects.get(pk=pk).name_fi != "Motivaatioryhmä ry" for pk in ranked("idrott"))


def test_the_directory_page_finds_the_finnish_only_ngo_for_a_swedish_query(client, register):
    page = client.get("/sv/jarjestot/", {"q": "stödgrupp"}).content.decode()
    assert "Salon Vertaistuki ry" in page and "Borgå Kamratstöd rf" in page
    assert page.index("Borgå Kamratstöd rf") < page.index("Salon Vertaistuki ry")
    assert "Shakkiseura" not in page


def test_a_finnish_only_text_on_a_swedish_page_is_marked_as_finnish(client, register):
    page = client.get("/sv/jarjestot/", {"q": "stödgrupp"}).content.decode()
    assert '<span lang="fi">Vertaistukiryhmiä mielenterveyskuntoutujille joka viikko.</span>' in page
    assert "endast på finska" in page
    # The Swedish text is shown as it is, unmarked.
    assert "Stödgrupper för anhöriga och alla som behöver kamratstöd." in page
    assert "vain suomeksi" not in client.get("/fi/jarjestot/", {"q": "vertaistuki"}).content.decode()
