"""PostgreSQL only: trigrams on the folded search text, for typo tolerance (search.vocabulary.spelling).

TrigramExtension makes sure pg_trgm is there (0002 created it too; a no-op then, and on SQLite). The GIN
index serves `ocop_unaccent(search_text) %> 'mat ongg'` (word similarity), the query the database backend
sends when nothing matched the words typed. On SQLite nothing happens: typos are corrected in Python
from a few candidate rows found by the same trigrams as substrings.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = "CREATE INDEX IF NOT EXISTS search_doc_folded_trgm ON search_productsearchdocument USING gin (ocop_unaccent(search_text) gin_trgm_ops)"
BACKWARD = "DROP INDEX IF EXISTS search_doc_folded_trgm"


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_group_facets_index")]

    operations = [TrigramExtension(), migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
