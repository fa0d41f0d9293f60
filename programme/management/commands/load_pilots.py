from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from programme.pilots_csv import PilotFileError, pilots_load


class Command(BaseCommand):
    help = (
        "Load pilot designations (e-commerce / smart communes) from a CSV file; pre-2025 communes are converted to "
        "their 2025 commune and their old name kept. Idempotent; all or nothing. Example: programme/data/pilots_2023.csv"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8), see programme/pilots_csv.py for the columns")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not UTF-8 text ({error.reason} at byte {error.start})") from None
        verbose = options["verbosity"] >= 1

        def progress(done, total, row):
            if verbose:
                self.stdout.write(f"  [{done}/{total}] line {row.line}: {row.old_name or row.commune.name} → "
                                  f"{row.commune.code} {row.commune}  ({row.kind})")

        try:
            result = pilots_load(text=text, progress=progress)
        except PilotFileError as error:
            raise CommandError(
                f"{file}: nothing loaded.\n" + "\n".join(f"  line {line}: {message}" for line, message in error.errors)
            ) from None
        if verbose:
            self.stdout.write(self.style.SUCCESS(
                f"Pilots: {result.created} created, {result.updated} updated, {result.unchanged} unchanged."
            ))
