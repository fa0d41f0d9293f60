"""Rebuild search: the search table from the catalogue, then (if configured) a new Elasticsearch
index that replaces the old one in a single alias swap, so search never goes empty."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.services import elasticsearch_enabled, search_documents_rebuild

BAR_WIDTH = 30


class ProgressBar:
    """`label [#####-----] done/total rate/s`, redrawn in place on a terminal, every 10% otherwise."""

    def __init__(self, stdout, label: str):
        self.stdout, self.label, self.started = stdout, label, time.monotonic()
        self.interactive = getattr(stdout, "isatty", lambda: False)() or sys.stdout.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1.0
        tenth = int(share * 10)
        if not self.interactive and tenth == self.last_tenth and done != total:
            return
        self.last_tenth = tenth
        filled = int(share * BAR_WIDTH)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        line = f"{self.label} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} {rate:,.0f}/s"
        self.stdout.write(("\r" + line) if self.interactive else line, ending="" if self.interactive else "\n")
        self.stdout.flush()

    def finish(self) -> None:
        if self.interactive:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Rebuild the product search table and, with ELASTICSEARCH_URL, the Elasticsearch index (alias swap)."

    def add_arguments(self, parser):
        parser.add_argument("--database-only", action="store_true", help="rebuild the search table only")
        parser.add_argument("--elasticsearch-only", action="store_true", help="reindex Elasticsearch from the search table")

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        if not options["elasticsearch_only"]:
            bar = ProgressBar(self.stdout, "search table") if verbose else None
            result = search_documents_rebuild(progress=bar)
            if bar:
                bar.finish()
            self.stdout.write(self.style.SUCCESS(f"Search table: {result.documents} of {result.products} products on sale."))
        if options["database_only"]:
            return
        if not elasticsearch_enabled():
            if options["elasticsearch_only"]:
                raise CommandError("Elasticsearch is not configured (ELASTICSEARCH_URL, SEARCH_BACKEND).")
            return
        from search.elastic.client import UNAVAILABLE
        from search.elastic.indexing import es_index_rebuild

        bar = ProgressBar(self.stdout, "elasticsearch") if verbose else None
        try:
            result = es_index_rebuild(progress=bar)
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch could not be rebuilt: {error}") from error
        if bar:
            bar.finish()
        self.stdout.write(
            self.style.SUCCESS(
                f"Elasticsearch: {result.documents} documents in {result.index} "
                f"({'ICU' if result.icu else 'standard'} analysis); removed {', '.join(result.removed_indices) or 'nothing'}."
            )
        )
