"""PostgreSQL only: unaccented full text and trigrams for the search table.

- `ocop_unaccent(text)`: unaccent() is only STABLE (its dictionary could change), so an index or a
  generated column cannot use it; this IMMUTABLE wrapper names the dictionary explicitly.
- `search_vector`: the words of the title (weight A) and of everything (B), unaccented (đ→d).
- GIN indexes on it and, with trigrams, on the folded title (suggestions as the shopper types).

On SQLite nothing happens: the backend matches the folded columns with LIKE.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION ocop_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    """,
    """
    ALTER TABLE search_productsearchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, ocop_unaccent(title_text)), 'A')
        || setweight(to_tsvector('simple'::regconfig, ocop_unaccent(search_text)), 'B')
    ) STORED
    """,
    "CREATE INDEX search_doc_vector ON search_productsearchdocument USING gin (search_vector)",
    "CREATE INDEX search_doc_title_trgm ON search_productsearchdocument USING gin (title_folded gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    "ALTER TABLE search_productsearchdocument DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS ocop_unaccent(text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
