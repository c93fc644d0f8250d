"""Full-text search that understands Finnish word forms and compound words.

At index time every word becomes a set of tokens: the word itself, its base form, the base
forms of its compound parts, every run of neighbouring parts ("mielenterveysseura" gives
"mielenterveys" and "terveysseura") and the root of a derived word ("yksinäisyys" gives
"yksinäinen"). Finnish analysis comes from Voikko; Swedish and English words, and Finnish
where Voikko is not installed, are stemmed with Snowball. A query is analysed the same way
and every query word must match one of its forms; the last word also matches as a prefix,
so results appear while a word is still being typed.

The tokens are stored in core.SearchEntry, where SQLite FTS5 or a PostgreSQL GIN index finds them.
"""

import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable

import snowballstemmer
from django.db import connection, transaction
from django.db.models import QuerySet

from kumppani.core.models import SearchEntry

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_MAX_QUERY_WORDS = 8
_WORDBASE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")


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


def query_groups(query: str) -> list[frozenset[str]]:
    """One group of accepted forms per query word; a document must match a form of every group."""
    groups = []
    for word in words(query)[:_MAX_QUERY_WORDS]:
        forms = finnish_forms(word)[1] | _snowball_forms(word, "sv") | _snowball_forms(word, "en")
        groups.append(frozenset(f for f in forms if f))
    return groups


def _safe(token: str) -> str:
    return re.sub(r"[^\w]", "", token)


def _fts5_query(groups: list[frozenset[str]], prefix_last: bool) -> str:
    clauses = []
    for n, group in enumerate(groups):
        alternatives = []
        for form in sorted(group):
            form = _safe(form)
            if not form:
                continue
            is_last = n == len(groups) - 1
            alternatives.append(f'"{form}"*' if prefix_last and is_last else f'"{form}"')
        if alternatives:
            clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def _tsquery(groups: list[frozenset[str]], prefix_last: bool) -> str:
    clauses = []
    for n, group in enumerate(groups):
        is_last = n == len(groups) - 1
        alternatives = [
            f"'{_safe(form)}'" + (":*" if prefix_last and is_last else "") for form in sorted(group) if _safe(form)
        ]
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


def _match_sql(groups: list[frozenset[str]], prefix_last: bool) -> tuple[str, str]:
    """(SQL that selects `object_id, rank` of matching entries of a kind, its query argument).

    The rank is higher for a better match. On SQLite the CROSS JOIN makes the full-text table
    the outer loop, so the match runs once, not once per index row.
    """
    if connection.vendor == "postgresql":
        return (
            "SELECT object_id, ts_rank(to_tsvector('simple', tokens), to_tsquery('simple', %s)) FROM core_searchentry "
            "WHERE kind = %s AND to_tsvector('simple', tokens) @@ to_tsquery('simple', %s)",
            _tsquery(groups, prefix_last),
        )
    return (
        # FTS5's bm25() is lower for better matches; negated so that higher is better everywhere.
        "SELECT e.object_id, -bm25(core_searchentry_fts) FROM core_searchentry_fts "
        "CROSS JOIN core_searchentry e ON e.id = core_searchentry_fts.rowid "
        "WHERE core_searchentry_fts MATCH %s AND e.kind = %s",
        _fts5_query(groups, prefix_last),
    )


def filter_matching(queryset: QuerySet, kind: str, query: str, *, prefix_last: bool = True) -> QuerySet:
    """Narrow `queryset` to objects whose document matches every word of `query`."""
    from django.db.models.expressions import RawSQL

    groups = query_groups(query)
    if not groups:
        return queryset
    sql, argument = _match_sql(groups, prefix_last)
    params = (argument, kind, argument) if connection.vendor == "postgresql" else (argument, kind)
    matching = RawSQL(f"SELECT object_id FROM ({sql}) AS matches", params)
    return queryset.filter(pk__in=matching)


def relevance(kind: str, query: str, *, prefix_last: bool = True) -> dict[int, float]:
    """{object id: rank} of every object that matches, in one query."""
    groups = query_groups(query)
    if not groups:
        return {}
    sql, argument = _match_sql(groups, prefix_last)
    params = (argument, kind, argument) if connection.vendor == "postgresql" else (argument, kind)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def ranked_pks(queryset: QuerySet, kind: str, query: str, *, tiebreak: str) -> list[int]:
    """The primary keys of `queryset` (already narrowed by filter_matching) best match first, then by
    `tiebreak`. Two queries whatever the number of matches: ranking in SQL per row is what makes
    full-text search slow on large registers."""
    ranks = relevance(kind, query)
    rows = queryset.order_by().values_list("pk", tiebreak)
    return [pk for pk, _key in sorted(rows, key=lambda row: (-ranks.get(row[0], 0.0), row[1] or "", row[0]))]


def in_order(queryset: QuerySet, pks: list[int]) -> list:
    """The objects of `pks` from `queryset`, in the order of `pks`."""
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=pks)}
    return [objects[pk] for pk in pks if pk in objects]
