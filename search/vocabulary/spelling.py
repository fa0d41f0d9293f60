"""Did the shopper mean another word? Corrections of mistyped words from the words of likely products.

The backend finds a few candidate products first (PostgreSQL: pg_trgm word similarity on the folded text,
with its GIN index; SQLite: the same trigrams as substrings, search.backends.database); the words of their
texts and of the vocabulary form a small lexicon, and each unknown word becomes the nearest lexicon word
within Elasticsearch's `fuzziness: AUTO` (no edit for 1–2 letters, one for 3–5, two for longer).
"""

from collections import Counter

from ocop_catalog.text import fold

from ..text import TextQuery
from . import vocabulary


def max_edits(word: str) -> int:
    """Elasticsearch's AUTO fuzziness: the edits a word of this length may differ by."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit); limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
    return current[-1]


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one folded word (padded by two spaces in front, one behind)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def lexicon(texts) -> dict[str, Counter]:
    """Folded word → how often each written form occurs, over padded exact texts and the vocabulary's words."""
    forms: dict[str, Counter] = {}
    for text in texts:
        for word in text.split():
            forms.setdefault(fold(word), Counter())[word] += 1
    for key, alternatives in vocabulary().items():
        for phrase in (*alternatives,):
            for word in phrase.words:
                forms.setdefault(fold(word), Counter())[word] += 0
        for word in key:
            forms.setdefault(word, Counter())[word] += 0
    return forms


def corrected(query: TextQuery, forms: dict[str, Counter]) -> str:
    """The query with each word unknown to `forms` replaced by its nearest known word (written as the
    products write it, diacritics included); "" if no word could be corrected."""
    changed, out = False, []
    for folded, exact in zip(query.folded, query.exact, strict=True):
        limit = max_edits(folded)
        if folded in forms or not limit or folded.isdigit():
            out.append(exact if folded not in forms or exact != folded else _written(forms, folded))
            continue
        candidates = [
            (edit_distance(folded, known, limit=limit), known[:1] != folded[:1], -sum(forms[known].values()), known) for known in forms
        ]
        distance, *_, best = min(candidates, default=(limit + 1, True, 0, ""))
        if distance > limit:
            out.append(exact)
            continue
        changed = True
        out.append(_written(forms, best))
    return " ".join(out) if changed else ""


def _written(forms: dict[str, Counter], folded: str) -> str:
    counts = forms.get(folded)
    return counts.most_common(1)[0][0] if counts else folded
