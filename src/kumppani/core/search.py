"""Full-text search that understands Finnish word forms and compound words.

At index time every word becomes a set of tokens: the word itself, its base form, the base
forms of its compound parts, every run of neighbouring parts ("mielenterveysseura" gives
"mielenterveys" and "terveysseura") and the root of a derived word ("yksinäisyys" gives
"yksinäinen"). Finnish analysis comes from Voikko; Swedish and English words, and Finnish
where Voikko is not installed, are stemmed with Snowball. A query is analysed the same way
and every query word must match one of its forms; the last word also matches as a prefix,
so results appear while a word is still being typed.

A query word that is one of the words of a YSO concept (vertaistuki, kamratstöd, stödgrupp, peer …,
core/data/search_synonyms.csv and the themes' labels) also matches the concept's other words in every
language, so a Swedish query finds a text written only in Finnish; such matches rank below the
texts that contain the query's own words.

The tokens are stored in core.SearchEntry, where SQLite FTS5 or a PostgreSQL GIN index finds them.
"""

import array
import csv
import difflib
import functools
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import snowballstemmer
from django.db import connection, transaction
from django.db.models import QuerySet, signals

from kumppani.core import vocabularies
from kumppani.core.models import SearchEntry

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_MAX_QUERY_WORDS = 8
_WORDBASE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
_SYNONYMS = Path(__file__).resolve().parent / "data" / "search_synonyms.csv"


@functools.cache
def _voikko():
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except (ImportError, OSError, Exception) as exc:  # libvoikko raises its own VoikkoException too
        log.warning("Voikko is not installed (%s): Finnish search falls back to Snowball stemming.", exc)
        return None


def voikko_available() -> bool:
    return _voikko() is not None


@functools.cache
def _stemmer(language: str):
    return snowballstemmer.stemmer({"fi": "finnish", "sv": "swedish", "en": "english"}[language])


def _parse_wordbases(wordbases: str) -> list[tuple[str, str, str]]:
    """Split Voikko's WORDBASES into compound parts: (surface, base, derivation root).

    "+mielen(mieli)+terve(terve)+ys(+ys)+seura(seura)" gives
    [("mielen", "mieli", ""), ("terveys", "terveys", "terve"), ("seura", "seura", "")].
    """
    parts: list[list[str]] = []
    for surface, base in _WORDBASE.findall(wordbases):
        if base.startswith("+"):
            # A derivational suffix ("+ys"): it belongs to the part before it.
            if parts:
                parts[-1][0] += surface
                parts[-1][1] = parts[-1][0]
            continue
        if not surface:
            continue
        base = (base or surface).replace("=", "")
        parts.append([surface, base, base if base != surface else ""])
    return [(s.lower(), b.lower(), r.lower().replace("=", "")) for s, b, r in parts]


@functools.lru_cache(maxsize=50_000)
def finnish_forms(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(forms to index, forms a query for this word accepts) for one Finnish word."""
    word = word.lower()
    voikko = _voikko()
    if voikko is None:
        stem = _stemmer("fi").stemWord(word)
        return frozenset({word, stem}), frozenset({word, stem})
    index = {word}
    query = {word}
    for analysis in voikko.analyze(word):
        baseform = (analysis.get("BASEFORM") or "").lower()
        if not baseform:
            continue
        index.add(baseform)
        query.add(baseform)
        parts = _parse_wordbases(analysis.get("WORDBASES", ""))
        if len(parts) == 1 and parts[0][2]:
            # A derived word: "yksinäisyys" is also found by, and finds, "yksinäinen".
            index.add(parts[0][2])
            query.add(parts[0][2])
        if len(parts) > 1:
            index.update(_compound_runs(baseform, parts))
    return frozenset(filter(None, index)), frozenset(filter(None, query))


def _compound_runs(baseform: str, parts: list[tuple[str, str, str]]) -> set[str]:
    """Every run of neighbouring parts of a compound, each ending in its base form."""
    tokens = set()
    surfaces = [surface for surface, _, _ in parts]
    for i in range(len(parts)):
        tokens.add(parts[i][1])
        if parts[i][2]:
            tokens.add(parts[i][2])
        for j in range(i + 1, len(parts)):
            if j == len(parts) - 1:
                start = sum(len(s) for s in surfaces[:i])
                run = baseform[start:] if baseform.startswith("".join(surfaces[:i])) else ""
            else:
                run = "".join(surfaces[i : j + 1])
            if run:
                tokens.add(run)
    return tokens


@functools.lru_cache(maxsize=100_000)
def _snowball_forms(word: str, language: str) -> frozenset[str]:
    word = word.lower()
    return frozenset({word, _stemmer(language).stemWord(word)})


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text or "") if len(w) > 1 or w.isdigit()]


def index_tokens(texts: Iterable[str]) -> str:
    """The search document for some texts, in any of the three languages."""
    tokens: set[str] = set()
    for text in texts:
        for word in words(text):
            for piece in {word, *word.split("-")}:
                if not piece:
                    continue
                tokens.update(finnish_forms(piece)[0])
                tokens.update(_snowball_forms(piece, "sv"))
                tokens.update(_snowball_forms(piece, "en"))
    return " ".join(sorted(tokens))


class Group(NamedTuple):
    """The forms one query word accepts: its own, and those of the concepts it is a word of."""

    forms: frozenset[str]
    synonyms: frozenset[str]


def _query_forms(word: str) -> frozenset[str]:
    return finnish_forms(word)[1] | _snowball_forms(word, "sv") | _snowball_forms(word, "en")


@functools.cache
def _synonym_forms() -> dict[str, frozenset[str]]:
    """{a form of a concept's word: the forms of all the concept's words}, from the themes' and
    target groups' one-word labels and core/data/search_synonyms.csv."""
    concepts: dict[str, set[tuple[str, str]]] = {}  # {YSO id: {(word, language)}}
    for _slug, yso_id, *labels in [*vocabularies.THEMES, *vocabularies.TARGET_GROUPS]:
        words_ = zip((label.lower() for label in labels), ("fi", "sv", "en"), strict=True)
        concepts.setdefault(yso_id, set()).update((word, language) for word, language in words_ if " " not in word)
    with _SYNONYMS.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            for language in ("fi", "sv", "en"):
                words_ = {(word.lower(), language) for word in row[language].split("|") if word}
                concepts.setdefault(row["yso_id"], set()).update(words_)
    expansions: dict[str, set[str]] = {}
    for concept_words in concepts.values():
        # Each word is analysed in its own language only: a Swedish stemmer would make "car" of "carers".
        every_form: set[str] = set()
        for word, language in concept_words:
            every_form |= finnish_forms(word)[1] if language == "fi" else _snowball_forms(word, language)
        for word, _language in concept_words:
            # A query word triggers the concept by the word itself or its base form, not by a
            # stem another language shares by chance.
            for key in {word, *finnish_forms(word)[1]}:
                expansions.setdefault(key, set()).update(every_form)
    return {key: frozenset(forms) for key, forms in expansions.items()}


def query_groups(query: str) -> list[Group]:
    """One group of accepted forms per query word; a document must match a form of every group."""
    groups = []
    synonyms = _synonym_forms()
    for word in words(query)[:_MAX_QUERY_WORDS]:
        forms = frozenset(f for f in _query_forms(word) if f)
        found = frozenset().union(*(synonyms.get(form, frozenset()) for form in {word.lower(), *forms}))
        groups.append(Group(forms, found - forms))
    return groups


def _safe(token: str) -> str:
    return re.sub(r"[^\w]", "", token)


def _fts5_query(groups: list[Group], prefix_last: bool, *, with_synonyms: bool = True) -> str:
    clauses = []
    for n, group in enumerate(groups):
        prefix = prefix_last and n == len(groups) - 1
        alternatives = [f'"{_safe(form)}"*' if prefix else f'"{_safe(form)}"' for form in sorted(group.forms)]
        if with_synonyms:
            # A synonym is matched whole: as a prefix "motion" would also find "motivation".
            alternatives += [f'"{_safe(form)}"' for form in sorted(group.synonyms)]
        alternatives = [a for a in alternatives if a.strip('"*')]
        if alternatives:
            clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def _tsquery(groups: list[Group], prefix_last: bool, *, with_synonyms: bool = True) -> str:
    clauses = []
    for n, group in enumerate(groups):
        prefix = ":*" if prefix_last and n == len(groups) - 1 else ""
        alternatives = [f"'{_safe(form)}'{prefix}" for form in sorted(group.forms) if _safe(form)]
        if with_synonyms:
            alternatives += [f"'{_safe(form)}'" for form in sorted(group.synonyms) if _safe(form)]
        if alternatives:
            clauses.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(clauses)


def update_entry(kind: str, object_id: int, texts: Iterable[str]) -> None:
    """Store the search document of one object (the caller's transaction covers it)."""
    SearchEntry.objects.update_or_create(kind=kind, object_id=object_id, defaults={"tokens": index_tokens(texts)})


def delete_entry(kind: str, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def bulk_replace(kind: str, documents: dict[int, Iterable[str]]) -> None:
    """Rebuild the search documents of many objects at once (imports, demo data, reindexing)."""
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id__in=list(documents)).delete()
        SearchEntry.objects.bulk_create(
            [SearchEntry(kind=kind, object_id=oid, tokens=index_tokens(texts)) for oid, texts in documents.items()],
            batch_size=500,
        )


# Each app that indexes registers how to read all its documents again (AppConfig.ready()), so that
# the index can be rebuilt from the data, e.g. after a restore: {kind: () → iterable of (id, texts)}.
_DOCUMENTS: dict[str, Callable[[], Iterable[tuple[int, Iterable[str]]]]] = {}


def register_documents(kind: str, documents: Callable[[], Iterable[tuple[int, Iterable[str]]]]) -> None:
    _DOCUMENTS[kind] = documents


def rebuild() -> dict[str, int]:
    """Build every registered kind's search documents again from the data; {kind: count}."""
    counts = {}
    for kind, documents in sorted(_DOCUMENTS.items()):
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind).delete()
            counts[kind] = 0
            rows = iter(documents())
            while batch := list(itertools.islice(rows, 500)):
                SearchEntry.objects.bulk_create(
                    [SearchEntry(kind=kind, object_id=pk, tokens=index_tokens(texts)) for pk, texts in batch]
                )
                counts[kind] += len(batch)
    return counts


# The full-text indexes: one per kind of document ---------------------------------------------------
#
# A search of the 10,000 NGOs must not wade through the 500,000 events' words. With one index over
# every kind, a common word's matches of all kinds were read and each joined to its entry to check
# the kind: most of a search's time at national scale. So each kind has its own index, on SQLite a
# contentless FTS5 table whose rowid is the object's id (kept in step with core.SearchEntry by
# triggers), on PostgreSQL a GIN index on the stored tsvector of the kind's rows. Each app that
# indexes adds its kind's index in a migration of its own (`index_migration`).


def _kind(kind: str) -> str:
    """`kind`, checked to be a plain word: it is part of a table's name and of SQL text."""
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"Not a search kind: {kind!r}")
    return kind


def fts_table(kind: str) -> str:
    """The SQLite full-text table of one kind's documents."""
    return f"core_searchentry_fts_{_kind(kind)}"


def compact_indexes() -> list[str]:
    """Merge each SQLite full-text table into one piece (FTS5's 'optimize'); the tables' names.

    A changed document leaves its old words in the index, marked deleted, until the pieces they
    are in are merged: after every event's document had been rewritten once, the events search
    took a quarter to a half longer. Merging the national events' index takes about 4 seconds.
    PostgreSQL's autovacuum tidies its indexes itself."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'core_searchentry_fts_%' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        for table in tables:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    return tables


# On PostgreSQL each document's tsvector is kept in a stored generated column, computed once when its
# words change. With only an index on the expression, the match and the ranking computed
# to_tsvector again for every match, several times (an NGO's document took about 0.1 ms, and a word
# such as "vertaistuki" matches thousands of them: seconds a search).
PG_VECTOR_COLUMN = (
    "ALTER TABLE core_searchentry ADD COLUMN IF NOT EXISTS vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED"
)


def pg_index(kind: str, on: str = "vector") -> str:
    """The statement that creates the PostgreSQL index of `kind` on `on` (the column; migration
    0005 of core also rebuilds the older indexes on the expression)."""
    return f"CREATE INDEX core_searchentry_tsv_{_kind(kind)} ON core_searchentry USING gin ({on}) WHERE kind = '{kind}'"


def _index_statements(kind: str, vendor: str) -> tuple[list[str], list[str]]:
    """(statements that create the index of `kind` from the documents already stored, statements
    that drop it) for a database vendor."""
    if vendor == "postgresql":
        # The column comes with the first index (IF NOT EXISTS): the apps' index migrations and
        # core's 0005 may run in either order on a new database.
        return [PG_VECTOR_COLUMN, pg_index(kind)], [f"DROP INDEX core_searchentry_tsv_{_kind(kind)}"]
    if vendor != "sqlite":
        return [], []
    table = fts_table(kind)
    # A contentless table deletes a row by being told the words it was given.
    delete = f"INSERT INTO {table}({table}, rowid, tokens) SELECT 'delete', old.object_id, old.tokens WHERE old.kind = '{kind}'"
    insert = f"INSERT INTO {table}(rowid, tokens) SELECT new.object_id, new.tokens WHERE new.kind = '{kind}'"
    create = [
        f"CREATE VIRTUAL TABLE {table} USING fts5(tokens, content='', tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON core_searchentry WHEN new.kind = '{kind}' BEGIN {insert}; END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON core_searchentry WHEN old.kind = '{kind}' BEGIN {delete}; END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON core_searchentry WHEN old.kind = '{kind}' OR new.kind = '{kind}' "
        f"BEGIN {delete}; {insert}; END",
        f"INSERT INTO {table}(rowid, tokens) SELECT object_id, tokens FROM core_searchentry WHERE kind = '{kind}'",
    ]
    drop = [f"DROP TRIGGER {table}_{suffix}" for suffix in ("au", "ad", "ai")] + [f"DROP TABLE {table}"]
    return create, drop


def index_migration(kind: str):
    """The migration operation that gives `kind` its full-text index (and takes it away)."""
    from django.db import migrations

    def run(apps, schema_editor, *, forward: bool):
        create, drop = _index_statements(kind, schema_editor.connection.vendor)
        for statement in create if forward else drop:
            schema_editor.execute(statement)

    return migrations.RunPython(functools.partial(run, forward=True), functools.partial(run, forward=False))


def _pg_match(kind: str) -> str:
    """The PostgreSQL condition for the documents of `kind` that match the tsquery parameter.

    The kind is written into the SQL so that the planner picks the kind's own index. The query is
    given to the planner as a subquery, whose value it does not know when it plans: for a common
    word it otherwise estimated that most documents match and read every one of them instead of
    the index (it does not count unpacking each stored tsvector), ten to fifty times as long
    (250 ms over 50,000 activities' words where the index took 5 to 20 ms)."""
    return f"kind = '{_kind(kind)}' AND vector @@ (SELECT to_tsquery('simple', %s))"


def _match_sql(groups: list[Group], kind: str, prefix_last: bool) -> tuple[str, list[str]]:
    """(SQL that selects `object_id, score, own_words` of the matching documents of `kind`, its parameters).

    The score is higher for a better match. A text with the query's own words (own_words 1) is
    scored by them alone; the others were found only through a concept's other words.
    """
    expanded = any(group.synonyms for group in groups)
    if connection.vendor == "postgresql":
        vector = "vector"
        where = _pg_match(kind)
        query, own = _tsquery(groups, prefix_last), _tsquery(groups, prefix_last, with_synonyms=False)
        if not expanded:
            select = f"SELECT object_id, ts_rank({vector}, to_tsquery('simple', %s)), 1 FROM core_searchentry"
            return f"{select} WHERE {where}", [query, query]
        return (
            f"SELECT object_id, CASE WHEN {vector} @@ to_tsquery('simple', %s) "
            f"THEN ts_rank({vector}, to_tsquery('simple', %s)) ELSE ts_rank({vector}, to_tsquery('simple', %s)) END, "
            f"CASE WHEN {vector} @@ to_tsquery('simple', %s) THEN 1 ELSE 0 END FROM core_searchentry WHERE {where}",
            [own, own, query, own, query],
        )
    # FTS5's bm25() is lower for better matches; negated so that higher is better everywhere.
    table = fts_table(kind)
    select = f"SELECT rowid, -bm25({table}), {{own}} FROM {table} WHERE {table} MATCH %s"
    query, own = _fts5_query(groups, prefix_last), _fts5_query(groups, prefix_last, with_synonyms=False)
    if not expanded:
        return select.format(own=1), [query]
    # bm25() scores by the MATCH of its own SELECT, so the own words' scores come from a query of their own.
    return (
        f"{select.format(own=1)} UNION ALL {select.format(own=0)} AND rowid NOT IN "
        f"(SELECT rowid FROM {table} WHERE {table} MATCH %s)",
        [own, query, own],
    )


def matching_ids(kind: str, query: str, *, prefix_last: bool = True, any_of: Sequence[str] = ()):
    """SQL (a RawSQL) that selects the ids of the objects of `kind` whose document matches every
    word of `query` (and, if given, has one of the words `any_of` as they are), for `id__in=`;
    None when the query has no words. No score: ranking every match (bm25, ts_rank) was most of a
    common word's time over large tables."""
    from django.db.models.expressions import RawSQL

    groups = query_groups(query)
    if not groups:
        return None
    match = _match_text(groups, prefix_last, any_of)
    if connection.vendor == "postgresql":
        return RawSQL(f"SELECT object_id FROM core_searchentry WHERE {_pg_match(kind)}", [match])
    table = fts_table(kind)
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])


def _without_covered(group: Group) -> Group:
    """The group of a word matched as a prefix without the forms that find nothing more: a form
    that another of its forms begins ("vertaistukea" after "vertaistuke") and a concept's word that
    one of them begins. The same documents match, for less: FTS5 reads every word a prefix begins."""
    prefixes: list[str] = []
    for form in sorted({_safe(form) for form in group.forms} - {""}, key=len):
        if not form.startswith(tuple(prefixes)):
            prefixes.append(form)
    synonyms = frozenset(word for word in group.synonyms if not _safe(word).startswith(tuple(prefixes)))
    return Group(frozenset(prefixes), synonyms)


def _match_text(groups: list[Group], prefix_last: bool, any_of: Sequence[str] = ()) -> str:
    """The database's full-text query for the groups and, if given, any of the stored words
    `any_of`: those are matched whole, as a concept's other words are, and the query's last word
    stays a prefix. (A score counts each form it is given: _match_sql, which ranks, keeps them all.)"""
    if prefix_last and groups:
        groups = [*groups[:-1], _without_covered(groups[-1])]
    stored = [Group(frozenset(), frozenset(any_of))] if any_of else []
    if connection.vendor == "postgresql":
        return " & ".join(filter(None, [_tsquery(groups, prefix_last), _tsquery(stored, False)]))
    return " AND ".join(filter(None, [_fts5_query(groups, prefix_last), _fts5_query(stored, False)]))


def first_matches(
    kind: str, query: str, *, also: str, params: list, limit: int, any_of: Sequence[str] = ()
) -> list[int]:
    """Up to `limit` ids of the objects of `kind` that match `query` (and, if given, have one of
    the words `any_of`) and for which the SQL condition `also` holds (`{id}` in it stands for the
    object's id; `params` are its parameters), in the index's order. The matches are read one at a
    time until `limit` are found: gathering every match of a common word first (20,000 coming
    events for "liikuntaa") was most of such a count."""
    groups = query_groups(query)
    if not groups:
        return []
    match = _match_text(groups, True, any_of)
    if connection.vendor == "postgresql":
        condition = also.format(id="core_searchentry.object_id")
        sql = f"SELECT object_id FROM core_searchentry WHERE {_pg_match(kind)} AND {condition} LIMIT %s"
    else:
        table = fts_table(kind)
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH %s AND {also.format(id=f'{table}.rowid')} LIMIT %s"
    return [row[0] for row in _fetch_matches(sql, [match, *params, limit])]


# How well an object matches, (own words, score): texts with the query's own words come before
# those found only through a concept's other words, and within each, a higher score first. A plain
# tuple, since a common word ranks tens of thousands of matches (a NamedTuple each cost 3× as much).
Rank = tuple[bool, float]
NO_MATCH: Rank = (False, 0.0)


def sort_key(rank: Rank) -> tuple[bool, float]:
    """The part of a sort key that puts better matches first."""
    own_words, score = rank
    return (not own_words, -score)


def unranked(kind: str, query: str) -> dict[int, Rank]:
    """The objects of `kind` that match `query`, each with the same rank: for a count, which needs
    no order (bm25 over every match costs three times the match itself)."""
    ids = matching_ids(kind, query)
    if ids is None:
        return {}
    return dict.fromkeys((row[0] for row in _fetch_matches(ids.sql, ids.params)), (True, 0.0))


def look_up(kind: str, query: str, *, ranked: bool) -> dict[int, Rank] | None:
    """The objects of `kind` that match `query` with their ranks when the results are to be ordered
    by how well they match (`ranked`), else each with the same rank (the match alone costs a
    fraction of scoring every match); None when the query has no words, and so narrows nothing."""
    if not query or not query_groups(query):
        return None
    return relevance(kind, query) if ranked else unranked(kind, query)


def filter_matching(queryset: QuerySet, kind: str, query: str, *, prefix_last: bool = True) -> QuerySet:
    """Narrow `queryset` to objects whose document matches every word of `query`."""
    ids = matching_ids(kind, query, prefix_last=prefix_last)
    return queryset if ids is None else queryset.filter(pk__in=ids)


def relevance(kind: str, query: str, *, prefix_last: bool = True) -> dict[int, Rank]:
    """{object id: rank} of every object that matches, in one query."""
    groups = query_groups(query)
    if not groups:
        return {}
    sql, params = _match_sql(groups, kind, prefix_last)
    return {object_id: (own == 1, score) for object_id, score, own in _fetch_matches(sql, params)}


def _fetch_matches(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranked_pks(queryset: QuerySet, kind: str, query: str, *, tiebreak: str) -> list[int]:
    """The primary keys of `queryset` (already narrowed by filter_matching) best match first, then by
    `tiebreak`. Two queries whatever the number of matches: ranking in SQL per row is what makes
    full-text search slow on large registers."""
    ranks = relevance(kind, query)
    rows = queryset.order_by().values_list("pk", tiebreak)

    def order(row):
        return (*sort_key(ranks.get(row[0], NO_MATCH)), row[1] or "", row[0])

    return [pk for pk, _key in sorted(rows, key=order)]


def in_order(queryset: QuerySet, pks: list[int]) -> list:
    """The objects of `pks` from `queryset`, in the order of `pks`."""
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=pks)}
    return [objects[pk] for pk in pks if pk in objects]


# Facet counts over thousands of matches ---------------------------------------------------------
#
# Counting, for each of forty-odd filter choices, how many of the matches have it took most of a
# search's time as GROUP BY queries that each evaluated the whole search again. Instead each process
# keeps, per facet value, the set of the objects that have it as a bit set (a Python int, bit n for
# primary key n): a count is then `(matches & having).bit_count()`, exact and in microseconds. The
# sets are read again from the database (a few queries) whenever the data's version changes, and
# at once in this process when a row of the apps that feed them is saved or deleted.


def to_bits(pks: Iterable[int]) -> int:
    """The bit set of some primary keys."""
    pks = list(pks)
    if not pks:
        return 0
    buffer = bytearray((max(pks) >> 3) + 1)
    for pk in pks:
        buffer[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(buffer, "little")


def members(bits: int, end: int | None = None) -> list[int]:
    """The primary keys in a bit set, smallest first (the first `end` of them)."""
    found: list[int] = []
    if end is not None and end <= 0:
        return found
    text = bin(bits)[:1:-1]  # bit 0 first
    position = text.find("1")
    while position >= 0:
        found.append(position)
        if len(found) == end:
            break
        position = text.find("1", position + 1)
    return found


def union(sets: Iterable[int]) -> int:
    result = 0
    for bits in sets:
        result |= bits
    return result


class Order:
    """Primary keys in a fixed order (say by name, then id), kept with an index's bit sets so that
    the members of any bit set come in that order without a query: ordering tens of thousands of
    matches in the database, to show twenty, was most of a broad search's time."""

    def __init__(self, pks: list[int]):
        self.pks = pks
        self.places = array.array("q", [0]) * (max(pks, default=0) + 1)  # places[pk]: its place in the order
        for place, pk in enumerate(pks):
            self.places[pk] = place

    def first(self, bits: int, count: int, end: int) -> list[int]:
        """The first `end` members of `bits` (which has `count` members) in this order: walking the
        order until they are found when they lie close together, else sorting them all."""
        if end * len(self.pks) > 4 * count * count:
            return sorted(members(bits), key=self.places.__getitem__)[:end]
        found: list[int] = []
        if not bits or end <= 0:
            return found
        present = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
        size = len(present)
        for pk in self.pks:
            if pk >> 3 < size and present[pk >> 3] >> (pk & 7) & 1:
                found.append(pk)
                if len(found) == end:
                    break
        return found


class Ordered(Sequence):
    """The members of a bit set in an Order, for Django's Paginator: only as many are found as the
    page asked for needs."""

    def __init__(self, order: Order, bits: int, size: int):
        self.order, self.bits, self.size = order, bits, size

    def __len__(self) -> int:
        return self.size

    def __iter__(self):
        return iter(self[:])  # in one pass: Sequence's own would look for each member from the start

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.size)
            return self.order.first(self.bits, self.size, stop)[start:stop:step]
        if not -self.size <= index < self.size:
            raise IndexError(index)
        index %= self.size
        return self.order.first(self.bits, self.size, index + 1)[index]


_INDEXES: dict[str, tuple[str, object]] = {}
_INDEX_LOCK = threading.Lock()
# Rows of these apps feed the indexes: a change here drops them at once in this process (other
# processes see the change through the version).
_INDEXED_APPS = {"activities", "organisations"}
_INDEXED_MODELS = {"core.publicbody", "core.term", "core.language", "core.searchentry"}


def versioned_index(name: str, version: str, build: Callable[[], object]):
    """The index `name` built by `build()` at the data's `version`, built again when it changes."""
    with _INDEX_LOCK:
        found = _INDEXES.get(name)
        if found is not None and found[0] == version:
            return found[1]
    index = build()
    with _INDEX_LOCK:
        _INDEXES[name] = (version, index)
    return index


def forget_indexes(**_kwargs) -> None:
    with _INDEX_LOCK:
        _INDEXES.clear()


def _data_changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and (meta.app_label in _INDEXED_APPS or meta.label_lower in _INDEXED_MODELS):
        forget_indexes()


signals.post_save.connect(_data_changed, dispatch_uid="kumppani.search.post_save")
signals.post_delete.connect(_data_changed, dispatch_uid="kumppani.search.post_delete")
signals.m2m_changed.connect(_data_changed, dispatch_uid="kumppani.search.m2m_changed")


@functools.cache
def _known_words() -> tuple[str, ...]:
    """The words of the vocabularies' labels and of the synonyms, for "did you mean"."""
    known: set[str] = set()
    for _slug, _yso_id, *labels in [*vocabularies.THEMES, *vocabularies.TARGET_GROUPS]:
        for label in labels:
            known.update(word for word in words(label.lower()) if len(word) > 3)
    with _SYNONYMS.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            for language in ("fi", "sv", "en"):
                known.update(word.lower() for word in row[language].split("|") if len(word) > 3)
    return tuple(sorted(known))


def spelling_suggestions(query: str, *, limit: int = 3) -> list[str]:
    """Queries to try instead when `query` found nothing: each word that is not a known word of the
    vocabularies replaced by the known words closest to it in spelling ("vertaistki" → "vertaistuki")."""
    known = _known_words()
    known_set = set(known)
    query_words = words(query)[:_MAX_QUERY_WORDS]
    found: list[str] = []
    for index, word in enumerate(query_words):
        if word.lower() in known_set or len(word) < 4:
            continue
        for match in difflib.get_close_matches(word.lower(), known, n=2, cutoff=0.8):
            suggestion = " ".join([*query_words[:index], match, *query_words[index + 1 :]])
            if suggestion not in found:
                found.append(suggestion)
    return found[:limit]
