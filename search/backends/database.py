"""Product search in the database: the embedded default (SQLite or PostgreSQL).

Reads the search table (search.models.ProductSearchDocument) only.
- Without words (both databases): one grouped query gives the count and every facet from the facets
  index alone (two when a province or commune is chosen), one more the page in index order.
- PostgreSQL with words: the unaccented full-text column (GIN index) finds the matches; one
  statement scores them once and gives both the facet counts and the page's ids, one more its rows.
- SQLite with words: one pass with instr() over the folded column finds the matches; facets,
  relevance and the page are worked out in Python.

Words are read as concepts (search.vocabulary): a vocabulary term is a phrase and is also found through its
synonyms; a page says whether every typed word was found (ProductPage.approximate). When nothing matches,
mistyped words are corrected from the words of the likeliest products (search.vocabulary.spelling; found
by pg_trgm word similarity on PostgreSQL, by the same trigrams as substrings on SQLite) and the corrected
words are searched instead, flagged approximate with a "did you mean"."""

import datetime
import operator
from collections import Counter
from dataclasses import replace
from functools import reduce
from itertools import combinations

from django.db import connection
from django.db.models import BooleanField, Case, CharField, Count, F, FloatField, Func, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Greatest
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual
from django.utils import timezone
from oscar.core.loading import get_model

from .. import ranking
from ..facets import FACET_IGNORES, active_facet_filters, facets_from_facet_counts, facets_from_groups
from ..models import ProductSearchDocument, stars_valid_on
from ..query import (
    SORT_NEWEST,
    SORT_PRICE,
    SORT_PRICE_DESC,
    SORT_RECOMMENDED,
    SORT_RELEVANCE,
    SORT_STARS_DESC,
    ProductHit,
    ProductPage,
    ProductQuery,
)
from ..text import TextQuery
from ..vocabulary import Concept, Phrase, concept_groups, concepts, required_weight, spelling, uses_vocabulary

ProductCategory = get_model("catalogue", "ProductCategory")

HIT_FIELDS = (
    "product_id", "title", "slug", "price", "stars", "certificate_valid_from", "certificate_valid_until",
    "province_code", "province_name", "commune_code", "commune_name", "seller_slug", "seller_name",
    "group_slug", "in_stock", "image",
)  # fmt: skip
# Relevance, from the strongest sign to the weakest; a stronger sign outweighs all weaker ones.
WEIGHT_PHRASE, WEIGHT_TITLE_PHRASE, WEIGHT_EXACT_PHRASE, WEIGHT_EXACT_TITLE_PHRASE = 1000, 500, 200, 100
WEIGHT_WORD, WEIGHT_EXACT_WORD = 10, 1
# A synonym (search.vocabulary) in the title, or anywhere: below the typed words themselves.
WEIGHT_SYNONYM_TITLE, WEIGHT_SYNONYM = 50, 5
# Typo correction reads the words of at most this many likely products.
SPELLING_CANDIDATES = 40


def _on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _has(column: str, phrase: str):
    """The padded column holds `phrase` as whole words.

    SQLite: instr(), a plain substring search, several times faster than its case-folding LIKE;
    PostgreSQL: LIKE, which its trigram index can serve.
    """
    if _on_postgresql():
        return Q(**{f"{column}__contains": f" {phrase} "})
    return _contains(column, f" {phrase} ")


def _contains(column: str, text: str):
    return GreaterThan(Func(F(column), Value(text), function="INSTR", output_field=IntegerField()), 0)


def _points(condition: Q, weight: int):
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


def valid_stars(day: datetime.date):
    """Each row's stars if its certificate is valid on `day`, else 0."""
    valid = Q(stars__isnull=False, certificate_valid_from__lte=day, certificate_valid_until__gte=day)
    return Case(When(valid, then=F("stars")), default=Value(0), output_field=IntegerField())


def _stars_at_least(stars: int, day: datetime.date) -> Q:
    return Q(stars__gte=stars, certificate_valid_from__lte=day, certificate_valid_until__gte=day)


_MATCHES = "search_vector @@ to_tsquery('simple', ocop_unaccent(%s))"


def _tsquery(words, joiner: str) -> str:
    return joiner.join(f"'{word}'" for word in words)  # words are letters and digits only


def _phrase_tsquery(phrase: Phrase, *, title: bool = False) -> str:
    """The phrase's words side by side in the unaccented full text (exact phrases: their folded words)."""
    from ocop_catalog.text import fold

    return "(" + " <-> ".join(f"'{fold(word)}'{':A' if title else ''}" for word in phrase.words) + ")"


def _phrase_match(phrase: Phrase, *, title: bool = False):
    """A boolean expression: the phrase as whole words of the title (or of everything), with its
    diacritics if it has them."""
    prefix = "title" if title else "search"
    if not _on_postgresql():
        column = f"{prefix}_text" if phrase.exact else f"{prefix}_folded"
        return _has(column, phrase.text)
    if not phrase.exact:
        return RawSQL(_MATCHES, [_phrase_tsquery(phrase, title=title)], output_field=BooleanField())
    # The index finds the folded words; LIKE keeps those written with the diacritics ("cá", not "cà").
    params = [_phrase_tsquery(phrase, title=title), f"% {phrase.text} %"]
    return RawSQL(f"({_MATCHES} AND {prefix}_text LIKE %s)", params, output_field=BooleanField())


def _concept_points(concept: Concept, *, title: bool = False, alternatives_only: bool = False, weight: int | None = None):
    """`weight` (the concept's, by default) if the product holds the concept (typed words or a synonym), else 0."""
    phrases = list(concept.alternatives) if alternatives_only else [concept.typed, *concept.alternatives]
    weight = concept.weight if weight is None else weight
    points = [_points(_phrase_match(phrase, title=title), weight) for phrase in phrases]
    return points[0] if len(points) == 1 else Greatest(*points)


def _row_has(row: dict, phrase: Phrase, *, title: bool = False) -> bool:
    prefix = "title" if title else "search"
    return f" {phrase.text} " in row[f"{prefix}_text" if phrase.exact else f"{prefix}_folded"]


def python_concepts(row: dict, found: tuple[Concept, ...]) -> tuple[int, bool, int]:
    """(typed words held through concepts, every concept found as typed, synonym points) of one row (SQLite)."""
    weight, exact, synonyms = 0, True, 0
    for concept in found:
        typed = _row_has(row, concept.typed)
        exact = exact and typed
        in_title = any(_row_has(row, phrase, title=True) for phrase in concept.alternatives)
        anywhere = in_title or any(_row_has(row, phrase) for phrase in concept.alternatives)
        weight += concept.weight if typed or anywhere else 0
        synonyms += WEIGHT_SYNONYM_TITLE * in_title + WEIGHT_SYNONYM * anywhere
    return weight, exact, synonyms


def python_relevance(row: dict, words: TextQuery) -> int:
    """Phrase > phrase in the title > exact diacritics > more words > each exact word."""
    phrase = f" {' '.join(words.folded)} "
    score = WEIGHT_PHRASE * (phrase in row["search_folded"]) + WEIGHT_TITLE_PHRASE * (phrase in row["title_folded"])
    score += WEIGHT_WORD * sum(f" {word} " in row["search_folded"] for word in words.distinct_folded)
    if words.has_diacritics:
        exact = f" {' '.join(words.exact)} "
        score += WEIGHT_EXACT_PHRASE * (exact in row["search_text"]) + WEIGHT_EXACT_TITLE_PHRASE * (exact in row["title_text"])
        score += WEIGHT_EXACT_WORD * sum(f" {word} " in row["search_text"] for word in words.distinct_exact)
    return score + python_concepts(row, concepts(words))[2]


def _python_sort_key(query: ProductQuery, words: TextQuery, day: datetime.date):
    """The order of DatabaseSearchBackend._PASS_ORDER, for rows in Python (SQLite with words)."""

    def newest(row):
        return (-row["created"].timestamp(), -row["product_id"])

    def price(row):
        return row["price"] is None

    keys = {
        SORT_RELEVANCE: lambda row: (-python_relevance(row, words), *newest(row)),
        SORT_PRICE: lambda row: (price(row), row["price"] or 0, *newest(row)),
        SORT_PRICE_DESC: lambda row: (price(row), -(row["price"] or 0), *newest(row)),
        SORT_STARS_DESC: lambda row: (-row["valid_stars"], *newest(row)),
        SORT_RECOMMENDED: lambda row: (-ranking.python_rank(row, day), *newest(row)),
        SORT_NEWEST: newest,
    }
    if query.sort not in keys:
        raise ValueError(f"Unknown sort: {query.sort!r}")
    return keys[query.sort]


class DatabaseSearchBackend:
    """Searches the search table with the ORM; answers the same contract as Elasticsearch."""

    name = "database"

    # --- the contract -------------------------------------------------------------------------

    def search(self, query: ProductQuery) -> ProductPage:
        words = TextQuery.parse(query.text)
        page = self._search(query, words)
        if words and not page.count:
            correction = self._corrected(words)
            if correction:
                page = self._search(replace(query, text=correction), TextQuery.parse(correction))
                page.approximate, page.did_you_mean = True, correction
        return page

    def _search(self, query: ProductQuery, words: TextQuery) -> ProductPage:
        day = query.day or timezone.localdate()
        matching = self._matching(query, words)
        if words and not _on_postgresql():
            return self._search_matches_in_python(matching, query, words, day)
        if words:
            return self._search_matches_in_one_pass(matching, query, words, day)
        if len(active_facet_filters(query)) >= 2:
            count, facets = facets_from_facet_counts(query, self._facet_counts_one_by_one(matching, query, day))
        else:
            count, facets = facets_from_groups(self._facet_groups(matching, query, day), query)
        hits = []
        start = (query.page - 1) * query.page_size
        if start < count:
            rows = self._ordered(matching.filter(self._facet_filter(query, day)), query, day)
            hits = [self._hit(row, day) for row in rows.values(*HIT_FIELDS)[start : start + query.page_size]]
        return ProductPage(hits=hits, count=count, page=query.page, page_size=query.page_size, facets=facets, backend=self.name)

    def suggest(self, text: str, *, limit: int = 8) -> list[ProductHit]:
        """Products whose title starts words with what was typed (the last word may be unfinished)."""
        words = TextQuery.parse(text)
        if not words:
            return []
        *whole, last = words.folded
        documents = ProductSearchDocument.objects.filter(title_folded__contains=f" {last}")
        for word in whole:
            documents = documents.filter(_has("title_folded", word))
        phrase_start = Q(title_folded__contains=" " + " ".join(words.folded))
        day = timezone.localdate()
        rows = documents.annotate(
            starts=_points(phrase_start, 2) + _points(Q(title_folded__startswith=" " + " ".join(words.folded)), 1)
        ).order_by("-starts", "-created", "-product_id")
        return [self._hit(row, day) for row in rows.values(*HIT_FIELDS)[:limit]]

    # --- matching -----------------------------------------------------------------------------

    def _matching(self, query: ProductQuery, words: TextQuery):
        """Documents matching the words and the filters no facet counts (price, stock, category)."""
        documents = ProductSearchDocument.objects.all()
        if words:
            documents = documents.filter(self._words_filter(words))
        if query.price_min is not None:
            documents = documents.filter(price__gte=query.price_min)
        if query.price_max is not None:
            documents = documents.filter(price__lte=query.price_max)
        if query.in_stock is not None:
            documents = documents.filter(in_stock=query.in_stock)
        if query.category_path:
            in_category = ProductCategory.objects.filter(category__path__startswith=query.category_path)
            documents = documents.filter(product_id__in=in_category.values("product_id"))
        return documents

    @staticmethod
    def _words_filter(words: TextQuery):
        """Enough of the words (search.text.TextQuery.required_words), as whole folded words; with the
        vocabulary, enough of the concepts (a term's words side by side, or one of its synonyms)."""
        found = concepts(words)
        if uses_vocabulary(found):
            return DatabaseSearchBackend._concepts_filter(found)
        distinct = words.distinct_folded
        groups = [distinct] if words.required_words == len(distinct) else list(combinations(distinct, words.required_words))
        if _on_postgresql():
            # The unaccented full-text index holds the same words: it alone decides.
            tsquery = " | ".join(f"({_tsquery(group, ' & ')})" for group in groups)
            return RawSQL(_MATCHES, [tsquery], output_field=BooleanField())
        found = reduce(operator.add, [_points(_has("search_folded", word), 1) for word in distinct])
        return GreaterThanOrEqual(found, words.required_words)

    @staticmethod
    def _concepts_filter(found: tuple[Concept, ...]):
        enough = GreaterThanOrEqual(reduce(operator.add, [_concept_points(concept) for concept in found]), required_weight(found))
        if not _on_postgresql():
            return enough
        # The full-text index finds the candidates; the exact check above only rechecks what it found.
        concept_tsquery = {c: " | ".join(_phrase_tsquery(p) for p in (c.typed, *c.alternatives)) for c in found}
        tsquery = " | ".join("(" + " & ".join(f"({concept_tsquery[c]})" for c in group) + ")" for group in concept_groups(found))
        candidates = RawSQL(_MATCHES, [tsquery], output_field=BooleanField())
        if not any(phrase.exact for concept in found for phrase in concept.alternatives):
            return candidates
        return Q(candidates) & Q(enough)

    @staticmethod
    def _exact(words: TextQuery):
        """1 if every concept is found through the words typed (PostgreSQL), else 0."""
        tsquery = " & ".join(_phrase_tsquery(concept.typed) for concept in concepts(words))
        return _points(RawSQL(_MATCHES, [tsquery], output_field=BooleanField()), 1)

    def _corrected(self, words: TextQuery) -> str:
        """The words with the mistyped ones corrected (search.vocabulary.spelling), or ""."""
        folded = " ".join(words.folded)
        probes = [folded, *(word for word in words.distinct_folded if len(word) >= 4 and word != folded)]
        documents = ProductSearchDocument.objects.all()
        if _on_postgresql():
            # pg_trgm word similarity (threshold pg_trgm.word_similarity_threshold, 0.6) through the GIN index
            # on ocop_unaccent(search_text) (migration 0004).
            similar = " OR ".join(["ocop_unaccent(search_text) %%> %s"] * len(probes))
            documents = documents.filter(RawSQL(f"({similar})", probes, output_field=BooleanField())).annotate(
                similarity=RawSQL("word_similarity(%s, ocop_unaccent(search_text))", [folded], output_field=FloatField())
            )
        else:
            grams = sorted({gram for word in words.distinct_folded if len(word) >= 3 for gram in spelling.trigrams(word) if gram[1] != " "})
            if not grams:
                return ""
            shared = reduce(operator.add, [_points(_contains("search_folded", gram), 1) for gram in grams])
            documents = documents.annotate(similarity=shared).filter(similarity__gte=min(2, len(grams)))
        texts = documents.order_by("-similarity", "product_id").values_list("search_text", flat=True)[:SPELLING_CANDIDATES]
        return spelling.corrected(words, spelling.lexicon(texts))

    def _search_matches_in_python(self, matching, query: ProductQuery, words: TextQuery, day: datetime.date) -> ProductPage:
        """SQLite: one pass over the table finds the matches; facets, relevance and the page are
        worked out here (a substring test in Python is far cheaper than SQLite's LIKE)."""
        rows = list(
            matching.values(*HIT_FIELDS, "created", "sales_band", "title_text", "title_folded", "search_text", "search_folded")
        )
        focus = {"province_code": query.province, "commune_code": query.commune}
        groups = Counter()
        for row in rows:
            row["valid_stars"] = stars_valid_on(
                stars=row["stars"], valid_from=row["certificate_valid_from"], valid_until=row["certificate_valid_until"], day=day
            ) or 0
            in_focus = any(value and row[name] == value for name, value in focus.items())
            groups[(row["province_code"], row["group_slug"], row["valid_stars"], row["commune_code"] if in_focus else "")] += 1
        count, facets = facets_from_groups(
            [{"province_code": p, "group_slug": g, "stars": st, "commune_key": c, "n": n} for (p, g, st, c), n in groups.items()],
            query,
        )
        chosen = [
            row for row in rows
            if row["valid_stars"] >= (query.stars_min or 0)
            and all(not value or row[name] == value for name, value in (
                ("province_code", query.province), ("commune_code", query.commune), ("group_slug", query.group)
            ))
        ]  # fmt: skip
        chosen.sort(key=_python_sort_key(query, words, day))
        start = (query.page - 1) * query.page_size
        hits = [self._hit(row, day) for row in chosen[start : start + query.page_size]]
        found = concepts(words)
        exact = any(python_concepts(row, found)[1] for row in chosen)
        return ProductPage(
            hits=hits, count=count, page=query.page, page_size=query.page_size, facets=facets, backend=self.name,
            approximate=bool(chosen) and not exact,
        )  # fmt: skip

    # Columns of the matched rows that facets and the page need, for _search_matches_in_one_pass.
    _PASS_COLUMNS = (
        "product_id", "province_code", "group_slug", "commune_code", "valid_stars", "price", "created", "relevance", "text_rank", "exact",
        "recommended",
    )  # fmt: skip
    _PASS_ORDER = {
        SORT_RELEVANCE: "relevance DESC, text_rank DESC, created DESC, product_id DESC",
        SORT_NEWEST: "created DESC, product_id DESC",
        SORT_PRICE: "price ASC NULLS LAST, created DESC, product_id DESC",
        SORT_PRICE_DESC: "price DESC NULLS LAST, created DESC, product_id DESC",
        SORT_STARS_DESC: "valid_stars DESC, created DESC, product_id DESC",
        SORT_RECOMMENDED: "recommended DESC, created DESC, product_id DESC",
    }

    def _search_matches_in_one_pass(self, matching, query: ProductQuery, words: TextQuery, day: datetime.date) -> ProductPage:
        """PostgreSQL with words: the matching rows are read and scored once, in one statement that
        counts them for the facets and picks the page (a second pass over the heap would cost as
        much as the first); then the page's rows by id.
        """
        if query.sort not in self._PASS_ORDER:
            raise ValueError(f"Unknown sort: {query.sort!r}")
        no_score = Value(0, output_field=IntegerField())
        scored = matching.annotate(
            valid_stars=valid_stars(day),
            relevance=self._relevance(words) if query.sort == SORT_RELEVANCE else no_score,
            text_rank=self._text_rank(words) if query.sort == SORT_RELEVANCE else no_score,
            exact=self._exact(words),
            recommended=ranking.rank(day) if query.sort == SORT_RECOMMENDED else no_score,
        )
        matched_sql, matched_params = scored.order_by().values(*self._PASS_COLUMNS).query.sql_with_params()
        focus = {"province_code": query.province or "", "commune_code": query.commune or ""}
        chosen = {"valid_stars >= %s": query.stars_min, "province_code = %s": query.province,
                  "commune_code = %s": query.commune, "group_slug = %s": query.group}  # fmt: skip
        chosen = {condition: value for condition, value in chosen.items() if value}
        start = (query.page - 1) * query.page_size
        sql = f"""
            WITH matched AS MATERIALIZED ({matched_sql}),
            groups AS (
                SELECT province_code, group_slug, valid_stars,
                       CASE WHEN province_code = %s OR commune_code = %s THEN commune_code ELSE '' END AS commune_key,
                       COUNT(*) AS n, MAX(exact) AS exact
                FROM matched GROUP BY 1, 2, 3, 4
            ),
            page AS (
                SELECT product_id FROM matched WHERE {" AND ".join(chosen) or "TRUE"}
                ORDER BY {self._PASS_ORDER[query.sort]} LIMIT %s OFFSET %s
            )
            SELECT province_code, group_slug, valid_stars, commune_key, n, exact, NULL FROM groups
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, product_id FROM page
        """  # noqa: S608 — only fixed SQL is formatted in; values are parameters
        params = [*matched_params, focus["province_code"], focus["commune_code"], *chosen.values(), query.page_size, start]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        groups = [
            {"province_code": province, "group_slug": group, "stars": stars, "commune_key": commune, "n": n}
            for province, group, stars, commune, n, _exact, product_id in rows
            if product_id is None
        ]
        count, facets = facets_from_groups(groups, query)
        # Exact matches among those the facet filters keep (a group's commune is known in the chosen province only).
        exact = any(
            row[5] and (row[2] or 0) >= (query.stars_min or 0) and row[0] == (query.province or row[0])
            and row[1] == (query.group or row[1]) and row[3] == (query.commune or row[3])
            for row in rows if row[6] is None
        )  # fmt: skip
        page_ids = [product_id for *_, product_id in rows if product_id is not None]
        found = {row["product_id"]: row for row in ProductSearchDocument.objects.filter(product_id__in=page_ids).values(*HIT_FIELDS)}
        hits = [self._hit(found[product_id], day) for product_id in page_ids if product_id in found]
        return ProductPage(
            hits=hits, count=count, page=query.page, page_size=query.page_size, facets=facets, backend=self.name,
            approximate=bool(count) and not exact,
        )  # fmt: skip

    @staticmethod
    def _facet_filter(query: ProductQuery, day: datetime.date) -> Q:
        condition = Q()
        if query.stars_min:
            condition &= _stars_at_least(query.stars_min, day)
        if query.province:
            condition &= Q(province_code=query.province)
        if query.commune:
            condition &= Q(commune_code=query.commune)
        if query.group:
            condition &= Q(group_slug=query.group)
        return condition

    @classmethod
    def _facet_groups(cls, matching, query: ProductQuery, day: datetime.date) -> list[dict]:
        """Counts by province, group, valid stars and (in the chosen province or commune) commune, with at
        most one facet filter (more: _facet_counts_one_by_one): some facet then counts every matching row.

        Two grouped queries, both answered from the facets index alone on PostgreSQL: the whole
        match by (province, group, stars), and the chosen province or commune by commune too — a
        commune key on every row would make the first one's grouping twice as slow.
        """
        by_key = {
            (row["province_code"], row["group_slug"], row["valid_stars"]): row
            for row in cls._grouped_counts(matching, day, ("province_code", "group_slug"))
        }
        focus = [Q(**{f"{name}_code": value}) for name, value in (("province", query.province), ("commune", query.commune)) if value]
        in_focus = []
        if focus:
            in_focus = cls._grouped_counts(matching.filter(reduce(operator.or_, focus)), day, ("province_code", "group_slug", "commune_code"))
            for row in in_focus:  # counted by commune instead
                by_key[(row["province_code"], row["group_slug"], row["valid_stars"])]["n"] -= row["n"]
        return [
            {"province_code": row["province_code"], "group_slug": row["group_slug"], "stars": row["valid_stars"],
             "commune_key": row.get("commune_code", ""), "n": row["n"]}
            for row in [*by_key.values(), *in_focus]
            if row["n"]
        ]  # fmt: skip

    @classmethod
    def _facet_counts_one_by_one(cls, matching, query: ProductQuery, day: datetime.date) -> dict[str, dict]:
        """With two facet filters or more: each facet counted over its own rows (every filter but its
        own), in one statement. Each part is a range of an index, so together they read far fewer
        rows than one grouped query over all the rows some facet counts."""
        facets = {"stars": "valid_stars", "province": "province_code", "group": "group_slug"}
        if query.province:
            facets["commune"] = "commune_code"
        parts = []
        for facet, column in facets.items():
            counted = matching.filter(cls._facet_filter(replace(query, **dict.fromkeys(FACET_IGNORES[facet])), day))
            parts.append(
                counted.annotate(valid_stars=valid_stars(day))
                .annotate(facet=Value(facet, output_field=CharField()), value=Cast(column, CharField()))
                .values_list("facet", "value")
                .annotate(n=Count("*"))
                .order_by()
            )
        counts = {facet: {} for facet in facets}
        for facet, value, n in parts[0].union(*parts[1:], all=True):
            counts[facet][int(value) if facet == "stars" else value] = n
        return counts

    @staticmethod
    def _grouped_counts(documents, day: datetime.date, columns: tuple[str, ...]) -> list[dict]:
        """Rows counted by `columns` and valid stars."""
        rows = (
            documents.annotate(valid_stars=valid_stars(day))
            .values(*columns, "valid_stars")
            .annotate(n=Count("*"))  # COUNT(*), not of a column: the facets index alone answers
            .order_by()
        )
        return list(rows)

    # --- ordering -----------------------------------------------------------------------------

    @staticmethod
    def _ordered(documents, query: ProductQuery, day: datetime.date):
        """The order of a query without words (with words: _PASS_ORDER and _python_sort_key)."""
        newest = [F("created").desc(), F("product_id").desc()]
        sort = query.sort
        if sort == SORT_PRICE:
            return documents.order_by(F("price").asc(nulls_last=True), *newest)
        if sort == SORT_PRICE_DESC:
            return documents.order_by(F("price").desc(nulls_last=True), *newest)
        if sort == SORT_STARS_DESC:
            return documents.alias(valid_stars=valid_stars(day)).order_by(F("valid_stars").desc(), *newest)
        if sort == SORT_RECOMMENDED:
            return documents.order_by(*ranking.order_by(day))
        if sort in (SORT_NEWEST, SORT_RELEVANCE):
            return documents.order_by(*newest)
        raise ValueError(f"Unknown sort: {sort!r}")

    @staticmethod
    def _text_rank(words: TextQuery):
        """PostgreSQL's full-text rank (word frequency, title weight): breaks ties of relevance."""
        return RawSQL(
            "ts_rank(search_vector, to_tsquery('simple', ocop_unaccent(%s)))",
            [_tsquery(words.distinct_folded, " | ")],
            output_field=FloatField(),
        )

    @staticmethod
    def _relevance(words: TextQuery):
        """PostgreSQL: the weights of python_relevance() from the unaccented full-text vector (phrase
        `<->`, title words weighted A), and LIKE for exact diacritics."""
        phrase = " <-> ".join(f"'{word}'" for word in words.folded)
        title_phrase = " <-> ".join(f"'{word}':A" for word in words.folded)
        terms = [
            _points(RawSQL(_MATCHES, [phrase], output_field=BooleanField()), WEIGHT_PHRASE),
            _points(RawSQL(_MATCHES, [title_phrase], output_field=BooleanField()), WEIGHT_TITLE_PHRASE),
            *(_points(RawSQL(_MATCHES, [f"'{word}'"], output_field=BooleanField()), WEIGHT_WORD) for word in words.distinct_folded),
        ]
        for concept in concepts(words):
            if concept.alternatives:
                terms += [_concept_points(concept, title=True, alternatives_only=True, weight=WEIGHT_SYNONYM_TITLE),
                          _concept_points(concept, alternatives_only=True, weight=WEIGHT_SYNONYM)]  # fmt: skip
        if words.has_diacritics:
            exact_phrase = " ".join(words.exact)
            terms += [
                _points(_has("search_text", exact_phrase), WEIGHT_EXACT_PHRASE),
                _points(_has("title_text", exact_phrase), WEIGHT_EXACT_TITLE_PHRASE),
                *(_points(_has("search_text", word), WEIGHT_EXACT_WORD) for word in words.distinct_exact),
            ]
        return reduce(operator.add, terms)

    @staticmethod
    def _hit(row: dict, day: datetime.date) -> ProductHit:
        return ProductHit(
            id=row["product_id"],
            title=row["title"],
            slug=row["slug"],
            price=row["price"],
            stars=stars_valid_on(
                stars=row["stars"], valid_from=row["certificate_valid_from"], valid_until=row["certificate_valid_until"], day=day
            ),
            province_code=row["province_code"],
            province_name=row["province_name"],
            commune_code=row["commune_code"],
            commune_name=row["commune_name"],
            seller_slug=row["seller_slug"],
            seller_name=row["seller_name"],
            group_slug=row["group_slug"],
            in_stock=row["in_stock"],
            image=row["image"],
        )
