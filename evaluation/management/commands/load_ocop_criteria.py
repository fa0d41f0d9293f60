from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluation.sheets import criteria_sheet_load_file, shipped_sheet_files


class Command(BaseCommand):
    help = (
        "Load OCOP criteria sheets from JSON files (default: every sheet shipped in evaluation/criteria/). "
        "Idempotent: the same content makes nothing new; changed content becomes a new version."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Sheet files (JSON); none = the shipped sheets.")

    def handle(self, *args, **options):
        paths = options["files"] or shipped_sheet_files()
        verbose = options["verbosity"] >= 1
        failed = []
        for path in paths:
            if verbose:
                self.stdout.write(f"{path}: ", ending="")
                self.stdout.flush()
            try:
                result = criteria_sheet_load_file(
                    path=path, progress=(lambda part: self.stdout.write(f"{part} ", ending="")) if verbose else None
                )
            except FileNotFoundError:
                failed.append(str(path))
                self.stderr.write(f"{path}: no such file")
                continue
            except ValidationError as error:
                failed.append(str(path))
                self.stderr.write(f"{path}: refused")
                for message in error.messages:
                    self.stderr.write(f"  - {message}")
                continue
            if verbose:
                sheet = result.sheet
                if result.created:
                    self.stdout.write(self.style.SUCCESS(f"{sheet.code} v{sheet.version} loaded"))
                else:
                    self.stdout.write(f"{sheet.code} v{sheet.version} unchanged")
        if failed:
            raise CommandError(f"{len(failed)} sheet file(s) refused: {', '.join(failed)}")
