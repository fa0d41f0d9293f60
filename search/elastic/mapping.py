"""The product index: Vietnamese-folding analysis and the fields search reads.

Text is analysed twice over: `vi_text` keeps each word as written *and* folded (asciifolding with
preserve_original, which also maps đ→d), so "nuoc mam" finds "nước mắm" while a shopper who typed
the diacritics scores the exact words higher; `vi_folded` keeps only the folded form (title
phrases, suggestions). With the ICU plugin the words are first normalised by ICU (NFKC, case-folded);
without it the standard tokenizer and lowercase do (the text is NFC already: we normalise it).
"""

from elasticsearch.dsl import (
    Boolean,
    Byte,
    Date,
    Index,
    Integer,
    Keyword,
    Long,
    Mapping,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

VI_FOLDING = token_filter("vi_folding", "asciifolding", preserve_original=True)
ICU_NORMALIZER = token_filter("vi_icu_normalizer", "icu_normalizer", name="nfkc_cf")
# What the database backend matches (search_text: title, description, producer, commune, province).
ALL_TEXT = "all_text"
# Each also on its own, for boosts and to show: searched with the same analysis.
TEXT_FIELDS = ("title", "description", "producer", "commune", "province")
KEYWORD_FIELDS = ("province_code", "commune_code", "group_slug", "category_paths", "seller_slug")
STORED_ONLY_FIELDS = ("slug", "image")


def analyzers(*, icu: bool):
    """(vi_text, vi_folded): exact and folded words; folded words only."""
    normalise = ICU_NORMALIZER if icu else "lowercase"
    return (
        analyzer("vi_text", tokenizer="standard", filter=[normalise, VI_FOLDING]),
        analyzer("vi_folded", tokenizer="standard", filter=[normalise, "asciifolding"]),
    )


def product_mapping(*, icu: bool) -> Mapping:
    vi_text, vi_folded = analyzers(icu=icu)
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.field(ALL_TEXT, Text(analyzer=vi_text))
    mapping.field("title", Text(analyzer=vi_text, fields={"folded": Text(analyzer=vi_folded)}))
    mapping.field("title_suggest", SearchAsYouType(analyzer=vi_folded))
    for name in TEXT_FIELDS[1:]:
        mapping.field(name, Text(analyzer=vi_text))
    mapping.field("id", Integer())
    mapping.field("stars", Byte())
    mapping.field("certificate_valid_from", Date(format="yyyy-MM-dd"))
    mapping.field("certificate_valid_until", Date(format="yyyy-MM-dd"))
    for name in KEYWORD_FIELDS:
        mapping.field(name, Keyword())
    mapping.field("price", Long())  # whole đồng
    mapping.field("in_stock", Boolean())
    # Signs of the recommended order (search.ranking) that the stored-only image cannot give.
    mapping.field("has_image", Boolean())
    mapping.field("sales_band", Byte())
    mapping.field("created", Date())
    for name in STORED_ONLY_FIELDS:
        mapping.field(name, Keyword(index=False, doc_values=False))
    return mapping


def product_index(name: str, *, icu: bool, shards: int = 1, replicas: int = 0) -> Index:
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.mapping(product_mapping(icu=icu))
    return index


def index_body(*, icu: bool, shards: int = 1, replicas: int = 0) -> dict:
    """The settings and mappings of a new product index (what `indices.create` is sent)."""
    return product_index("ocop-products", icu=icu, shards=shards, replicas=replicas).to_dict()
