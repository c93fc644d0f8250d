"""The nightly database statistics: SQLite's planner gets them, so that one page of the NGO list
reads the name index in order instead of sorting the whole register."""

import pytest
from django.db import connection

from kumppani.core import search
from kumppani.core.tasks import refresh_database_statistics
from kumppani.organisations import queries
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only: PostgreSQL's autovacuum analyses")
def test_after_the_nightly_statistics_a_page_of_ngos_is_read_in_name_order():
    salo = factories.salo()
    for number in range(40):
        factories.organisation(f"Yhdistys {number:02} ry", areas=[salo])
    page = queries.public_organisations().order_by(queries.name_order("fi"), "pk")[:10]

    def plan() -> str:
        sql, params = page.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return " ".join(str(row[-1]) for row in cursor.fetchall())

    assert "TEMP B-TREE FOR ORDER BY" in plan()  # without statistics: the whole register sorted
    assert refresh_database_statistics.call() is True
    assert "sort_key_fi" in plan() and "TEMP B-TREE" not in plan()


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL only")
def test_postgresql_keeps_its_own_statistics():
    assert refresh_database_statistics.call() is False


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only: PostgreSQL's autovacuum tidies its indexes")
def test_the_nightly_job_merges_the_full_text_indexes_and_every_search_still_finds_the_same():
    """Each change of a document leaves its old words in the index, marked deleted, until merged."""
    table = search.fts_table("activity")

    def pieces() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {table}_data")
            return cursor.fetchone()[0]

    for number in range(60):
        search.update_entry("activity", number, [f"Kuoroharjoitus {number}"])
    for number in range(60):
        search.update_entry("activity", number, ["Shakkikerho" if number % 2 else "Kuoroharjoitus"])
    before = pieces()
    assert refresh_database_statistics.call() is True
    assert search.fts_table("activity") in search.compact_indexes()
    assert pieces() < before
    assert set(search.relevance("activity", "shakkikerho")) == set(range(1, 60, 2))
    assert set(search.relevance("activity", "kuoroharjoitus")) == set(range(0, 60, 2))
